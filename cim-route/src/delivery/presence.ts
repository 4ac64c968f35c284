import type { SessionRecord, RouteStore } from '../store/types.js';
import type { ServerDirectory } from './server-directory.js';

/**
 * Who is online. A session counts only while its push server is live: when a server disappears
 * from the registry its users are offline (their messages stay stored; their clients reconnect
 * through the route and sync).
 */
export class Presence {
  constructor(
    private readonly store: RouteStore,
    private readonly directory: ServerDirectory,
  ) {}

  /** Live sessions of each user: connected (or not yet connected) to a live server. */
  async liveSessionsOf(userIds: string[]): Promise<Map<string, SessionRecord[]>> {
    const all = await this.connectedSessionsOf(userIds);
    for (const [userId, sessions] of all)
      all.set(
        userId,
        sessions.filter((s) => this.directory.isLive(s.serverId)),
      );
    return all;
  }

  /**
   * Sessions of each user that may hold a connection, wherever their server is. A session whose
   * connection closed is left out: it catches up by sync when it reconnects.
   */
  async connectedSessionsOf(userIds: string[]): Promise<Map<string, SessionRecord[]>> {
    const all = await this.store.sessions.getOf(userIds);
    for (const [userId, sessions] of all)
      all.set(
        userId,
        sessions.filter((s) => s.detachedAt === undefined),
      );
    return all;
  }

  /** A page of online users: `{userId, userName}` sorted as the store keeps them. */
  async onlineUsers(
    offset: number,
    limit: number,
  ): Promise<{ users: { userId: string; userName: string }[]; nextOffset: number | null }> {
    const page = await this.store.sessions.listOnline(offset, limit);
    const sessions = await this.liveSessionsOf(page.userIds);
    const users = [];
    for (const userId of page.userIds) {
      const live = sessions.get(userId) ?? [];
      if (live.length > 0) users.push({ userId, userName: live[0].userName });
    }
    return { users, nextOffset: page.nextOffset };
  }
}
