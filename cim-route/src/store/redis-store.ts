import type { ChatMessage } from '@cim/common';
import { Cluster, Redis } from 'ioredis';
import { DEFAULT_RETENTION_MS } from './defaults.js';
import type { HistoryOptions } from './messages/history-query.js';
import { scriptBatches } from './redis/redis-batches.js';
import { RedisGroups } from './groups/redis/redis-groups.js';
import { RedisKeys } from './redis/redis-keys.js';
import { RedisMessageLog } from './messages/redis/redis-message-log.js';
import { RedisReceipts } from './receipts/redis/redis-receipts.js';
import { RedisSchedule } from './schedule/redis/redis-schedule.js';
import { bindScripts, type RedisClient } from './redis/redis-scripts.js';
import { unavailableOnFailure } from './redis/unavailable-on-failure.js';
import { groupScripts, type GroupScripts } from './groups/redis/group-scripts.js';
import { messageScripts, type MessageScripts } from './messages/redis/message-scripts.js';
import { receiptScripts, type ReceiptScripts } from './receipts/redis/receipt-scripts.js';
import { scheduleScripts, type ScheduleScripts } from './schedule/redis/schedule-scripts.js';
import { sessionScripts, type SessionScripts } from './sessions/redis/session-scripts.js';
import { tokenBucketScripts, type TokenBucketScripts } from './rate-limits/redis/token-bucket-scripts.js';
import { NAME_ID_SEPARATOR, RedisUserNames } from './users/redis/redis-user-names.js';
import { nameTaken } from './users/user-names.js';
import { byDeviceId } from './sessions/session-order.js';
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
import { requireLimit, requireOffset } from './shared/validate.js';

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

type StoreScripts = SessionScripts & MessageScripts & GroupScripts & ReceiptScripts & ScheduleScripts & TokenBucketScripts;

/** Users whose sessions one script call reads, at most (a 10,000-member group takes 10 calls). */
const SESSION_READ_BATCH = 1000;

/**
 * The store's own connection. While Redis is away, commands fail within about a second (the route
 * answers 503 CIM_ERR_UNAVAILABLE) instead of waiting in ioredis's offline queue for 20 reconnect
 * attempts (its default); the client keeps reconnecting in the background and service resumes by
 * itself. Errors reach the caller of each command, so the 'error' event only needs a listener to
 * keep ioredis from printing every failed reconnect to stderr.
 */
function connect(url: string): RedisClient {
  const nodeOptions = {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    // A Redis that hangs without closing the connection must not hang requests either.
    commandTimeout: 3_000,
    retryStrategy: (times: number) => Math.min(times * 50, 500),
  };
  const client = url.startsWith(CLUSTER_SCHEME)
    ? new Cluster(clusterSeeds(url), {
        enableAutoPipelining: true,
        redisOptions: nodeOptions,
        clusterRetryStrategy: nodeOptions.retryStrategy,
      })
    : new Redis(url, { enableAutoPipelining: true, ...nodeOptions });
  client.on('error', () => undefined);
  return client;
}

/** `redis-cluster://host1:port1,host2:port2` names seed nodes of a Redis Cluster. */
const CLUSTER_SCHEME = 'redis-cluster://';

function clusterSeeds(url: string): { host: string; port: number }[] {
  return url
    .slice(CLUSTER_SCHEME.length)
    .split(',')
    .map((hostPort) => {
      const [host, port] = hostPort.trim().split(':');
      return { host, port: Number(port || 6379) };
    });
}

/**
 * The production store: every route instance shares it, and every operation is safe to run from
 * several instances at once. Key layout and cluster slots: redis-keys.ts; atomic steps:
 * redis-scripts.ts; messages, history and sync streams: redis-message-log.ts; groups:
 * redis-groups.ts; read and delivery marks: redis-receipts.ts; delayed messages: redis-schedule.ts.
 */
export class RedisStore implements RouteStore {
  private readonly client: RedisClient;
  private readonly ownsClient: boolean;
  private readonly keys: RedisKeys;
  private readonly scripts: StoreScripts;
  private readonly now: () => number;
  private readonly log: RedisMessageLog;
  private readonly groups: RedisGroups;
  private readonly receipts: RedisReceipts;
  private readonly schedule: RedisSchedule;
  private readonly names: RedisUserNames;

