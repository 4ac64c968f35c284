import type { RateLimitStore } from '../rate-limit-store.js';
import type { RateRule, RateVerdict } from '../../types.js';

/** Above this many buckets, the ones full again are forgotten (a full bucket is the same as none). */
const FORGET_ABOVE = 100_000;

/**
 * Token buckets in this process's memory: the embedded store's half of `RateLimitStore`.
 * The Redis store runs the same arithmetic in a script (token-bucket-scripts.ts).
 */
export class MemoryTokenBuckets implements RateLimitStore {
  private readonly buckets = new Map<string, { tokens: number; at: number; fullAfterMs: number }>();

  constructor(private readonly now: () => number) {}

  async take(bucket: string, rule: RateRule, cost = 1): Promise<RateVerdict> {
    const now = this.now();
    const perMs = rule.perSecond / 1000;
    const state = this.buckets.get(bucket);
    // A clock behind the last update refills nothing rather than draining the bucket.
    const at = Math.max(now, state?.at ?? now);
    const tokens = state ? Math.min(rule.burst, state.tokens + (at - state.at) * perMs) : rule.burst;
    if (cost > 0 && tokens < cost) {
      return { allowed: false, retryAfterMs: Math.ceil((cost - tokens) / perMs) };
    }
    const left = Math.min(rule.burst, tokens - cost);
    this.buckets.set(bucket, { tokens: left, at, fullAfterMs: (rule.burst - left) / perMs });
    if (this.buckets.size > FORGET_ABOVE) this.forgetFull(now);
    return { allowed: true, retryAfterMs: 0 };
  }

  takeOneEach(buckets: string[], rule: RateRule): Promise<RateVerdict[]> {
    return Promise.all(buckets.map((bucket) => this.take(bucket, rule, 1)));
  }

  private forgetFull(now: number): void {
    for (const [key, state] of this.buckets) if (now - state.at >= state.fullAfterMs) this.buckets.delete(key);
  }
}
