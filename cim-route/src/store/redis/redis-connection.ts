import { Cluster, Redis } from 'ioredis';
import type { RedisClient } from './redis-scripts.js';

/**
 * The store's own connection. While Redis is away, commands fail within about a second (the route
 * answers 503 CIM_ERR_UNAVAILABLE) instead of waiting in ioredis's offline queue for 20 reconnect
 * attempts (its default); the client keeps reconnecting in the background and service resumes by
 * itself. Errors reach the caller of each command, so the 'error' event only needs a listener to
 * keep ioredis from printing every failed reconnect to stderr.
 */
export function connect(url: string): RedisClient {
  const nodeOptions = {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    // A Redis that hangs without closing the connection must not hang requests either.
    commandTimeout: 3_000,
    retryStrategy: (times: number) => Math.min(times * 50, 500),
  };
  const client = url.startsWith(CLUSTER_SCHEME)
    ? new Cluster(clusterSeeds(url), {
        enableAutoPipelining: true,
        redisOptions: nodeOptions,
        clusterRetryStrategy: nodeOptions.retryStrategy,
      })
    : new Redis(url, { enableAutoPipelining: true, ...nodeOptions });
  client.on('error', () => undefined);
  return client;
}

/** `redis-cluster://host1:port1,host2:port2` names seed nodes of a Redis Cluster. */
const CLUSTER_SCHEME = 'redis-cluster://';

function clusterSeeds(url: string): { host: string; port: number }[] {
  return url
    .slice(CLUSTER_SCHEME.length)
    .split(',')
    .map((hostPort) => {
      const [host, port] = hostPort.trim().split(':');
      return { host, port: Number(port || 6379) };
    });
}
