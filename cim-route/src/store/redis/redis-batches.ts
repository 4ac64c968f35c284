import calculateSlot from 'cluster-key-slot';
import type { RedisClient } from './redis-scripts.js';

/**
 * Splits work on many keys into script calls: a script may only touch keys of one hash slot on a
 * Redis Cluster (on a single Redis every key qualifies), and a call stays at most `maxPerCall`
 * items long so that no single script holds Redis up for long.
 */
export function scriptBatches<T>(
  client: RedisClient,
  items: T[],
  keyOf: (item: T) => string,
  maxPerCall: number,
): T[][] {
  const groups = client.isCluster ? bySlot(items, keyOf) : [items];
  const batches: T[][] = [];
  for (const group of groups) {
    for (let i = 0; i < group.length; i += maxPerCall) batches.push(group.slice(i, i + maxPerCall));
  }
  return batches;
}

function bySlot<T>(items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const slot = calculateSlot(keyOf(item));
    const group = groups.get(slot);
    if (group) group.push(item);
    else groups.set(slot, [item]);
  }
  return [...groups.values()];
}
