import { posix } from 'node:path';
import { CimError, ErrorCodes } from '../errors.js';
import { silentLogger } from '../logger.js';
import { ChangeListeners } from './change-listeners.js';
import {
  assertLoad,
  decodeServerInfo,
  encodeServerInfo,
  sameServers,
  sortedById,
  validServerInfo,
} from './server-info.js';
import type { ServerInfo, ServerRegistry } from './types.js';
import { ZkErrorCodes, zkErrorCode, ZkSession, type ZkLogger } from './zk-session.js';

export interface ZkRegistryOptions {
  /** `host:port[,host:port…][/chroot]`, e.g. `zk1:2181,zk2:2181/cim`. */
  connect: string;
  /** Default 10 s: how long a crashed server stays listed. */
  sessionTimeoutMs?: number;
  /** Parent of the server nodes. Default `/cim/servers`. */
  basePath?: string;
  /** How long an operation may wait for ZooKeeper. Default: the session timeout. */
  operationTimeoutMs?: number;
  /** A pino logger or anything with the same methods. */
  logger?: ZkLogger;
}

/** Splits `hosts/chroot` into the hosts and the chroot (`''` for none). */
function parseConnect(connect: string): { hosts: string; chroot: string } {
  const slash = connect.indexOf('/');
  if (slash === -1) return { hosts: connect, chroot: '' };
  const chroot = posix.normalize(connect.slice(slash));
  return { hosts: connect.slice(0, slash), chroot: chroot === '/' ? '' : chroot.replace(/\/$/, '') };
}

/**
 * The server registry on ZooKeeper. A push server's registration is an ephemeral node
 * `<basePath>/<id>` holding its `ServerInfo` as JSON; routes watch the children of `basePath`.
 *
 * Registrations and watches are kept across sessions: on every new connection this re-creates the
 * registered nodes (with the newest load), removes the ones unregistered while away, and reads the
 * list again, which re-arms the watches. While disconnected, `servers()` keeps the last known list.
 *
 * A chroot in the connect string is applied here rather than by the client library, so that the
 * chroot node is created on demand instead of making every operation fail with NO_NODE.
 */
export class ZkRegistry implements ServerRegistry {
  private readonly session: ZkSession;
  private readonly basePath: string;
  private readonly logger: ZkLogger;
  private readonly listeners: ChangeListeners<ServerInfo[]>;
  private readonly connectionListeners: ChangeListeners<boolean>;
  /** Registrations to keep alive, with their newest data. */
  private readonly published = new Map<string, ServerInfo>();
  /** Unregistered ids whose node may still exist. */
  private readonly retired = new Set<string>();
  private list: ServerInfo[] = [];
  private watching = false;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private closed = false;

  constructor(options: ZkRegistryOptions) {
    const { hosts, chroot } = parseConnect(options.connect);
    this.basePath = posix.join(chroot || '/', options.basePath ?? '/cim/servers').replace(/(.)\/+$/, '$1');
    this.logger = options.logger ?? silentLogger;
    this.listeners = new ChangeListeners(this.logger);
    this.connectionListeners = new ChangeListeners(this.logger);
    const sessionTimeoutMs = options.sessionTimeoutMs ?? 10_000;
    this.session = new ZkSession(
      {
        hosts,
        sessionTimeoutMs,
        operationTimeoutMs: options.operationTimeoutMs ?? sessionTimeoutMs,
        logger: this.logger,
      },
      {
        onConnected: (newSession) => {
          void this.reconcile(newSession);
          this.connectionListeners.emit(true);
        },
        onDisconnected: () => this.connectionListeners.emit(false),
      },
    );
    this.session.start();
  }

  async register(info: ServerInfo): Promise<void> {
    this.assertOpen();
    const server = validServerInfo(info);
    this.published.set(server.id, server);
    this.retired.delete(server.id);
    try {
      await this.publish(server.id);
    } catch (err) {
      // The create may have reached ZooKeeper before the failure; make sure such a node goes.
      this.published.delete(server.id);
      this.retired.add(server.id);
      throw err;
    }
  }

  /**
   * Publishes a new load. While ZooKeeper is unreachable the value is kept and published on
   * reconnection, so this does not fail for connectivity.
   */
  async updateLoad(id: string, load: number): Promise<void> {
    this.assertOpen();
    assertLoad(load);
    const current = this.published.get(id);
    if (!current) throw new CimError(ErrorCodes.NOT_FOUND, `server ${id} is not registered by this registry client`);
    const server = Object.freeze({ ...current, load });
    this.published.set(id, server);
    if (!this.session.isConnected()) return;
    try {
      await this.session.setData(this.nodePath(id), encodeServerInfo(server));
    } catch (err) {
      // NO_NODE: a new session has not re-created the node yet, so create it now.
      const retry = zkErrorCode(err) === ZkErrorCodes.NO_NODE ? this.publish(id) : Promise.reject(err);
      await retry.catch((failure: unknown) =>
        this.logger.warn({ err: failure, id }, 'could not publish the load; will retry on reconnection'),
      );
    }
  }

  async unregister(id: string): Promise<void> {
    this.assertOpen();
    if (!this.published.delete(id) && !this.retired.has(id)) return;
    this.retired.add(id);
    await this.removeNode(id);
  }

  async watch(): Promise<void> {
    this.assertOpen();
    this.watching = true;
    await this.refresh();
  }

