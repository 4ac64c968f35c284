import { silentLogger, ZkRegistry, type ZkRegistryOptions } from '@cim/common/server';
import { createStore, RouteService, type RouteServiceOptions } from '@cim/route';
import { backends } from '../harness/index.js';

/** A started route on a free port over the shared Redis and ZooKeeper, both under `prefix`. */
export async function startSharedRoute(
  prefix: string,
  secret: string,
  options: { zk?: Partial<ZkRegistryOptions>; route?: Partial<RouteServiceOptions> } = {},
): Promise<{ route: RouteService; registry: ZkRegistry; zk: string }> {
  const { redisUrl, zkConnect } = backends();
  const zk = `${zkConnect}${prefix}`;
  const registry = new ZkRegistry({ connect: zk, logger: silentLogger, ...options.zk });
  const route = new RouteService({
    secret,
    port: 0,
    store: createStore({ redisUrl, prefix: `${prefix}:` }),
    registry,
    logger: silentLogger,
    ...options.route,
  });
  await route.start();
  return { route, registry, zk };
}
