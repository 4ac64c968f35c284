import type { RouteMetrics } from './metrics.js';
import type { RouteStore } from './store/types.js';

/** Wraps a store so that every call of every room is timed in `cim_route_store_seconds{op, outcome}` (op: `messages.save`, …). */
export function instrumentStore(store: RouteStore, metrics: RouteMetrics): RouteStore {
  const rooms = new Map<string | symbol, object>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'object' || value === null || typeof property !== 'string') return value;
      let room = rooms.get(property);
      if (!room) {
        room = timedRoom(value, property, metrics);
        rooms.set(property, room);
      }
      return room;
    },
  });
}

function timedRoom<Room extends object>(room: Room, name: string, metrics: RouteMetrics): Room {
  return new Proxy(room, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const end = metrics.storeLatency.startTimer({ op: `${name}.${property}` });
        const result = value.apply(target, args);
        if (isAsyncGenerator(result)) return timedSteps(result, end);
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

type EndTimer = (labels: { outcome: 'ok' | 'error' }) => void;

function isAsyncGenerator(value: unknown): value is AsyncGenerator<unknown, unknown, void> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value && 'next' in value;
}

/** A store call that yields as it goes (a save in parts) is timed from its call to its answer. */
async function* timedSteps<T, R>(steps: AsyncGenerator<T, R, void>, end: EndTimer): AsyncGenerator<T, R, void> {
  try {
    const answer = yield* steps;
    end({ outcome: 'ok' });
    return answer;
  } catch (err) {
    end({ outcome: 'error' });
    throw err;
  }
}
