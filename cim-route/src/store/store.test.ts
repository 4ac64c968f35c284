import { CimError, ErrorCodes } from '@cim/common';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RedisCluster, TcpProxy, uniquePrefix, waitFor } from '../../../test/harness/index.js';
import { createStore, MemoryStore, RedisStore, type RouteStore, type StoreOptions } from './index.js';
import { RedisKeys } from './redis/redis-keys.js';
import { groupScripts, type GroupScripts } from './groups/redis/group-scripts.js';
import { messageScripts, type MessageScripts } from './messages/redis/message-scripts.js';
import { bindScripts, type RedisClient } from './redis/redis-scripts.js';
import { describeStoreContract, type LoseMessage } from './contracts/store.contract.js';
import type { TtlMap } from './shared/ttl-map.js';
import { saveMessage } from './messages/finish-save.js';

const redisUrl = inject('redisUrl');
const filePrefix = uniquePrefix('route-store');
let storeCount = 0;
/** Every store gets keys of its own, so tests never see each other's data. */
const freshPrefix = () => `${filePrefix}:${++storeCount}:`;

afterAll(async () => {
  // The shared server belongs to the global setup; the keys this file wrote are ours to remove.
  const client = new Redis(redisUrl);
  const keys = await client.keys(`${filePrefix}:*`);
  if (keys.length > 0) await client.del(...keys);
  await client.quit();
});

/**
 * The memory store loses a message only when its clock steps back further than the TTL margin;
 * removing the body from its map is the direct way to the same state.
 */
const loseFromMemory: LoseMessage = async (store, msgId) => {
  (store.messages as unknown as { messages: TtlMap<string, unknown> }).messages.delete(msgId);
};

describeStoreContract('memory', (options) => new MemoryStore(options), loseFromMemory);

/** The key prefix of each Redis store the contract opened, so a test can reach its keys. */
const prefixes = new WeakMap<RouteStore, string>();

/** `redis` is asked for when a store opens: a cluster client exists only once its cluster started. */
function redisStoreOn(redis: () => string | RedisClient) {
  return (options: StoreOptions) => {
    const prefix = freshPrefix();
    const store = new RedisStore({ redis: redis(), prefix, ...options });
    prefixes.set(store, prefix);
    return store;
  };
}

/** What an eviction or a FLUSH does to a message: its body is gone, its stream entries stay. */
function loseFromRedis(client: () => RedisClient): LoseMessage {
  return async (store, msgId) => {
    await client().del(new RedisKeys(prefixes.get(store)!).message(msgId));
  };
}

describe('on a single Redis', () => {
  let client: Redis;

  beforeAll(() => {
    client = new Redis(redisUrl);
  });

  afterAll(async () => {
    await client?.quit();
  });

  describeStoreContract(
    'redis',
    redisStoreOn(() => redisUrl),
    loseFromRedis(() => client),
  );
});

/**
 * A real 3-master Redis Cluster. Redis refuses multi-key commands and scripts whose keys span
 * slots, so the contract passing here shows the key layout works on a cluster.
 */
describe('on a Redis Cluster', () => {
  let redisCluster: RedisCluster;
  let cluster: Cluster;

  beforeAll(async () => {
    redisCluster = await RedisCluster.start(3);
    cluster = new Cluster(redisCluster.seeds, { enableAutoPipelining: true });
  });

  afterAll(async () => {
    await cluster?.quit();
    await redisCluster?.stop();
  });

  describeStoreContract(
    'redis cluster',
    redisStoreOn(() => cluster),
    loseFromRedis(() => cluster),
  );

  it('spreads keys over all three masters', async () => {
    const store = new RedisStore({ redis: cluster, prefix: freshPrefix() });
    for (let i = 0; i < 30; i++) await store.users.create(`spread${i}`, 'scrypt$x$y');
    const sizes = await Promise.all(cluster.nodes('master').map((node) => node.dbsize()));
    expect(sizes).toHaveLength(3);
    for (const size of sizes) expect(size).toBeGreaterThan(0);
  });
});

