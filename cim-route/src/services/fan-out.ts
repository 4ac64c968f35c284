import type { ChatMessage, Frame } from '@cim/common';
import type { RouteMetrics } from '../metrics.js';
import type { PushDispatcher } from '../push-dispatcher.js';
import type { ServerDirectory } from '../server-directory.js';
import type { SavedMessage } from '../store/types.js';
import type { Presence } from './presence.js';

/**
 * Route → push server delivery: finds the live devices of the recipients and sends ONE request per
 * push server, however many recipients it holds (the dispatcher also merges concurrent sends).
 */
export class FanOut {
  constructor(
    private readonly presence: Presence,
    private readonly directory: ServerDirectory,
    private readonly dispatcher: PushDispatcher,
    private readonly metrics: RouteMetrics,
  ) {}

  /** Pushes a stored message to every live device of its recipients, each at its own cursor. */
  async message(saved: SavedMessage): Promise<void> {
    const recipients = Object.keys(saved.cursors);
    this.metrics.fanOutRecipients.observe(recipients.length);
    const byServer = await this.usersByServer(recipients);
    await Promise.all(
      [...byServer].map(([server, userIds]) =>
        this.dispatcher.deliver(server, {
          message: saved.message,
          targets: userIds.map((userId) => ({ userId, cursor: saved.cursors[userId] })),
        }),
      ),
    );
  }

  /** Live-only: every connection on every live server. */
  async broadcast(message: ChatMessage): Promise<void> {
    await Promise.all(this.directory.live().map((server) => this.dispatcher.broadcast(server, message)));
  }

  /** A control frame (receipt, recall) to every live device of some users. */
  async frame(frame: Frame, userIds: string[]): Promise<void> {
    const byServer = await this.usersByServer(userIds);
    await Promise.all([...byServer].map(([server, ids]) => this.dispatcher.frame(server, frame, ids)));
  }

  /** Messages for one device only (a TCP device catching up after login), in order. */
  async toDevice(serverId: string, userId: string, deviceId: string, entries: { cursor: string; message: ChatMessage }[]): Promise<boolean> {
    const server = this.directory.get(serverId);
    if (!server) return false;
    const pushes = entries.map((e) => this.dispatcher.deliver(server, { message: e.message, targets: [{ userId, cursor: e.cursor, deviceId }] }));
    return (await Promise.all(pushes)).every(Boolean);
  }

  async frameToDevice(serverId: string, userId: string, deviceId: string, frame: Frame): Promise<void> {
    const server = this.directory.get(serverId);
    if (server) await this.dispatcher.frame(server, frame, [userId], deviceId);
  }

  private async usersByServer(userIds: string[]) {
    const sessions = await this.presence.liveSessionsOf(userIds);
    const byServerId = new Map<string, Set<string>>();
    for (const [userId, list] of sessions) {
      for (const session of list) {
        let users = byServerId.get(session.serverId);
        if (!users) byServerId.set(session.serverId, (users = new Set()));
        users.add(userId);
      }
    }
    const result = new Map<NonNullable<ReturnType<ServerDirectory['get']>>, string[]>();
    for (const [serverId, users] of byServerId) {
      const server = this.directory.get(serverId);
      if (server) result.set(server, [...users]);
    }
    return result;
  }
}
