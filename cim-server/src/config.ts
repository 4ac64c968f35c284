import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TlsMaterial } from '@cim/common';

/** Everything a push server can be told. Defaults are the limits of SPEC §9. */
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
  loginTimeoutMs: number;
  /** How long a Login waits for the route to confirm its session before `Error{UNAVAILABLE}`. */
  loginCheckTimeoutMs: number;
  /** Frames a client may send behind its Login before LoginOk; one more closes the connection. */
  maxHeldFrames: number;
  maxFrameBytes: number;
  /** Bytes queued for one connection before it is closed as a slow consumer. */
  maxOutboundBytes: number;
  maxConnectionsPerIp: number;
  /**
   * Client connections held at once, logged in or not. Absent: derived from the open-file limit
   * (see `defaultMaxConnections`), so that a full server still has descriptors for its internal
   * HTTP API, its calls to the route and its registry session.
   */
  maxConnections?: number;
  /** How long a SIGTERM drain waits for clients to leave. */
  drainTimeoutMs: number;
  /** TLS on the client TCP port and the internal HTTP API; plain when absent. */
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
  maxConnectionsPerIp: 25_000,
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
