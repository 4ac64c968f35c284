import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TlsMaterial } from '@cim/common/server';

/** Everything a push server can be told. Defaults are the limits of docs/design.md#limits. */
export interface PushServerConfig {
  /**
   * Id in the registry. Absent: `srv-<advertisedHost|tcpHost>-<tcpPort>`, the same on every start
   * with a fixed port (a restarted server takes its place at once), random with port 0.
   */
  id?: string;
  /** Cluster secret: verifies tokens, guards the internal API. */
  secret: string;
  /** TCP listener for clients. Port 0 picks a free one. */
  tcpHost: string;
  tcpPort: number;
  /**
   * WebSocket listener for browsers, on tcpHost: one binary message per Frame, upgrades on `/`.
   * Port 0 picks a free one; absent, there is no WebSocket listener.
   */
  wsPort?: number;
  /** Origins allowed to open a WebSocket (exact `scheme://host[:port]`); any origin when absent. */
  wsOrigins?: string[];
  /** Address published for clients, when it differs from tcpHost (e.g. 0.0.0.0 → a public name). */
  advertisedHost?: string;
  /** Internal push API (route → server). Binds to loopback by default. */
  httpHost: string;
  /** Address routes use for the push API, when it differs from httpHost (e.g. a container name). */
  advertisedHttpHost?: string;
  httpPort: number;
  /** Base URL of the route (or of the load balancer in front of the routes). */
  routeUrl: string;
  heartbeatMs: number;
  /** A connection that has not logged in by then is closed with CIM_ERR_LOGIN_TIMEOUT. */
  loginTimeoutMs: number;
  /** How long a Login waits for the route to confirm its session before `Error{UNAVAILABLE}`. */
  loginCheckTimeoutMs: number;
  /** Frames a client may send behind its Login before LoginOk; one more closes the connection. */
  maxHeldFrames: number;
  maxFrameBytes: number;
  /** Bytes queued for one connection before it is closed as a slow consumer. */
  maxOutboundBytes: number;
  /**
   * How long the last frames of a connection being closed (an Error, a Kick) wait for a client
   * that is not reading before the socket is destroyed.
   */
  closeGraceMs: number;
  /**
   * Connections from one address, logged in or not. Absent: an eighth of `maxConnections` (see
   * `defaultMaxConnectionsPerIp`), so that one address cannot fill the server.
   */
  maxConnectionsPerIp?: number;
  /** Connections from one address that have not logged in yet: a handshake flood is cut short. */
  maxPendingLoginsPerIp: number;
  /**
   * Frames a connection may send per second, after a burst of `inboundFrameBurst`. Past it the
   * server reads that connection's socket more slowly; a Ping past it closes the connection with
   * CIM_ERR_RATE_LIMITED (a heartbeat needs one Ping per half heartbeat).
   */
  inboundFramesPerSec: number;
  inboundFrameBurst: number;
  /**
   * Client connections held at once, logged in or not. Absent: derived from the open-file limit
   * (see `defaultMaxConnections`), so that a full server still has descriptors for its internal
   * HTTP API, its calls to the route and its registry session.
   */
  maxConnections?: number;
  /** How long a SIGTERM drain waits for clients to leave. */
  drainTimeoutMs: number;
  /** TLS on the client TCP port, the WebSocket port (`wss`) and the internal HTTP API; plain when absent. */
  tls?: TlsMaterial;
}

export const defaultPushServerConfig: Omit<PushServerConfig, 'secret' | 'routeUrl'> = {
  tcpHost: '127.0.0.1',
  tcpPort: 0,
  httpHost: '127.0.0.1',
  httpPort: 0,
  heartbeatMs: 30_000,
  loginTimeoutMs: 10_000,
  loginCheckTimeoutMs: 5_000,
  maxHeldFrames: 32,
  maxFrameBytes: 64 * 1024,
  maxOutboundBytes: 4 * 1024 * 1024,
  closeGraceMs: 2_000,
  maxPendingLoginsPerIp: 64,
  inboundFramesPerSec: 50,
  inboundFrameBurst: 100,
  drainTimeoutMs: 10_000,
};

/** The id a server without `--id` takes: stable across restarts when its TCP port is fixed. */
export function defaultServerId(config: Pick<PushServerConfig, 'tcpHost' | 'tcpPort' | 'advertisedHost'>): string {
  if (config.tcpPort === 0) return `srv-${randomBytes(4).toString('hex')}`;
  // Registry node names allow [A-Za-z0-9_.:-] only.
  const host = (config.advertisedHost ?? config.tcpHost).replace(/[^A-Za-z0-9_.:-]/g, '_');
  return `srv-${host}-${config.tcpPort}`;
}

/** Descriptors kept back from clients: internal HTTP API, route link, registry, logs, refused sockets. */
export const FD_RESERVE = 64;

/**
 * The soft "Max open files" limit in the text of /proc/<pid>/limits; undefined when it is
 * "unlimited" or the line is missing.
 */
export function parseMaxOpenFiles(limits: string): number | undefined {
  const line = limits.split('\n').find((l) => l.startsWith('Max open files'));
  const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
  return soft !== undefined && /^\d+$/.test(soft) ? Number(soft) : undefined;
}

/**
 * How many client connections fit under this process's soft open-file limit with FD_RESERVE
 * descriptors to spare. Without a limit to read (no /proc outside Linux) there is no cap.
 */
export function defaultMaxConnections(
  readLimits: () => string = () => readFileSync('/proc/self/limits', 'utf8'),
): number {
  let soft: number | undefined;
  try {
    soft = parseMaxOpenFiles(readLimits());
  } catch {
    return Infinity;
  }
  return soft === undefined ? Infinity : Math.max(0, soft - FD_RESERVE);
}

/** Per-address connections where no connection cap can be read (no /proc outside Linux). */
export const UNCAPPED_CONNECTIONS_PER_IP = 2_500;

/**
 * The default per-address limit: an eighth of the server's connection cap, so that it fires
 * before one address fills the server (a limit above the cap never would).
 */
export function defaultMaxConnectionsPerIp(maxConnections: number): number {
  return Number.isFinite(maxConnections) ? Math.max(1, Math.floor(maxConnections / 8)) : UNCAPPED_CONNECTIONS_PER_IP;
}
