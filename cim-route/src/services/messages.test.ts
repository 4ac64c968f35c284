import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '@cim/common';
import { deliveryFixture } from '../delivery/delivery-fakes.js';

/** Turns of the event loop until `done` says so (pending work here settles within a few). */
async function waitUntil(done: () => boolean | Promise<boolean>): Promise<void> {
  for (let turn = 0; turn < 100; turn++) {
    if (await done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('not done after 100 turns of the event loop');
}

describe('sending messages', () => {
  it('is idempotent on clientMsgId: a retry answers the first message, stores nothing new and pushes it again', async () => {
    const { users, device, send, dispatcher, store } = await deliveryFixture();
    await device(users.bob, 'phone', 'srv-b');
    const to = { userId: users.bob.uid };

    const first = await send(users.alice, { to, body: 'once', clientMsgId: 'same' });
    const retry = await send(users.alice, { to, body: 'once, again', clientMsgId: 'same' });

    expect(retry).toEqual(first);
    const page = await store.messages.sync(users.bob.uid, '0', 10);
    expect(page.expired === false && page.entries.map((e) => [e.message.msgId, e.message.body])).toEqual([
      [first.msgId, 'once'],
    ]);
    // The first push may have been lost with a crashed route; devices drop what they already hold.
    expect(dispatcher.deliveries.map((d) => [d.serverId, d.delivery.message.msgId])).toEqual([
      ['srv-b', first.msgId],
      ['srv-b', first.msgId],
    ]);
    // The same clientMsgId from another sender is another message.
    expect((await send(users.carol, { to, body: 'mine', clientMsgId: 'same' })).msgId).not.toBe(first.msgId);
  });

  it('refuses a sender over the rate limit before anything is stored or pushed, and lets a retry through later', async () => {
    const { users, device, send, dispatcher, store, clock } = await deliveryFixture({
      sendBurst: 2,
      sendRatePerSec: 1,
    });
    await device(users.bob, 'phone', 'srv-b');
    const to = { userId: users.bob.uid };
    await send(users.alice, { to, body: 'one', clientMsgId: 'c1' });
    await send(users.alice, { to, body: 'two', clientMsgId: 'c2' });

    await expect(send(users.alice, { to, body: 'three', clientMsgId: 'c3' })).rejects.toMatchObject({
      code: ErrorCodes.RATE_LIMITED,
    });
    expect(dispatcher.deliveries).toHaveLength(2);
    const stored = async () => {
      const page = await store.messages.sync(users.bob.uid, '0', 10);
      return page.expired ? [] : page.entries.map((e) => e.message.body);
    };
    expect(await stored()).toEqual(['one', 'two']);
    // Another sender has a bucket of its own.
    await send(users.carol, { to, body: 'carol', clientMsgId: 'c1' });

    clock.now += 1_000;
    await send(users.alice, { to, body: 'three', clientMsgId: 'c3' });
    expect(await stored()).toEqual(['one', 'two', 'carol', 'three']);
  });

  it('refuses a message to a user who does not exist, and bodies that are empty, too long or not text', async () => {
    const { users, send, dispatcher } = await deliveryFixture({ maxBodyChars: 8 });
    const sendTo = (userId: string, body: string) => send(users.alice, { to: { userId }, body, clientMsgId: body });

    await expect(sendTo('999', 'hello')).rejects.toMatchObject({ code: ErrorCodes.USER_NOT_FOUND });
    await expect(sendTo(users.bob.uid, '')).rejects.toMatchObject({ code: ErrorCodes.INVALID_INPUT });
    await expect(sendTo(users.bob.uid, 'much too long')).rejects.toMatchObject({ code: ErrorCodes.INVALID_INPUT });
    await expect(sendTo(users.bob.uid, 'a\u0000b')).rejects.toMatchObject({ code: ErrorCodes.INVALID_INPUT });
    expect(dispatcher.deliveries).toEqual([]);
  });

  it('keeps a message with deliverAt for later: nothing is stored in streams or pushed now', async () => {
    const { users, device, messages, dispatcher, store, clock } = await deliveryFixture();
    await device(users.bob, 'phone', 'srv-b');

    const answer = await messages.send(users.alice, {
      to: { userId: users.bob.uid },
      body: 'later',
      clientMsgId: 'd1',
      deliverAt: clock.now + 60_000,
    });

    expect(answer).toEqual({ scheduled: true, clientMsgId: 'd1', deliverAt: clock.now + 60_000 });
    expect(dispatcher.deliveries).toEqual([]);
    expect(await store.messages.sync(users.bob.uid, '0', 10)).toEqual({ expired: false, entries: [], hasMore: false });
  });

  it('recalls a message with a frame to every device of the conversation, and only for its sender', async () => {
    const { users, device, send, messages, dispatcher } = await deliveryFixture();
    await device(users.alice, 'phone', 'srv-a');
    await device(users.bob, 'phone', 'srv-b');
    const sent = await send(users.alice, { to: { userId: users.bob.uid }, body: 'oops', clientMsgId: 'r1' });

    await expect(messages.recall(users.bob.uid, sent.msgId)).rejects.toMatchObject({ code: ErrorCodes.FORBIDDEN });
    await messages.recall(users.alice.uid, sent.msgId);

    const recalled = {
      msgId: sent.msgId,
      conversationId: sent.conversationId,
      seq: sent.seq,
      byUserId: users.alice.uid,
    };
    expect(dispatcher.frames.map((f) => [f.serverId, f.userIds, f.frame])).toEqual([
      ['srv-a', [users.alice.uid], { recalled }],
      ['srv-b', [users.bob.uid], { recalled }],
    ]);
  });

  describe('in a batch', () => {
    it('answers each send as alone: a refused, invalid or misaddressed send fails only itself', async () => {
      const { users, device, messages, dispatcher, store } = await deliveryFixture({ sendBurst: 2, sendRatePerSec: 1 });
      await device(users.bob, 'phone', 'srv-b');
      const toBob = { userId: users.bob.uid };
      const results = await messages.sendMany([
        { sender: users.alice, input: { to: toBob, body: 'one', clientMsgId: 'a1' } },
        { sender: users.alice, input: { to: toBob, body: '', clientMsgId: 'a-empty' } },
        { sender: users.alice, input: { to: toBob, body: 'two', clientMsgId: 'a2' } },
        { sender: users.alice, input: { to: toBob, body: 'three', clientMsgId: 'a3' } },
        { sender: users.carol, input: { to: { userId: '999' }, body: 'nobody', clientMsgId: 'c1' } },
        { sender: users.carol, input: { to: toBob, body: 'carol', clientMsgId: 'c2' } },
      ]);
      expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code))).toEqual([
        'ok',
        ErrorCodes.INVALID_INPUT,
        'ok',
        ErrorCodes.RATE_LIMITED,
        ErrorCodes.USER_NOT_FOUND,
        'ok',
      ]);
      const page = await store.messages.sync(users.bob.uid, '0', 10);
      expect(page.expired === false && page.entries.map((e) => e.message.body)).toEqual(['one', 'two', 'carol']);
      expect(dispatcher.deliveries.map((d) => [d.serverId, d.delivery.message.body])).toEqual([
        ['srv-b', 'one'],
        ['srv-b', 'two'],
        ['srv-b', 'carol'],
      ]);
    });

    it('stores a retried batch once and answers it with the first answers', async () => {
      const { users, device, messages, store } = await deliveryFixture();
      await device(users.bob, 'phone', 'srv-b');
      const batch = ['r1', 'r2'].map((clientMsgId) => ({
        sender: users.alice,
        input: { to: { userId: users.bob.uid }, body: `body ${clientMsgId}`, clientMsgId },
      }));
      const first = await messages.sendMany(batch);
      const retry = await messages.sendMany(batch);
      expect(retry).toEqual(first);
      const page = await store.messages.sync(users.bob.uid, '0', 10);
      expect(page.expired === false && page.entries).toHaveLength(2);
    });

    it('sends group, scheduled and private messages of one batch each their own way', async () => {
      const { users, device, messages, groups, dispatcher, clock } = await deliveryFixture();
      await device(users.bob, 'phone', 'srv-b');
      const group = await groups.create(users.alice, 'team', [users.bob.uid]);
      const results = await messages.sendMany([
        { sender: users.alice, input: { to: { groupId: group.groupId }, body: 'to the group', clientMsgId: 'g1' } },
        {
          sender: users.alice,
          input: { to: { userId: users.bob.uid }, body: 'later', clientMsgId: 'd1', deliverAt: clock.now + 60_000 },
        },
        { sender: users.alice, input: { to: { userId: users.bob.uid }, body: 'now', clientMsgId: 'p1' } },
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      expect((results[1] as PromiseFulfilledResult<unknown>).value).toMatchObject({ scheduled: true });
      // Creating the group stored its notice ("alice added bob") before the batch.
      const sent = dispatcher.deliveries.filter((d) => !d.delivery.message.notice);
      expect(sent.map((d) => d.delivery.message.body).sort()).toEqual(['now', 'to the group']);
    });

    it('answers private sends once stored, without waiting for their push unless too many pushes are outstanding', async () => {
      const maxUnawaitedPushes = 3;
      const { users, device, messages, dispatcher, store } = await deliveryFixture({
        sendBurst: 100,
        maxUnawaitedPushes,
      });
      await device(users.bob, 'phone', 'srv-b');
      const held: (() => void)[] = [];
      dispatcher.deliver = () => new Promise((resolve) => held.push(() => resolve(true)));
      const send = (n: number) =>
        messages.sendInBatch(users.alice, { to: { userId: users.bob.uid }, body: `m${n}`, clientMsgId: `m${n}` });

      // Each send its own batch, its push held by the push server.
      for (let n = 1; n <= maxUnawaitedPushes; n++) expect(await send(n)).toMatchObject({ seq: String(n) });
      expect(held).toHaveLength(maxUnawaitedPushes);

      let answered = false;
      const waiting = send(maxUnawaitedPushes + 1).then(() => (answered = true));
      await waitUntil(() => held.length === maxUnawaitedPushes + 1);
      const page = await store.messages.sync(users.bob.uid, '0', 100);
      expect(page.expired === false && page.entries.length).toBe(maxUnawaitedPushes + 1);
      expect(answered).toBe(false);
      held.at(-1)!();
      await waiting;
      expect(answered).toBe(true);

      // Once the held pushes are answered, a send is answered before its push again.
      for (const release of held.splice(0)) release();
      await new Promise((resolve) => setImmediate(resolve));
      expect(await send(100)).toMatchObject({ clientMsgId: 'm100' });
      expect(held).toHaveLength(1);
    });

    it('batches the sends made in one turn of the event loop', async () => {
      const { users, device, messages, store } = await deliveryFixture();
      await device(users.bob, 'phone', 'srv-b');
      let batches = 0;
      const saveBatch = store.messages.saveBatch.bind(store.messages);
      store.messages.saveBatch = (saves) => {
        batches++;
        return saveBatch(saves);
      };
      const answers = await Promise.all(
        ['x', 'y', 'z'].map((clientMsgId) =>
          messages.sendInBatch(users.alice, { to: { userId: users.bob.uid }, body: clientMsgId, clientMsgId }),
        ),
      );
      expect(batches).toBe(1);
      expect(answers.map((a) => ('seq' in a ? a.seq : 'scheduled'))).toEqual(['1', '2', '3']);
    });
  });
});
