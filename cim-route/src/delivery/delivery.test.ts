import { describe, expect, it } from 'vitest';
import { CimError, ErrorCodes } from '@cim/common';
import { deliveryFixture } from './delivery-fakes.js';
import { ReturnPath } from './return-path.js';
import { DEPARTED_SERVER_MEMORY_MS } from './server-directory.js';

async function unreachableCount(metrics: {
  unreachableSessions: { get(): Promise<{ values: { value: number }[] }> };
}): Promise<number> {
  return (await metrics.unreachableSessions.get()).values[0]?.value ?? 0;
}

describe('delivery of a private message', () => {
  it('reaches every connected device of both parties, one push per server, each user at its own sync cursor', async () => {
    const { users, device, send, dispatcher, store } = await deliveryFixture();
    const { alice, bob, carol } = users;
    await device(alice, 'phone', 'srv-a');
    await device(alice, 'laptop', 'srv-b');
    await device(bob, 'phone', 'srv-b');
    await device(carol, 'phone', 'srv-a');

    const sent = await send(alice, { to: { userId: bob.uid }, body: 'hi bob', clientMsgId: 'c1' });

    expect(dispatcher.delivered()).toEqual({
      [sent.msgId]: {
        'srv-a': { [alice.uid]: ['alice-phone'] },
        'srv-b': { [bob.uid]: ['bob-phone'], [alice.uid]: ['alice-laptop'] },
      },
    });
    expect(dispatcher.deliveries).toHaveLength(2);
    for (const user of [alice, bob]) {
      const page = await store.messages.sync(user.uid, '0', 10);
      const cursor = page.expired ? undefined : page.entries[0].cursor;
      const pushed = dispatcher.deliveries.flatMap((d) => d.delivery.targets).filter((t) => t.userId === user.uid);
      expect(pushed.map((t) => t.cursor)).toEqual(pushed.map(() => cursor));
    }
  });

  it('skips a device whose connection closed (it catches up by sync) and a user with no device', async () => {
    const { users, device, send, dispatcher, store } = await deliveryFixture();
    await device(users.bob, 'phone', 'srv-b', { detached: true });

    await send(users.alice, { to: { userId: users.bob.uid }, body: 'later', clientMsgId: 'c1' });

    expect(dispatcher.deliveries).toEqual([]);
    const page = await store.messages.sync(users.bob.uid, '0', 10);
    expect(page.expired === false && page.entries.map((e) => e.message.body)).toEqual(['later']);
  });

  it("a note to self reaches only the sender's own devices", async () => {
    const { users, device, send, dispatcher } = await deliveryFixture();
    await device(users.alice, 'phone', 'srv-a');
    await device(users.bob, 'phone', 'srv-b');

    const sent = await send(users.alice, { to: { userId: users.alice.uid }, body: 'note to self', clientMsgId: 'c1' });

    expect(dispatcher.delivered()).toEqual({ [sent.msgId]: { 'srv-a': { [users.alice.uid]: ['alice-phone'] } } });
  });
});

