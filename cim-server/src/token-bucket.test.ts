import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('a token bucket', () => {
  it('gives its burst at once, then tokens at its rate, and says how long the next one takes', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.msUntilToken()).toBe(100);
    now = 50;
    expect(bucket.take()).toBe(false);
    expect(bucket.msUntilToken()).toBe(50);
    now = 100;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('saves up no more than its burst', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 2, () => now);
    now = 60_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });
});
