import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCluster } from '@cim/client';
import { isolatedBackends, uniquePrefix } from '../harness/index.js';
import { joinUsers, type RecordingClient } from '../support/chat-scenario.js';
import { startTwoServerCluster } from '../support/two-server-cluster.js';

/** Every key under the prefix with everything it holds, as text, whatever the key's type. */
async function everythingStoredUnder(redis: Redis, prefix: string): Promise<string[]> {
  const text: string[] = [];
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<string[]>) {
    for (const key of keys) {
      text.push(key);
      const type = await redis.type(key);
      if (type === 'string') text.push((await redis.get(key)) ?? '');
      else if (type === 'hash') text.push(...Object.entries(await redis.hgetall(key)).flat());
      else if (type === 'zset') text.push(...(await redis.zrange(key, 0, '-1')));
      else if (type === 'set') text.push(...(await redis.smembers(key)));
      else if (type === 'list') text.push(...(await redis.lrange(key, 0, -1)));
      else text.push(`<${type}>`);
    }
  }
  return text;
}

/* docs/design.md#broadcast-is-live-only: broadcast reaches everyone online; it is live only and never stored. */
describe('broadcast on Redis + ZooKeeper with 2 push servers', () => {
  const backends = isolatedBackends(uniquePrefix('broadcast'));
  let cluster: LocalCluster;
  let redis: Redis;
  const clients: RecordingClient[] = [];

  beforeAll(async () => {
    redis = new Redis(backends.redisUrl);
    cluster = await startTwoServerCluster(backends);
  });

  afterAll(async () => {
    for (const rec of clients) await rec.client.close();
    await cluster?.stop();
    await redis?.quit();
  });

  it('reaches everyone online and leaves nothing behind: no sync entry, no history, nothing in Redis', async () => {
    const online = await joinUsers(cluster.routeUrl, ['ann', 'ben']);
    clients.push(...online);
    const [ann, ben] = online;
    expect(ann.client.info().serverId).not.toBe(ben.client.info().serverId);

    // One broadcast over the push server connection, one over HTTP.
    const overTcp = await ann.client.broadcast('lobby: over the connection');
    const overHttp = await ben.client.api.send({ broadcast: true }, 'lobby: over http', 'lobby-http');
    for (const rec of online) {
      await rec.waitForBody('lobby: over the connection');
      await rec.waitForBody('lobby: over http');
    }
    const broadcastIds = [overTcp.msgId, overHttp.msgId];

    // Nothing to catch up on, for those who saw them and for someone who comes online later.
    const [late] = await joinUsers(cluster.routeUrl, ['late']);
    clients.push(late);
    for (const rec of [ann, ben, late]) {
      expect((await rec.client.api.sync('0', 100)).messages).toEqual([]);
      expect(await rec.client.conversations()).toEqual([]);
    }
    expect(late.bodies()).toEqual([]);
    // There is no broadcast history to read.
    await expect(ann.client.history(overTcp.conversationId)).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });

    // Nothing in Redis holds their text or their ids.
    const stored = (await everythingStoredUnder(redis, backends.redisPrefix)).join('\n');
    // (The scan sees this cluster's data: the accounts are there.)
    expect(stored).toContain('"userName":"ann"');
    expect(stored).not.toContain('lobby:');
    for (const msgId of broadcastIds) expect(stored).not.toContain(msgId);
  });
});
