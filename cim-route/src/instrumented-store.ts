import type { RouteMetrics } from './metrics.js';
import type { RouteStore } from './store/types.js';

/** Wraps a store so that every call is timed in `cim_route_store_seconds{op, outcome}`. */
export function instrumentStore(store: RouteStore, metrics: RouteMetrics): RouteStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const end = metrics.storeLatency.startTimer({ op: property });
        const result = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (v: unknown) => {
            end({ outcome: 'ok' });
            return v;
          },
          (err: unknown) => {
            end({ outcome: 'error' });
            throw err;
          },
        );
      };
    },
  });
}
