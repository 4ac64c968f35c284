import type { ClientTransportName, ServerInfo, ServerRegistry } from '@cim/common';
import { createSelector, type Logger } from '@cim/common/server';

export type SelectionAlgorithm = 'round-robin' | 'random' | 'consistent-hash' | 'least-connections';

const FAILED_SERVER_QUARANTINE_MS = 5_000;

/**
 * How long a server that left the registry is still pushed to at its last address. A server whose
 * registry session lapsed (a partition, a long pause) may still hold connections; one that died
 * fails the push, which costs nothing the device's sync does not recover.
 */
export const DEPARTED_SERVER_MEMORY_MS = 2 * 60_000;

/**
 * The route's view of the live push servers: the registry's list, minus servers that just failed a
 * push (quarantined briefly so logins go elsewhere), and the chosen selection algorithm.
 */
export class ServerDirectory {
  private readonly selector;
  private readonly failedUntil = new Map<string, number>();
  /** Servers seen in the registry, by id, and when each left it (undefined while listed). */
  private readonly known = new Map<string, { server: ServerInfo; departedAt?: number }>();

  constructor(
    private readonly registry: ServerRegistry,
    algorithm: SelectionAlgorithm,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.selector = createSelector(algorithm);
    registry.onChange((servers) => this.remember(servers));
  }

  /** Every registered server (used for fan-out: a quarantined server may still hold clients). */
  live(): ServerInfo[] {
    return this.registry.servers();
  }

  get(serverId: string): ServerInfo | undefined {
    return this.registry.servers().find((s) => s.id === serverId);
  }

  /** A live server, or one that left the registry less than DEPARTED_SERVER_MEMORY_MS ago. */
  resolve(serverId: string): ServerInfo | undefined {
    const live = this.get(serverId);
    if (live) return live;
    const entry = this.known.get(serverId);
    if (entry?.departedAt === undefined) return undefined;
    if (this.now() - entry.departedAt > DEPARTED_SERVER_MEMORY_MS) {
      this.known.delete(serverId);
      return undefined;
    }
    return entry.server;
  }

  isLive(serverId: string): boolean {
    return this.get(serverId) !== undefined;
  }

  /**
   * A server for a new login, or undefined when none is available. A device that connects over
   * WebSocket is only given servers with a WebSocket listener.
   */
  pick(userId: string, transport: ClientTransportName = 'tcp'): ServerInfo | undefined {
    const now = this.now();
    const listed = this.registry.servers();
    const all = transport === 'ws' ? listed.filter((s) => s.wsPort !== undefined) : listed;
    const healthy = all.filter((s) => (this.failedUntil.get(s.id) ?? 0) <= now);
    return this.selector.pick(healthy.length > 0 ? healthy : all, userId);
  }

  markFailed(serverId: string): void {
    if ((this.failedUntil.get(serverId) ?? 0) <= this.now())
      this.logger.warn({ serverId }, 'push server failed a push: skipping it for new logins');
    this.failedUntil.set(serverId, this.now() + FAILED_SERVER_QUARANTINE_MS);
  }

  markHealthy(serverId: string): void {
    this.failedUntil.delete(serverId);
  }

  private remember(servers: ServerInfo[]): void {
    const now = this.now();
    const listed = new Set(servers.map((s) => s.id));
    for (const [id, entry] of this.known) {
      if (listed.has(id)) continue;
      if (entry.departedAt === undefined) entry.departedAt = now;
      else if (now - entry.departedAt > DEPARTED_SERVER_MEMORY_MS) this.known.delete(id);
    }
    for (const server of servers) this.known.set(server.id, { server });
  }

  registryConnected(): boolean {
    return this.registry.isConnected();
  }
}
