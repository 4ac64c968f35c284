/**
 * The route's store, one room per concern, each with the records and the part of `RouteStore` it
 * answers for (`<room>/<room>-store.ts`), a `memory/` half and a `redis/` half with its Lua
 * scripts beside it:
 *
 * - users/        accounts and the name index
 * - sessions/     logged-in devices and the online list
 * - messages/     ids, seqs, sync streams, history
 * - groups/       groups and their members
 * - receipts/     read seqs and delivery marks
 * - schedule/     delayed messages
 * - rate-limits/  token buckets of the abuse limits
 *
 * `MemoryStore` and `RedisStore` assemble the rooms into one `RouteStore`; callers use the room
 * they need (`store.messages.save(…)`), nothing forwards.  * redis/ holds what the Redis halves share (connection, key layout, script binding, outage
 * errors), shared/ what every half may use. contracts/ is the suite both stores must pass (tests only).
 */
import { MemoryStore } from './memory-store.js';
import { RedisStore } from './redis-store.js';
import type { RouteStore, StoreOptions } from './types.js';

export { MemoryStore } from './memory-store.js';
export { RedisStore, type RedisStoreOptions } from './redis-store.js';
export type { RedisClient } from './redis/redis-scripts.js';
export { DEFAULT_RETENTION_MS, HISTORY_SCAN_LIMIT } from './defaults.js';
export { saveMessage } from './messages/finish-save.js';
export type * from './types.js';

export interface CreateStoreOptions extends StoreOptions {
  /** Use Redis at this URL; without one (or with an empty one) the store lives in this process's memory. */
  redisUrl?: string;
  /** Redis key prefix (default `cim:`); ignored by the memory store. */
  prefix?: string;
}

/** The store `cim up` and `cim route` run on: Redis when given a URL, memory otherwise. */
export function createStore(options: CreateStoreOptions = {}): RouteStore {
  const { redisUrl, prefix, ...storeOptions } = options;
  return redisUrl ? new RedisStore({ redis: redisUrl, prefix, ...storeOptions }) : new MemoryStore(storeOptions);
}
