import type { ChatMessage } from '@cim/common';

export interface UserRecord {
  userId: string;
  userName: string;
  /** `scrypt$<saltBase64>$<hashBase64>`; never logged, never returned by the API. */
  passwordHash: string;
  createdAt: number;
}

/** One logged-in device of a user. At most one per (userId, deviceId). */
export interface SessionRecord {
  userId: string;
  userName: string;
  deviceId: string;
  sessionId: string;
  /** The push server the device was sent to. */
  serverId: string;
  createdAt: number;
  expiresAt: number;
}

/** A message to store, before it has an id, a seq and a timestamp. */
export interface NewMessage {
  conversationId: string;
  fromUserId: string;
  fromUserName: string;
  to: ChatMessage['to'];
  body: string;
  clientMsgId: string;
}

export interface SavedMessage {
  message: ChatMessage;
  /** Sync cursor of the message in each recipient's stream (userId → cursor). */
  cursors: Record<string, string>;
  /** True when `clientMsgId` had been used before: nothing new was stored, this is the first answer. */
  duplicate: boolean;
}

export interface SyncEntry {
  cursor: string;
  message: ChatMessage;
}

export type SyncPage = { expired: false; entries: SyncEntry[]; hasMore: boolean } | { expired: true };

/**
 * Everything the route keeps. Redis in production, memory for `cim up`; both pass the same
 * contract suite (`store.contract.ts`). All methods are safe to call from several route instances
 * at once.
 */
export interface RouteStore {
  // --- accounts ---
  /** Throws CimError CIM_ERR_USER_EXISTS if the name is taken. User ids are "1", "2", … */
  createUser(userName: string, passwordHash: string): Promise<UserRecord>;
  getUserByName(userName: string): Promise<UserRecord | null>;
  getUserById(userId: string): Promise<UserRecord | null>;
  /** Same order as `userIds`; null where a user does not exist. */
  getUsersByIds(userIds: string[]): Promise<(UserRecord | null)[]>;
  /** Users whose name starts with `prefix`, sorted by name, at most `limit`. */
  findUsersByPrefix(prefix: string, limit: number): Promise<UserRecord[]>;

  // --- sessions and routes ---
  /** Stores the session, replacing the one of the same (userId, deviceId); returns the replaced one. */
  putSession(session: SessionRecord): Promise<SessionRecord | null>;
  getSession(userId: string, deviceId: string): Promise<SessionRecord | null>;
  /** Unexpired sessions of each user (userId → sessions; users without sessions map to []). */
  getSessionsOf(userIds: string[]): Promise<Map<string, SessionRecord[]>>;
  /**
   * Removes the session of (userId, deviceId) only if its sessionId is still `sessionId`, so a
   * late "connection closed" never removes a newer login. Returns whether it removed it.
   */
  removeSessionIf(userId: string, deviceId: string, sessionId: string): Promise<boolean>;
  /** User ids with at least one session, in a stable order, paged by an opaque numeric offset. */
  listOnlineUserIds(offset: number, limit: number): Promise<{ userIds: string[]; nextOffset: number | null }>;

  // --- messages ---
  /**
   * Assigns msgId, the next seq of the conversation and ts, stores the message, and appends it to
   * the sync stream of every recipient. Idempotent on (fromUserId, clientMsgId).
   */
  saveMessage(message: NewMessage, recipientUserIds: string[]): Promise<SavedMessage>;
  /**
   * The user's stream after `after` (exclusive), oldest first, at most `limit` entries.
   * `{expired: true}` when entries after `after` were already dropped by retention.
   */
  sync(userId: string, after: string, limit: number): Promise<SyncPage>;
  /** Highest cursor in the user's stream ("0" if empty). */
  latestCursor(userId: string): Promise<string>;

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
