/** How a batch handler answers one item before the whole batch is done. */
export type AnswerOne<Answer> = (index: number, result: PromiseSettledResult<Answer>) => void;

/**
 * Gathers the calls made within one turn of the event loop and hands them to `handle` together,
 * right after that turn (setImmediate, never a timer: a lone call waits for nothing). `handle`
 * answers every item in order; it may answer some earlier through `answerOne` (an item answered
 * twice keeps its first answer). If it throws, every item not yet answered fails with that error.
 */
export class TurnBatch<Item, Answer> {
  private pending: { item: Item; resolve: (answer: Answer) => void; reject: (reason: unknown) => void }[] = [];

  constructor(
    private readonly handle: (items: Item[], answerOne: AnswerOne<Answer>) => Promise<PromiseSettledResult<Answer>[]>,
  ) {}

  add(item: Item): Promise<Answer> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ item, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const answered = new Array<boolean>(batch.length).fill(false);
    const answerOne: AnswerOne<Answer> = (index, result) => {
      if (answered[index]) return;
      answered[index] = true;
      if (result.status === 'fulfilled') batch[index].resolve(result.value);
      else batch[index].reject(result.reason);
    };
    try {
      const results = await this.handle(
        batch.map((p) => p.item),
        answerOne,
      );
      results.forEach((result, i) => answerOne(i, result));
    } catch (reason) {
      batch.forEach((_, i) => answerOne(i, { status: 'rejected', reason }));
    }
  }
}
