import type { RateLimitStore } from '../rate-limit-store.js';
import type { RedisKeys } from '../../redis/redis-keys.js';
import type { RateRule, RateVerdict } from '../../types.js';
import type { TokenBucketScripts } from './token-bucket-scripts.js';

/** Token buckets in Redis, one hash per bucket, shared by every route instance on the store. */
export class RedisTokenBuckets implements RateLimitStore {
  constructor(
    private readonly keys: RedisKeys,
    private readonly scripts: TokenBucketScripts,
    private readonly now: () => number,
  ) {}

  async take(bucket: string, rule: RateRule, cost = 1): Promise<RateVerdict> {
    const perMs = rule.perSecond / 1000;
    const [taken, waitMs] = await this.scripts.takeTokens(
      this.keys.tokenBucket(bucket),
      rule.burst,
      perMs,
      cost,
      this.now(),
    );
    return { allowed: taken === 1, retryAfterMs: waitMs };
  }
}
