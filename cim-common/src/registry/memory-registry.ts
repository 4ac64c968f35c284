import { CimError, ErrorCodes } from '../errors.js';
import { silentLogger, type Logger } from '../logger.js';
import { ChangeListeners } from './change-listeners.js';
import { assertLoad, sameServers, sortedById, validServerInfo } from './server-info.js';
import type { ServerInfo, ServerRegistry } from './types.js';

interface Entry {
  info: ServerInfo;
  owner: MemoryRegistry;
}

/**
 * The embedded registry backend for running a route and push servers in one process (`cim up`):
 * it plays ZooKeeper's part. Each component gets its own client from `client()`, and a client's
 * registrations disappear when it closes, as ephemeral nodes do when a session ends.
 */
export class MemoryRegistryHub {
  private readonly entries = new Map<string, Entry>();
  private readonly subscribers = new Set<(servers: ServerInfo[]) => void>();

  client(options: { logger?: Logger } = {}): MemoryRegistry {
    return new MemoryRegistry(this, options.logger ?? silentLogger);
  }

  /** Every registered server, ordered by id. */
  servers(): ServerInfo[] {
    return sortedById([...this.entries.values()].map((entry) => entry.info));
  }

  /** Registers or replaces `info`; a server id belongs to the client that registered it last. */
  put(owner: MemoryRegistry, info: ServerInfo): void {
    this.entries.set(info.id, { info, owner });
    this.publish();
  }

  /** Changes the load of a server `owner` registered; false when it has no such registration. */
  updateLoad(owner: MemoryRegistry, id: string, load: number): boolean {
    const entry = this.entries.get(id);
    if (entry?.owner !== owner) return false;
    if (entry.info.load !== load) {
      entry.info = Object.freeze({ ...entry.info, load });
      this.publish();
    }
    return true;
  }

  remove(owner: MemoryRegistry, id: string): void {
    if (this.entries.get(id)?.owner !== owner) return;
    this.entries.delete(id);
    this.publish();
  }

  removeAllOf(owner: MemoryRegistry): void {
    const before = this.entries.size;
    for (const [id, entry] of this.entries) {
      if (entry.owner === owner) this.entries.delete(id);
    }
    if (this.entries.size !== before) this.publish();
  }

  /** Calls `subscriber` with the current list now and with every new list after. */
  subscribe(subscriber: (servers: ServerInfo[]) => void): () => void {
    this.subscribers.add(subscriber);
    subscriber(this.servers());
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  private publish(): void {
    const servers = this.servers();
    for (const subscriber of [...this.subscribers]) subscriber(servers);
  }
}

/** One component's view of a `MemoryRegistryHub`; create it with `hub.client()`. */
export class MemoryRegistry implements ServerRegistry {
  private readonly listeners: ChangeListeners<ServerInfo[]>;
  private list: ServerInfo[] = [];
  private unsubscribe: (() => void) | undefined;
  private closed = false;

  constructor(
    private readonly hub: MemoryRegistryHub,
    logger: Logger = silentLogger,
  ) {
    this.listeners = new ChangeListeners(logger);
  }

  async register(info: ServerInfo): Promise<void> {
    this.assertOpen();
    this.hub.put(this, validServerInfo(info));
  }

  async updateLoad(id: string, load: number): Promise<void> {
    this.assertOpen();
    assertLoad(load);
    if (!this.hub.updateLoad(this, id, load)) {
      throw new CimError(ErrorCodes.NOT_FOUND, `server ${id} is not registered by this registry client`);
    }
  }

  async unregister(id: string): Promise<void> {
    this.assertOpen();
    this.hub.remove(this, id);
  }

  async watch(): Promise<void> {
    this.assertOpen();
    this.unsubscribe ??= this.hub.subscribe((servers) => this.accept(servers));
  }

  servers(): ServerInfo[] {
    return [...this.list];
  }

  onChange(listener: (servers: ServerInfo[]) => void): () => void {
    return this.listeners.add(listener);
  }

  isConnected(): boolean {
    return !this.closed;
  }

  /** The hub lives in this process, so the connection never changes while the client is open. */
  onConnectionChange(): () => void {
    return () => {};
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    this.listeners.clear();
    this.hub.removeAllOf(this);
  }

  private accept(servers: ServerInfo[]): void {
    if (sameServers(this.list, servers)) return;
    this.list = servers;
    this.listeners.emit([...servers]);
  }

  private assertOpen(): void {
    if (this.closed) throw new CimError(ErrorCodes.CLOSED, 'the server registry is closed');
  }
}