describe('redis store', () => {
  const sendC1 = {
    conversationId: 'p:1:2',
    fromUserId: '1',
    fromUserName: 'alice',
    to: { userId: '2' },
    body: 'hi',
    clientMsgId: 'c1',
  };

  it('finishes a save that an earlier attempt left half done, with the ids that attempt took', async () => {
    const prefix = freshPrefix();
    const client = new Redis(redisUrl);
    try {
      // A route claimed the clientMsgId and died before storing anything else.
      const draft = { ...sendC1, msgId: '77', ts: String(Date.now()) };
      await bindScripts<MessageScripts>(client, messageScripts).claim(
        new RedisKeys(prefix).sent('1', 'c1'),
        JSON.stringify({ draft }),
        60_000,
      );

      const store = new RedisStore({ redis: client, prefix });
      const retry = await saveMessage(store.messages, { ...sendC1, body: 'retried' }, ['2']);
      expect(retry.duplicate).toBe(true);
      expect(retry.message).toEqual({ ...draft, seq: '1' });
      const page = await store.messages.sync('2', '0', 10);
      expect(page).toEqual({
        expired: false,
        entries: [{ cursor: retry.cursors['2'], message: retry.message }],
        hasMore: false,
      });
      expect(await store.messages.history('p:1:2', { limit: 10 })).toEqual([retry.message]);
      expect(await store.receipts.conversationsOf('2', 10)).toEqual([
        { conversationId: 'p:1:2', lastSeq: '1', readSeq: '0' },
      ]);
      expect(await saveMessage(store.messages, { ...sendC1, body: 'again' }, ['2'])).toEqual(retry);
      expect((await saveMessage(store.messages, { ...sendC1, clientMsgId: 'c2' }, ['2'])).message.seq).toBe('2');
    } finally {
      await client.quit();
    }
  });

  it('shows a group only to users it lists, and clears what a change cut short left in their lists', async () => {
    const prefix = freshPrefix();
    const keys = new RedisKeys(prefix);
    const client = new Redis(redisUrl);
    try {
      const store = new RedisStore({ redis: client, prefix });
      const kept = await store.groups.create('1', 'kept', ['2']);
      const deleted = await store.groups.create('1', 'deleted', ['2']);
      // A route deleted this group and died before taking it off its members' lists.
      await bindScripts<GroupScripts>(client, groupScripts).deleteGroup(
        keys.group(deleted.groupId),
        keys.groupMembers(deleted.groupId),
        keys.groupJoins(deleted.groupId),
        keys.groupLargeFrom(deleted.groupId),
      );
      // Routes died after listing user 3 in a group it then refused, and in one it never created.
      await client.zadd(keys.groupsOf('3'), kept.groupId, kept.groupId, 77, '77');

      expect(await store.groups.groupsOf('2')).toEqual([kept]);
      expect(await store.groups.groupsOf('3')).toEqual([]);
      expect(await client.zrange(keys.groupsOf('2'), 0, '-1')).toEqual([kept.groupId]);
      expect(await client.zrange(keys.groupsOf('3'), 0, '-1')).toEqual([]);
    } finally {
      await client.quit();
    }
  });

  it('reads a group stored before ids were random as a private group, and skips public listings whose group is gone', async () => {
    const prefix = freshPrefix();
    const keys = new RedisKeys(prefix);
    const client = new Redis(redisUrl);
    try {
      const record = { groupId: '7', name: 'old', ownerId: '1', createdAt: 5 };
      await bindScripts<GroupScripts>(client, groupScripts).createGroup(
        keys.group('7'),
        keys.groupMembers('7'),
        keys.groupJoins('7'),
        keys.groupLargeFrom('7'),
        JSON.stringify(record),
        '',
        '1',
        '2',
      );
      const store = new RedisStore({ redis: client, prefix });
      const old = { ...record, memberIds: ['1', '2'], public: false };
      expect(await store.groups.get('7')).toEqual(old);
      expect(await store.groups.addMembers('7', ['3'], 10)).toEqual({ ...old, memberIds: ['1', '2', '3'] });

      const listed = await store.groups.create('1', 'listed', [], { public: true });
      // A route listed a public group and died before creating it.
      await client.zadd(keys.publicGroups, 1, '1');
      expect(await store.groups.publicGroups(undefined, 1)).toEqual([listed]);
    } finally {
      await client.quit();
    }
  });

  it('shares everything between route instances on the same Redis and prefix', async () => {
    const prefix = freshPrefix();
    const one = new RedisStore({ redis: redisUrl, prefix });
    const two = new RedisStore({ redis: redisUrl, prefix });
    try {
      const alice = await one.users.create('alice', 'h');
      await expect(two.users.create('alice', 'h')).rejects.toMatchObject({ code: 'CIM_ERR_USER_EXISTS' });
      expect(await two.users.getByName('alice')).toEqual(alice);
      const saved = await saveMessage(one.messages, sendC1, ['2']);
      expect(await saveMessage(two.messages, sendC1, ['2'])).toEqual({ ...saved, duplicate: true });
      expect(await two.messages.latestCursor('2')).toBe(saved.cursors['2']);
      // Each instance takes message ids in blocks of its own: never the same id twice.
      const ids = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          saveMessage((i % 2 ? one : two).messages, { ...sendC1, clientMsgId: `id${i}` }, ['2']),
        ),
      );
      expect(new Set(ids.map((s) => s.message.msgId)).size).toBe(300);
      const later = {
        senderId: '1',
        senderName: 'alice',
        to: { userId: '2' },
        body: 'later',
        clientMsgId: 'c9',
        deliverAt: 5,
      };
      expect(await one.schedule.schedule(later)).toBe(true);
      expect(await two.schedule.schedule(later)).toBe(false);
      expect(await two.schedule.due(5, 10)).toEqual([later]);
      const threePerHour = { burst: 3, perSecond: 3 / 3600 };
      const taken = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? one : two).rateLimits.take('registration:10.0.0.1', threePerHour)),
      );
      expect(taken.filter((verdict) => verdict.allowed)).toHaveLength(3);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('keeps accounts registered before names were folded: found in any case, their names still taken', async () => {
    const prefix = freshPrefix();
    const keys = new RedisKeys(prefix);
    const client = new Redis(redisUrl);
    try {
      // Names as an older version wrote them: keyed by exact spelling, two differing only in case.
      const older = [
        { userId: '1', userName: 'Alice', passwordHash: 'h1', createdAt: 1 },
        { userId: '2', userName: 'BOB', passwordHash: 'h2', createdAt: 2 },
        { userId: '3', userName: 'bob', passwordHash: 'h3', createdAt: 3 },
      ];
      for (const user of older) {
        await client.set(keys.user(user.userId), JSON.stringify(user));
        await client.set(keys.userIdByName(user.userName), user.userId);
        await client.zadd(keys.userNames, 0, `${user.userName}\u0000${user.userId}`);
      }
      await client.set(keys.userIdCounter, '3');

      const store = new RedisStore({ redis: client, prefix });
      expect(await store.users.getByName('alice')).toEqual(older[0]);
      expect(await store.users.getByName('ALICE')).toEqual(older[0]);
      await expect(store.users.create('aLiCe', 'h')).rejects.toMatchObject({ code: 'CIM_ERR_USER_EXISTS' });
      expect(await store.users.getByName('BOB')).toEqual(older[1]);
      expect(await store.users.getByName('bob')).toEqual(older[2]);
      await expect(store.users.create('Bob', 'h')).rejects.toMatchObject({ code: 'CIM_ERR_USER_EXISTS' });
      expect((await store.users.create('carol', 'h')).userId).toBe('4');
    } finally {
      await client.quit();
    }
  });

  it('fails with CIM_ERR_UNAVAILABLE while Redis is silent or unreachable, and passes its error replies on', async () => {
    const prefix = freshPrefix();
    const keys = new RedisKeys(prefix);
    const proxy = await TcpProxy.start({ port: Number(new URL(redisUrl).port) });
    const store = new RedisStore({ redis: `redis://${proxy.address}`, prefix });
    const client = new Redis(redisUrl);
    try {
      const alice = await store.users.create('alice', 'scrypt$x$y');
      // Redis answering with an error is no outage: the reply reaches the caller as it is.
      await client.set(keys.sessions(alice.userId), 'not a hash');
      const reply = await store.sessions.get(alice.userId, 'phone').catch((err: unknown) => err);
      expect(reply).toBeInstanceOf(Error);
      expect(reply).not.toBeInstanceOf(CimError);
      expect((reply as Error).message).toMatch(/^WRONGTYPE/);

      proxy.stall();
      await expect(store.users.getById(alice.userId)).rejects.toMatchObject({ code: ErrorCodes.UNAVAILABLE });
      proxy.cut();
      await expect(saveMessage(store.messages, sendC1, ['2'])).rejects.toMatchObject({ code: ErrorCodes.UNAVAILABLE });
      expect(await store.ping()).toBe(false);

      proxy.heal();
      await waitFor(() => store.ping(), { message: 'the store to reconnect' });
      expect(await store.users.getById(alice.userId)).toEqual(alice);
    } finally {
      await Promise.all([store.close(), client.quit()]);
      await proxy.close();
    }
  });

  it('leaves a client it was given open, and closes one it opened', async () => {
    const client = new Redis(redisUrl);
    const borrowed = new RedisStore({ redis: client, prefix: freshPrefix() });
    await borrowed.close();
    expect(await client.ping()).toBe('PONG');
    await client.quit();

    const owned = new RedisStore({ redis: redisUrl, prefix: freshPrefix() });
    await waitFor(() => owned.ping(), { message: 'the store to connect' });
    await owned.close();
    expect(await owned.ping()).toBe(false);
  });

  it('is what createStore returns for a Redis URL, memory otherwise', async () => {
    const redis = createStore({ redisUrl, prefix: freshPrefix() });
    const memory = createStore();
    try {
      expect(redis).toBeInstanceOf(RedisStore);
      expect(memory).toBeInstanceOf(MemoryStore);
    } finally {
      await Promise.all([redis.close(), memory.close()]);
    }
  });
});

describe('createStore', () => {
  it('connects to a Redis Cluster from a redis-cluster:// URL', async () => {
    const redisCluster = await RedisCluster.start(3);
    const store = createStore({ redisUrl: redisCluster.url, prefix: freshPrefix() });
    try {
      const user = await store.users.create('cluster-url', 'scrypt$x$y');
      expect(await store.users.getByName('cluster-url')).toMatchObject({ userId: user.userId });
    } finally {
      await store.close();
      await redisCluster.stop();
    }
  });
});
