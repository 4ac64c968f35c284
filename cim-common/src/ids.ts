import { randomInt } from 'node:crypto';

/**
 * 64-bit ids that need no coordination: 41 bits of milliseconds, 10 bits of instance, 12 bits of
 * sequence (4,096 ids per millisecond per instance). Used for broadcast messages, which are never
 * stored and so take no id from the store. Returned as decimal strings.
 */
export class IdGenerator {
  private readonly instance: bigint;
  private lastMs = 0;
  private sequence = 0;

  constructor(instance: number = randomInt(1024), private readonly now: () => number = Date.now) {
    this.instance = BigInt(instance & 0x3ff);
  }

  next(): string {
    let ms = this.now();
    if (ms <= this.lastMs) {
      ms = this.lastMs;
      this.sequence = (this.sequence + 1) & 0xfff;
      // Sequence exhausted within one millisecond: borrow the next millisecond.
      if (this.sequence === 0) ms = ++this.lastMs;
    } else {
      this.sequence = 0;
      this.lastMs = ms;
    }
    return ((BigInt(ms) << 22n) | (this.instance << 12n) | BigInt(this.sequence)).toString();
  }
}
