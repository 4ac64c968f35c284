import { MemoryStore } from './memory-store.js';
import { RedisStore } from './redis-store.js';
import type { RouteStore, StoreOptions } from './types.js';

export { MemoryStore } from './memory-store.js';
export { RedisStore, type RedisStoreOptions } from './redis-store.js';
export type { RedisClient } from './redis/redis-scripts.js';
export { DEFAULT_RETENTION_MS, HISTORY_SCAN_LIMIT } from './defaults.js';
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
