import { scriptBatches } from '../../redis/redis-batches.js';
import type { RateLimitStore } from '../rate-limit-store.js';
import type { RedisKeys } from '../../redis/redis-keys.js';
import type { RedisClient } from '../../redis/redis-scripts.js';
import type { RateRule, RateVerdict } from '../../types.js';
import type { TokenBucketScripts } from './token-bucket-scripts.js';

/** Buckets one script call takes from, at most, so that no call holds Redis up for long. */
const TAKE_BATCH = 1000;

/** Token buckets in Redis, one hash per bucket, shared by every route instance on the store. */
export class RedisTokenBuckets implements RateLimitStore {
  constructor(
    private readonly client: RedisClient,
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

  /** One token from each bucket, in order: one script call per cluster slot and batch. */
  async takeOneEach(buckets: string[], rule: RateRule): Promise<RateVerdict[]> {
    const perMs = rule.perSecond / 1000;
    const now = this.now();
    const indexes = buckets.map((_, i) => i);
    const batches = scriptBatches(this.client, indexes, (i) => this.keys.tokenBucket(buckets[i]), TAKE_BATCH);
    const verdicts: RateVerdict[] = new Array<RateVerdict>(buckets.length);
    await Promise.all(
      batches.map(async (batch) => {
        const keys = batch.map((i) => this.keys.tokenBucket(buckets[i]));
        const waits = await this.scripts.takeOneEach(keys, rule.burst, perMs, now);
        batch.forEach((bucketIndex, j) => {
          verdicts[bucketIndex] =
            waits[j] < 0 ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: waits[j] };
        });
      }),
    );
    return verdicts;
  }
}
