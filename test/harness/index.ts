import { inject } from 'vitest';
import type { ProvidedBackends } from './provided-context.js';

export type { ProvidedBackends };
export { freePort } from '../../devkit/free-port.js';
export { askTcp } from '../../devkit/tcp-ask.js';
export { RedisServer, type RedisServerOptions } from '../../devkit/redis-server.js';
export { RedisCluster } from './redis-cluster.js';
export { ZooKeeperServer } from '../../devkit/zookeeper-server.js';
export { ZooKeeperEnsemble } from './zookeeper-ensemble.js';
export { TcpProxy, type CutMode } from './tcp-proxy.js';
export { waitFor, type WaitForOptions } from '../../devkit/wait-for.js';
export { uniquePrefix } from './unique-prefix.js';
export { INSTALL_HINT } from '../../devkit/prerequisites.js';

/** The shared Redis and ZooKeeper started by the global setup. */
export function backends(): ProvidedBackends {
  return { redisUrl: inject('redisUrl'), zkConnect: inject('zkConnect') };
}

/**
 * The shared Redis and ZooKeeper, isolated under `prefix` (from `uniquePrefix`): the backend
 * options of `startLocalCluster`.
 */
export function isolatedBackends(prefix: string): { redisUrl: string; redisPrefix: string; zkConnect: string } {
  const { redisUrl, zkConnect } = backends();
  return { redisUrl, redisPrefix: `${prefix}:`, zkConnect: `${zkConnect}${prefix}` };
}
