import { describe, expect, it } from 'vitest';
import { deliveryFixture, type DeliveryFixture } from '../delivery/delivery-fakes.js';

/** What a user's sync stream holds: [from, body, notice] of each message. */
async function stream(fixture: DeliveryFixture, userId: string) {
  const page = await fixture.store.messages.sync(userId, '0', 50);
  if (page.expired) throw new Error('stream expired');
  return page.entries.map(({ message }) => [message.fromUserName, message.body, message.notice]);
}

describe('group additions are announced', () => {
  it('stores "alice added bob" in the group conversation for every member, the added one included, and pushes it', async () => {
    const fixture = await deliveryFixture();
    const { users, groups, device, dispatcher } = fixture;
    const { alice, bob, carol } = users;
    const group = await groups.create(alice, 'team', []);
    await device(bob, 'phone', 'srv-b');

    await groups.add(alice, group.groupId, [bob.uid, carol.uid, bob.uid]);

    const notice = { kind: 'MEMBERS_ADDED', userIds: [bob.uid, carol.uid], userNames: ['bob', 'carol'] };
    for (const user of [alice, bob, carol])
      expect(await stream(fixture, user.uid)).toEqual([['alice', 'alice added bob, carol', notice]]);
    const pushed = dispatcher.deliveries.map((d) => [
      d.serverId,
      d.delivery.message.conversationId,
      d.delivery.message.notice,
    ]);
    expect(pushed).toEqual([['srv-b', `g:${group.groupId}`, notice]]);
  });

  it('announces the members a group is created with, and says nothing for people already in or joining by themselves', async () => {
    const fixture = await deliveryFixture();
    const { users, groups } = fixture;
    const { alice, bob, carol } = users;
    const open = await groups.create(alice, 'open', [bob.uid, alice.uid], true);

    await groups.add(bob, open.groupId, [alice.uid, bob.uid]);
    await groups.add(carol, open.groupId, []);

    const created = { kind: 'MEMBERS_ADDED', userIds: [bob.uid], userNames: ['bob'] };
    expect(await stream(fixture, bob.uid)).toEqual([['alice', 'alice added bob', created]]);
    expect(await stream(fixture, carol.uid)).toEqual([]);
  });

  it('names the first five added and counts the rest', async () => {
    const fixture = await deliveryFixture();
    const { store, users, groups } = fixture;
    const names = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'];
    const ids = [];
    for (const name of names) ids.push((await store.users.create(name, 'hash')).userId);

    await groups.create(users.alice, 'crowd', ids);

    const [[, body, notice]] = await stream(fixture, users.alice.uid);
    expect(body).toBe('alice added u1, u2, u3, u4, u5 and 2 more');
    expect(notice).toEqual({ kind: 'MEMBERS_ADDED', userIds: ids, userNames: names });
  });
});
