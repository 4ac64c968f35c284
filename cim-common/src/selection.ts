import { createHash } from 'node:crypto';
import { CimError, ErrorCodes } from './errors.js';
import type { ServerInfo } from './registry/types.js';

export const selectorNames = ['round-robin', 'random', 'consistent-hash', 'least-connections'] as const;
export type SelectorName = (typeof selectorNames)[number];

/**
 * Picks the push server for a login. The caller passes the candidates (live servers minus any it
 * wants to skip); the selector never remembers servers between calls except as a cache.
 */
export interface ServerSelector {
  readonly name: SelectorName;
  /** A server from `servers` for `userId`, or undefined when `servers` is empty. */
  pick(servers: readonly ServerInfo[], userId: string): ServerInfo | undefined;
}

export interface SelectorOptions {
  /** Source of randomness for `random`, in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Points per server on the consistent-hash ring. Default 160. */
  virtualNodes?: number;
}

/** Creates the selector called `name`; an unknown name is a CIM_ERR_INVALID_INPUT error. */
export function createSelector(name: string, options: SelectorOptions = {}): ServerSelector {
  switch (name) {
    case 'round-robin':
      return roundRobin();
    case 'random':
      return random(options.random ?? Math.random);
    case 'consistent-hash':
      return consistentHash(options.virtualNodes ?? 160);
    case 'least-connections':
      return leastConnections();
    default:
      throw new CimError(
        ErrorCodes.INVALID_INPUT,
        `unknown server selection "${name}"; use one of: ${selectorNames.join(', ')}`,
      );
  }
}

function roundRobin(): ServerSelector {
  let next = 0;
  return {
    name: 'round-robin',
    pick(servers) {
      if (servers.length === 0) return undefined;
      const server = servers[next % servers.length];
      next = (next + 1) % Number.MAX_SAFE_INTEGER;
      return server;
    },
  };
}

function random(source: () => number): ServerSelector {
  return {
    name: 'random',
    pick(servers) {
      if (servers.length === 0) return undefined;
      return servers[Math.min(servers.length - 1, Math.floor(source() * servers.length))];
    },
  };
}

/** Lowest load wins; among equally loaded servers, turns are taken so one does not get every login. */
function leastConnections(): ServerSelector {
  let turn = 0;
  return {
    name: 'least-connections',
    pick(servers) {
      if (servers.length === 0) return undefined;
      const min = Math.min(...servers.map((server) => server.load));
      const candidates = servers.filter((server) => server.load === min);
      const server = candidates[turn % candidates.length];
      turn = (turn + 1) % Number.MAX_SAFE_INTEGER;
      return server;
    },
  };
}

/**
 * A hash ring (ketama style): each server owns `virtualNodes` points, a user belongs to the first
 * point at or after the hash of the user id. Adding or removing one of N servers moves only about
 * 1/N of the users. Rings are cached by the set of server ids, since the live list rarely changes
 * while logins are frequent; a few are kept because callers also pick from filtered lists.
 */
function consistentHash(virtualNodes: number): ServerSelector {
  const rings = new Map<string, Ring>();
  const MAX_CACHED_RINGS = 8;
  return {
    name: 'consistent-hash',
    pick(servers, userId) {
      if (servers.length === 0) return undefined;
      const key = servers
        .map((server) => server.id)
        .sort()
        .join('\n');
      let ring = rings.get(key);
      if (!ring) {
        ring = buildRing(key.split('\n'), virtualNodes);
        if (rings.size >= MAX_CACHED_RINGS) rings.delete(rings.keys().next().value as string);
        rings.set(key, ring);
      }
      const id = ring.ownerOf(hash32(userId));
      return servers.find((server) => server.id === id);
    },
  };
}

interface Ring {
  ownerOf(point: number): string;
}

function buildRing(ids: string[], virtualNodes: number): Ring {
  const entries: Array<{ point: number; id: string }> = [];
  for (const id of ids) {
    // One md5 digest yields four 32-bit points.
    for (let i = 0; i < Math.ceil(virtualNodes / 4); i++) {
      const digest = createHash('md5').update(`${id}#${i}`).digest();
      for (let j = 0; j < 4 && i * 4 + j < virtualNodes; j++) {
        entries.push({ point: digest.readUInt32LE(j * 4), id });
      }
    }
  }
  entries.sort((a, b) => a.point - b.point || (a.id < b.id ? -1 : 1));
  const points = Uint32Array.from(entries, (entry) => entry.point);
  const owners = entries.map((entry) => entry.id);
  return {
    ownerOf(point) {
      let lo = 0;
      let hi = points.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (points[mid] < point) lo = mid + 1;
        else hi = mid;
      }
      return owners[lo === points.length ? 0 : lo];
    },
  };
}

function hash32(text: string): number {
  return createHash('md5').update(text).digest().readUInt32LE(0);
}
