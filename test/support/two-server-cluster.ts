import { type LocalCluster, type LocalClusterOptions } from '@cim/cli';
import type { isolatedBackends } from '../harness/index.js';
import { startTestCluster } from './test-cluster.js';

/**
 * A quiet in-process cluster of one route and two push servers on free ports, on the real Redis
 * and ZooKeeper under a key prefix and chroot of the test's own; `options` shape the rest.
 */
export function startTwoServerCluster(
  backends: ReturnType<typeof isolatedBackends>,
  options: LocalClusterOptions = {},
): Promise<LocalCluster> {
  return startTestCluster({ servers: 2, ...backends, ...options });
}
