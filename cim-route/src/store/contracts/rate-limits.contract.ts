import { describe, expect, it } from 'vitest';
import type { ContractContext } from './contract-context.js';
import type { RateRule } from '../types.js';

/** The token buckets behind the abuse limits: atomic, refilled by the clock, one per bucket name. */
export function describeRateLimitContract({ openStore, advance }: ContractContext): void {
  describe('rate limits', () => {
    const fivePerMinute: RateRule = { burst: 5, perSecond: 5 / 60 };

    it('allows the burst, then refuses with the wait until the next token', async () => {
      const store = await openStore();
      for (let i = 0; i < 5; i++)
        expect(await store.rateLimits.take('login:1.2.3.4', fivePerMinute)).toEqual({ allowed: true, retryAfterMs: 0 });
      expect(await store.rateLimits.take('login:1.2.3.4', fivePerMinute)).toEqual({
        allowed: false,
        retryAfterMs: 12_000,
      });
      advance(9_000);
      expect(await store.rateLimits.take('login:1.2.3.4', fivePerMinute)).toEqual({
        allowed: false,
        retryAfterMs: 3_000,
      });
      advance(3_000);
      expect((await store.rateLimits.take('login:1.2.3.4', fivePerMinute)).allowed).toBe(true);
      expect((await store.rateLimits.take('login:1.2.3.4', fivePerMinute)).allowed).toBe(false);
    });

    it('keeps each bucket apart', async () => {
      const store = await openStore();
      for (let i = 0; i < 5; i++) await store.rateLimits.take('a', fivePerMinute);
      expect((await store.rateLimits.take('a', fivePerMinute)).allowed).toBe(false);
      expect((await store.rateLimits.take('b', fivePerMinute)).allowed).toBe(true);
    });

    it('refills to the burst and no further', async () => {
      const store = await openStore();
      for (let i = 0; i < 5; i++) await store.rateLimits.take('a', fivePerMinute);
      advance(60 * 60_000);
      const verdicts = [];
      for (let i = 0; i < 6; i++) verdicts.push((await store.rateLimits.take('a', fivePerMinute)).allowed);
      expect(verdicts).toEqual([true, true, true, true, true, false]);
    });

    it('takes back given tokens, up to the burst, with a negative cost', async () => {
      const store = await openStore();
      for (let i = 0; i < 5; i++) await store.rateLimits.take('a', fivePerMinute);
      expect(await store.rateLimits.take('a', fivePerMinute, -1)).toEqual({ allowed: true, retryAfterMs: 0 });
      expect((await store.rateLimits.take('a', fivePerMinute)).allowed).toBe(true);
      expect((await store.rateLimits.take('a', fivePerMinute)).allowed).toBe(false);
      for (let i = 0; i < 10; i++) await store.rateLimits.take('b', fivePerMinute, -1);
      const allowed = [];
      for (let i = 0; i < 6; i++) allowed.push((await store.rateLimits.take('b', fivePerMinute)).allowed);
      expect(allowed).toEqual([true, true, true, true, true, false]);
    });

    it('lets exactly the burst through when many take at once', async () => {
      const store = await openStore();
      const verdicts = await Promise.all(Array.from({ length: 20 }, () => store.rateLimits.take('a', fivePerMinute)));
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    });

    it('keeps fractions of a token across calls', async () => {
      const store = await openStore();
      const twentyPerSecond: RateRule = { burst: 2, perSecond: 20 };
      await store.rateLimits.take('a', twentyPerSecond, 2);
      advance(25);
      expect(await store.rateLimits.take('a', twentyPerSecond)).toEqual({ allowed: false, retryAfterMs: 25 });
      advance(25);
      expect((await store.rateLimits.take('a', twentyPerSecond)).allowed).toBe(true);
    });

    it('takes one token from each bucket of a batch in order, as single takes would', async () => {
      const store = await openStore();
      await store.rateLimits.take('a', fivePerMinute, 3);
      const verdicts = await store.rateLimits.takeOneEach(['a', 'b', 'a', 'a', 'b'], fivePerMinute);
      expect(verdicts).toEqual([
        { allowed: true, retryAfterMs: 0 },
        { allowed: true, retryAfterMs: 0 },
        { allowed: true, retryAfterMs: 0 },
        { allowed: false, retryAfterMs: 12_000 },
        { allowed: true, retryAfterMs: 0 },
      ]);
      expect((await store.rateLimits.take('a', fivePerMinute)).allowed).toBe(false);
      expect((await store.rateLimits.take('b', fivePerMinute, 3)).allowed).toBe(true);
      expect((await store.rateLimits.take('b', fivePerMinute)).allowed).toBe(false);
    });

    it('lets exactly the burst through when batches race for one bucket', async () => {
      const store = await openStore();
      const batches = await Promise.all(
        Array.from({ length: 4 }, (_, i) => store.rateLimits.takeOneEach(['a', 'a', 'a', `own${i}`], fivePerMinute)),
      );
      expect(batches.flat().filter((v) => v.allowed)).toHaveLength(5 + 4);
      for (const batch of batches) expect(batch[3].allowed).toBe(true);
    });
  });
}