  constructor(options: RedisStoreOptions) {
    this.ownsClient = typeof options.redis === 'string';
    this.client = unavailableOnFailure(typeof options.redis === 'string' ? connect(options.redis) : options.redis);
    this.keys = new RedisKeys(options.prefix ?? 'cim:');
    this.scripts = bindScripts<StoreScripts>(this.client, {
      ...sessionScripts,
      ...messageScripts,
      ...groupScripts,
      ...receiptScripts,
      ...scheduleScripts,
      ...tokenBucketScripts,
    });
    this.now = options.now ?? Date.now;
    this.log = new RedisMessageLog(
      this.client,
      this.keys,
      this.scripts,
      options.retentionMs ?? DEFAULT_RETENTION_MS,
      this.now,
    );
    this.groups = new RedisGroups(this.client, this.keys, this.scripts, this.now);
    this.receipts = new RedisReceipts(this.client, this.keys, this.scripts);
    this.schedule = new RedisSchedule(this.keys, this.scripts);
    this.names = new RedisUserNames(this.client, this.keys);
  }

  async createUser(userName: string, passwordHash: string): Promise<UserRecord> {
    // Checked first so that registering a taken name does not use up a user id.
    if (await this.names.isTaken(userName)) throw nameTaken(userName);
    const userId = String(await this.client.incr(this.keys.userIdCounter));
    const user: UserRecord = { userId, userName, passwordHash, createdAt: this.now() };
    // The record is written before the name points at it, so a found name always has a record.
    await this.client.set(this.keys.user(userId), JSON.stringify(user));
    if (!(await this.names.claim(userName, userId))) {
      await this.client.del(this.keys.user(userId));
      throw nameTaken(userName);
    }
    return user;
  }

  async getUserByName(userName: string): Promise<UserRecord | null> {
    const userId = await this.names.userIdOf(userName);
    return userId === null ? null : this.getUserById(userId);
  }

  async getUserById(userId: string): Promise<UserRecord | null> {
    const json = await this.client.get(this.keys.user(userId));
    return json === null ? null : (JSON.parse(json) as UserRecord);
  }

  async getUsersByIds(userIds: string[]): Promise<(UserRecord | null)[]> {
    // One GET per user (each in its own cluster slot); auto-pipelining sends them together.
    return Promise.all(userIds.map((userId) => this.getUserById(userId)));
  }

  async findUsersByPrefix(prefix: string, limit: number): Promise<UserRecord[]> {
    requireLimit(limit);
    // Every member starting with the prefix sorts below prefix + 0xff: no UTF-8 text has that byte.
    const [min, max] =
      prefix === '' ? ['-', '+'] : [`[${prefix}`, Buffer.concat([Buffer.from(`[${prefix}`), Buffer.from([0xff])])];
    const members = await this.client.zrangebylex(this.keys.userNames, min, max, 'LIMIT', 0, limit);
    const users = await this.getUsersByIds(members.map((m) => m.slice(m.lastIndexOf(NAME_ID_SEPARATOR) + 1)));
    return users.filter((user) => user !== null);
  }

  async putSession(session: SessionRecord): Promise<SessionRecord | null> {
    const now = this.now();
    const replacedJson = await this.scripts.putSession(
      this.keys.sessions(session.userId),
      session.deviceId,
      JSON.stringify(session),
      Math.max(1, session.expiresAt - now),
    );
    // Only after the session is stored: see leaveOnlineIfIdle for the race this order settles.
    await this.client.zadd(this.keys.online, 0, session.userId);
    const replaced = replacedJson === null ? null : (JSON.parse(replacedJson) as SessionRecord);
    return replaced !== null && replaced.expiresAt > now ? replaced : null;
  }

  async getSession(userId: string, deviceId: string): Promise<SessionRecord | null> {
    const json = await this.client.hget(this.keys.sessions(userId), deviceId);
    if (json === null) return null;
    const session = JSON.parse(json) as SessionRecord;
    if (session.expiresAt > this.now()) return session;
    await this.removeSessionIf(userId, deviceId, session.sessionId);
    return null;
  }

