import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { CimError, errorFromWire, ErrorCodes, type ChatMessage, type Destination, type Frame } from '@cim/common';
import { Backoff } from './backoff.js';
import { MemoryCursorStore, type CursorStore } from './cursor-store.js';
import { MessageSequencer } from './message-sequencer.js';
import { inSeqOrder, SyncState } from './sync-state.js';
import {
  RouteApi,
  type ConversationSummary,
  type LoginInfo,
  type ScheduledAnswer,
  type SendAnswer,
  type UserSummary,
} from './route-api.js';
import { ServerConnection } from './server-connection.js';

export type ConnectionState = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'closed';

/** Answers to a session refresh that mean "log in with the password instead". */
const SESSION_ENDED = new Set<string>([ErrorCodes.BAD_TOKEN, ErrorCodes.TOKEN_EXPIRED, ErrorCodes.SESSION_ENDED, ErrorCodes.UNAUTHORIZED]);

/**
 * Answers to a send over the connection after which the same send is retried over HTTP: the
 * connection went away or went quiet, the server could not reach the route, or the session moved on.
 */
const RETRY_OVER_HTTP = new Set<string>([
  ErrorCodes.CLOSED,
  ErrorCodes.TIMEOUT,
  ErrorCodes.UNAVAILABLE,
  ErrorCodes.BAD_TOKEN,
  ErrorCodes.SESSION_ENDED,
]);

/** How long a send over the connection waits for its SendResult before trying HTTP. */
const SEND_TIMEOUT_MS = 10_000;

export interface CimClientOptions {
  /** Base URL of the route, e.g. http://127.0.0.1:8083. */
  routeUrl: string;
  userName: string;
  password: string;
  /** One session per (user, device); default "default". */
  deviceId?: string;
  /** Where the sync cursor is kept between runs; memory by default. */
  cursorStore?: CursorStore;
  /** Heartbeat interval; the server's value (from login) is used when smaller. */
  heartbeatMs?: number;
  /**
   * How long to wait for a push server to answer the TCP connect and then the Login (default
   * 10 s); a server that never answers (stopped, overloaded) costs at most this before the client
   * goes back through the route.
   */
  loginTimeoutMs?: number;
  /** Reconnect backoff bounds. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Messages fetched per sync page. */
  syncPageSize?: number;
  /**
   * Trust for TLS: the CA of the route's HTTPS and of push servers that speak TLS (the login
   * answer says whether a server does). Node's default CAs when absent.
   */
  tls?: { ca?: string | Buffer; rejectUnauthorized?: boolean };
}

const ACK_DELAY_MS = 20;

