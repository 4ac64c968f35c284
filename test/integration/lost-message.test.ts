import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCluster } from '@cim/cli';
import { MemoryCursorStore, RouteApi } from '@cim/client';
import { RedisKeys } from '../../cim-route/src/store/redis/redis-keys.js';
import { isolatedBackends, uniquePrefix, waitFor } from '../harness/index.js';
import { joinUsers, RecordingClient } from '../support/chat-scenario.js';
import { RawClient } from '../support/raw-client.js';
import { startTwoServerCluster } from '../support/two-server-cluster.js';

/*
 * docs/design.md#no-silent-gaps: a client is told explicitly when messages after its cursor are gone — also when Redis
 * lost one (an eviction under maxmemory, a FLUSH), not only when retention dropped it.
 */
describe('a message Redis lost while its recipient was offline (Redis + ZooKeeper, 2 push servers)', () => {
  const backends = isolatedBackends(uniquePrefix('lost-message'));
  let cluster: LocalCluster;
  let redis: Redis;
  const clients: RecordingClient[] = [];
  const raws: RawClient[] = [];

  beforeAll(async () => {
    redis = new Redis(backends.redisUrl);
    cluster = await startTwoServerCluster(backends);
  });

  afterAll(async () => {
    for (const raw of raws) raw.close();
    for (const rec of clients) await rec.client.close();
    await cluster?.stop();
    await redis?.quit();
  });

  it('is reported as an expired cursor to the SDK and to a TCP device, never skipped silently; receipts go on past it', async () => {
    const cursors = new MemoryCursorStore();
    const [alice] = await joinUsers(cluster.routeUrl, ['alice']);
    const deliveredTo = new Set<string>();
    alice.client.on('receipt', (r) => r.kind === 'DELIVERED' && deliveredTo.add(r.msgId));
    const bobBefore = new RecordingClient(cluster.routeUrl, 'bob', { cursorStore: cursors });
    clients.push(alice, bobBefore);
    await bobBefore.client.api.register('bob', 'password-bob');
    await bobBefore.client.connect();
    const before = await alice.client.sendToUser(bobBefore.userId, 'before');
    await bobBefore.waitForBody('before');
    await waitFor(() => deliveredTo.has(before.msgId), { timeoutMs: 10_000, message: 'bob to acknowledge "before"' });
    const cursorBefore = bobBefore.client.info().cursor;
    await bobBefore.client.close();

    const lost = await alice.client.sendToUser(bobBefore.userId, 'lost');
    const kept = await alice.client.sendToUser(bobBefore.userId, 'kept');
    await redis.del(new RedisKeys(backends.redisPrefix).message(lost.msgId));

    // The SDK resuming from its cursor is told, then gets everything still kept.
    const bob = new RecordingClient(cluster.routeUrl, 'bob', { cursorStore: cursors });
    clients.push(bob);
    let told = 0;
    bob.client.on('cursorExpired', () => told++);
    await bob.client.connect();
    await bob.waitForBody('kept');
    expect(told).toBe(1);
    expect(bob.bodies()).not.toContain('lost');
    // Its Ack reaches past the gap: the sender still learns what was delivered.
    await waitFor(() => deliveredTo.has(kept.msgId), { timeoutMs: 10_000, message: 'a DELIVERED receipt for "kept"' });
    expect(deliveredTo.has(lost.msgId)).toBe(false);

    // A TCP device logging in with the cursor from before the loss gets the coded error.
    const login = await new RouteApi(cluster.routeUrl).login('bob', 'password-bob', 'sensor');
    const device = await RawClient.loginWith(login, cursorBefore);
    raws.push(device);
    expect((await device.next('error', 10_000)).error.code).toBe('CIM_ERR_CURSOR_EXPIRED');
    expect(device.delivers()).toEqual([]);
  });
});
