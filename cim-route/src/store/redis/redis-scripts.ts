import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';

export type RedisClient = Redis | Cluster;

/**
 * A Lua script for a step that must be atomic. Each touches only keys of one hash slot (see
 * redis-keys.ts). With `numberOfKeys` the call passes that many keys first, then the arguments;
 * without, it passes an array of any number of keys first.
 */
export interface ScriptDefinition {
  numberOfKeys?: number;
  lua: string;
}

/** The scripts of one part of the store, named like the methods of its typed interface. */
export type ScriptDefinitions<Calls> = { readonly [Method in keyof Calls]: ScriptDefinition };

type ScriptCall = (...keysAndArgs: (string | number)[]) => Promise<unknown>;

const shas = new Map<string, string>();
function shaOf(lua: string): string {
  let sha = shas.get(lua);
  if (sha === undefined) shas.set(lua, (sha = createHash('sha1').update(lua).digest('hex')));
  return sha;
}

/**
 * Registers the scripts on the client and returns typed functions that call them; ioredis runs
 * them with EVALSHA, falling back to EVAL. Command names are prefixed `cimStore`, so they do not
 * collide with a caller's own commands on a shared client.
 */
export function bindScripts<Calls>(client: RedisClient, definitions: ScriptDefinitions<Calls>): Calls {
  const commands = client as unknown as Record<string, ScriptCall>;
  const calls: Record<string, unknown> = {};
  for (const [method, definition] of Object.entries<ScriptDefinition>(definitions)) {
    if (definition.numberOfKeys === undefined) {
      calls[method] = (keys: string[], ...args: (string | number)[]) => runWithKeys(client, definition.lua, keys, args);
      continue;
    }
    const name = `cimStore${method[0].toUpperCase()}${method.slice(1)}`;
    client.defineCommand(name, { numberOfKeys: definition.numberOfKeys, lua: definition.lua });
    calls[method] = (...keysAndArgs: (string | number)[]) => commands[name].apply(client, keysAndArgs);
  }
  return calls as Calls;
}

/**
 * Scripts with a variable number of keys go through EVALSHA itself: ioredis's own script commands
 * would route them on a cluster by their first argument, which is the key count.
 */
async function runWithKeys(
  client: RedisClient,
  lua: string,
  keys: string[],
  args: (string | number)[],
): Promise<unknown> {
  try {
    return await client.evalsha(shaOf(lua), keys.length, ...keys, ...args);
  } catch (err) {
    if (!(err as Error).message.includes('NOSCRIPT')) throw err;
    return client.eval(lua, keys.length, ...keys, ...args);
  }
}
