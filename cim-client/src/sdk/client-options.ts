import { CimError, ErrorCodes, type ChatMessage, type Frame } from '@cim/common';
import type { CursorStore } from './cursor-store.js';

export type ConnectionState = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'closed';

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

/** The options with every default filled in (the cursor store is kept apart). */
export type ResolvedOptions = Required<Omit<CimClientOptions, 'cursorStore' | 'heartbeatMs' | 'tls'>> &
  Pick<CimClientOptions, 'heartbeatMs' | 'tls'>;

export function resolveOptions(options: CimClientOptions): ResolvedOptions {
  return {
    deviceId: 'default',
    reconnectMinMs: 200,
    reconnectMaxMs: 10_000,
    syncPageSize: 200,
    ...options,
    loginTimeoutMs: positiveMs('loginTimeoutMs', options.loginTimeoutMs ?? 10_000),
  };
}

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

function positiveMs(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new CimError(ErrorCodes.INVALID_INPUT, `${name} must be a positive number of milliseconds, not ${value}`);
  return value;
}
