/**
 * Gathers the calls made within one turn of the event loop and hands them to `handle` together,
 * right after that turn (setImmediate, never a timer: a lone call waits for nothing). `handle`
 * answers every item in order; if it throws, every item of its batch fails with that error.
 */
export class TurnBatch<Item, Answer> {
  private pending: { item: Item; resolve: (answer: Answer) => void; reject: (reason: unknown) => void }[] = [];

  constructor(private readonly handle: (items: Item[]) => Promise<PromiseSettledResult<Answer>[]>) {}

  add(item: Item): Promise<Answer> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ item, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const results = await this.handle(batch.map((p) => p.item));
      batch.forEach((p, i) => {
        const result = results[i];
        if (result.status === 'fulfilled') p.resolve(result.value);
        else p.reject(result.reason);
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
