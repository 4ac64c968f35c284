import type { ChatMessage, ErrorCode, EventOrigin, Frame, PushDelivery, ServerInfo } from '@cim/common';
import type { Logger } from '@cim/common/server';
import type { RouteMetrics } from '../metrics.js';
import type { PushSender } from './push-dispatcher.js';
import type { ServerDirectory } from './server-directory.js';
import type { StoredPart } from '../store/types.js';
import type { Presence } from './presence.js';

/** One connection of one device, on the push server `serverId`: where a TCP catch-up goes. */
export interface DeviceConnection extends EventOrigin {
  serverId: string;
  /** Absent when the push server did not name it (an older one): then any connection of the device. */
  connectionId?: string;
}

/**
 * Route → push server delivery: finds the live devices of the recipients and sends ONE request per
 * push server, however many recipients it holds (the dispatcher also merges concurrent sends).
 */
export class FanOut {
  constructor(
    private readonly presence: Presence,
    private readonly directory: ServerDirectory,
    private readonly dispatcher: PushSender,
    private readonly metrics: RouteMetrics,
    private readonly logger: Logger,
  ) {}

  /** Pushes a stored message to every live device of its recipients, each at its own cursor. */
  message(saved: StoredPart): Promise<void> {
    return this.messages([saved]);
  }

  /** `message` for several messages, with one look-up of where all their recipients are connected. */
  async messages(saved: StoredPart[]): Promise<void> {
    const recipientsOf = saved.map((part) => Object.keys(part.cursors));
    for (const recipients of recipientsOf) this.metrics.fanOutRecipients.observe(recipients.length);
    const byServer = await this.sessionsByServer([...new Set(recipientsOf.flat())]);
    const placesOf = new Map<string, { server: ServerInfo; sessionIds: string[] }[]>();
    for (const [server, sessionsByUser] of byServer)
      for (const [userId, sessionIds] of sessionsByUser) {
        const places = placesOf.get(userId);
        if (places) places.push({ server, sessionIds });
        else placesOf.set(userId, [{ server, sessionIds }]);
      }
    const pushes: Promise<boolean>[] = [];
    saved.forEach((part, i) => {
      const targetsByServer = new Map<ServerInfo, PushDelivery['targets']>();
      for (const userId of recipientsOf[i])
        for (const { server, sessionIds } of placesOf.get(userId) ?? []) {
          const target = { userId, cursor: part.cursors[userId], sessionIds };
          const targets = targetsByServer.get(server);
          if (targets) targets.push(target);
          else targetsByServer.set(server, [target]);
        }
      for (const [server, targets] of targetsByServer)
        pushes.push(this.dispatcher.deliver(server, { message: part.message, targets }));
    });
    await Promise.all(pushes);
  }

  /**
   * Pushes a large group's message (stored once, in no stream) to every live device of its members,
   * without a cursor: each push server encodes it once for all of them.
   */
  async toMembers(message: ChatMessage, memberIds: string[]): Promise<void> {
    this.metrics.fanOutRecipients.observe(memberIds.length);
    const byServer = await this.sessionsByServer(memberIds);
    await Promise.all(
      [...byServer].map(([server, sessionsByUser]) =>
        this.dispatcher.deliver(server, {
          message,
          targets: [...sessionsByUser].map(([userId, sessionIds]) => ({ userId, sessionIds })),
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
    const byServer = await this.sessionsByServer(userIds);
    await Promise.all(
      [...byServer].map(([server, sessionsByUser]) =>
        this.dispatcher.frame(server, { frame, userIds: [...sessionsByUser.keys()] }),
      ),
    );
  }

  /**
   * Messages for one connection only (a TCP device catching up after login), in order; an entry
   * without a cursor is a large group's message.
   */
  async toConnection(target: DeviceConnection, entries: { cursor?: string; message: ChatMessage }[]): Promise<boolean> {
    const server = this.directory.resolve(target.serverId);
    if (!server) return false;
    const { userId, deviceId, connectionId } = target;
    const pushes = entries.map((e) =>
      this.dispatcher.deliver(server, {
        message: e.message,
        targets: [{ userId, cursor: e.cursor, deviceId, connectionId }],
      }),
    );
    return (await Promise.all(pushes)).every(Boolean);
  }

  /** One frame for one connection; false when its push server could not be reached. */
  async frameToConnection(target: DeviceConnection, frame: Frame): Promise<boolean> {
    const server = this.directory.resolve(target.serverId);
    const { userId, deviceId, connectionId } = target;
    return server ? this.dispatcher.frame(server, { frame, userIds: [userId], deviceId, connectionId }) : false;
  }

  /** Closes one connection with `Error{code}`: the device reconnects and syncs. */
  async closeConnection(target: DeviceConnection, code: ErrorCode, reason: string): Promise<void> {
    const server = this.directory.resolve(target.serverId);
    const { userId, deviceId, sessionId, connectionId } = target;
    if (server) await this.dispatcher.kick(server, { userId, deviceId, sessionId, connectionId, reason, code });
  }

  /**
   * server → (userId → session ids on that server). A session whose server is neither live nor
   * recently departed cannot be reached: it is counted and logged, and its device syncs when it
   * reconnects.
   */
  private async sessionsByServer(userIds: string[]): Promise<Map<ServerInfo, Map<string, string[]>>> {
    const sessions = await this.presence.connectedSessionsOf(userIds);
    const byServer = new Map<ServerInfo, Map<string, string[]>>();
    const unreachable = new Set<string>();
    for (const [userId, list] of sessions) {
      for (const session of list) {
        const server = this.directory.resolve(session.serverId);
        if (!server) {
          unreachable.add(session.serverId);
          this.metrics.unreachableSessions.inc({ reason: 'unknown_server' });
          continue;
        }
        let users = byServer.get(server);
        if (!users) byServer.set(server, (users = new Map()));
        users.set(userId, [...(users.get(userId) ?? []), session.sessionId]);
      }
    }
    if (unreachable.size > 0)
      this.logger.warn(
        { serverIds: [...unreachable] },
        'sessions on unknown push servers were not pushed to: they sync when they reconnect',
      );
    return byServer;
  }
}
