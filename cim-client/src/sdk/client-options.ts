import { CimError, ErrorCodes, type ChatMessage, type ClientTransportName, type Frame } from '@cim/common/client';
import type { CursorStore } from './cursor-store.js';
import type { TlsTrust } from './transport.js';
import type { WebSocketConstructor } from './websocket-transport.js';

export type ConnectionState = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'closed';

export interface CimClientOptions {
  /** Base URL of the route, e.g. http://127.0.0.1:8083. */
  routeUrl: string;
  userName: string;
  /**
   * The password, to log in. May be left out when `token` is given: the client then resumes that
   * session, and when it has ended says so (`sessionEnded`) instead of logging in.
   */
  password?: string;
  /**
   * A session token the app stored (from `client.session()` or the `session` event) to resume that
   * session without the password: the client refreshes it through the route. Tried before the password.
   */
  token?: string;
  /**
   * How to reach push servers: `tcp` (the default on Node) or `ws` (WebSocket; the only one, and
   * the default, in browsers). With `ws` the client asks the route for a server with a WebSocket listener.
   */
  transport?: ClientTransportName;
  /**
   * The WebSocket class for `transport: 'ws'` when the host has none of its own (Node 20: pass
   * the `ws` package's `WebSocket`). `globalThis.WebSocket` by default.
   */
  WebSocket?: WebSocketConstructor;
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
   * Trust for TLS on Node: the CA of the route's HTTPS and of push servers that speak TLS (the
   * login answer says whether a server does). Node's default CAs when absent; browsers use their own.
   */
  tls?: TlsTrust;
}

/** Options that stay optional once resolved. */
type OptionalOptions = 'cursorStore' | 'heartbeatMs' | 'tls' | 'password' | 'token' | 'WebSocket';

/** The options with every default filled in (the cursor store is kept apart). */
export type ResolvedOptions = Required<Omit<CimClientOptions, OptionalOptions>> &
  Pick<CimClientOptions, Exclude<OptionalOptions, 'cursorStore'>>;

export function resolveOptions(options: CimClientOptions, defaultTransport: ClientTransportName): ResolvedOptions {
  if (options.password === undefined && options.token === undefined)
    throw new CimError(ErrorCodes.INVALID_INPUT, 'give a password or a session token');
  return {
    deviceId: 'default',
    reconnectMinMs: 200,
    reconnectMaxMs: 10_000,
    syncPageSize: 200,
    transport: defaultTransport,
    ...options,
    loginTimeoutMs: positiveMs('loginTimeoutMs', options.loginTimeoutMs ?? 10_000),
  };
}

/** A session as an app may store it, to resume it later with the `token` option. */
export interface SessionInfo {
  /** The bearer token: whoever has it acts as this device until the session ends. Store it privately. */
  token: string;
  /** When the token stops being accepted (ms since the epoch), unless refreshed before. */
  expiresAt: number;
  userId: string;
  userName: string;
  deviceId: string;
}

/** Events of a `CimClient`. */
export interface CimClientEvents {
  /**
   * A message for this user, each msgId once. `cursor` is its place in the sync stream: "0" for
   * broadcasts and for large groups' messages, which are not in the stream.
   */
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
  /**
   * Messages after the stored cursor are no longer kept (past the retention, or lost): some may be
   * missing. With `conversationId`: in that large group only (its messages are not in the sync
   * stream), which goes on from its oldest kept message.
   */
  cursorExpired: [expired?: { conversationId: string }];
  /** A receipt for a message this user sent: DELIVERED to a device of `byUserId`, or READ up to `seq`. */
  receipt: [receipt: Extract<Frame, { receipt: unknown }>['receipt']];
  /** A message was recalled by its sender. */
  recalled: [recall: Extract<Frame, { recalled: unknown }>['recalled']];
  /**
   * A new session token (after a login, a resume, or a refresh on reconnect): an app that resumes
   * sessions stores it in place of the previous one.
   */
  session: [session: SessionInfo];
  /**
   * The session this client resumed (`token` option, no password) has ended: logged out, replaced
   * by another login of this device, or expired. The client is closed; the app asks for the password
   * and makes a new client. The error's code is CIM_ERR_SESSION_ENDED.
   */
  sessionEnded: [error: CimError];
  /** A non-fatal problem (a failed reconnect attempt, a refused login). */
  error: [error: Error];
}

function positiveMs(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new CimError(ErrorCodes.INVALID_INPUT, `${name} must be a positive number of milliseconds, not ${value}`);
  return value;
}
