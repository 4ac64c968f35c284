import type { ChatMessage } from '@cim/common';
import { DEFAULT_RETENTION_MS } from './defaults.js';
import { MemoryGroups } from './groups/memory/memory-groups.js';
import type { HistoryOptions } from './messages/history-query.js';
import { finishSave } from './messages/finish-save.js';
import { MemoryMessageLog } from './messages/memory/memory-message-log.js';
import { MemoryTokenBuckets } from './rate-limits/memory/memory-token-buckets.js';
import { MemoryReceipts } from './receipts/memory/memory-receipts.js';
import { MemorySchedule } from './schedule/memory/memory-schedule.js';
import { MemorySessions } from './sessions/memory/memory-sessions.js';
import type {
  ConversationState,
  GroupOptions,
  GroupRecord,
  MessageSave,
  MessageToSave,
  NewMessage,
  RateRule,
  RateVerdict,
  RouteStore,
  SavedMessage,
  ScheduledMessage,
  SessionMove,
  SessionRecord,
  StoreOptions,
  SyncPage,
  UserRecord,
} from './types.js';
import { MemoryUsers } from './users/memory/memory-users.js';

/**
 * The embedded store of `cim up`: everything in this process's memory, gone when it exits. Same
 * semantics as the Redis store (one contract suite covers both), each call does work bounded by the
 * size of its answer, and messages leave the sync streams after the retention. Records are copied
 * in and out, so callers can never change stored state by mutating what they hold.
 */
export class MemoryStore implements RouteStore {
  private readonly users: MemoryUsers;
  private readonly sessions: MemorySessions;
  private readonly log: MemoryMessageLog;
  private readonly groups: MemoryGroups;
  private readonly receipts: MemoryReceipts;
  private readonly schedule = new MemorySchedule();
  private readonly tokenBuckets: MemoryTokenBuckets;

  constructor(options: StoreOptions = {}) {
    const now = options.now ?? Date.now;
    this.users = new MemoryUsers(now);
    this.sessions = new MemorySessions(now);
    this.log = new MemoryMessageLog(options.retentionMs ?? DEFAULT_RETENTION_MS, now);
    this.groups = new MemoryGroups(now);
    this.receipts = new MemoryReceipts(this.log);
    this.tokenBuckets = new MemoryTokenBuckets(now);
  }

  async createUser(userName: string, passwordHash: string): Promise<UserRecord> {
    return this.users.create(userName, passwordHash);
  }

  async getUserByName(userName: string): Promise<UserRecord | null> {
    return this.users.getByName(userName);
  }

  async getUserById(userId: string): Promise<UserRecord | null> {
    return this.users.getById(userId);
  }

  async getUsersByIds(userIds: string[]): Promise<(UserRecord | null)[]> {
    return this.users.getByIds(userIds);
  }

  async findUsersByPrefix(prefix: string, limit: number): Promise<UserRecord[]> {
    return this.users.findByPrefix(prefix, limit);
  }

  async putSession(session: SessionRecord): Promise<SessionRecord | null> {
    return this.sessions.put(session);
  }

  async getSession(userId: string, deviceId: string): Promise<SessionRecord | null> {
    return this.sessions.get(userId, deviceId);
  }

  async getSessionsOf(userIds: string[]): Promise<Map<string, SessionRecord[]>> {
    return this.sessions.getOf(userIds);
  }

  async removeSessionIf(userId: string, deviceId: string, sessionId: string): Promise<boolean> {
    return this.sessions.removeIf(userId, deviceId, sessionId);
  }

  async moveSession(
    userId: string,
    deviceId: string,
    sessionId: string,
    move: SessionMove,
  ): Promise<SessionRecord | null> {
    return this.sessions.move(userId, deviceId, sessionId, move);
  }

  async listOnlineUserIds(offset: number, limit: number): Promise<{ userIds: string[]; nextOffset: number | null }> {
    return this.sessions.listOnline(offset, limit);
  }

  saveMessage(message: NewMessage, recipientUserIds: string[]): Promise<SavedMessage> {
    return finishSave(this.saveMessageInParts(message, recipientUserIds));
  }

  saveMessages(saves: MessageToSave[]): Promise<PromiseSettledResult<SavedMessage>[]> {
    return Promise.allSettled(saves.map((save) => this.saveMessage(save.message, save.recipientUserIds)));
  }

  async *saveMessageInParts(message: NewMessage, recipientUserIds: string[]): MessageSave {
    const saved = this.log.save(message, recipientUserIds);
    this.receipts.markSent(message.fromUserId, message.conversationId, saved.message.seq);
    if (!saved.duplicate) yield { message: saved.message, cursors: saved.cursors };
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
    return this.receipts.markRead(userId, conversationId, seq);
  }

  async conversationsOf(userId: string, limit: number): Promise<ConversationState[]> {
    return this.receipts.conversationsOf(userId, limit);
  }

  async recordAck(userId: string, deviceId: string, cursor: string): Promise<string> {
    return this.receipts.recordAck(userId, deviceId, cursor);
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

  async takeOneEach(buckets: string[], rule: RateRule): Promise<RateVerdict[]> {
    return this.tokenBuckets.takeOneEach(buckets, rule);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
