import type { SessionStore } from '../session-store.js';
import type { RedisKeys } from '../../redis/redis-keys.js';
import { scriptBatches } from '../../redis/redis-batches.js';
import type { RedisClient } from '../../redis/redis-scripts.js';
import { requireLimit, requireOffset } from '../../shared/validate.js';
import type { SessionMove, SessionRecord } from '../../types.js';
import { byDeviceId } from '../session-order.js';
import type { SessionScripts } from './session-scripts.js';

/** Users whose sessions one script call reads, at most (a 10,000-member group takes 10 calls). */
const SESSION_READ_BATCH = 1000;

/**
 * Sessions in Redis: a hash of deviceId → session JSON per user, and a sorted set of the users
 * who have any (the online list). Expired sessions are removed when a read meets them.
 */
export class RedisSessions implements SessionStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
    private readonly scripts: SessionScripts,
    private readonly now: () => number,
  ) {}

  async put(session: SessionRecord): Promise<SessionRecord | null> {
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

  async get(userId: string, deviceId: string): Promise<SessionRecord | null> {
    const json = await this.client.hget(this.keys.sessions(userId), deviceId);
    if (json === null) return null;
    const session = JSON.parse(json) as SessionRecord;
    if (session.expiresAt > this.now()) return session;
    await this.removeIf(userId, deviceId, session.sessionId);
    return null;
  }

  async getOf(userIds: string[]): Promise<Map<string, SessionRecord[]>> {
    const now = this.now();
    const stored = await this.storedSessionsOfMany(userIds);
    const found = new Map<string, SessionRecord[]>();
    const expired: SessionRecord[] = [];
    userIds.forEach((userId, i) => {
      const live: SessionRecord[] = [];
      for (const session of stored[i]) (session.expiresAt > now ? live : expired).push(session);
      found.set(userId, live);
    });
    await Promise.all(expired.map((s) => this.removeIf(s.userId, s.deviceId, s.sessionId)));
    return found;
  }

  async removeIf(userId: string, deviceId: string, sessionId: string): Promise<boolean> {
    const remaining = await this.scripts.removeSessionIf(this.keys.sessions(userId), deviceId, sessionId, this.now());
    if (remaining < 0) return false;
    if (remaining === 0) await this.leaveOnlineIfIdle(userId);
    return true;
  }

  async move(userId: string, deviceId: string, sessionId: string, move: SessionMove): Promise<SessionRecord | null> {
    const key = this.keys.sessions(userId);
    const now = this.now();
    const json =
      'attach' in move
        ? await this.scripts.moveSession(
            key,
            deviceId,
            sessionId,
            now,
            'attach',
            move.attach.connectionId,
            move.attach.serverId,
            move.endedIfDetachedBefore,
          )
        : await this.scripts.moveSession(key, deviceId, sessionId, move.at, 'detach', move.detach.connectionId, '', 0);
    return json === null ? null : (JSON.parse(json) as SessionRecord);
  }

  async listOnline(offset: number, limit: number): Promise<{ userIds: string[]; nextOffset: number | null }> {
    requireOffset(offset);
    requireLimit(limit);
    // One extra member tells whether another page follows.
    const window = await this.client.zrange(this.keys.online, offset, String(offset + limit));
    const page = window.slice(0, limit);
    const sessions = await this.getOf(page);
    const idle = page.filter((userId) => sessions.get(userId)!.length === 0);
    // Their sessions expired without a logout; they leave the set, shifting later members forward.
    await Promise.all(idle.map((userId) => this.leaveOnlineIfIdle(userId)));
    return {
      userIds: page.filter((userId) => sessions.get(userId)!.length > 0),
      nextOffset: window.length > limit ? offset + limit - idle.length : null,
    };
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
