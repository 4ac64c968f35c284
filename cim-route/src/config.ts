import type { TlsMaterial } from '@cim/common/server';
import type { StaticSite } from './http/static-site.js';
import { DEPARTED_SERVER_MEMORY_MS, type SelectionAlgorithm } from './delivery/index.js';

export interface RouteConfig {
  /** Cluster secret: signs tokens, guards the internal API. */
  secret: string;
  host: string;
  port: number;
  selection: SelectionAlgorithm;
  /** `kick` (default): a second login on a device closes the first. `reject`: CIM's old refusal. */
  duplicateLogin: 'kick' | 'reject';
  heartbeatMs: number;
  tokenTtlMs: number;
  /**
   * How long a session outlives its dropped connection: the device may refresh its token or log in
   * over TCP with it until then. Logout and a newer login end it at once.
   */
  sessionGraceMs: number;
  /**
   * How long a refresh with the token another refresh replaced answers that refresh again (the
   * device may never have received the answer), unless the new token has been used already.
   */
  refreshRetryMs: number;
  /** Largest message body, in UTF-8 bytes. */
  maxBodyChars: number;
  /** Largest HTTP request body the public API reads (it answers 413 past it, before reading on). */
  maxHttpBodyBytes: number;
  /** Messages a user may send per second, on all routes together; `sendBurst` at once. */
  sendRatePerSec: number;
  sendBurst: number;
  /** Password login attempts per client address per minute, on all routes together. */
  loginsPerIpPerMinute: number;
  /** Failed logins per account within 15 minutes; beyond them the account refuses logins for a while. */
  loginFailuresPerAccount: number;
  /** Registrations per client address per hour. */
  registrationsPerIpPerHour: number;
  /** Groups a user may create per hour. */
  groupsPerUserPerHour: number;
  /**
   * Express's `trust proxy`: which proxies' `X-Forwarded-For` names the client address that the
   * per-address limits count, e.g. `1` (the one proxy in front), `loopback` or a subnet. Unset, the
   * socket's peer is the client.
   */
  trustProxy?: string;
  /**
   * Origins whose pages may call the public API from a browser (CORS on `/api/v1/*` and
   * `/healthz`), exact `scheme://host[:port]` or `*`; no CORS when absent.
   */
  corsOrigins?: string[];
  /** How long a client may take to send a whole request (headers and body) before a 408. */
  requestTimeoutMs: number;
  syncPageMax: number;
  /** How long after sending a message its sender may recall it. */
  recallWindowMs: number;
  /** How far ahead a delayed message may be scheduled. */
  maxDelayMs: number;
  maxGroupMembers: number;
  /**
   * A group with this many members or more is large (read diffusion): its messages are stored once
   * in its conversation instead of once per member's stream, pushed without a cursor, and synced
   * by seq. It stays large when members leave. 100 by measurement (docs/benchmarks.md, "Large
   * groups"): from about 100 members a group message costs clearly less CPU read-diffused; at 50
   * the difference is below what the benchmark can tell, and a large group costs a little on every
   * catch-up and conversation list, and has no DELIVERED receipts.
   */
  largeGroupMembers: number;
  /** How long a push request to a push server may stay unanswered before it counts as failed. */
  pushTimeoutMs: number;
  /**
   * How long messages a push server failed to take are pushed to it again (with backoff) while it
   * is listed or just left; then its sessions count as unreachable and sync when they reconnect.
   */
  pushRetryMs: number;
  /** Deliveries kept for retry per failing push server; past it the oldest are dropped (counted). */
  pushRetryBacklog: number;
  /** HTTPS for the route's APIs; also the CA trusted for TLS push servers. Plain HTTP when absent. */
  tls?: TlsMaterial;
  /** A folder served as is (e.g. the web chat at `/chat`), under a strict Content-Security-Policy. */
  staticSite?: StaticSite;
}

export const defaultRouteConfig: Omit<RouteConfig, 'secret'> = {
  host: '127.0.0.1',
  port: 8083,
  selection: 'round-robin',
  duplicateLogin: 'kick',
  heartbeatMs: 30_000,
  tokenTtlMs: 24 * 60 * 60 * 1000,
  sessionGraceMs: 5 * 60 * 1000,
  refreshRetryMs: 60_000,
  maxBodyChars: 4096,
  maxHttpBodyBytes: 64 * 1024,
  sendRatePerSec: 20,
  sendBurst: 50,
  loginsPerIpPerMinute: 30,
  loginFailuresPerAccount: 10,
  registrationsPerIpPerHour: 20,
  groupsPerUserPerHour: 30,
  requestTimeoutMs: 30_000,
  syncPageMax: 500,
  recallWindowMs: 2 * 60 * 1000,
  maxDelayMs: 30 * 24 * 60 * 60 * 1000,
  maxGroupMembers: 10_000,
  largeGroupMembers: 100,
  pushTimeoutMs: 5_000,
  pushRetryMs: DEPARTED_SERVER_MEMORY_MS,
  pushRetryBacklog: 10_000,
};
