import { CimError, ErrorCodes, type ChatMessage, type Destination } from '@cim/common/client';
import { AckScheduler } from './acks.js';
import { delay } from './backoff.js';
import { CatchUp } from './catch-up.js';
import {
  resolveOptions,
  type CimClientEvents,
  type CimClientOptions,
  type ConnectionState,
  type ResolvedOptions,
  type SessionInfo,
} from './client-options.js';
import { MemoryCursorStore, type CursorStore } from './cursor-store.js';
import { Emitter } from './emitter.js';
import { MessageSequencer } from './message-sequencer.js';
import type { Platform } from './platform.js';
import { randomId } from './platform-basics.js';
import {
  PortableRouteApi,
  type ConversationSummary,
  type LoginInfo,
  type ScheduledAnswer,
  type SendAnswer,
  type UserSummary,
} from './route-api.js';
import { ConnectionSends, retryOverHttp } from './send-path.js';
import { ClientSession } from './session.js';
import { SyncState } from './sync-state.js';

export type { CimClientEvents, CimClientOptions, ConnectionState, SessionInfo } from './client-options.js';

/**
 * A CIM client: logs in through the route, holds a connection (TCP, or WebSocket in browsers) to the chosen push server,
 * heartbeats, reconnects (through the route, which may pick another server) with jittered backoff,
 * catches up missed messages from its sync cursor, and emits each message exactly once, in `seq`
 * order per conversation.
 *
 * Several clients in one process are fully independent.
 *
 * @example
 * const client = new CimClient({ routeUrl: 'http://127.0.0.1:8083', userName: 'bot', password: 'secret' });
 * client.on('message', (m) => console.log(`${m.fromUserName}: ${m.body}`));
 * await client.connect();
 * await client.broadcast('hello everyone');
 */
export class PortableCimClient extends Emitter<CimClientEvents> {
  /** The route's HTTP API, authenticated once connected. */
  readonly api: PortableRouteApi;
  private readonly options: ResolvedOptions;
  private readonly cursorStore: CursorStore;
  private readonly syncState = new SyncState();
  private readonly sequencer = new MessageSequencer<{ cursor: string; synced: boolean }>((message, meta) => {
    if (message.seq !== '0') this.syncState.recordShown(message.conversationId, message.seq);
    this.emit('message', message, meta);
  });
  private readonly acks = new AckScheduler(() => this.lifecycle.sendFrame({ ack: { cursor: this.syncState.cursor } }));
  private readonly sends = new ConnectionSends();
  private readonly lifecycle: ClientSession;

  /** `platform`: how this host speaks HTTP and reaches push servers (the package's entries pass theirs). */
  constructor(options: CimClientOptions, platform: Platform) {
    super();
    this.options = resolveOptions(options, platform.defaultTransport);
    this.cursorStore = options.cursorStore ?? new MemoryCursorStore();
    this.api = new PortableRouteApi(options.routeUrl, { ca: options.tls?.ca, http: platform.http });
    this.api.token = options.token;
    const catchUp = new CatchUp({
      api: this.api,
      syncState: this.syncState,
      sequencer: this.sequencer,
      acks: this.acks,
      events: this,
      pageSize: this.options.syncPageSize,
      retryMinMs: this.options.reconnectMinMs,
      retryMaxMs: this.options.reconnectMaxMs,
      saveSyncState: () => this.saveSyncState(),
    });
    this.lifecycle = new ClientSession(this.api, platform, this.options, this, catchUp, this.sends);
    // An unhandled 'error' event would crash the host app; errors are informational here.
    this.on('error', () => {});
  }

  /** The connection state: idle → connecting → online ⇄ reconnecting → closed. */
  get state(): ConnectionState {
    return this.lifecycle.state;
  }

