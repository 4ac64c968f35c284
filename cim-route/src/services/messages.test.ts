import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '@cim/common';
import { deliveryFixture } from '../delivery/delivery-fakes.js';

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
});
