import type { ScriptDefinitions } from '../../redis/redis-scripts.js';

/** Scripts of read and delivery marks: values that only ever move up. */
export interface ReceiptScripts {
  raise(hash: string, field: string, value: string): Promise<string>;
}

export const receiptScripts: ScriptDefinitions<ReceiptScripts> = {
  /** KEYS: hash. ARGV: field, value. Raises the field to value if that is higher; returns the value before ("0"). */
  raise: {
    numberOfKeys: 1,
    lua: `
local previous = redis.call('HGET', KEYS[1], ARGV[1]) or '0'
if tonumber(ARGV[2]) > tonumber(previous) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return previous`,
  },
};