  /** Who this client is and where it is connected. */
  info(): {
    userId?: string;
    userName: string;
    deviceId: string;
    serverId?: string;
    server?: string;
    state: ConnectionState;
    onlineSince?: number;
    reconnects: number;
    /** Everything up to here has been received (the saved and acknowledged cursor). */
    cursor: string;
    /** Whether a catch-up has succeeded since the last (re)connect; until then `cursor` stays put. */
    caughtUp: boolean;
  } {
    const { userId, serverId, server, onlineSince, reconnects } = this.lifecycle.info();
    return {
      userId,
      userName: this.options.userName,
      deviceId: this.options.deviceId,
      serverId,
      server,
      state: this.lifecycle.state,
      onlineSince,
      reconnects,
      cursor: this.syncState.cursor,
      caughtUp: this.syncState.caughtUp,
    };
  }

  /**
   * Logs in and connects. Resolves once online and caught up; rejects with a `CimError` when the
   * route refuses (bad credentials, no server) — a first connect is not retried.
   */
  async connect(signal?: AbortSignal): Promise<LoginInfo> {
    if (this.lifecycle.state === 'closed') throw new CimError(ErrorCodes.CLOSED, 'this client was closed');
    this.syncState.load(await this.cursorStore.load(this.cursorKey()));
    this.sequencer.markSeen(this.syncState.recentMsgIds());
    this.sequencer.resume(this.syncState.shownSeqs());
    return this.lifecycle.start(signal);
  }

  /** Sends a private message to a user id. */
  sendToUser(
    userId: string,
    body: string,
    options: { clientMsgId?: string; signal?: AbortSignal } = {},
  ): Promise<SendAnswer> {
    return this.send({ userId }, body, options);
  }

  /** Sends to a group this user is a member of. */
  sendToGroup(
    groupId: string,
    body: string,
    options: { clientMsgId?: string; signal?: AbortSignal } = {},
  ): Promise<SendAnswer> {
    return this.send({ groupId }, body, options);
  }

  /**
   * Schedules a message for `deliverAt` (ms since epoch); the route sends it then, even if this
   * client is gone. A time already past sends at once and answers like `send`.
   */
  async schedule(
    to: Destination,
    body: string,
    deliverAt: number,
    options: { clientMsgId?: string; signal?: AbortSignal } = {},
  ): Promise<ScheduledAnswer | SendAnswer> {
    const clientMsgId = options.clientMsgId ?? randomId();
    return this.withSession(options.signal, () => this.api.schedule(to, body, clientMsgId, deliverAt, options.signal));
  }

  /** Recalls one of this user's messages (within the route's recall window, 2 minutes by default). */
  recall(msgId: string, signal?: AbortSignal): Promise<void> {
    return this.withSession(signal, () => this.api.recall(msgId, signal));
  }

  /** Marks a conversation read up to `seq`; the other participants get a READ receipt. */
  markRead(conversationId: string, seq: string, signal?: AbortSignal): Promise<void> {
    return this.withSession(signal, () => this.api.markRead(conversationId, seq, signal));
  }

  /** A conversation's messages before `beforeSeq`, newest first, optionally filtered by keyword `q`. */
  async history(
    conversationId: string,
    options: { beforeSeq?: string; limit?: number; q?: string } = {},
    signal?: AbortSignal,
  ): Promise<ChatMessage[]> {
    return (await this.withSession(signal, () => this.api.history(conversationId, options, signal))).messages;
  }

  /** This user's conversations with unread counts. */
  async conversations(signal?: AbortSignal): Promise<ConversationSummary[]> {
    return (await this.withSession(signal, () => this.api.conversations(signal))).conversations;
  }

  /** Sends to everyone online (live only, not stored). */
  broadcast(body: string, options: { clientMsgId?: string; signal?: AbortSignal } = {}): Promise<SendAnswer> {
    return this.send({ broadcast: true }, body, options);
  }

