import { DEFAULT_RETENTION_MS } from './defaults.js';
import { MemoryGroups } from './groups/memory/memory-groups.js';
import { MemoryMessageLog } from './messages/memory/memory-message-log.js';
import { MemoryTokenBuckets } from './rate-limits/memory/memory-token-buckets.js';
import { MemoryReceipts } from './receipts/memory/memory-receipts.js';
import { MemorySchedule } from './schedule/memory/memory-schedule.js';
import { MemorySessions } from './sessions/memory/memory-sessions.js';
import type { RouteStore, StoreOptions } from './types.js';
import { MemoryUsers } from './users/memory/memory-users.js';

/**
 * The embedded store of `cim up`: everything in this process's memory, gone when it exits. Same
 * semantics as the Redis store (one contract suite covers both), each call does work bounded by the
 * size of its answer, and messages leave the sync streams after the retention. Records are copied
 * in and out, so callers can never change stored state by mutating what they hold.
 */
export class MemoryStore implements RouteStore {
  readonly users: MemoryUsers;
  readonly sessions: MemorySessions;
  readonly messages: MemoryMessageLog;
  readonly groups: MemoryGroups;
  readonly receipts: MemoryReceipts;
  readonly schedule = new MemorySchedule();
  readonly rateLimits: MemoryTokenBuckets;

  constructor(options: StoreOptions = {}) {
    const now = options.now ?? Date.now;
    this.users = new MemoryUsers(now);
    this.sessions = new MemorySessions(now);
    this.messages = new MemoryMessageLog(options.retentionMs ?? DEFAULT_RETENTION_MS, now, (message) =>
      this.receipts.markSent(message.fromUserId, message.conversationId, message.seq),
    );
    this.groups = new MemoryGroups(now);
    this.receipts = new MemoryReceipts(this.messages);
    this.rateLimits = new MemoryTokenBuckets(now);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
