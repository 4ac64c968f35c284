import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import { CimClient, MemoryCursorStore } from '@cim/client';
import type { ChatMessage } from '@cim/common';
import { isolatedBackends, uniquePrefix, waitFor } from '../harness/index.js';
import { RawClient } from '../support/raw-client.js';
import { startTestCluster } from '../support/test-cluster.js';
import { signUp } from '../support/accounts.js';

/** "When someone adds you to a group, the chat says so", also when you were offline at the time. */
describe('group additions are told to the added', () => {
  let cluster: LocalCluster;
  const prefix = uniquePrefix('notices');

  beforeAll(async () => {
    cluster = await startTestCluster({
      ...isolatedBackends(prefix),
    });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  function sdkClient(name: string, cursorStore: MemoryCursorStore) {
    const client = new CimClient({
      routeUrl: cluster.routeUrl,
      userName: name,
      password: `password-${name}`,
      cursorStore,
    });
    const received: ChatMessage[] = [];
    client.on('message', (message) => received.push(message));
    return { client, received };
  }

  it('a member offline when added is told after reconnecting; an online TCP device is told at once', async () => {
    const alice = await signUp(cluster.routeUrl, 'alice');
    const bob = await signUp(cluster.routeUrl, 'bob');
    const carol = await signUp(cluster.routeUrl, 'carol');
    const bobCursors = new MemoryCursorStore();

    // Bob has been online once (his cursor is stored), then goes offline.
    const before = sdkClient('bob', bobCursors);
    await before.client.connect();
    await before.client.close();
    // Carol is a device that speaks TCP only.
    const carolDevice = await RawClient.loginWith(await carol.api.login('carol', `password-carol`, 'tcp'));
    await waitFor(() => carolDevice.frames.some((f) => 'caughtUp' in f), { message: "carol's CaughtUp" });

    const group = await alice.api.createGroup('team', [carol.userId]);
    await alice.api.invite(group.groupId, [bob.userId]);

    const notices = [
      { body: `alice added carol`, userIds: [carol.userId], userNames: ['carol'] },
      { body: `alice added bob`, userIds: [bob.userId], userNames: ['bob'] },
    ].map(({ body, userIds, userNames }) => ({
      conversationId: `g:${group.groupId}`,
      fromUserId: alice.userId,
      body,
      notice: { kind: 'MEMBERS_ADDED', userIds, userNames },
    }));
    await waitFor(() => carolDevice.delivers().length === 2, { message: 'two notices pushed to carol' });
    expect(carolDevice.delivers().map((d) => d.message)).toMatchObject(notices);
    carolDevice.close();

    const after = sdkClient('bob', bobCursors);
    try {
      await after.client.connect();
      await waitFor(() => after.received.length > 0, { message: 'the notice synced to bob' });
      expect(after.received).toMatchObject([notices[1]]);
    } finally {
      await after.client.close();
    }
  });
});
