import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import { MemoryCursorStore } from '@cim/client';
import { isolatedBackends, uniquePrefix } from '../harness/index.js';
import { RecordingClient } from '../support/chat-scenario.js';
import { signUp } from '../support/accounts.js';
import { startTestCluster } from '../support/test-cluster.js';

const RETENTION_MS = 60_000;

/**
 * The store's clock is the test's: "older than the retention" is a step of the clock, not a wait.
 * Real Redis, so the retention rules are the ones production runs.
 */
describe('the SDK with a saved cursor older than the retention', () => {
  let cluster: LocalCluster;
  let clockOffsetMs = 0;

  beforeAll(async () => {
    cluster = await startTestCluster({
      ...isolatedBackends(uniquePrefix('sdk-cursor-expired')),
      store: { retentionMs: RETENTION_MS, now: () => Date.now() + clockOffsetMs },
    });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('emits cursorExpired, then delivers everything still kept, from the earliest', async () => {
    const alice = (await signUp(cluster.routeUrl, 'alice')).api;
    const cursorStore = new MemoryCursorStore();

    const first = new RecordingClient(cluster.routeUrl, 'bob', { cursorStore });
    const { userId } = await first.client.api.register('bob', 'password-bob');
    await first.client.connect();
    await alice.send({ userId }, 'old news', 'c1');
    await first.waitForBody('old news');
    await first.client.close();

    // Sent while bob is away, and gone from his stream before he is back.
    await alice.send({ userId }, 'lost news', 'c2');
    clockOffsetMs += RETENTION_MS + 1_000;
    await alice.send({ userId }, 'kept 1', 'c3');
    await alice.send({ userId }, 'kept 2', 'c4');

    const bob = new RecordingClient(cluster.routeUrl, 'bob', { cursorStore });
    const events: string[] = [];
    bob.client.on('cursorExpired', () => events.push('cursorExpired'));
    bob.client.on('message', (m) => events.push(m.body));
    bob.client.on('caughtUp', () => events.push('caughtUp'));
    try {
      await bob.client.connect();
      expect(events).toEqual(['cursorExpired', 'kept 1', 'kept 2', 'caughtUp']);
      expect(bob.client.info().caughtUp).toBe(true);

      // It goes on from there: live pushes, and a restart resumes after what it has.
      await alice.send({ userId }, 'live', 'c5');
      await bob.waitForBody('live');
      await bob.client.close();
      const again = new RecordingClient(cluster.routeUrl, 'bob', { cursorStore });
      const expiredAgain: string[] = [];
      again.client.on('cursorExpired', () => expiredAgain.push('cursorExpired'));
      await again.client.connect();
      await again.client.close();
      expect(expiredAgain).toEqual([]);
      expect(again.bodies()).toEqual([]);
    } finally {
      await bob.client.close();
    }
  });
});
