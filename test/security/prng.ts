/**
 * A small seeded PRNG (mulberry32) for fuzz loops: a fixed seed gives the same cases on every run,
 * so a failure names its seed and iteration and can be replayed.
 */
export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  bytes(length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    for (let i = 0; i < length; i++) out[i] = this.int(0, 255);
    return out;
  }

  /** A string of `length` characters drawn from ASCII, Latin-1, CJK, emoji and control characters. */
  string(length: number): string {
    const pools = ['abcXYZ019 _-.:/', 'éüßñ€', '中文字符', '😀🎉', '\u0000\u0001\n\t"\\\u2028'];
    let s = '';
    for (let i = 0; i < length; i++) {
      const pool = this.pick(pools);
      s += [...pool][this.int(0, [...pool].length - 1)];
    }
    return s;
  }

  /** A decimal id string (1–20 digits, no leading zero). */
  decimal(maxDigits = 19): string {
    const digits = this.int(1, maxDigits);
    let s = String(this.int(1, 9));
    for (let i = 1; i < digits; i++) s += String(this.int(0, 9));
    return s;
  }

  /** Cuts `buffer` into chunks at random points (chunks of 1..maxChunk bytes). */
  split(buffer: Buffer, maxChunk: number): Buffer[] {
    const chunks: Buffer[] = [];
    for (let offset = 0; offset < buffer.length;) {
      const size = Math.min(buffer.length - offset, this.int(1, maxChunk));
      chunks.push(buffer.subarray(offset, offset + size));
      offset += size;
    }
    return chunks;
  }
}
