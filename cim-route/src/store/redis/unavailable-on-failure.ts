import { CimError, ErrorCodes } from '@cim/common';
import { ReplyError } from 'ioredis';
import type { RedisClient } from './redis-scripts.js';

const STORAGE_UNAVAILABLE = 'storage is unavailable: retry shortly';

/**
 * ioredis rejects a command with a `ReplyError` when Redis answered with an error, and with
 * anything else when no answer came: the connection closed or is not writable, the command timed
 * out, its retries were used up (`MaxRetriesPerRequestError`) or no cluster node could be reached
 * (`ClusterAllFailedError`). Only the second kind says the backend is away.
 */
function isNoAnswer(err: unknown): boolean {
  return err instanceof Error && !(err instanceof ReplyError) && !(err instanceof CimError);
}

/**
 * The client, with every command that got no answer from Redis failing as CimError
 * CIM_ERR_UNAVAILABLE (503, and a retry for the push server's events), so callers of the store see
 * one coded error for an outage instead of the client's own. Redis's error replies pass unchanged.
 */
export function unavailableOnFailure<Client extends RedisClient>(client: Client): Client {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((err: unknown) => {
          throw isNoAnswer(err) ? new CimError(ErrorCodes.UNAVAILABLE, STORAGE_UNAVAILABLE, { cause: err }) : err;
        });
      };
    },
  });
}
