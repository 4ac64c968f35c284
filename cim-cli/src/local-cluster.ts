import { randomBytes } from 'node:crypto';
import type { ServerRegistry } from '@cim/common';
import { createLogger, MemoryRegistryHub, ZkRegistry, type Logger, type TlsMaterial } from '@cim/common/server';
import { createStore, RouteService, type RouteConfig, type SelectionAlgorithm, type StoreOptions } from '@cim/route';
import { PushServer, type PushServerConfig } from '@cim/server';

export interface LocalClusterOptions {
  /** Number of push servers (default 1). */
  servers?: number;
  /** Redis URL; the embedded in-memory store when absent. */
  redisUrl?: string;
  /** ZooKeeper connect string; the embedded in-memory registry when absent. */
  zkConnect?: string;
  /** Key prefix in Redis (default "cim:"). */
  redisPrefix?: string;
  secret?: string;
  host?: string;
  routePort?: number;
  /** TCP port of the first push server; the next ones take the following ports. 0 = any free port. */
  tcpPort?: number;
  /**
   * WebSocket port of the first push server; the next ones take the following ports. 0 = any free
   * port; absent = no WebSocket listener.
   */
  wsPort?: number;
  /** Origins allowed to open a WebSocket; any when absent. */
  wsOrigins?: string[];
  selection?: SelectionAlgorithm;
  heartbeatMs?: number;
  duplicateLogin?: 'kick' | 'reject';
  logger?: Logger;
  /** Further route settings (limits, windows). */
  route?: Partial<Omit<RouteConfig, 'secret' | 'host' | 'port'>>;
  /** Further push server settings (limits), for every server. */
  server?: Partial<Omit<PushServerConfig, 'secret' | 'routeUrl' | 'id' | 'tcpHost' | 'tcpPort' | 'tls'>>;
  /** Store settings (retention, clock). */
  store?: StoreOptions;
  /** TLS for the route's HTTP API, the servers' TCP ports and their internal API. */
  tls?: TlsMaterial;
}

export interface LocalCluster {
  route: RouteService;
  servers: PushServer[];
  routeUrl: string;
  secret: string;
  embedded: { store: boolean; registry: boolean };
  stop(): Promise<void>;
}

/**
 * A route and N push servers in one process: `cim up`. On the embedded backends (in-memory store
 * and registry) by default, on Redis and ZooKeeper when given.
 */
export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const logger = options.logger ?? createLogger('cim');
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const host = options.host ?? '127.0.0.1';
  const hub = options.zkConnect ? undefined : new MemoryRegistryHub();
  const newRegistry = (): ServerRegistry =>
    hub ? hub.client() : new ZkRegistry({ connect: options.zkConnect!, logger: logger.child({ component: 'zk' }) });

  const store = createStore({ redisUrl: options.redisUrl, prefix: options.redisPrefix, ...options.store });
  const route = new RouteService({
    ...options.route,
    secret,
    store,
    registry: newRegistry(),
    host,
    port: options.routePort ?? 8083,
    selection: options.selection,
    heartbeatMs: options.heartbeatMs,
    duplicateLogin: options.duplicateLogin,
    tls: options.tls,
    logger: logger.child({ component: 'route' }),
    processMetrics: true,
  });
  await route.start();

  const servers: PushServer[] = [];
  for (let i = 0; i < (options.servers ?? 1); i++) {
    const server = new PushServer({
      ...options.server,
      secret,
      routeUrl: route.url,
      registry: newRegistry(),
      tcpHost: host,
      tcpPort: options.tcpPort ? options.tcpPort + i : 0,
      ...(options.wsPort !== undefined ? { wsPort: options.wsPort ? options.wsPort + i : 0 } : {}),
      wsOrigins: options.wsOrigins,
      heartbeatMs: options.heartbeatMs,
      tls: options.tls,
      logger: logger.child({ component: `server-${i + 1}` }),
    });
    await server.start();
    servers.push(server);
  }

  return {
    route,
    servers,
    routeUrl: route.url,
    secret,
    embedded: { store: !options.redisUrl, registry: !options.zkConnect },
    async stop() {
      for (const server of servers) await server.stop({ drainTimeoutMs: 1_000 });
      await route.stop();
      await store.close();
    },
  };
}
