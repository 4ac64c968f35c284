import type { ChatMessage } from '@cim/common';
import { parseCursor } from './shared/cursor.js';
import { DEFAULT_RETENTION_MS } from './defaults.js';
import type { HistoryOptions } from './messages/history-query.js';
import { HighWaterMarks } from './shared/high-water-marks.js';
import { MemoryGroups } from './groups/memory/memory-groups.js';
import { MemoryMessageLog } from './messages/memory/memory-message-log.js';
import { MemorySchedule } from './schedule/memory/memory-schedule.js';
import { MemoryTokenBuckets } from './rate-limits/memory/memory-token-buckets.js';
import { byDeviceId } from './sessions/session-order.js';
import { SortedStrings } from './shared/sorted-strings.js';
import type {
  ConversationState,
  GroupOptions,
  GroupRecord,
  NewMessage,
  RateRule,
  RateVerdict,
  RouteStore,
  SavedMessage,
  ScheduledMessage,
  SessionMove,
  SessionRecord,
  StoredPart,
  StoreOptions,
  SyncPage,
  UserRecord,
} from './types.js';
import { foldUserName, nameTaken } from './users/user-names.js';
import { parseDecimal, requireLimit, requireOffset } from './shared/validate.js';

/**
 * The embedded store of `cim up`: everything in this process's memory, gone when it exits. Same
 * semantics as the Redis store (one contract suite covers both), each call does work bounded by the
 * size of its answer, and messages leave the sync streams after the retention. Records are copied
 * in and out, so callers can never change stored state by mutating what they hold.
 */
export class MemoryStore implements RouteStore {
  private readonly now: () => number;
  private readonly usersById = new Map<string, UserRecord>();
  /** Folded name (see foldUserName) → userId. */
  private readonly userIdByName = new Map<string, string>();
  private readonly names = new SortedStrings();
  private lastUserId = 0;
  /** userId → deviceId → session. A user is in `online` exactly when they have an entry here. */
  private readonly sessions = new Map<string, Map<string, SessionRecord>>();
  private readonly online = new SortedStrings();
  private readonly log: MemoryMessageLog;
  private readonly groups: MemoryGroups;
  /** `<userId>\u0000<conversationId>` → the seq the user has read up to. */
  private readonly readSeqs = new HighWaterMarks();
  /** `<userId>\u0000<deviceId>` → the highest cursor the device acknowledged. */
  private readonly acks = new HighWaterMarks();
  private readonly schedule = new MemorySchedule();
  private readonly tokenBuckets: MemoryTokenBuckets;

  constructor(options: StoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.log = new MemoryMessageLog(options.retentionMs ?? DEFAULT_RETENTION_MS, this.now);
    this.groups = new MemoryGroups(this.now);
    this.tokenBuckets = new MemoryTokenBuckets(this.now);
  }

  async createUser(userName: string, passwordHash: string): Promise<UserRecord> {
    if (this.userIdByName.has(foldUserName(userName))) throw nameTaken(userName);
    const user: UserRecord = { userId: String(++this.lastUserId), userName, passwordHash, createdAt: this.now() };
    this.usersById.set(user.userId, user);
    this.userIdByName.set(foldUserName(userName), user.userId);
    this.names.add(userName);
    return { ...user };
  }

  async getUserByName(userName: string): Promise<UserRecord | null> {
    const userId = this.userIdByName.get(foldUserName(userName));
    return userId === undefined ? null : this.copyOfUser(userId);
  }

  async getUserById(userId: string): Promise<UserRecord | null> {
    return this.copyOfUser(userId);
  }

  async getUsersByIds(userIds: string[]): Promise<(UserRecord | null)[]> {
    return userIds.map((userId) => this.copyOfUser(userId));
  }

  async findUsersByPrefix(prefix: string, limit: number): Promise<UserRecord[]> {
    requireLimit(limit);
    return this.names.withPrefix(prefix, limit).map((name) => this.copyOfUser(this.userIdByName.get(foldUserName(name))!)!);
  }

  async putSession(session: SessionRecord): Promise<SessionRecord | null> {
    let devices = this.sessions.get(session.userId);
    if (devices === undefined) {
      devices = new Map();
      this.sessions.set(session.userId, devices);
      this.online.add(session.userId);
    }
    const replaced = devices.get(session.deviceId);
    devices.set(session.deviceId, { ...session });
    return replaced !== undefined && replaced.expiresAt > this.now() ? replaced : null;
  }

  async getSession(userId: string, deviceId: string): Promise<SessionRecord | null> {
    const session = this.liveSessionsOf(userId).find((s) => s.deviceId === deviceId);
    return session === undefined ? null : { ...session };
  }

  async getSessionsOf(userIds: string[]): Promise<Map<string, SessionRecord[]>> {
    const found = new Map<string, SessionRecord[]>();
    for (const userId of userIds) {
      found.set(
        userId,
        this.liveSessionsOf(userId).map((s) => ({ ...s })),
      );
    }
    return found;
  }

  async removeSessionIf(userId: string, deviceId: string, sessionId: string): Promise<boolean> {
    const devices = this.sessions.get(userId);
    if (devices?.get(deviceId)?.sessionId !== sessionId) return false;
    this.removeDevice(userId, devices, deviceId);
    return true;
  }