/** Events of a `CimClient`. */
export interface CimClientEvents {
  /** A message for this user, each msgId once. `cursor` is "0" for broadcasts. */
  message: [message: ChatMessage, meta: { cursor: string; synced: boolean }];
  /** The connection state changed. */
  state: [state: ConnectionState];
  /** Another login took this device's place; the client is closed and will not reconnect. */
  kicked: [reason: string];
  /** Catch-up after a (re)connect: `fetched` messages so far, `done` at the end. */
  sync: [progress: { fetched: number; done: boolean }];
  /**
   * A catch-up after a (re)connect succeeded (after however many retries): every message up to
   * `cursor` has been received.
   */
  caughtUp: [progress: { cursor: string }];
  /** Messages after the stored cursor are no longer kept (past the retention, or lost): some may be missing. */
  cursorExpired: [];
  /** A receipt for a message this user sent: DELIVERED to a device of `byUserId`, or READ up to `seq`. */
  receipt: [receipt: Extract<Frame, { receipt: unknown }>['receipt']];
  /** A message was recalled by its sender. */
  recalled: [recall: Extract<Frame, { recalled: unknown }>['recalled']];
  /** A non-fatal problem (a failed reconnect attempt, a refused login). */
  error: [error: Error];
}

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
  private readonly options: Required<Omit<CimClientOptions, 'cursorStore' | 'heartbeatMs' | 'tls'>> &
    Pick<CimClientOptions, 'heartbeatMs' | 'tls'>;
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
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private ackTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private lastHeard = 0;
  /** Sends over the connection waiting for their SendResult, by requestId. */
  private readonly sendsInFlight = new Map<number, (outcome: SendAnswer | Error) => void>();
  private nextRequestId = 1;
  private reconnects = 0;
  private onlineSince = 0;
  private syncing = false;
  /** Stops the catch-up loop of the current connection (it also stops when that connection closes). */
  private catchUpStop: AbortController | undefined;
  private heldDuringSync: { message: ChatMessage; cursor: string }[] = [];

  constructor(options: CimClientOptions) {
    super();
    this.options = {
      deviceId: 'default',
      reconnectMinMs: 200,
      reconnectMaxMs: 10_000,
      syncPageSize: 200,
      ...options,
      loginTimeoutMs: positiveMs('loginTimeoutMs', options.loginTimeoutMs ?? 10_000),
    };
    this.cursorStore = options.cursorStore ?? new MemoryCursorStore();
    this.backoff = new Backoff(this.options.reconnectMinMs, this.options.reconnectMaxMs);
    this.api = new RouteApi(options.routeUrl, { ca: options.tls?.ca });
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
        return await this.sendOverConnection(connection, { clientMsgId, to, body }, options.signal);
      } catch (err) {
        if (options.signal?.aborted || !(err instanceof CimError) || !RETRY_OVER_HTTP.has(err.code)) throw err;
      }
    }
    return this.withSession(options.signal, () => this.api.send(to, body, clientMsgId, options.signal));
  }

  private sendOverConnection(
    connection: ServerConnection,
    send: { clientMsgId: string; to: Destination; body: string },
    signal?: AbortSignal,
  ): Promise<SendAnswer> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const settle = (outcome: SendAnswer | Error) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.sendsInFlight.delete(requestId);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const onAbort = () => settle(new CimError(ErrorCodes.CLOSED, 'aborted'));
      const timer = setTimeout(
        () => settle(new CimError(ErrorCodes.TIMEOUT, 'the push server did not answer the send')),
        SEND_TIMEOUT_MS,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sendsInFlight.set(requestId, settle);
      connection.send({ requestId, send });
    });
  }

  /** Fails every send still waiting for its SendResult (the connection went away). */
  private failSendsInFlight(): void {
    for (const settle of [...this.sendsInFlight.values()])
      settle(new CimError(ErrorCodes.CLOSED, 'the connection closed before the send was answered'));
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
    this.catchUpStop?.abort();
    this.stopHeartbeat();
    const connection = this.connection;
    this.connection = undefined;
    if (this.ackTimer) {
      clearTimeout(this.ackTimer);
      this.ackTimer = undefined;
      if (wasOnline) connection?.send({ ack: { cursor: this.syncState.cursor } });
    }
    if (connection && wasOnline) connection.send({ logout: {} });
    if (this.api.token) await this.api.logout().catch(() => undefined);
    connection?.end();
    this.failSendsInFlight();
    this.sequencer.flush();
    await this.saveSyncState();
  }

  // --- connection life cycle ---

  /**
   * A reconnect first refreshes the session it had: no password hash on the route, so every client
   * of a push server that went away can come back at once. Only a session that has ended (logged
   * out elsewhere, replaced, expired) needs the password again.
   */
  private async startSession(signal?: AbortSignal): Promise<LoginInfo> {
    if (this.api.token) {
      try {
        return await this.api.refresh(signal);
      } catch (err) {
        if (!(err instanceof CimError) || !SESSION_ENDED.has(err.code)) throw err;
      }
    }
    return this.api.login(this.options.userName, this.options.password, this.options.deviceId, signal);
  }

  private async establish(signal?: AbortSignal): Promise<void> {
    const login = await this.startSession(signal);
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
    const loginOk = this.loginAnswer(connection);
    connection.on('frame', (frame) => this.onFrame(connection, frame));
    connection.once('close', (err) => {
      if (this.connection === connection) this.connectionLost(err);
    });
    this.connection = connection;
    this.lastHeard = Date.now();
    // Pushes on this connection may lie past what was missed while away, until a catch-up succeeds.
    this.syncState.catchUpNeeded();
    this.syncing = true;
    // No cursor in Login: the SDK catches up over HTTP itself.
    connection.send({ login: { token: login.token, client: 'cim-ts-sdk' } });
    const accepted = await loginOk;
    this.backoff.reset();
    this.onlineSince = Date.now();
    // The push server evicts by its own heartbeat, which it states in LoginOk; the route's figure
    // is what it expects servers to use.
    const heartbeatMs = accepted.heartbeatMs || login.heartbeatMs;
    this.startHeartbeat(Math.min(heartbeatMs, this.options.heartbeatMs ?? heartbeatMs));
    this.setState('online');
    await this.catchUp(connection, signal);
  }

  /**
   * LoginOk, or the server's Error, or a timeout: a server that accepted the TCP connection but
   * never answers (a stopped process still has its listening socket) must not hold the client.
   */
  private loginAnswer(connection: ServerConnection): Promise<{ heartbeatMs?: number }> {
    return new Promise((resolve, reject) => {
      const finish = (outcome: { heartbeatMs?: number } | Error) => {
        clearTimeout(timer);
        connection.off('frame', onFrame);
        connection.off('close', onClose);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const onFrame = (frame: Frame) => {
        if ('loginOk' in frame) finish(frame.loginOk);
        else if ('error' in frame) finish(errorFromWire(frame.error));
      };
      const onClose = (err?: Error) =>
        finish(err ?? new CimError(ErrorCodes.CLOSED, 'push server closed the connection during login'));
      const timer = setTimeout(
        () => finish(new CimError(ErrorCodes.TIMEOUT, 'push server did not answer the login')),
        this.options.loginTimeoutMs,
      );
      connection.on('frame', onFrame);
      connection.once('close', onClose);
    });
  }

  private onFrame(connection: ServerConnection, frame: Frame): void {
    this.lastHeard = Date.now();
    if ('deliver' in frame) {
      const { message, cursor } = frame.deliver;
      if (this.syncing) this.heldDuringSync.push({ message, cursor });
      else this.accept(message, cursor, false);
    } else if ('sendResult' in frame) {
      const { error, ...answer } = frame.sendResult;
      this.sendsInFlight.get(frame.requestId ?? 0)?.(
        error ? errorFromWire(error) : (answer as SendAnswer),
      );
    } else if ('receipt' in frame) {
      this.emit('receipt', frame.receipt);
    } else if ('recalled' in frame) {
      this.emit('recalled', frame.recalled);
    } else if ('kick' in frame) {
      this.connection = undefined;
      connection.destroy();
      this.failSendsInFlight();
      this.stopHeartbeat();
      this.setState('closed');
      this.emit('kicked', frame.kick.reason);
    } else if ('redirect' in frame) {
      // The server is draining: come back through the route at once.
      this.backoff.reset();
      this.connectionLost(new CimError(ErrorCodes.UNAVAILABLE, `redirected: ${frame.redirect.reason}`), 0);
    } else if ('error' in frame) {
      this.emit('error', errorFromWire(frame.error));
    }
  }

  /**
   * Catches up from the cursor, retrying with backoff until a catch-up succeeds or the connection
   * goes away (or `signal`, the caller's of `connect()`, aborts). Live pushes are held while an
   * attempt runs and shown between attempts, but they move the saved cursor only once a catch-up
   * has succeeded (see SyncState): a client that quits before then fetches the missed range on its
   * next start.
   */
  private async catchUp(connection: ServerConnection, signal?: AbortSignal): Promise<void> {
    const stop = new AbortController();
    const onEnd = () => stop.abort();
    this.catchUpStop = stop;
    connection.once('close', onEnd);
    signal?.addEventListener('abort', onEnd, { once: true });
    const retry = new Backoff(this.options.reconnectMinMs, this.options.reconnectMaxMs);
    try {
      for (;;) {
        try {
          await this.catchUpOnce(stop.signal);
          // Pushes are contiguous with the catch-up only on the connection they both belong to.
          if (stop.signal.aborted) return;
          this.syncState.catchUpDone();
          this.releaseHeld();
          this.scheduleAck();
          this.emit('caughtUp', { cursor: this.syncState.cursor });
          return;
        } catch (err) {
          this.releaseHeld();
          if (stop.signal.aborted) return;
          this.emit('error', err as Error);
          await delay(retry.next(), stop.signal).catch(() => undefined);
          if (stop.signal.aborted) return;
        }
      }
    } finally {
      connection.off('close', onEnd);
      signal?.removeEventListener('abort', onEnd);
      if (this.catchUpStop === stop) this.catchUpStop = undefined;
      await this.saveSyncState();
    }
  }

  /**
   * One catch-up attempt: everything after the cursor (from a little before it: see SYNC_REWIND),
   * page by page, to the end of the stream.
   */
  private async catchUpOnce(signal: AbortSignal): Promise<void> {
    this.syncing = true;
    let fetched = 0;
    let after = this.syncState.syncFrom;
    for (;;) {
      let page;
      try {
        page = await this.api.sync(after, this.options.syncPageSize, signal);
      } catch (err) {
        if (!(err instanceof CimError && err.code === ErrorCodes.CURSOR_EXPIRED) || after === '0') throw err;
        if (BigInt(after) < BigInt(this.syncState.cursor)) {
          // Only the rewind reached past the retention; the cursor itself may still be fine.
          after = this.syncState.cursor;
          continue;
        }
        // Older than the retention: say so, then take everything still kept.
        this.emit('cursorExpired');
        this.syncState.reset();
        this.sequencer.forgetGaps();
        after = '0';
        continue;
      }
      for (const entry of inSeqOrder(page.messages)) this.accept(entry.message, entry.cursor, true);
      fetched += page.messages.length;
      this.emit('sync', { fetched, done: !page.hasMore });
      if (!page.hasMore || page.messages.length === 0) return;
      after = page.cursor;
    }
  }

  /** Shows what arrived live during a catch-up attempt. */
  private releaseHeld(): void {
    this.syncing = false;
    const held = this.heldDuringSync;
    this.heldDuringSync = [];
    for (const { message, cursor } of held) this.accept(message, cursor, false);
  }

  private accept(message: ChatMessage, cursor: string, synced: boolean): void {
    if (this.syncState.record(message.msgId, cursor, synced)) this.scheduleAck();
    this.sequencer.push(message, { cursor, synced });
  }

  private saveSyncState(): Promise<void> {
    return this.cursorStore.save(this.cursorKey(), this.syncState.serialize()).catch(() => undefined);
  }

  /** Acks are coalesced: one Ack frame for everything that arrived within a few milliseconds. */
  private scheduleAck(): void {
    if (this.ackTimer) return;
    this.ackTimer = setTimeout(() => {
      this.ackTimer = undefined;
      this.connection?.send({ ack: { cursor: this.syncState.cursor } });
    }, ACK_DELAY_MS);
  }

  private connectionLost(err?: Error, delayMs?: number): void {
    if (this.currentState === 'closed') return;
    const connection = this.connection;
    this.connection = undefined;
    connection?.destroy();
    this.failSendsInFlight();
    this.stopHeartbeat();
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

  private startHeartbeat(heartbeatMs: number): void {
    this.stopHeartbeat();
    // Twice per heartbeat: the server evicts after 1.5 heartbeats of silence, so one late ping (a
    // busy event loop, a slow network) must not cost the connection and its session.
    this.heartbeatTimer = setInterval(() => {
      // No frame (not even a Pong) for two heartbeats: the server or the path to it is dead.
      if (Date.now() - this.lastHeard > heartbeatMs * 2) {
        this.connectionLost(new CimError(ErrorCodes.TIMEOUT, 'push server stopped answering heartbeats'));
        return;
      }
      this.connection?.send({ ping: {} });
    }, heartbeatMs / 2);
    this.heartbeatTimer.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
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

function positiveMs(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new CimError(ErrorCodes.INVALID_INPUT, `${name} must be a positive number of milliseconds, not ${value}`);
  return value;
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CimError(ErrorCodes.CLOSED, 'aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
