import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { CimError, ErrorCodes, type ChatMessage, type Destination, type Frame } from '@cim/common';
import { AckScheduler } from './acks.js';
import { Backoff, delay } from './backoff.js';
import { CatchUp } from './catch-up.js';
import {
  resolveOptions,
  type CimClientEvents,
  type CimClientOptions,
  type ConnectionState,
  type ResolvedOptions,
} from './client-options.js';
import { MemoryCursorStore, type CursorStore } from './cursor-store.js';
import { Heartbeat } from './heartbeat.js';
import { MessageSequencer } from './message-sequencer.js';
import {
  RouteApi,
  type ConversationSummary,
  type LoginInfo,
  type ScheduledAnswer,
  type SendAnswer,
  type UserSummary,
} from './route-api.js';
import { ConnectionSends, retryOverHttp } from './send-path.js';
import { ServerConnection } from './server-connection.js';
import { loginAnswer, startSession } from './session.js';
import { SyncState } from './sync-state.js';

export type { CimClientEvents, CimClientOptions, ConnectionState } from './client-options.js';

/**
 * A CIM client: logs in through the route, holds a TCP connection to the chosen push server,
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
export class CimClient extends EventEmitter<CimClientEvents> {
  /** The route's HTTP API, authenticated once connected. */
  readonly api: RouteApi;
  private readonly options: ResolvedOptions;
  private readonly cursorStore: CursorStore;
  private readonly backoff: Backoff;
  private connection: ServerConnection | undefined;
  private login: LoginInfo | undefined;
  private currentState: ConnectionState = 'idle';
  private readonly syncState = new SyncState();
  private readonly sequencer = new MessageSequencer<{ cursor: string; synced: boolean }>((message, meta) => {
    if (message.seq !== '0') this.syncState.recordShown(message.conversationId, message.seq);
    this.emit('message', message, meta);
  });
  private readonly acks = new AckScheduler(() => this.connection?.send({ ack: { cursor: this.syncState.cursor } }));
  private readonly heartbeat = new Heartbeat(
    () => this.connection?.send({ ping: {} }),
    () => this.connectionLost(new CimError(ErrorCodes.TIMEOUT, 'push server stopped answering heartbeats')),
  );
  private readonly sends = new ConnectionSends();
  private readonly catchUp: CatchUp;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnects = 0;
  private onlineSince = 0;

  constructor(options: CimClientOptions) {
    super();
    this.options = resolveOptions(options);
    this.cursorStore = options.cursorStore ?? new MemoryCursorStore();
    this.backoff = new Backoff(this.options.reconnectMinMs, this.options.reconnectMaxMs);
    this.api = new RouteApi(options.routeUrl, { ca: options.tls?.ca });
    this.catchUp = new CatchUp({
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
    // An unhandled 'error' event would crash the host app; errors are informational here.
    this.on('error', () => {});
  }

  /** The connection state: idle → connecting → online ⇄ reconnecting → closed. */
  get state(): ConnectionState {
    return this.currentState;
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
    return {
      userId: this.login?.userId,
      userName: this.options.userName,
      deviceId: this.options.deviceId,
      serverId: this.login?.server.id,
      server: this.login ? `${this.login.server.host}:${this.login.server.tcpPort}` : undefined,
      state: this.currentState,
      onlineSince: this.onlineSince || undefined,
      reconnects: this.reconnects,
      cursor: this.syncState.cursor,
      caughtUp: this.syncState.caughtUp,
    };
  }

  /**
   * Logs in and connects. Resolves once online and caught up; rejects with a `CimError` when the
   * route refuses (bad credentials, no server) — a first connect is not retried.
   */
  async connect(signal?: AbortSignal): Promise<LoginInfo> {
    if (this.currentState === 'closed') throw new CimError(ErrorCodes.CLOSED, 'this client was closed');
    this.syncState.load(await this.cursorStore.load(this.cursorKey()));
    this.sequencer.markSeen(this.syncState.recentMsgIds());
    this.sequencer.resume(this.syncState.shownSeqs());
    this.setState('connecting');
    try {
      await this.establish(signal);
    } catch (err) {
      this.setState('idle');
      throw err;
    }
    return this.login!;
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
    const clientMsgId = options.clientMsgId ?? randomUUID();
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
    const clientMsgId = options.clientMsgId ?? randomUUID();
    // Online, a send goes over the push server's connection: the server relays sends to the route
    // in batches, which costs the route far less than one HTTP request per message. When that
    // connection cannot answer, the same clientMsgId goes over HTTP (stored once either way).
    const connection = this.currentState === 'online' ? this.connection : undefined;
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
      await this.whenOnline(signal);
      try {
        return await call();
      } catch (err) {
        const ended = err instanceof CimError && (err.code === ErrorCodes.BAD_TOKEN || err.code === ErrorCodes.SESSION_ENDED);
        const retriable = ended || (err instanceof CimError && err.code === ErrorCodes.UNAVAILABLE);
        if (!retriable || attempt >= 5 || this.currentState === 'closed') throw err;
        if (ended) this.connectionLost(err);
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

  /** Logs out and closes for good. Never triggers a reconnect. */
  async close(): Promise<void> {
    if (this.currentState === 'closed') return;
    const wasOnline = this.currentState === 'online';
    this.setState('closed');
    clearTimeout(this.reconnectTimer);
    this.catchUp.stop();
    this.heartbeat.stop();
    const connection = this.connection;
    this.connection = undefined;
    if (this.acks.cancel() && wasOnline) connection?.send({ ack: { cursor: this.syncState.cursor } });
    if (connection && wasOnline) connection.send({ logout: {} });
    if (this.api.token) await this.api.logout().catch(() => undefined);
    connection?.end();
    this.sends.failAll();
    this.sequencer.flush();
    await this.saveSyncState();
  }

  // --- connection life cycle ---

  private async establish(signal?: AbortSignal): Promise<void> {
    const login = await startSession(this.api, this.options, signal);
    this.login = login;
    this.api.token = login.token;
    const connection = await ServerConnection.connect(
      login.server.host,
      login.server.tcpPort,
      this.options.loginTimeoutMs,
      signal,
      login.server.tls ? (this.options.tls ?? {}) : undefined,
    );
    if (this.currentState === 'closed') {
      connection.destroy();
      return;
    }
    const loginOk = loginAnswer(connection, this.options.loginTimeoutMs);
    connection.on('frame', (frame) => this.onFrame(connection, frame));
    connection.once('close', (err) => {
      if (this.connection === connection) this.connectionLost(err);
    });
    this.connection = connection;
    this.heartbeat.heard();
    this.catchUp.begin();
    // No cursor in Login: the SDK catches up over HTTP itself.
    connection.send({ login: { token: login.token, client: 'cim-ts-sdk' } });
    const accepted = await loginOk;
    this.backoff.reset();
    this.onlineSince = Date.now();
    // The push server evicts by its own heartbeat, which it states in LoginOk; the route's figure
    // is what it expects servers to use.
    const heartbeatMs = accepted.heartbeatMs || login.heartbeatMs;
    this.heartbeat.start(Math.min(heartbeatMs, this.options.heartbeatMs ?? heartbeatMs));
    this.setState('online');
    await this.catchUp.run(connection, signal);
  }

  private onFrame(connection: ServerConnection, frame: Frame): void {
    this.heartbeat.heard();
    if ('deliver' in frame) {
      this.catchUp.deliver(frame.deliver.message, frame.deliver.cursor);
    } else if ('sendResult' in frame) {
      this.sends.answer(frame);
    } else if ('receipt' in frame) {
      this.emit('receipt', frame.receipt);
    } else if ('recalled' in frame) {
      this.emit('recalled', frame.recalled);
    } else if ('kick' in frame) {
      this.connection = undefined;
      connection.destroy();
      this.sends.failAll();
      this.heartbeat.stop();
      this.setState('closed');
      this.emit('kicked', frame.kick.reason);
    } else if ('redirect' in frame) {
      // The server is draining: come back through the route at once.
      this.backoff.reset();
      this.connectionLost(new CimError(ErrorCodes.UNAVAILABLE, `redirected: ${frame.redirect.reason}`), 0);
    } else if ('error' in frame) {
      this.emit('error', new CimError(frame.error.code as never, frame.error.message));
    }
  }

  private saveSyncState(): Promise<void> {
    return this.cursorStore.save(this.cursorKey(), this.syncState.serialize()).catch(() => undefined);
  }

  private connectionLost(err?: Error, delayMs?: number): void {
    if (this.currentState === 'closed') return;
    const connection = this.connection;
    this.connection = undefined;
    connection?.destroy();
    this.sends.failAll();
    this.heartbeat.stop();
    if (err) this.emit('error', err);
    this.setState('reconnecting');
    this.scheduleReconnect(delayMs);
  }

  private scheduleReconnect(delayMs = this.backoff.next()): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(async () => {
      if (this.currentState !== 'reconnecting') return;
      try {
        this.reconnects++;
        await this.establish();
      } catch (err) {
        this.connection?.destroy();
        this.connection = undefined;
        this.emit('error', err as Error);
        if (this.currentState === 'reconnecting' || this.currentState === 'online') {
          this.setState('reconnecting');
          this.scheduleReconnect();
        }
      }
    }, delayMs);
  }

  private setState(state: ConnectionState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.emit('state', state);
  }

  private whenOnline(signal?: AbortSignal): Promise<void> {
    if (this.currentState === 'online') return Promise.resolve();
    if (this.currentState === 'closed')
      return Promise.reject(new CimError(ErrorCodes.CLOSED, 'this client was closed'));
    if (this.currentState === 'idle') return Promise.reject(new CimError(ErrorCodes.CLOSED, 'call connect() first'));
    return new Promise((resolve, reject) => {
      const onState = (state: ConnectionState) => {
        if (state === 'online') finish(resolve);
        else if (state === 'closed') finish(() => reject(new CimError(ErrorCodes.CLOSED, 'this client was closed')));
      };
      const onAbort = () => finish(() => reject(new CimError(ErrorCodes.CLOSED, 'aborted')));
      const finish = (then: () => void) => {
        this.off('state', onState);
        signal?.removeEventListener('abort', onAbort);
        then();
      };
      this.on('state', onState);
      signal?.addEventListener('abort', onAbort);
    });
  }

  private cursorKey(): string {
    return `${this.options.routeUrl}|${this.options.userName}|${this.options.deviceId}`;
  }
}
