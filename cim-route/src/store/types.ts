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
  /** The push server holding the device's connection (or, before it connects, the one it was sent to). */
  serverId: string;
  /** The connection on `serverId` that logged in with this session; absent before the first and after a drop. */
  connectionId?: string;
  /** When the session's connection closed (ms since epoch); absent while connected or never connected. */
  detachedAt?: number;
  createdAt: number;
  expiresAt: number;
}

/**
 * A change of the connection that holds a session. `attach`: a connection logged in with it; a
 * session detached before `endedIfDetachedBefore` (its grace ran out) is not current any more.
 * `detach`: the connection closed; only the session's current connection can detach it.
 */
export type SessionMove =
  | { attach: { serverId: string; connectionId: string }; endedIfDetachedBefore: number }
  | { detach: { connectionId: string }; at: number };

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

/** The stored message and the cursors of some of its recipients (see `saveMessageInParts`). */
export type StoredPart = Pick<SavedMessage, 'message' | 'cursors'>;

/** A save under way: yields parts as their stream entries are stored, then returns the answer. */
export type MessageSave = AsyncGenerator<StoredPart, SavedMessage, void>;

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
  /**
   * Throws CimError CIM_ERR_USER_EXISTS if the name is taken in any letter case (`Alice` and
   * `alice` are one name); the record keeps the spelling given here. User ids are "1", "2", …
   */
  createUser(userName: string, passwordHash: string): Promise<UserRecord>;
  /** The user with this name in any letter case. */
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
  /**
   * Applies `move` to the device's session, atomically, only while its sessionId is `sessionId` and
   * it has not expired. Returns the session after the move, or null when nothing moved (the session
   * ended, or a detach named a connection that no longer holds it).
   */
  moveSession(userId: string, deviceId: string, sessionId: string, move: SessionMove): Promise<SessionRecord | null>;
  /** User ids with at least one session, in a stable order, paged by an opaque numeric offset. */
  listOnlineUserIds(offset: number, limit: number): Promise<{ userIds: string[]; nextOffset: number | null }>;

  // --- messages ---
  /**
   * Assigns msgId, the next seq of the conversation and ts, stores the message, and appends it to
   * the sync stream of every recipient. A sender has read what it wrote: the sender's read seq of
   * the conversation moves up to the message. Idempotent on (fromUserId, clientMsgId).
   */
  saveMessage(message: NewMessage, recipientUserIds: string[]): Promise<SavedMessage>;
  /**
   * `saveMessage`, yielding as they are done which recipients' stream entries are stored (each
   * recipient once, all before it returns the answer), so the caller can push to a large group
   * while the rest is still being written. A retry that stores nothing new (`duplicate`) yields
   * nothing.
   */
  saveMessageInParts(message: NewMessage, recipientUserIds: string[]): MessageSave;
  /**
   * The user's stream after `after` (exclusive), oldest first, at most `limit` entries.
   * `{expired: true}` when entries after `after` were already dropped by retention, or point at a
   * message that was lost (an evicted or flushed key): a lost message cuts the stream there as
   * retention would, so it is reported, never skipped. Never expired for `after` = "0" (a device
   * with nothing yet gets everything still kept); everything still kept lies after everything
   * dropped, so a reader told its cursor expired misses nothing more by starting again from "0".
   */
  sync(userId: string, after: string, limit: number): Promise<SyncPage>;
  /** Highest cursor in the user's stream ("0" if empty). */
  latestCursor(userId: string): Promise<string>;

  // --- groups ---
  /**
   * Creates a group, private unless `options.public`; the owner is always a member; members are
   * deduplicated. New group ids are random 16-digit decimals (older groups keep "1", "2", …).
   */
  createGroup(ownerId: string, name: string, memberIds: string[], options?: GroupOptions): Promise<GroupRecord>;
  getGroup(groupId: string): Promise<GroupRecord | null>;
  /** Groups the user is a member of, by group id. */
  groupsOf(userId: string): Promise<GroupRecord[]>;
  /** Up to `limit` public groups with ids above `afterGroupId` (all when undefined), by numeric id. */
  publicGroups(afterGroupId: string | undefined, limit: number): Promise<GroupRecord[]>;
  /**
   * Adds members atomically. Throws CIM_ERR_NOT_FOUND if the group does not exist and
   * CIM_ERR_GROUP_FULL if it would have more than `maxMembers` (adding nobody in that case).
   */
  addGroupMembers(groupId: string, userIds: string[], maxMembers: number): Promise<GroupRecord>;
  /** Removes one member; returns the group after, or null if it does not exist. */
  removeGroupMember(groupId: string, userId: string): Promise<GroupRecord | null>;
  /** Deletes the group (its messages stay in history and sync streams). */
  deleteGroup(groupId: string): Promise<boolean>;

  // --- message state ---
  getMessage(msgId: string): Promise<ChatMessage | null>;
  /** Marks a stored message recalled and clears its body; returns it, or null if unknown. */
  markRecalled(msgId: string): Promise<ChatMessage | null>;
  /**
   * A conversation's messages with seq < `beforeSeq` (the newest when absent), newest first, at most
   * `limit`. With `keyword`, only messages whose body contains it (case-insensitive); the scan
   * looks at most `HISTORY_SCAN_LIMIT` messages back so a rare keyword cannot make it unbounded.
   */
  history(
    conversationId: string,
    options: { beforeSeq?: string; limit: number; keyword?: string },
  ): Promise<ChatMessage[]>;
  /** Records that `userId` read the conversation up to `seq` (never moves back); returns the read seq now. */
  markRead(userId: string, conversationId: string, seq: string): Promise<string>;
  /**
   * Conversations the user has received messages in (saveMessage's recipients), most recently
   * active first, with the last seq and the user's read seq — enough for unread counts.
   */
  conversationsOf(userId: string, limit: number): Promise<ConversationState[]>;
  /** Records the highest cursor a device acknowledged (never moves back); returns the previous one ("0"). */
  recordAck(userId: string, deviceId: string, cursor: string): Promise<string>;

  // --- delayed messages (survive route restarts) ---
  /** Schedules a message; false if (sender, clientMsgId) is already scheduled. */
  scheduleMessage(message: ScheduledMessage): Promise<boolean>;
  /** Scheduled messages with deliverAt <= now, soonest first, at most `limit`; not removed. */
  dueMessages(now: number, limit: number): Promise<ScheduledMessage[]>;
  /** Removes a scheduled message once it was sent (idempotent). */
  removeScheduled(senderId: string, clientMsgId: string): Promise<void>;

  // --- abuse limits (shared by every route instance on the store) ---
  /**
   * Takes `cost` tokens from the token bucket `bucket` under `rule`, atomically: allowed only when
   * that many are there. A negative cost gives tokens back (never beyond the burst), always allowed.
   */
  takeTokens(bucket: string, rule: RateRule, cost?: number): Promise<RateVerdict>;

  /** True when the backend answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface GroupRecord {
  groupId: string;
  name: string;
  ownerId: string;
  /** Sorted by numeric user id. */
  memberIds: string[];
  createdAt: number;
  /** Anyone may find and join a public group; a private one only lets in those a member adds. */
  public: boolean;
}

export interface GroupOptions {
  public?: boolean;
}

export interface ConversationState {
  conversationId: string;
  lastSeq: string;
  /** "0" when never marked read. */
  readSeq: string;
}

export interface ScheduledMessage {
  senderId: string;
  senderName: string;
  to: ChatMessage['to'];
  body: string;
  clientMsgId: string;
  /** ms since epoch */
  deliverAt: number;
}

/** A token bucket: at most `burst` tokens, refilled at `perSecond`. */
export interface RateRule {
  burst: number;
  perSecond: number;
}

export interface RateVerdict {
  allowed: boolean;
  /** When refused: how long until the tokens asked for are there (0 when allowed). */
  retryAfterMs: number;
}

export interface StoreOptions {
  /** How long a message stays in sync streams; older cursors get CURSOR_EXPIRED. Default 7 days. */
  retentionMs?: number;
  /** Injected clock, for tests of retention. */
  now?: () => number;
}
