import { describe, expect, it } from 'vitest';
import { isCimError } from './errors.js';
import type { ServerInfo } from './registry/types.js';
import { createSelector, selectorNames } from './selection.js';

function server(id: string, load = 0): ServerInfo {
  return { id, host: '127.0.0.1', tcpPort: 9000, httpHost: '127.0.0.1', httpPort: 8000, load, startedAt: 0 };
}

const servers = (n: number) => Array.from({ length: n }, (_, i) => server(`srv-${i}`));
const users = (n: number) => Array.from({ length: n }, (_, i) => `${1_000_000 + i * 7919}`);

function countPicks(pick: () => ServerInfo | undefined, times: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < times; i++) {
    const id = pick()!.id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe('createSelector', () => {
  it.each(selectorNames)('%s picks nothing from an empty list', (name) => {
    expect(createSelector(name).pick([], 'u1')).toBeUndefined();
  });

  it.each(selectorNames)('%s picks the only server of a one-server list', (name) => {
    const only = server('srv-only');
    expect(createSelector(name).pick([only], 'u1')).toBe(only);
  });

  it('rejects an unknown name with CIM_ERR_INVALID_INPUT, naming the valid ones', () => {
    let error: unknown;
    try {
      createSelector('fastest');
    } catch (err) {
      error = err;
    }
    expect(isCimError(error) && error.code).toBe('CIM_ERR_INVALID_INPUT');
    expect((error as Error).message).toContain('round-robin');
  });
});

describe('round-robin', () => {
  it('cycles through the servers in order, each getting an equal share', () => {
    const list = servers(3);
    const selector = createSelector('round-robin');
    const picked = Array.from({ length: 6 }, () => selector.pick(list, 'same-user')!.id);
    expect(picked).toEqual(['srv-0', 'srv-1', 'srv-2', 'srv-0', 'srv-1', 'srv-2']);
    expect([...countPicks(() => selector.pick(list, 'u'), 300).values()]).toEqual([100, 100, 100]);
  });

  it('keeps cycling when the list shrinks', () => {
    const selector = createSelector('round-robin');
    selector.pick(servers(3), 'u');
    const two = servers(2);
    const counts = countPicks(() => selector.pick(two, 'u'), 100);
    expect([...counts.values()]).toEqual([50, 50]);
  });
});

describe('random', () => {
  it('maps the random source over the whole list', () => {
    const list = servers(4);
    const values = [0, 0.25, 0.5, 0.999999];
    const selector = createSelector('random', { random: () => values.shift()! });
    expect(list.map(() => selector.pick(list, 'u')!.id)).toEqual(['srv-0', 'srv-1', 'srv-2', 'srv-3']);
  });

  it('reaches every server with the default source', () => {
    const list = servers(4);
    const selector = createSelector('random');
    expect(countPicks(() => selector.pick(list, 'u'), 400).size).toBe(4);
  });
});

describe('least-connections', () => {
  it('picks the least loaded server', () => {
    const list = [server('srv-a', 10), server('srv-b', 3), server('srv-c', 7)];
    expect(createSelector('least-connections').pick(list, 'u')!.id).toBe('srv-b');
  });

  it('takes turns among equally loaded servers', () => {
    const list = [server('srv-a', 2), server('srv-b', 1), server('srv-c', 1)];
    const selector = createSelector('least-connections');
    const picked = Array.from({ length: 4 }, () => selector.pick(list, 'u')!.id);
    expect(picked).toEqual(['srv-b', 'srv-c', 'srv-b', 'srv-c']);
  });
});

describe('consistent-hash', () => {
  it('gives a user the same server every time, whatever the order of the list', () => {
    const list = servers(5);
    const selector = createSelector('consistent-hash');
    for (const user of users(50)) {
      const first = selector.pick(list, user)!.id;
      expect(selector.pick([...list].reverse(), user)!.id).toBe(first);
      expect(createSelector('consistent-hash').pick(list, user)!.id).toBe(first);
    }
  });

  it('returns the object from the list it was given, with its current load', () => {
    const selector = createSelector('consistent-hash');
    const before = selector.pick(servers(3), 'u42')!;
    const updated = servers(3).map((s) => ({ ...s, load: 99 }));
    const after = selector.pick(updated, 'u42')!;
    expect(after.id).toBe(before.id);
    expect(after.load).toBe(99);
  });

  it('spreads users evenly over the servers', () => {
    const list = servers(10);
    const selector = createSelector('consistent-hash');
    const userIds = users(20_000);
    const counts = countPicks(() => selector.pick(list, userIds.pop()!), 20_000);
    expect(counts.size).toBe(10);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(2000 * 0.7);
      expect(count).toBeLessThan(2000 * 1.3);
    }
  });

  it('moves only about 1/N of the users, all to the new server, when a server is added', () => {
    const before = servers(10);
    const after = [...before, server('srv-new')];
    const selector = createSelector('consistent-hash');
    const userIds = users(20_000);

    const moved = userIds.filter((user) => selector.pick(before, user)!.id !== selector.pick(after, user)!.id);

    const share = moved.length / userIds.length;
    expect(share).toBeGreaterThan((1 / 11) * 0.6);
    expect(share).toBeLessThan((1 / 11) * 1.4);
    expect(new Set(moved.map((user) => selector.pick(after, user)!.id))).toEqual(new Set(['srv-new']));
  });

  it('moves only the users of a server that is removed', () => {
    const all = servers(8);
    const withoutThree = all.filter((s) => s.id !== 'srv-3');
    const selector = createSelector('consistent-hash');
    for (const user of users(5000)) {
      const owner = selector.pick(all, user)!.id;
      if (owner !== 'srv-3') expect(selector.pick(withoutThree, user)!.id).toBe(owner);
    }
  });
});
