import type { TestProject } from 'vitest/node';
import type { ProvidedBackends } from './provided-context.js';
import { RedisServer } from '../../devkit/redis-server.js';
import { ZooKeeperServer } from '../../devkit/zookeeper-server.js';

export type { ProvidedBackends };

/**
 * Starts one Redis and one ZooKeeper for the whole run (test files isolate themselves by key
 * prefix and chroot) and stops them when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [redis, zookeeper] = await Promise.allSettled([RedisServer.start(), ZooKeeperServer.start()]);
  const started = [redis, zookeeper].flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const teardown = async () => {
    await Promise.all(started.map((server) => server.stop()));
  };
  if (redis.status === 'rejected' || zookeeper.status === 'rejected') {
    await teardown();
    throw redis.status === 'rejected' ? redis.reason : (zookeeper as PromiseRejectedResult).reason;
  }
  project.provide('redisUrl', redis.value.url);
  project.provide('zkConnect', zookeeper.value.connectString);
  return teardown;
}
