import { silentLogger, ZkRegistry } from '@cim/common/server';
import { createStore, RouteService, type RouteServiceOptions } from '@cim/route';
import { backends } from '../harness/index.js';

/** A route running in the test process, beside push server processes that find it through ZooKeeper. */
export interface RouteInProcess {
  route: RouteService;
  registry: ZkRegistry;
  /** The ZooKeeper connect string of this route's chroot: what its push servers are given. */
  zkConnect: string;
  /** Stops the route, its store and its registry session. */
  stop(): Promise<void>;
}

/**
 * Starts a quiet route in this process on the shared Redis (keys under `prefix`) and ZooKeeper
 * (chroot `prefix`); `zkSessionTimeoutMs` is how long a crashed push server stays listed (the
 * registry's default when absent); `route` sets route options (limits).
 */
export async function startRouteInProcess(
  prefix: string,
  secret: string,
  options: { zkSessionTimeoutMs?: number; route?: Partial<RouteServiceOptions> } = {},
): Promise<RouteInProcess> {
  const { redisUrl, zkConnect } = backends();
  const zk = `${zkConnect}${prefix}`;
  const registry = new ZkRegistry({ connect: zk, logger: silentLogger, sessionTimeoutMs: options.zkSessionTimeoutMs });
  const route = new RouteService({
    secret,
    port: 0,
    store: createStore({ redisUrl, prefix: `${prefix}:` }),
    registry,
    logger: silentLogger,
    ...options.route,
  });
  await route.start();
  return {
    route,
    registry,
    zkConnect: zk,
    async stop() {
      await route.stop();
      await route.store.close();
      await registry.close();
    },
  };
}
