import type { ScriptDefinitions } from '../../redis/redis-scripts.js';

/** Scripts of the shared token buckets. */
export interface TokenBucketScripts {
  /** [1, 0] when taken, [0, ms to wait] when not. */
  takeTokens(bucket: string, burst: number, perMs: number, cost: number, now: number): Promise<[number, number]>;
  /** One token from each bucket in turn: per bucket, ms to wait (-1 when taken). */
  takeOneEach(buckets: string[], burst: number, perMs: number, now: number): Promise<number[]>;
}

/**
 * A token bucket (the same arithmetic as memory-token-buckets.ts): takes `cost` tokens (a negative
 * cost gives them back) and returns 0, or returns the ms until there are enough. The key lives
 * until the bucket is full again.
 */
const TAKE = `
local function take(key, burst, perMs, cost, now)
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens, at = burst, now
  if state[1] then
    at = math.max(now, tonumber(state[2]))
    tokens = math.min(burst, tonumber(state[1]) + (at - tonumber(state[2])) * perMs)
  end
  if cost > 0 and tokens < cost then return math.ceil((cost - tokens) / perMs) end
  tokens = math.min(burst, tokens - cost)
  redis.call('HSET', key, 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', at))
  redis.call('PEXPIRE', key, math.max(1, math.ceil((burst - tokens) / perMs)))
  return 0
end`;

export const tokenBucketScripts: ScriptDefinitions<TokenBucketScripts> = {
  /** KEYS: bucket. ARGV: burst, tokens per ms, cost, now. {1, 0} when taken, else {0, ms to wait} (see TAKE). */
  takeTokens: {
    numberOfKeys: 1,
    lua: `${TAKE}
local wait = take(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]))
if wait > 0 then return {0, wait} end
return {1, 0}`,
  },
  /**
   * KEYS: buckets, all in one slot (one may repeat). ARGV: burst, tokens per ms, now. One token
   * from each in turn; returns per bucket -1 when taken, else the ms to wait.
   */
  takeOneEach: {
    lua: `${TAKE}
local waits = {}
for i = 1, #KEYS do
  local wait = take(KEYS[i], tonumber(ARGV[1]), tonumber(ARGV[2]), 1, tonumber(ARGV[3]))
  if wait > 0 then waits[i] = wait else waits[i] = -1 end
end
return waits`,
  },
};
