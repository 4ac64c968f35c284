import type { ChatMessage } from '@cim/common';
import { DEFAULT_RETENTION_MS } from './defaults.js';
import { groupScripts } from './groups/redis/group-scripts.js';
import { RedisGroups } from './groups/redis/redis-groups.js';
import { finishSave } from './messages/finish-save.js';
import type { HistoryOptions } from './messages/history-query.js';
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
  private readonly client: RedisClient;
  private readonly ownsClient: boolean;
  private readonly users: RedisUsers;
  private readonly sessions: RedisSessions;
  private readonly log: RedisMessageLog;
  private readonly groups: RedisGroups;
  private readonly receipts: RedisReceipts;
  private readonly schedule: RedisSchedule;
  private readonly tokenBuckets: RedisTokenBuckets;

  constructor(options: RedisStoreOptions) {
    this.ownsClient = typeof options.redis === 'string';
    const client = unavailableOnFailure(typeof options.redis === 'string' ? connect(options.redis) : options.redis);
    const keys = new RedisKeys(options.prefix ?? 'cim:');
    const now = options.now ?? Date.now;
    this.client = client;
    this.users = new RedisUsers(client, keys, now);
    this.sessions = new RedisSessions(client, keys, bindScripts(client, sessionScripts), now);
    this.log = new RedisMessageLog(
      client,
      keys,
      bindScripts<MessageScripts & ReceiptScripts>(client, { ...messageScripts, ...receiptScripts }),
      options.retentionMs ?? DEFAULT_RETENTION_MS,
      now,
    );
    this.groups = new RedisGroups(client, keys, bindScripts(client, groupScripts), now);
    this.receipts = new RedisReceipts(client, keys, bindScripts(client, receiptScripts));
    this.schedule = new RedisSchedule(keys, bindScripts(client, scheduleScripts));
    this.tokenBuckets = new RedisTokenBuckets(client, keys, bindScripts(client, tokenBucketScripts), now);
  }

  createUser(userName: string, passwordHash: string): Promise<UserRecord> {
    return this.users.create(userName, passwordHash);
  }

  getUserByName(userName: string): Promise<UserRecord | null> {
    return this.users.getByName(userName);
  }

  getUserById(userId: string): Promise<UserRecord | null> {
    return this.users.getById(userId);
  }

  getUsersByIds(userIds: string[]): Promise<(UserRecord | null)[]> {
    return this.users.getByIds(userIds);
  }

  findUsersByPrefix(prefix: string, limit: number): Promise<UserRecord[]> {
    return this.users.findByPrefix(prefix, limit);
  }

  putSession(session: SessionRecord): Promise<SessionRecord | null> {
    return this.sessions.put(session);
  }

  getSession(userId: string, deviceId: string): Promise<SessionRecord | null> {
    return this.sessions.get(userId, deviceId);
  }

  getSessionsOf(userIds: string[]): Promise<Map<string, SessionRecord[]>> {
    return this.sessions.getOf(userIds);
  }

  removeSessionIf(userId: string, deviceId: string, sessionId: string): Promise<boolean> {
    return this.sessions.removeIf(userId, deviceId, sessionId);
  }

  moveSession(userId: string, deviceId: string, sessionId: string, move: SessionMove): Promise<SessionRecord | null> {
    return this.sessions.move(userId, deviceId, sessionId, move);
  }

  listOnlineUserIds(offset: number, limit: number): Promise<{ userIds: string[]; nextOffset: number | null }> {
    return this.sessions.listOnline(offset, limit);
  }

  saveMessage(message: NewMessage, recipientUserIds: string[]): Promise<SavedMessage> {
    return finishSave(this.log.save(message, recipientUserIds));
  }

  saveMessages(saves: MessageToSave[]): Promise<PromiseSettledResult<SavedMessage>[]> {
    return this.log.saveMany(saves);
  }

  saveMessageInParts(message: NewMessage, recipientUserIds: string[]): MessageSave {
    return this.log.save(message, recipientUserIds);
  }

  sync(userId: string, after: string, limit: number): Promise<SyncPage> {
    return this.log.sync(userId, after, limit);
  }

  latestCursor(userId: string): Promise<string> {
    return this.log.latestCursor(userId);
  }

  createGroup(ownerId: string, name: string, memberIds: string[], options?: GroupOptions): Promise<GroupRecord> {
    return this.groups.create(ownerId, name, memberIds, options);
  }

  getGroup(groupId: string): Promise<GroupRecord | null> {
    return this.groups.get(groupId);
  }

  groupsOf(userId: string): Promise<GroupRecord[]> {
    return this.groups.groupsOf(userId);
  }

  publicGroups(afterGroupId: string | undefined, limit: number): Promise<GroupRecord[]> {
    return this.groups.publicGroups(afterGroupId, limit);
  }

  addGroupMembers(groupId: string, userIds: string[], maxMembers: number): Promise<GroupRecord> {
    return this.groups.addMembers(groupId, userIds, maxMembers);
  }

  removeGroupMember(groupId: string, userId: string): Promise<GroupRecord | null> {
    return this.groups.removeMember(groupId, userId);
  }

  deleteGroup(groupId: string): Promise<boolean> {
    return this.groups.delete(groupId);
  }

  getMessage(msgId: string): Promise<ChatMessage | null> {
    return this.log.get(msgId);
  }

  markRecalled(msgId: string): Promise<ChatMessage | null> {
    return this.log.markRecalled(msgId);
  }

  history(conversationId: string, options: HistoryOptions): Promise<ChatMessage[]> {
    return this.log.readHistory(conversationId, options);
  }

  markRead(userId: string, conversationId: string, seq: string): Promise<string> {
    return this.receipts.markRead(userId, conversationId, seq);
  }

  conversationsOf(userId: string, limit: number): Promise<ConversationState[]> {
    return this.receipts.conversationsOf(userId, limit);
  }

  recordAck(userId: string, deviceId: string, cursor: string): Promise<string> {
    return this.receipts.recordAck(userId, deviceId, cursor);
  }

  scheduleMessage(message: ScheduledMessage): Promise<boolean> {
    return this.schedule.schedule(message);
  }

  dueMessages(now: number, limit: number): Promise<ScheduledMessage[]> {
    return this.schedule.due(now, limit);
  }

  removeScheduled(senderId: string, clientMsgId: string): Promise<void> {
    return this.schedule.remove(senderId, clientMsgId);
  }

  takeTokens(bucket: string, rule: RateRule, cost = 1): Promise<RateVerdict> {
    return this.tokenBuckets.take(bucket, rule, cost);
  }

  takeOneEach(buckets: string[], rule: RateRule): Promise<RateVerdict[]> {
    return this.tokenBuckets.takeOneEach(buckets, rule);
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
