import { TokenBucket } from '@cim/common';

/**
 * Token buckets per key (user): `ratePerSec` tokens a second, at most `burst` saved up.
 * Per route instance; buckets idle long enough to be full again are forgotten.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; false means the caller is over its rate. */
  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= 100_000) this.forgetFull();
      bucket = new TokenBucket(this.ratePerSec, this.burst, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }

  private forgetFull(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
  }
}
