import { CimError, errorFromWire, ErrorCodes, type Frame } from '@cim/common/client';
import { Backoff } from './backoff.js';
import type { CatchUp } from './catch-up.js';
import type { CimClientEvents, ConnectionState, ResolvedOptions, SessionInfo } from './client-options.js';
import type { Emitter } from './emitter.js';
import { Heartbeat } from './heartbeat.js';
import type { Platform } from './platform.js';
import type { Timer } from './platform-basics.js';
import type { LoginInfo, PortableRouteApi } from './route-api.js';
import type { ConnectionSends } from './send-path.js';
import type { Transport } from './transport.js';

/** Answers to a session refresh that mean "log in with the password instead". */
const SESSION_ENDED = new Set<string>([
  ErrorCodes.BAD_TOKEN,
  ErrorCodes.TOKEN_EXPIRED,
  ErrorCodes.SESSION_ENDED,
  ErrorCodes.UNAUTHORIZED,
]);

/** The session a client resumed without a password has ended: only the app can go on (with the password). */
class SessionEndedError extends CimError {
  constructor(cause: CimError) {
    super(ErrorCodes.SESSION_ENDED, `the session has ended (${cause.message}): log in with the password`, { cause });
  }
}

/**
 * A reconnect first refreshes the session it had (or the one the app resumes with a stored
 * token): no password hash on the route, so every client of a push server that went away can come
 * back at once. Only a session that has ended (logged out elsewhere, replaced, expired) needs the
 * password again; without one, that is a SessionEndedError.
 */
async function startSession(api: PortableRouteApi, options: ResolvedOptions, signal?: AbortSignal): Promise<LoginInfo> {
  if (api.token) {
    try {
      return await api.refresh(signal, options.transport);
    } catch (err) {
      if (!(err instanceof CimError) || !SESSION_ENDED.has(err.code)) throw err;
      if (options.password === undefined) throw new SessionEndedError(err);
    }
  }
  return api.login(options.userName, options.password!, options.deviceId, signal, options.transport);
}

/**
 * LoginOk, or the server's Error, or a timeout: a server that accepted the TCP connection but
 * never answers (a stopped process still has its listening socket) must not hold the client.
 */
function loginAnswer(connection: Transport, timeoutMs: number): Promise<{ heartbeatMs?: number }> {
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
      timeoutMs,
    );
    connection.on('frame', onFrame);
    connection.once('close', onClose);
  });
}

/**
 * The connection life cycle of one client: session start, the connection (TCP or WebSocket) and its Login,
 * heartbeats, the frames that arrive on it, and reconnects through the route with backoff after the
 * connection is lost. State: idle → connecting → online ⇄ reconnecting → closed.
 */
export class ClientSession {
  private connection: Transport | undefined;
  private login: LoginInfo | undefined;
  private currentState: ConnectionState = 'idle';
  private readonly backoff: Backoff;
  private readonly heartbeat = new Heartbeat(
    () => this.connection?.send({ ping: {} }),
    () => this.connectionLost(new CimError(ErrorCodes.TIMEOUT, 'push server stopped answering heartbeats')),
  );
  private reconnectTimer: Timer | undefined;
  private reconnects = 0;
  private onlineSince = 0;
  private stopWatchingNetwork: (() => void) | undefined;
  /** A reconnect attempt is under way (its timer fired and it has not ended yet). */
  private attemptInFlight = false;

