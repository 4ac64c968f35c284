/**
 * Lines typed before, walked with up/down like a shell: up goes back, down comes forward and,
 * past the newest, returns the line that was being typed when the walk began.
 */
export class InputHistory {
  private readonly entries: string[] = [];
  /** Position while walking; equal to entries.length when not walking. */
  private position = 0;
  private draft = '';

  constructor(private readonly limit = 500) {}

  /** Records a submitted line (blank lines and immediate repeats are not kept) and ends any walk. */
  add(line: string): void {
    if (line.trim() && this.entries[this.entries.length - 1] !== line) {
      this.entries.push(line);
      if (this.entries.length > this.limit) this.entries.shift();
    }
    this.position = this.entries.length;
    this.draft = '';
  }

  /** The older line, or undefined at the oldest. `current` is what the input holds now. */
  previous(current: string): string | undefined {
    if (this.position === 0) return undefined;
    if (this.position === this.entries.length) this.draft = current;
    return this.entries[--this.position];
  }

  /** The newer line, the draft past the newest, or undefined when not walking. */
  next(): string | undefined {
    if (this.position >= this.entries.length) return undefined;
    this.position++;
    return this.position === this.entries.length ? this.draft : this.entries[this.position];
  }
}
