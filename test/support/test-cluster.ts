import { startLocalCluster, type LocalCluster, type LocalClusterOptions } from '@cim/cli';
import { silentLogger } from '@cim/common/server';
import { backends, uniquePrefix } from '../harness/index.js';

/** A cluster for a test: one push server unless told otherwise, on free ports, logging nothing. */
export function startTestCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  return startLocalCluster({ servers: 1, routePort: 0, tcpPort: 0, logger: silentLogger, ...options });
}

/** The shared Redis, under a key prefix of its own made from `name`: the store options of a test cluster. */
export function onSharedRedis(name: string): { redisUrl: string; redisPrefix: string } {
  return { redisUrl: backends().redisUrl, redisPrefix: `${uniquePrefix(name)}:` };
}