describe('delivery of a private message relayed by a push server', () => {
  it("carries the deliveries for the sending server's devices in the answer to its event batch, and pushes to the others", async () => {
    const { users, device, messages, dispatcher } = await deliveryFixture();
    const { alice, bob } = users;
    await device(alice, 'phone', 'srv-a');
    await device(alice, 'laptop', 'srv-b');
    await device(bob, 'phone', 'srv-a');
    const answerToSrvA = new ReturnPath('srv-a');

    const answer = await messages.sendInBatch(
      alice,
      { to: { userId: bob.uid }, body: 'hi bob', clientMsgId: 'c1' },
      { returnPath: answerToSrvA },
    );
    const carried = answerToSrvA.close();

    const msgId = 'msgId' in answer ? answer.msgId : 'scheduled';
    expect(carried?.deliveries?.map((d) => d.message.msgId)).toEqual([msgId]);
    const carriedTo = carried?.deliveries?.flatMap((d) => d.targets.map((t) => `${t.userId}:${t.sessionIds}`));
    expect(carriedTo?.sort()).toEqual([`${alice.uid}:alice-phone`, `${bob.uid}:bob-phone`].sort());
    expect(dispatcher.delivered()).toEqual({ [msgId]: { 'srv-b': { [alice.uid]: ['alice-laptop'] } } });
  });

  it('answers the send once stored and handed over, not after the push to another server: the answer carries the first copies', async () => {
    const { users, device, messages, dispatcher } = await deliveryFixture();
    await device(users.bob, 'phone', 'srv-a');
    await device(users.bob, 'laptop', 'srv-b');
    const stalled: string[] = [];
    // srv-b takes its push request but never answers it.
    dispatcher.deliver = (server) => {
      stalled.push(server.id);
      return new Promise<boolean>(() => undefined);
    };
    const answerToSrvA = new ReturnPath('srv-a');

    const answer = await messages.sendInBatch(
      users.alice,
      { to: { userId: users.bob.uid }, body: 'hi', clientMsgId: 'c1' },
      { returnPath: answerToSrvA },
    );

    expect('msgId' in answer).toBe(true);
    expect(stalled).toEqual(['srv-b']);
    expect(answerToSrvA.close()?.deliveries?.flatMap((d) => d.targets.map((t) => t.sessionIds))).toEqual([
      ['bob-phone'],
    ]);
  });

  it("sends a server all of a turn's deliveries one way: a message of the same conversation sent another way in that turn takes the carried one along by request", async () => {
    const { users, device, messages, dispatcher } = await deliveryFixture();
    const { alice, bob } = users;
    await device(alice, 'phone', 'srv-a');
    await device(bob, 'phone', 'srv-a');
    const answerToSrvA = new ReturnPath('srv-a');

    // In one turn: alice's send relayed by srv-a, and bob's reply sent over HTTP.
    const [first, second] = await Promise.all([
      messages.sendInBatch(
        alice,
        { to: { userId: bob.uid }, body: 'one', clientMsgId: 'c1' },
        { returnPath: answerToSrvA },
      ),
      messages.sendInBatch(bob, { to: { userId: alice.uid }, body: 'two', clientMsgId: 'c2' }),
    ]);

    expect(answerToSrvA.close()).toBeUndefined();
    const toSrvA = dispatcher.deliveries.filter((d) => d.serverId === 'srv-a').map((d) => d.delivery.message.seq);
    expect(toSrvA).toEqual(['seq' in first ? first.seq : '', 'seq' in second ? second.seq : '']);
    expect(toSrvA).toEqual(['1', '2']);
  });

  it('pushes what comes after the answer has gone, instead of losing it', async () => {
    const { users, device, messages, dispatcher } = await deliveryFixture();
    await device(users.bob, 'phone', 'srv-a');
    const answered = new ReturnPath('srv-a');
    answered.close();

    await messages.sendInBatch(
      users.alice,
      { to: { userId: users.bob.uid }, body: 'late', clientMsgId: 'c1' },
      { returnPath: answered },
    );

    expect(dispatcher.deliveries.map((d) => d.serverId)).toEqual(['srv-a']);
  });
});

describe('a relayed send whose session is no longer current', () => {
  it('is refused with that error and stored nowhere, while the other sends of its batch go through', async () => {
    const { users, messages, store } = await deliveryFixture();
    const ended = new CimError(ErrorCodes.SESSION_ENDED, 'logged out');

    const [refused, sent] = await Promise.allSettled([
      messages.sendInBatch(
        users.alice,
        { to: { userId: users.bob.uid }, body: 'from an ended session', clientMsgId: 'c1' },
        { admit: () => Promise.reject(ended) },
      ),
      messages.sendInBatch(
        users.carol,
        { to: { userId: users.bob.uid }, body: 'from a current one', clientMsgId: 'c2' },
        { admit: () => Promise.resolve() },
      ),
    ]);

    expect(refused).toEqual({ status: 'rejected', reason: ended });
    expect(sent.status).toBe('fulfilled');
    const page = await store.messages.sync(users.bob.uid, '0', 10);
    expect(page.expired === false && page.entries.map((e) => e.message.body)).toEqual(['from a current one']);
  });
});

