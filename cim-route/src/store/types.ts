import type { GroupStore } from './groups/group-store.js';
import type { MessageStore } from './messages/message-store.js';
import type { RateLimitStore } from './rate-limits/rate-limit-store.js';
import type { ReceiptStore } from './receipts/receipt-store.js';
import type { ScheduleStore } from './schedule/schedule-store.js';
import type { SessionStore } from './sessions/session-store.js';
import type { UserStore } from './users/user-store.js';

export type { GroupOptions, GroupRecord, GroupStore, JoinOptions } from './groups/group-store.js';
export type {
  ConversationPage,
  MessageSave,
  MessageStore,
  MessageToSave,
  NewMessage,
  SavedMessage,
  StoredPart,
  SyncEntry,
  SyncPage,
} from './messages/message-store.js';
export type { RateLimitStore, RateRule, RateVerdict } from './rate-limits/rate-limit-store.js';
export type { ConversationState, ReceiptStore } from './receipts/receipt-store.js';
export type { ScheduledMessage, ScheduleStore } from './schedule/schedule-store.js';
export type { SessionMove, SessionRecord, SessionStore } from './sessions/session-store.js';
export type { UserRecord, UserStore } from './users/user-store.js';

/**
 * Everything the route keeps, by room: each room lives in its own folder with a memory and a
 * Redis half, and callers use the room they need (`store.users.getById(…)`). Redis in production,
 * memory for `cim up`; both pass the same contract suite (`contracts/store.contract.ts`). All
 * methods are safe to call from several route instances at once.
 */
export interface RouteStore {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly messages: MessageStore;
  readonly groups: GroupStore;
  readonly receipts: ReceiptStore;
  readonly schedule: ScheduleStore;
  readonly rateLimits: RateLimitStore;
  /** True when the backend answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** How long a message stays in sync streams; older cursors get CURSOR_EXPIRED. Default 7 days. */
  retentionMs?: number;
  /** Injected clock, for tests of retention. */
  now?: () => number;
}