  /**
   * Sends a message. Retries on a lost connection with the same `clientMsgId`, so the message is
   * stored once however many attempts it takes.
   */
  async send(
    to: Destination,
    body: string,
    options: { clientMsgId?: string; signal?: AbortSignal } = {},
  ): Promise<SendAnswer> {
    const clientMsgId = options.clientMsgId ?? randomId();
    // Online, a send goes over the push server's connection: the server relays sends to the route
    // in batches, which costs the route far less than one HTTP request per message. When that
    // connection cannot answer, the same clientMsgId goes over HTTP (stored once either way).
    const connection = this.lifecycle.onlineConnection;
    if (connection) {
      try {
        return await this.sends.send(connection, { clientMsgId, to, body }, options.signal);
      } catch (err) {
        if (!retryOverHttp(err, options.signal)) throw err;
      }
    }
    return this.withSession(options.signal, () => this.api.send(to, body, clientMsgId, options.signal));
  }

  /**
   * Runs an authenticated route call once online; a call that fails because the session was
   * replaced during a reconnect is retried once the client is back online.
   */
  private async withSession<T>(signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.lifecycle.whenOnline(signal);
      try {
        return await call();
      } catch (err) {
        const ended =
          err instanceof CimError && (err.code === ErrorCodes.BAD_TOKEN || err.code === ErrorCodes.SESSION_ENDED);
        const retriable = ended || (err instanceof CimError && err.code === ErrorCodes.UNAVAILABLE);
        if (!retriable || attempt >= 5 || this.lifecycle.state === 'closed') throw err;
        if (ended) this.lifecycle.connectionLost(err);
        await delay(100 * (attempt + 1), signal);
      }
    }
  }

  /** Users online now (every page). */
  async onlineUsers(signal?: AbortSignal): Promise<UserSummary[]> {
    const users: UserSummary[] = [];
    let cursor: string | null = '0';
    while (cursor !== null) {
      const after: string = cursor;
      const page = await this.withSession(signal, () => this.api.onlineUsers(after, 500, signal));
      users.push(...page.users);
      cursor = page.nextCursor;
    }
    return users;
  }

  /** Users whose name starts with `prefix`. */
  async findUsers(prefix: string, signal?: AbortSignal): Promise<UserSummary[]> {
    return (await this.withSession(signal, () => this.api.findUsers(prefix, 20, signal))).users;
  }

  /** Looks a user up by exact name. */
  userByName(userName: string, signal?: AbortSignal): Promise<UserSummary> {
    return this.withSession(signal, () => this.api.userByName(userName, signal));
  }

  /**
   * The current session (its token and when it expires), for an app that resumes sessions: store
   * it privately and pass `token` to a later client. Undefined before the first login. The token
   * changes on every reconnect: the `session` event tells when.
   */
  session(): SessionInfo | undefined {
    return this.lifecycle.session();
  }

  /**
   * Closes for good; never triggers a reconnect. Logs out by default, which ends the session;
   * `{ logout: false }` keeps it (for the route's session grace, 5 minutes by default) so that a
   * later client can resume it with the stored token.
   */
  async close(options: { logout?: boolean } = {}): Promise<void> {
    if (this.lifecycle.state === 'closed') return;
    const logout = options.logout ?? true;
    const wasOnline = this.lifecycle.state === 'online';
    const connection = this.lifecycle.shutDown();
    if (this.acks.cancel() && wasOnline) connection?.send({ ack: { cursor: this.syncState.cursor } });
    if (connection && wasOnline && logout) connection.send({ logout: {} });
    if (this.api.token && logout) await this.api.logout().catch(() => undefined);
    connection?.end();
    this.sends.failAll();
    this.sequencer.flush();
    await this.saveSyncState();
  }

  private saveSyncState(): Promise<void> {
    return this.cursorStore.save(this.cursorKey(), this.syncState.serialize()).catch(() => undefined);
  }

  private cursorKey(): string {
    return `${this.options.routeUrl}|${this.options.userName}|${this.options.deviceId}`;
  }
}