describe('delivery of a group message', () => {
  it('reaches every device of every member on its own server, and no one outside the group', async () => {
    const { users, device, send, groups, dispatcher } = await deliveryFixture();
    const { alice, bob, carol } = users;
    const group = await groups.create(alice, 'pair', [bob.uid]);
    await device(alice, 'phone', 'srv-a');
    await device(bob, 'phone', 'srv-a');
    await device(bob, 'laptop', 'srv-b');
    await device(carol, 'phone', 'srv-a');

    const sent = await send(bob, { to: { groupId: group.groupId }, body: 'hello group', clientMsgId: 'g1' });

    expect(dispatcher.delivered()).toEqual({
      [sent.msgId]: {
        'srv-a': { [alice.uid]: ['alice-phone'], [bob.uid]: ['bob-phone'] },
        'srv-b': { [bob.uid]: ['bob-laptop'] },
      },
    });
  });

  it('refuses a sender who is not a member (a private group is not even shown): nothing is stored or pushed', async () => {
    const { users, device, send, groups, dispatcher, store } = await deliveryFixture();
    const open = await groups.create(users.alice, 'open', [users.bob.uid], true);
    const closed = await groups.create(users.alice, 'closed', [users.bob.uid]);
    await device(users.alice, 'phone', 'srv-a');

    const sendTo = (groupId: string) => send(users.carol, { to: { groupId }, body: 'let me in', clientMsgId: groupId });
    await expect(sendTo(open.groupId)).rejects.toMatchObject({ code: ErrorCodes.NOT_A_MEMBER });
    await expect(sendTo(closed.groupId)).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });

    expect(dispatcher.deliveries).toEqual([]);
    // Only the notices of the two creations are stored.
    const page = await store.messages.sync(users.alice.uid, '0', 10);
    expect(page.expired === false && page.entries.map((e) => e.message.body)).toEqual([
      'alice added bob',
      'alice added bob',
    ]);
  });
});

describe('delivery to push servers that left the registry', () => {
  it('still pushes to a server that just left, then counts its sessions as unreachable; the message stays stored', async () => {
    const { users, device, send, servers, dispatcher, metrics, store, clock, presence } = await deliveryFixture();
    await device(users.bob, 'phone', 'srv-b');
    await servers.unregister('srv-b');

    // A server whose registry session lapsed may still hold its connections.
    const first = await send(users.alice, { to: { userId: users.bob.uid }, body: 'one', clientMsgId: 'c1' });
    expect(dispatcher.delivered()).toEqual({ [first.msgId]: { 'srv-b': { [users.bob.uid]: ['bob-phone'] } } });
    expect((await presence.onlineUsers(0, 10)).users).toEqual([]);

    clock.now += DEPARTED_SERVER_MEMORY_MS + 1;
    dispatcher.clear();
    await send(users.alice, { to: { userId: users.bob.uid }, body: 'two', clientMsgId: 'c2' });
    expect(dispatcher.deliveries).toEqual([]);
    expect(await unreachableCount(metrics)).toBe(1);
    const page = await store.messages.sync(users.bob.uid, '0', 10);
    expect(page.expired === false && page.entries.map((e) => e.message.body)).toEqual(['one', 'two']);
  });

  it('a push server refusing a push does not fail the send: the message is stored for its devices to sync', async () => {
    const { users, device, send, dispatcher, store } = await deliveryFixture();
    await device(users.bob, 'phone', 'srv-b');
    dispatcher.failing.add('srv-b');

    const sent = await send(users.alice, { to: { userId: users.bob.uid }, body: 'stored anyway', clientMsgId: 'c1' });

    expect(dispatcher.delivered()).toEqual({ [sent.msgId]: { 'srv-b': { [users.bob.uid]: ['bob-phone'] } } });
    const page = await store.messages.sync(users.bob.uid, '0', 10);
    expect(page.expired === false && page.entries.map((e) => e.message.msgId)).toEqual([sent.msgId]);
  });
});

describe('presence and broadcasts', () => {
  it('lists as online only users with a device on a live server', async () => {
    const { users, device, servers, presence } = await deliveryFixture();
    await device(users.alice, 'phone', 'srv-a');
    await device(users.bob, 'phone', 'srv-b');
    expect((await presence.onlineUsers(0, 10)).users).toEqual([
      { userId: users.alice.uid, userName: 'alice' },
      { userId: users.bob.uid, userName: 'bob' },
    ]);

    await servers.unregister('srv-b');
    expect((await presence.onlineUsers(0, 10)).users).toEqual([{ userId: users.alice.uid, userName: 'alice' }]);
  });

  it('sends a broadcast once to every live server and stores nothing', async () => {
    const { users, device, send, dispatcher, store } = await deliveryFixture();
    await device(users.bob, 'phone', 'srv-b');

    const sent = await send(users.alice, { to: { broadcast: true }, body: 'to all', clientMsgId: 'b1' });

    expect(dispatcher.broadcasts.map((b) => [b.serverId, b.message.msgId])).toEqual([
      ['srv-a', sent.msgId],
      ['srv-b', sent.msgId],
    ]);
    expect(dispatcher.deliveries).toEqual([]);
    expect(await store.messages.sync(users.bob.uid, '0', 10)).toEqual({ expired: false, entries: [], hasMore: false });
  });
});
