import type { SessionStore } from '../session-store.js';
import type { SessionMove, SessionRecord } from '../../types.js';
import { SortedStrings } from '../../shared/sorted-strings.js';
import { requireLimit, requireOffset } from '../../shared/validate.js';
import { byDeviceId } from '../session-order.js';

/** Sessions in memory, one per (userId, deviceId); expired ones are dropped as they are met. */
export class MemorySessions implements SessionStore {
  /** userId → deviceId → session. A user is in `online` exactly when they have an entry here. */
  private readonly sessions = new Map<string, Map<string, SessionRecord>>();
  private readonly online = new SortedStrings();

  constructor(private readonly now: () => number) {}

  async put(session: SessionRecord): Promise<SessionRecord | null> {
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

  async get(userId: string, deviceId: string): Promise<SessionRecord | null> {
    const session = this.liveSessionsOf(userId).find((s) => s.deviceId === deviceId);
    return session === undefined ? null : { ...session };
  }

  async getOf(userIds: string[]): Promise<Map<string, SessionRecord[]>> {
    const found = new Map<string, SessionRecord[]>();
    for (const userId of userIds) {
      found.set(
        userId,
        this.liveSessionsOf(userId).map((s) => ({ ...s })),
      );
    }
    return found;
  }

  async removeIf(userId: string, deviceId: string, sessionId: string): Promise<boolean> {
    const devices = this.sessions.get(userId);
    if (devices?.get(deviceId)?.sessionId !== sessionId) return false;
    this.removeDevice(userId, devices, deviceId);
    return true;
  }

  async move(userId: string, deviceId: string, sessionId: string, move: SessionMove): Promise<SessionRecord | null> {
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

  async listOnline(offset: number, limit: number): Promise<{ userIds: string[]; nextOffset: number | null }> {
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
