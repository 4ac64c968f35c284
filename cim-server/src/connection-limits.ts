import { ErrorCodes } from '@cim/common';
import type { Connection } from './connection.js';

export interface ConnectionLimitSettings {
  /** Connections held at once, logged in or not. */
  maxConnections: number;
  maxConnectionsPerIp: number;
  maxPendingLoginsPerIp: number;
}

/** Which limit refused a connection: the label of the refusals metric. */
export type RefusedBy = 'server' | 'per-ip' | 'pending-logins-per-ip';

export interface Refusal {
  code: typeof ErrorCodes.TOO_MANY_CONNECTIONS;
  message: string;
  limit: RefusedBy;
}

/**
 * Admission of new connections: a cap for the server, a cap per remote address, and a tighter cap
 * per address on connections that have not logged in yet (a handshake costs nothing to open and
 * holds a descriptor until the login timeout).
 */
export class ConnectionLimits {
  private readonly perIp = new Map<string, number>();
  /** Per address, the connections that had not logged in when last looked at. */
  private readonly pendingPerIp = new Map<string, Set<Connection>>();

  constructor(readonly settings: ConnectionLimitSettings) {}

  /** Why one more connection from `ip` is refused while `open` are held, if it is. */
  refusal(ip: string, open: number): Refusal | undefined {
    const { maxConnections, maxConnectionsPerIp, maxPendingLoginsPerIp } = this.settings;
    const refuse = (limit: RefusedBy, message: string): Refusal => ({
      code: ErrorCodes.TOO_MANY_CONNECTIONS,
      message,
      limit,
    });
    if (this.pendingCount(ip) >= maxPendingLoginsPerIp) {
      return refuse(
        'pending-logins-per-ip',
        `at most ${maxPendingLoginsPerIp} connections per address waiting to log in`,
      );
    }
    if ((this.perIp.get(ip) ?? 0) >= maxConnectionsPerIp) {
      return refuse('per-ip', `at most ${maxConnectionsPerIp} connections per address`);
    }
    // Accepting until accept() fails at the open-file limit would starve the internal HTTP API and
    // a registry reconnect of descriptors; refusing here keeps a reserve for them.
    if (open >= maxConnections) return refuse('server', `at most ${maxConnections} connections per server`);
    return undefined;
  }

  admitted(conn: Connection): void {
    const ip = conn.remoteAddress;
    this.perIp.set(ip, (this.perIp.get(ip) ?? 0) + 1);
    let pending = this.pendingPerIp.get(ip);
    if (!pending) this.pendingPerIp.set(ip, (pending = new Set()));
    pending.add(conn);
  }

  released(conn: Connection): void {
    const ip = conn.remoteAddress;
    const count = (this.perIp.get(ip) ?? 1) - 1;
    if (count <= 0) this.perIp.delete(ip);
    else this.perIp.set(ip, count);
    const pending = this.pendingPerIp.get(ip);
    pending?.delete(conn);
    if (pending?.size === 0) this.pendingPerIp.delete(ip);
  }

  /**
   * Connections from `ip` still waiting to log in. Logins are noticed here, when the next
   * connection from the same address arrives, rather than reported by the login path: the set
   * never holds more than the limit, so the sweep is cheap.
   */
  private pendingCount(ip: string): number {
    const pending = this.pendingPerIp.get(ip);
    if (!pending) return 0;
    for (const conn of pending) if (conn.user) pending.delete(conn);
    if (pending.size === 0) this.pendingPerIp.delete(ip);
    return pending.size;
  }
}