  async moveSession(userId: string, deviceId: string, sessionId: string, move: SessionMove): Promise<SessionRecord | null> {
    const session = this.liveSessionsOf(userId).find((s) => s.deviceId === deviceId);
    if (session === undefined || session.sessionId !== sessionId) return null;
    if ('attach' in move) {
      if (session.detachedAt !== undefined && session.detachedAt < move.endedIfDetachedBefore) return null;
      session.serverId = move.attach.serverId;
      session.connectionId = move.attach.connectionId;
      delete session.detachedAt;
    } else {
      if (session.connectionId !== move.detach.connectionId) return null;
      delete session.connectionId;
      session.detachedAt = move.at;
    }
    return { ...session };
  }

  async listOnlineUserIds(offset: number, limit: number): Promise<{ userIds: string[]; nextOffset: number | null }> {
    requireOffset(offset);
    requireLimit(limit);
    // One extra member tells whether another page follows.
    const window = this.online.slice(offset, offset + limit + 1);
    const userIds: string[] = [];
    let dropped = 0;
    for (const userId of window.slice(0, limit)) {
      // Users whose sessions all expired leave the list here, shifting later members forward.
      if (this.liveSessionsOf(userId).length > 0) userIds.push(userId);
      else dropped++;
    }
    return { userIds, nextOffset: window.length > limit ? offset + limit - dropped : null };
  }

  async saveMessage(
    message: NewMessage,
    recipientUserIds: string[],
    onStored?: (part: StoredPart) => void,
  ): Promise<SavedMessage> {
    const saved = this.log.save(message, recipientUserIds);
    this.readSeqs.raise(`${message.fromUserId}\u0000${message.conversationId}`, Number(saved.message.seq));
    if (!saved.duplicate) onStored?.({ message: saved.message, cursors: saved.cursors });
    return saved;
  }

  async sync(userId: string, after: string, limit: number): Promise<SyncPage> {
    return this.log.sync(userId, after, limit);
  }

  async latestCursor(userId: string): Promise<string> {
    return this.log.latestCursor(userId);
  }

  async createGroup(ownerId: string, name: string, memberIds: string[], options?: GroupOptions): Promise<GroupRecord> {
    return this.groups.create(ownerId, name, memberIds, options);
  }

  async getGroup(groupId: string): Promise<GroupRecord | null> {
    return this.groups.get(groupId);
  }

  async groupsOf(userId: string): Promise<GroupRecord[]> {
    return this.groups.groupsOf(userId);
  }

  async publicGroups(afterGroupId: string | undefined, limit: number): Promise<GroupRecord[]> {
    return this.groups.publicGroups(afterGroupId, limit);
  }

  async addGroupMembers(groupId: string, userIds: string[], maxMembers: number): Promise<GroupRecord> {
    return this.groups.addMembers(groupId, userIds, maxMembers);
  }

  async removeGroupMember(groupId: string, userId: string): Promise<GroupRecord | null> {
    return this.groups.removeMember(groupId, userId);
  }

  async deleteGroup(groupId: string): Promise<boolean> {
    return this.groups.delete(groupId);
  }

  async getMessage(msgId: string): Promise<ChatMessage | null> {
    return this.log.get(msgId);
  }

  async markRecalled(msgId: string): Promise<ChatMessage | null> {
    return this.log.markRecalled(msgId);
  }

  async history(conversationId: string, options: HistoryOptions): Promise<ChatMessage[]> {
    return this.log.history(conversationId, options);
  }

  async markRead(userId: string, conversationId: string, seq: string): Promise<string> {
    // Nobody can have read past the conversation's last message.
    const readTo = Math.min(parseDecimal('seq', seq), this.log.lastSeqOf(conversationId));
    const previous = this.readSeqs.raise(`${userId}\u0000${conversationId}`, readTo);
    return String(Math.max(previous, readTo));
  }

  async conversationsOf(userId: string, limit: number): Promise<ConversationState[]> {
    return this.log.conversationsOf(userId, limit).map((conversationId) => ({
      conversationId,
      lastSeq: String(this.log.lastSeqOf(conversationId)),
      readSeq: String(this.readSeqs.get(`${userId}\u0000${conversationId}`)),
    }));
  }

  async recordAck(userId: string, deviceId: string, cursor: string): Promise<string> {
    return String(this.acks.raise(`${userId}\u0000${deviceId}`, parseCursor(cursor)));
  }

  async scheduleMessage(message: ScheduledMessage): Promise<boolean> {
    return this.schedule.schedule(message);
  }

  async dueMessages(now: number, limit: number): Promise<ScheduledMessage[]> {
    return this.schedule.due(now, limit);
  }

  async removeScheduled(senderId: string, clientMsgId: string): Promise<void> {
    this.schedule.remove(senderId, clientMsgId);
  }

  async takeTokens(bucket: string, rule: RateRule, cost = 1): Promise<RateVerdict> {
    return this.tokenBuckets.take(bucket, rule, cost);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}

  private copyOfUser(userId: string): UserRecord | null {
    const user = this.usersById.get(userId);
    return user === undefined ? null : { ...user };
  }

  /** The user's unexpired sessions ordered by device id; expired ones are dropped on the way. */
  private liveSessionsOf(userId: string): SessionRecord[] {
    const devices = this.sessions.get(userId);
    if (devices === undefined) return [];
    const now = this.now();
    for (const [deviceId, session] of devices) {
      if (session.expiresAt <= now) this.removeDevice(userId, devices, deviceId);
    }
    return [...devices.values()].sort(byDeviceId);
  }

  private removeDevice(userId: string, devices: Map<string, SessionRecord>, deviceId: string): void {
    devices.delete(deviceId);
    if (devices.size === 0) {
      this.sessions.delete(userId);
      this.online.delete(userId);
    }
  }
}
