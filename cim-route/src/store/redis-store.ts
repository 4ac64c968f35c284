import { DEFAULT_RETENTION_MS } from './defaults.js';
import { groupScripts } from './groups/redis/group-scripts.js';
import { RedisGroups } from './groups/redis/redis-groups.js';
import { messageScripts, type MessageScripts } from './messages/redis/message-scripts.js';
import { RedisMessageLog } from './messages/redis/redis-message-log.js';
import { RedisTokenBuckets } from './rate-limits/redis/redis-token-buckets.js';
import { tokenBucketScripts } from './rate-limits/redis/token-bucket-scripts.js';
import { receiptScripts, type ReceiptScripts } from './receipts/redis/receipt-scripts.js';
import { RedisReceipts } from './receipts/redis/redis-receipts.js';
import { connect } from './redis/redis-connection.js';
import { RedisKeys } from './redis/redis-keys.js';
import { bindScripts, type RedisClient } from './redis/redis-scripts.js';
import { unavailableOnFailure } from './redis/unavailable-on-failure.js';
import { RedisSchedule } from './schedule/redis/redis-schedule.js';
import { scheduleScripts } from './schedule/redis/schedule-scripts.js';
import { RedisSessions } from './sessions/redis/redis-sessions.js';
import { sessionScripts } from './sessions/redis/session-scripts.js';
import type { RouteStore, StoreOptions } from './types.js';
import { RedisUsers } from './users/redis/redis-users.js';

export interface RedisStoreOptions extends StoreOptions {
  /**
   * A `redis://` URL, for which the store opens (and on `close()` closes) its own auto-pipelined
   * connection; or a `Redis` / `Cluster` client that stays the caller's to configure and close.
   */
  redis: string | RedisClient;
  /** Put before every key, so several systems or test runs can share one Redis. Default `cim:`. */
  prefix?: string;
}

const PING_TIMEOUT_MS = 1000;

/**
 * The production store: every route instance shares it, and every operation is safe to run from
 * several instances at once. Each concern is a room with its Redis half and the Lua scripts
 * beside it (users/, sessions/, messages/, groups/, receipts/, schedule/, rate-limits/); the key
 * layout and cluster slots are in redis/redis-keys.ts. A command Redis never answered fails as
 * CIM_ERR_UNAVAILABLE (redis/unavailable-on-failure.ts).
 */
export class RedisStore implements RouteStore {
  readonly users: RedisUsers;
  readonly sessions: RedisSessions;
  readonly messages: RedisMessageLog;
  readonly groups: RedisGroups;
  readonly receipts: RedisReceipts;
  readonly schedule: RedisSchedule;
  readonly rateLimits: RedisTokenBuckets;
  private readonly client: RedisClient;
  private readonly ownsClient: boolean;

  constructor(options: RedisStoreOptions) {
    this.ownsClient = typeof options.redis === 'string';
    const client = unavailableOnFailure(typeof options.redis === 'string' ? connect(options.redis) : options.redis);
    const keys = new RedisKeys(options.prefix ?? 'cim:');
    const now = options.now ?? Date.now;
    this.client = client;
    this.users = new RedisUsers(client, keys, now);
    this.sessions = new RedisSessions(client, keys, bindScripts(client, sessionScripts), now);
    this.messages = new RedisMessageLog(
      client,
      keys,
      bindScripts<MessageScripts & ReceiptScripts>(client, { ...messageScripts, ...receiptScripts }),
      options.retentionMs ?? DEFAULT_RETENTION_MS,
      now,
    );
    this.groups = new RedisGroups(client, keys, bindScripts(client, groupScripts), now);
    this.receipts = new RedisReceipts(client, keys, bindScripts(client, receiptScripts));
    this.schedule = new RedisSchedule(keys, bindScripts(client, scheduleScripts));
    this.rateLimits = new RedisTokenBuckets(client, keys, bindScripts(client, tokenBucketScripts), now);
  }

  async ping(): Promise<boolean> {
    // Before the first connect ioredis queues the PING, so a starting store answers within the timeout.
    if (this.client.status === 'end' || this.client.status === 'close') return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), PING_TIMEOUT_MS);
    });
    try {
      return (await Promise.race([this.client.ping(), timeout])) === 'PONG';
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.ownsClient && this.client.status !== 'end') await this.client.quit();
  }
}