  async getSessionsOf(userIds: string[]): Promise<Map<string, SessionRecord[]>> {
    const now = this.now();
    const stored = await this.storedSessionsOfMany(userIds);
    const found = new Map<string, SessionRecord[]>();
    const expired: SessionRecord[] = [];
    userIds.forEach((userId, i) => {
      const live: SessionRecord[] = [];
      for (const session of stored[i]) (session.expiresAt > now ? live : expired).push(session);
      found.set(userId, live);
    });
    await Promise.all(expired.map((s) => this.removeSessionIf(s.userId, s.deviceId, s.sessionId)));
    return found;
  }

  async removeSessionIf(userId: string, deviceId: string, sessionId: string): Promise<boolean> {
    const remaining = await this.scripts.removeSessionIf(this.keys.sessions(userId), deviceId, sessionId, this.now());
    if (remaining < 0) return false;
    if (remaining === 0) await this.leaveOnlineIfIdle(userId);
    return true;
  }

  async moveSession(userId: string, deviceId: string, sessionId: string, move: SessionMove): Promise<SessionRecord | null> {
    const key = this.keys.sessions(userId);
    const now = this.now();
    const json =
      'attach' in move
        ? await this.scripts.moveSession(key, deviceId, sessionId, now, 'attach', move.attach.connectionId, move.attach.serverId, move.endedIfDetachedBefore)
        : await this.scripts.moveSession(key, deviceId, sessionId, move.at, 'detach', move.detach.connectionId, '', 0);
    return json === null ? null : (JSON.parse(json) as SessionRecord);
  }

  async listOnlineUserIds(offset: number, limit: number): Promise<{ userIds: string[]; nextOffset: number | null }> {
    requireOffset(offset);
    requireLimit(limit);
    // One extra member tells whether another page follows.
    const window = await this.client.zrange(this.keys.online, offset, String(offset + limit));
    const page = window.slice(0, limit);
    const sessions = await this.getSessionsOf(page);
    const idle = page.filter((userId) => sessions.get(userId)!.length === 0);
    // Their sessions expired without a logout; they leave the set, shifting later members forward.
    await Promise.all(idle.map((userId) => this.leaveOnlineIfIdle(userId)));
    return {
      userIds: page.filter((userId) => sessions.get(userId)!.length > 0),
      nextOffset: window.length > limit ? offset + limit - idle.length : null,
    };
  }

  saveMessage(
    message: NewMessage,
    recipientUserIds: string[],
    onStored?: (part: StoredPart) => void,
  ): Promise<SavedMessage> {
    return this.log.save(message, recipientUserIds, onStored);
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

  async takeTokens(bucket: string, rule: RateRule, cost = 1): Promise<RateVerdict> {
    const perMs = rule.perSecond / 1000;
    const [taken, waitMs] = await this.scripts.takeTokens(this.keys.tokenBucket(bucket), rule.burst, perMs, cost, this.now());
    return { allowed: taken === 1, retryAfterMs: waitMs };
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

  /** Every stored session of each user, in the order of `userIds`: one script call per slot and batch. */
  private async storedSessionsOfMany(userIds: string[]): Promise<SessionRecord[][]> {
    const batches = scriptBatches(this.client, userIds, (userId) => this.keys.sessions(userId), SESSION_READ_BATCH);
    const replies = await Promise.all(
      batches.map((batch) => this.scripts.sessionsOf(batch.map((userId) => this.keys.sessions(userId)))),
    );
    const byUser = new Map<string, SessionRecord[]>();
    batches.forEach((batch, b) =>
      batch.forEach((userId, i) =>
        byUser.set(userId, replies[b][i].map((json) => JSON.parse(json) as SessionRecord).sort(byDeviceId)),
      ),
    );
    return userIds.map((userId) => byUser.get(userId) ?? []);
  }

  private async storedSessionsOf(userId: string): Promise<SessionRecord[]> {
    return (await this.storedSessionsOfMany([userId]))[0];
  }

  /**
   * The online set lives in another cluster slot than the sessions, so taking a user out cannot be
   * part of the session script. Removing first and checking the sessions after makes it safe to
   * race with a login: either we see its session and put the user back, or its ZADD comes after
   * our ZREM.
   */
  private async leaveOnlineIfIdle(userId: string): Promise<void> {
    await this.client.zrem(this.keys.online, userId);
    const now = this.now();
    const sessions = await this.storedSessionsOf(userId);
    if (sessions.some((s) => s.expiresAt > now)) await this.client.zadd(this.keys.online, 0, userId);
  }
}


