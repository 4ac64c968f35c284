/**
 * Hands out message ids from blocks reserved with one counter increment each, so a save does not
 * pay a round trip for its id. Ids stay unique across route instances (each reserves its own
 * blocks) but are not in time order between them; nothing orders by msgId (conversations order by
 * seq, streams by cursor). A block a stopping route did not use up leaves a gap.
 */
export class MsgIdBlocks {
  private next = 0;
  private end = 0;
  private refill: Promise<void> | null = null;

  /** `reserve(n)` adds n to the shared counter and returns its new value. */
  constructor(
    private readonly reserve: (count: number) => Promise<number>,
    private readonly blockSize = 100,
  ) {}

  async take(): Promise<string> {
    while (this.next >= this.end) {
      this.refill ??= this.reserve(this.blockSize).then(
        (last) => {
          this.refill = null;
          this.next = last - this.blockSize + 1;
          this.end = last + 1;
        },
        (err: unknown) => {
          this.refill = null;
          throw err;
        },
      );
      await this.refill;
    }
    return String(this.next++);
  }
}
