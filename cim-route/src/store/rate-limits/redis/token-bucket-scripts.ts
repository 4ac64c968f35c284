import type { ScriptDefinitions } from '../../redis/redis-scripts.js';

/** Scripts of the shared token buckets. */
export interface TokenBucketScripts {
  /** [1, 0] when taken, [0, ms to wait] when not. */
  takeTokens(bucket: string, burst: number, perMs: number, cost: number, now: number): Promise<[number, number]>;
}

export const tokenBucketScripts: ScriptDefinitions<TokenBucketScripts> = {
  /**
   * KEYS: bucket. ARGV: burst, tokens per ms, cost, now. A token bucket (the same arithmetic as
   * memory-token-buckets.ts): returns {1, 0} when it took `cost` tokens (a negative cost gives
   * them back), else {0, ms until there are enough}. The key lives until the bucket is full again.
   */
  takeTokens: {
    numberOfKeys: 1,
    lua: `
local burst, perMs, cost, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens, at = burst, now
if state[1] then
  at = math.max(now, tonumber(state[2]))
  tokens = math.min(burst, tonumber(state[1]) + (at - tonumber(state[2])) * perMs)
end
if cost > 0 and tokens < cost then return {0, math.ceil((cost - tokens) / perMs)} end
tokens = math.min(burst, tokens - cost)
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', at))
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((burst - tokens) / perMs)))
return {1, 0}`,
  },
};
