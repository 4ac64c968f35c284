import type { ScriptDefinitions } from '../../redis/redis-scripts.js';

/** Scripts of the delayed-message queue (a sorted set of keys by due time, a hash of their JSON). */
export interface ScheduleScripts {
  schedule(queue: string, messages: string, key: string, deliverAt: number, json: string): Promise<number>;
  dueScheduled(queue: string, messages: string, now: number, count: number): Promise<(string | null)[]>;
  unschedule(queue: string, messages: string, key: string): Promise<null>;
}

export const scheduleScripts: ScriptDefinitions<ScheduleScripts> = {
  /** KEYS: queue, messages. ARGV: key, deliverAt, JSON. Returns 0 if the key is already scheduled, else 1. */
  schedule: {
    numberOfKeys: 2,
    lua: `
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[3]) == 0 then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
return 1`,
  },
  /** KEYS: queue, messages. ARGV: now, count. JSON of up to count messages due by now, soonest first. */
  dueScheduled: {
    numberOfKeys: 2,
    lua: `
local due = {}
for i, key in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))) do
  due[i] = redis.call('HGET', KEYS[2], key)
end
return due`,
  },
  /** KEYS: queue, messages. ARGV: key. */
  unschedule: {
    numberOfKeys: 2,
    lua: `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])`,
  },
};
