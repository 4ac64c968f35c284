/**
 * Numbers that only ever grow, per key: the memory store's read seqs and acknowledged cursors.
 * A late or repeated report can then never move a mark back.
 */
export class HighWaterMarks {
  private readonly marks = new Map<string, number>();

  get(key: string): number {
    return this.marks.get(key) ?? 0;
  }

  /** Raises the mark to `value` if that is higher; returns the mark it had before. */
  raise(key: string, value: number): number {
    const previous = this.get(key);
    if (value > previous) this.marks.set(key, value);
    return previous;
  }
}