  servers(): ServerInfo[] {
    return [...this.list];
  }

  onChange(listener: (servers: ServerInfo[]) => void): () => void {
    return this.listeners.add(listener);
  }

  isConnected(): boolean {
    return !this.closed && this.session.isConnected();
  }

  onConnectionChange(listener: (connected: boolean) => void): () => void {
    return this.connectionListeners.add(listener);
  }

  /** Ends the session, which makes ZooKeeper delete this client's nodes at once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.watching = false;
    this.listeners.clear();
    this.connectionListeners.clear();
    await this.session.close();
  }

  private nodePath(id: string): string {
    return `${this.basePath}/${id}`;
  }

  /** Brings ZooKeeper in line with this client after (re)connecting. */
  private async reconcile(newSession: boolean): Promise<void> {
    const work = [
      ...[...this.published.keys()].map((id) => this.publish(id)),
      ...[...this.retired].map((id) => this.removeNode(id)),
    ];
    if (this.watching) work.push(this.refresh());
    const failures = (await Promise.allSettled(work)).filter((r) => r.status === 'rejected');
    for (const failure of failures) {
      this.logger.warn(
        { err: failure.reason, newSession },
        'server registry could not resynchronise; will retry on reconnection',
      );
    }
  }

  /**
   * Creates the ephemeral node of a registered server. A node that already exists is either this
   * session's (its data is updated) or a previous session's that ZooKeeper has not expired yet (it
   * is replaced, since it would vanish on expiry and take the registration with it). Every write
   * takes the newest registration, so a slow publish never overwrites a newer load.
   */
  private async publish(id: string): Promise<void> {
    const path = this.nodePath(id);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const server = this.published.get(id);
      if (!server) return;
      const outcome = await this.createEphemeral(path, encodeServerInfo(server));
      if (outcome === 'created') {
        // Unregistered while the create was on its way.
        if (!this.published.has(id)) await this.removeIfPresent(path);
        return;
      }
      if (outcome === 'no-parent') {
        await this.session.mkdirp(this.basePath);
        continue;
      }
      const stat = await this.session.exists(path);
      if (stat && this.session.ownsNode(stat)) {
        const newest = this.published.get(id);
        if (newest) await this.session.setData(path, encodeServerInfo(newest));
        return;
      }
      if (stat) await this.removeIfPresent(path);
    }
    throw new CimError(ErrorCodes.UNAVAILABLE, `could not create ${path}: it kept changing under this client`);
  }

  private async createEphemeral(path: string, data: Buffer): Promise<'created' | 'no-parent' | 'exists'> {
    try {
      await this.session.create(path, data, true);
      return 'created';
    } catch (err) {
      const code = zkErrorCode(err);
      if (code === ZkErrorCodes.NO_NODE) return 'no-parent';
      if (code === ZkErrorCodes.NODE_EXISTS) return 'exists';
      throw err;
    }
  }

  private async removeNode(id: string): Promise<void> {
    await this.removeIfPresent(this.nodePath(id));
    if (!this.published.has(id)) this.retired.delete(id);
  }

  private async removeIfPresent(path: string): Promise<void> {
    try {
      await this.session.remove(path);
    } catch (err) {
      if (zkErrorCode(err) !== ZkErrorCodes.NO_NODE) throw err;
    }
  }

  /** Reads the list again; calls made while a read runs are served by one more read after it. */
  private refresh(): Promise<void> {
    this.refreshAgain = true;
    this.refreshing ??= (async () => {
      try {
        while (this.refreshAgain && this.watching) {
          this.refreshAgain = false;
          this.accept(await this.readServers());
        }
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  private readonly onWatchEvent = (): void => {
    if (!this.watching) return;
    this.refresh().catch((err) =>
      this.logger.warn({ err }, 'could not read the server list; will retry on reconnection'),
    );
  };

  private async readServers(): Promise<ServerInfo[]> {
    let children: string[];
    try {
      children = await this.session.getChildren(this.basePath, this.onWatchEvent);
    } catch (err) {
      if (zkErrorCode(err) !== ZkErrorCodes.NO_NODE) throw err;
      // No server has registered yet: create the parent so the watch has something to watch.
      await this.session.mkdirp(this.basePath);
      children = await this.session.getChildren(this.basePath, this.onWatchEvent);
    }
    const servers = await Promise.all(children.map((child) => this.readServer(child)));
    return servers.filter((server): server is ServerInfo => server !== undefined);
  }

  private async readServer(child: string): Promise<ServerInfo | undefined> {
    let data: Buffer | undefined;
    try {
      data = await this.session.getData(this.nodePath(child), this.onWatchEvent);
    } catch (err) {
      // Deleted between listing and reading: the children watch reports it.
      if (zkErrorCode(err) === ZkErrorCodes.NO_NODE) return undefined;
      throw err;
    }
    const server = decodeServerInfo(data);
    if (server?.id === child) return server;
    this.logger.warn({ node: child }, 'ignoring a malformed server registration');
    return undefined;
  }

  private accept(servers: ServerInfo[]): void {
    const sorted = sortedById(servers);
    if (sameServers(this.list, sorted)) return;
    this.list = sorted;
    this.listeners.emit([...sorted]);
  }

  private assertOpen(): void {
    if (this.closed) throw new CimError(ErrorCodes.CLOSED, 'the server registry is closed');
  }
}