  constructor(
    private readonly api: PortableRouteApi,
    private readonly platform: Platform,
    private readonly options: ResolvedOptions,
    private readonly events: Emitter<CimClientEvents>,
    private readonly catchUp: CatchUp,
    private readonly sends: ConnectionSends,
  ) {
    this.backoff = new Backoff(options.reconnectMinMs, options.reconnectMaxMs);
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  /** The connection, while online. */
  get onlineConnection(): Transport | undefined {
    return this.currentState === 'online' ? this.connection : undefined;
  }

  /** Where this client is connected, and since when. */
  info(): { userId?: string; serverId?: string; server?: string; onlineSince?: number; reconnects: number } {
    return {
      userId: this.login?.userId,
      serverId: this.login?.server.id,
      server: this.login ? serverAddress(this.login, this.options.transport) : undefined,
      onlineSince: this.onlineSince || undefined,
      reconnects: this.reconnects,
    };
  }

  /** The current session, for an app to store and resume later (`token` option); none before the first login. */
  session(): SessionInfo | undefined {
    const { login } = this;
    if (!login) return undefined;
    const { token, expiresAt, userId, userName, deviceId } = login;
    return { token, expiresAt, userId, userName, deviceId };
  }

  /** Writes a frame on the connection, if there is one. */
  sendFrame(frame: Frame): void {
    this.connection?.send(frame);
  }

  /** The first connect: online and caught up, or the route's refusal (not retried). */
  async start(signal?: AbortSignal): Promise<LoginInfo> {
    this.setState('connecting');
    this.stopWatchingNetwork ??= this.platform.watchNetwork?.((online) => this.networkChanged(online));
    try {
      await this.establish(signal);
    } catch (err) {
      if (err instanceof SessionEndedError) this.sessionEnded(err);
      else if (this.currentState !== 'closed') {
        this.stopWatchingNetwork?.();
        this.stopWatchingNetwork = undefined;
        this.setState('idle');
      }
      throw err;
    }
    return this.login!;
  }

  /**
   * Closed for good: no reconnect, no heartbeat, no catch-up. Returns the connection (still open)
   * so that the caller can say goodbye on it.
   */
  shutDown(): Transport | undefined {
    this.setState('closed');
    this.stopWatchingNetwork?.();
    this.stopWatchingNetwork = undefined;
    clearTimeout(this.reconnectTimer);
    this.catchUp.stop();
    this.heartbeat.stop();
    const connection = this.connection;
    this.connection = undefined;
    return connection;
  }

  private async establish(signal?: AbortSignal): Promise<void> {
    const login = await startSession(this.api, this.options, signal);
    this.login = login;
    this.api.token = login.token;
    this.events.emit('session', this.session()!);
    const connection = await this.platform.connect(this.options.transport, login.server, {
      timeoutMs: this.options.loginTimeoutMs,
      signal,
      tls: login.server.tls ? (this.options.tls ?? {}) : undefined,
      WebSocket: this.options.WebSocket,
    });
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
    // Closed while the login was under way: close() has ended the connection already.
    if (this.connection !== connection) return;
    this.backoff.reset();
    this.onlineSince = Date.now();
    // The push server evicts by its own heartbeat, which it states in LoginOk; the route's figure
    // is what it expects servers to use.
    const heartbeatMs = accepted.heartbeatMs || login.heartbeatMs;
    this.heartbeat.start(Math.min(heartbeatMs, this.options.heartbeatMs ?? heartbeatMs));
    this.setState('online');
    await this.catchUp.run(connection, signal);
  }

  private onFrame(connection: Transport, frame: Frame): void {
    // A connection let go of (the client closed, or it was replaced) still delivers what was on its
    // way, but the sync state is saved without it: shown now, it would be shown again by the next
    // run's catch-up, so it is left to that catch-up.
    if (connection !== this.connection) return;
    this.heartbeat.heard();
    if ('deliver' in frame) {
      this.catchUp.deliver(frame.deliver.message, frame.deliver.cursor);
    } else if ('sendResult' in frame) {
      this.sends.answer(frame);
    } else if ('receipt' in frame) {
      this.events.emit('receipt', frame.receipt);
    } else if ('recalled' in frame) {
      this.events.emit('recalled', frame.recalled);
    } else if ('kick' in frame) {
      this.connection = undefined;
      connection.destroy();
      this.sends.failAll();
      this.heartbeat.stop();
      this.setState('closed');
      this.events.emit('kicked', frame.kick.reason);
    } else if ('redirect' in frame) {
      // The server is draining: come back through the route at once.
      this.backoff.reset();
      this.connectionLost(new CimError(ErrorCodes.UNAVAILABLE, `redirected: ${frame.redirect.reason}`), 0);
    } else if ('error' in frame) {
      this.events.emit('error', errorFromWire(frame.error));
    }
  }

  /**
   * The host says its network went away or came back. Gone: the connection is dead even if no
   * close has arrived yet, so drop it now rather than after two silent heartbeats. Back: try at
   * once instead of waiting out the backoff.
   */
  private networkChanged(online: boolean): void {
    if (!online && this.currentState === 'online')
      this.connectionLost(new CimError(ErrorCodes.UNAVAILABLE, 'the network went away (offline)'));
    else if (online && this.currentState === 'reconnecting' && !this.attemptInFlight) {
      this.backoff.reset();
      this.scheduleReconnect(0);
    }
  }

  /** The connection went away (or must be dropped): reconnect through the route after a backoff delay. */
  connectionLost(err?: Error, delayMs?: number): void {
    if (this.currentState === 'closed') return;
    const connection = this.connection;
    this.connection = undefined;
    connection?.destroy();
    this.sends.failAll();
    this.heartbeat.stop();
    if (err) this.events.emit('error', err);
    this.setState('reconnecting');
    this.scheduleReconnect(delayMs);
  }

  private scheduleReconnect(delayMs = this.backoff.next()): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(async () => {
      if (this.currentState !== 'reconnecting') return;
      this.attemptInFlight = true;
      try {
        this.reconnects++;
        await this.establish();
      } catch (err) {
        this.connection?.destroy();
        this.connection = undefined;
        if (err instanceof SessionEndedError) {
          this.sessionEnded(err);
          return;
        }
        this.events.emit('error', err as Error);
        if (this.currentState === 'reconnecting' || this.currentState === 'online') {
          this.setState('reconnecting');
          this.scheduleReconnect();
        }
      } finally {
        this.attemptInFlight = false;
      }
    }, delayMs);
  }

  /** Closed for good: the session cannot be resumed without the password, which this client does not have. */
  private sessionEnded(err: SessionEndedError): void {
    if (this.currentState === 'closed') return;
    this.shutDown();
    this.sends.failAll();
    this.events.emit('sessionEnded', err);
  }

  private setState(state: ConnectionState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.events.emit('state', state);
  }

  /** Resolves once online; rejects when the client is closed (or was never connected), or on `signal`. */
  whenOnline(signal?: AbortSignal): Promise<void> {
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
        this.events.off('state', onState);
        signal?.removeEventListener('abort', onAbort);
        then();
      };
      this.events.on('state', onState);
      signal?.addEventListener('abort', onAbort);
    });
  }
}

/** Where a login sends a client over `transport`: the WebSocket URL, or host:port for TCP. */
function serverAddress(login: LoginInfo, transport: ResolvedOptions['transport']): string {
  return transport === 'ws' && login.server.wsUrl ? login.server.wsUrl : `${login.server.host}:${login.server.tcpPort}`;
}
