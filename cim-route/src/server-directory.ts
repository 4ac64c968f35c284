import { createSelector, type Logger, type ServerInfo, type ServerRegistry } from '@cim/common';

export type SelectionAlgorithm = 'round-robin' | 'random' | 'consistent-hash' | 'least-connections';

const FAILED_SERVER_QUARANTINE_MS = 5_000;

/**
 * The route's view of the live push servers: the registry's list, minus servers that just failed a
 * push (quarantined briefly so logins go elsewhere), and the chosen selection algorithm.
 */
export class ServerDirectory {
  private readonly selector;
  private readonly failedUntil = new Map<string, number>();

  constructor(
    private readonly registry: ServerRegistry,
    algorithm: SelectionAlgorithm,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.selector = createSelector(algorithm);
  }

  /** Every registered server (used for fan-out: a quarantined server may still hold clients). */
  live(): ServerInfo[] {
    return this.registry.servers();
  }

  get(serverId: string): ServerInfo | undefined {
    return this.registry.servers().find((s) => s.id === serverId);
  }

  isLive(serverId: string): boolean {
    return this.get(serverId) !== undefined;
  }

  /** A server for a new login, or undefined when none is available. */
  pick(userId: string): ServerInfo | undefined {
    const now = this.now();
    const all = this.registry.servers();
    const healthy = all.filter((s) => (this.failedUntil.get(s.id) ?? 0) <= now);
    return this.selector.pick(healthy.length > 0 ? healthy : all, userId);
  }

  markFailed(serverId: string): void {
    if ((this.failedUntil.get(serverId) ?? 0) <= this.now()) this.logger.warn({ serverId }, 'push server failed a push: skipping it for new logins');
    this.failedUntil.set(serverId, this.now() + FAILED_SERVER_QUARANTINE_MS);
  }

  markHealthy(serverId: string): void {
    this.failedUntil.delete(serverId);
  }

  registryConnected(): boolean {
    return this.registry.isConnected();
  }
}
