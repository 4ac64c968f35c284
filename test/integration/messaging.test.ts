import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import type { Frame } from '@cim/common';
import { isolatedBackends, uniquePrefix, waitFor } from '../harness/index.js';
import { RecordingClient } from '../support/chat-scenario.js';
import { generousLimits } from '../../devkit/generous-limits.js';
import { startTestCluster } from '../support/test-cluster.js';

type Receipt = Extract<Frame, { receipt: unknown }>['receipt'];
type Recall = Extract<Frame, { recalled: unknown }>['recalled'];

const RECALL_WINDOW_MS = 1_500;
const MAX_GROUP_MEMBERS = 4;

describe.each([
  { backend: 'Redis + ZooKeeper', real: true },
  { backend: 'embedded store + registry', real: false },
])('reliable messaging on $backend', ({ real }) => {
  let cluster: LocalCluster;
  const open: RecordingClient[] = [];
  let n = 0;

  /** A fresh user name per test, so tests never see each other's messages. */
  const name = (base: string) => `${base}${++n}`;

  async function user(base: string, options: { deviceId?: string; register?: boolean } = {}): Promise<RecordingClient> {
    const rec = new RecordingClient(cluster.routeUrl, base, { deviceId: options.deviceId });
    if (options.register !== false) await rec.client.api.register(base, `password-${base}`);
    open.push(rec);
    return rec;
  }

  /** Connects `base`; a second device of an existing user passes `register: false`. */
  async function online(base: string, deviceId?: string, register = true): Promise<RecordingClient> {
    const rec = await user(base, { deviceId, register });
    await rec.client.connect();
    return rec;
  }

  beforeAll(async () => {
    const prefix = uniquePrefix('messaging');
    cluster = await startTestCluster({
      servers: 2,
      route: { ...generousLimits, recallWindowMs: RECALL_WINDOW_MS, maxGroupMembers: MAX_GROUP_MEMBERS },
      ...(real ? isolatedBackends(prefix) : {}),
    });
  });

  afterEach(async () => {
    for (const c of open.splice(0)) await c.client.close();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('delivers a message sent while the recipient was offline when it logs in', async () => {
    const alice = await online(name('alice'));
    const bob = await user(name('bob'));
    const bobId = (await alice.client.userByName(bob.userName)).userId;
    const sent = await alice.client.sendToUser(bobId, 'while you were away');
    await bob.client.connect();
    const got = await bob.waitForBody('while you were away');
    expect(got).toMatchObject({ msgId: sent.msgId, seq: '1', conversationId: sent.conversationId });
  });

  it('stores a retried send once and answers it the same', async () => {
    const alice = await online(name('alice'));
    const bob = await online(name('bob'));
    const first = await alice.client.sendToUser(bob.userId, 'only once', { clientMsgId: 'retry-1' });
    const again = await alice.client.sendToUser(bob.userId, 'only once', { clientMsgId: 'retry-1' });
    expect(again).toEqual(first);
    await bob.waitForBody('only once');
    await new Promise((r) => setTimeout(r, 200));
    expect(bob.bodies().filter((b) => b === 'only once')).toHaveLength(1);
    const history = await bob.client.history(first.conversationId);
    expect(history.map((m) => m.body)).toEqual(['only once']);
  });

  it('gives seqs 1, 2, 3… per conversation and pages history backwards with a keyword filter', async () => {
    const alice = await online(name('alice'));
    const bob = await online(name('bob'));
    for (let i = 1; i <= 5; i++) await alice.client.sendToUser(bob.userId, i % 2 ? `odd ${i}` : `even ${i}`);
    await bob.waitForBody('odd 5');
    expect(bob.received.map((m) => m.seq)).toEqual(['1', '2', '3', '4', '5']);
    const conversationId = bob.received[0].conversationId;
    const newest = await bob.client.history(conversationId, { limit: 2 });
    expect(newest.map((m) => m.seq)).toEqual(['5', '4']);
    const older = await bob.client.history(conversationId, { beforeSeq: '4', limit: 10 });
    expect(older.map((m) => m.seq)).toEqual(['3', '2', '1']);
    const evens = await bob.client.history(conversationId, { q: 'EVEN' });
    expect(evens.map((m) => m.body)).toEqual(['even 4', 'even 2']);
  });

  it('sends delivered and read receipts to the sender, and counts unread', async () => {
    const alice = await online(name('alice'));
    const bob = await online(name('bob'));
    const receipts: Receipt[] = [];
    alice.client.on('receipt', (r) => receipts.push(r));
    const first = await alice.client.sendToUser(bob.userId, 'one');
    const second = await alice.client.sendToUser(bob.userId, 'two');
    await bob.waitForBody('two');
    await waitFor(() => receipts.filter((r) => r.kind === 'DELIVERED').length === 2, {
      message: 'two DELIVERED receipts',
    });
    expect(
      receipts
        .filter((r) => r.kind === 'DELIVERED')
        .map((r) => r.msgId)
        .sort(),
    ).toEqual([first.msgId, second.msgId].sort());

    const unread = (await bob.client.conversations()).find((c) => c.conversationId === first.conversationId);
    expect(unread).toMatchObject({ lastSeq: '2', readSeq: '0', unread: 2 });

    await bob.client.markRead(first.conversationId, '1');
    await waitFor(() => receipts.some((r) => r.kind === 'READ'), { message: 'a READ receipt' });
    expect(receipts.find((r) => r.kind === 'READ')).toMatchObject({
      conversationId: first.conversationId,
      seq: '1',
      byUserId: bob.userId,
    });
    expect((await bob.client.conversations()).find((c) => c.conversationId === first.conversationId)?.unread).toBe(1);
  });

  it('lets the sender recall within the window, tells the recipient, and shows it recalled in history', async () => {
    const alice = await online(name('alice'));
    const bob = await online(name('bob'));
    const recalls: Recall[] = [];
    bob.client.on('recalled', (r) => recalls.push(r));
    const sent = await alice.client.sendToUser(bob.userId, 'oops');
    await bob.waitForBody('oops');

    await expect(bob.client.recall(sent.msgId)).rejects.toMatchObject({ code: 'CIM_ERR_FORBIDDEN' });
    await alice.client.recall(sent.msgId);
    await waitFor(() => recalls.length === 1, { message: 'a recall event' });
    expect(recalls[0]).toMatchObject({ msgId: sent.msgId, byUserId: alice.userId });
    const [inHistory] = await bob.client.history(sent.conversationId);
    expect(inHistory).toMatchObject({ msgId: sent.msgId, recalled: true, body: '' });

    const late = await alice.client.sendToUser(bob.userId, 'too late to take back');
    await new Promise((r) => setTimeout(r, RECALL_WINDOW_MS + 100));
    await expect(alice.client.recall(late.msgId)).rejects.toMatchObject({ code: 'CIM_ERR_RECALL_TOO_LATE' });
  });

  it('delivers a delayed message at its time, even after the sender has gone', async () => {
    const alice = await online(name('alice'));
    const bob = await online(name('bob'));
    const deliverAt = Date.now() + 1_000;
    const answer = await alice.client.schedule({ userId: bob.userId }, 'from the past', deliverAt);
    expect(answer).toMatchObject({ scheduled: true, deliverAt });
    await alice.client.close();
    const got = await bob.waitForBody('from the past', 10_000);
    expect(Date.now()).toBeGreaterThanOrEqual(deliverAt);
    expect(got.fromUserName).toBe(alice.userName);
  });

  it('manages groups and delivers group messages to every member device', async () => {
    const owner = await online(name('owner'));
    const ownerLaptop = await online(owner.userName, 'laptop', false);
    const bob = await online(name('bob'));
    const carol = await online(name('carol'));
    const dave = await online(name('dave'));

    const group = await owner.client.api.createGroup('friends', [bob.userId, carol.userId]);
    expect(group.memberIds).toEqual([owner.userId, bob.userId, carol.userId].sort((a, b) => Number(a) - Number(b)));
    expect((await bob.client.api.myGroups()).groups.map((g) => g.groupId)).toContain(group.groupId);

    const sent = await bob.client.sendToGroup(group.groupId, 'hi friends');
    for (const member of [owner, ownerLaptop, bob, carol]) await member.waitForBody('hi friends');
    expect(sent.conversationId).toBe(`g:${group.groupId}`);
    // The group is private: to dave it does not exist until a member (any member) invites him.
    await expect(dave.client.sendToGroup(group.groupId, 'let me in')).rejects.toMatchObject({
      code: 'CIM_ERR_NOT_FOUND',
    });
    await expect(dave.client.api.joinGroup(group.groupId)).rejects.toMatchObject({ code: 'CIM_ERR_NOT_FOUND' });

    await carol.client.api.removeMember(group.groupId, carol.userId);
    await bob.client.api.invite(group.groupId, [dave.userId]);
    await owner.client.sendToGroup(group.groupId, 'after the change');
    await dave.waitForBody('after the change');
    await new Promise((r) => setTimeout(r, 300));
    expect(carol.bodies()).not.toContain('after the change');
    expect(dave.bodies()).not.toContain('hi friends');

    const eve = await online(name('eve'));
    const frank = await online(name('frank'));
    await owner.client.api.invite(group.groupId, [eve.userId]);
    await expect(owner.client.api.invite(group.groupId, [frank.userId])).rejects.toMatchObject({
      code: 'CIM_ERR_GROUP_FULL',
    });

    await expect(bob.client.api.dissolveGroup(group.groupId)).rejects.toMatchObject({ code: 'CIM_ERR_FORBIDDEN' });
    await owner.client.api.dissolveGroup(group.groupId);
    await expect(bob.client.api.group(group.groupId)).rejects.toMatchObject({ code: 'CIM_ERR_NOT_FOUND' });
  });

  it('delivers to every device of a user, including its own messages sent from another device', async () => {
    const phone = await online(name('alice'), 'phone');
    const laptop = await online(phone.userName, 'laptop', false);
    const bob = await online(name('bob'));
    await bob.client.sendToUser(phone.userId, 'to all your devices');
    await phone.waitForBody('to all your devices');
    await laptop.waitForBody('to all your devices');
    await phone.client.sendToUser(bob.userId, 'sent from my phone');
    await laptop.waitForBody('sent from my phone');
    await bob.waitForBody('sent from my phone');
  });

  it('refuses to show another user their conversations', async () => {
    const alice = await online(name('alice'));
    const bob = await online(name('bob'));
    const mallory = await online(name('mallory'));
    const sent = await alice.client.sendToUser(bob.userId, 'between us');
    await expect(mallory.client.history(sent.conversationId)).rejects.toMatchObject({ code: 'CIM_ERR_FORBIDDEN' });
    await expect(mallory.client.markRead(sent.conversationId, '1')).rejects.toMatchObject({
      code: 'CIM_ERR_FORBIDDEN',
    });
  });
});

describe('a cursor older than the retention', () => {
  let cluster: LocalCluster;

  beforeAll(async () => {
    cluster = await startTestCluster({ store: { retentionMs: 500 } });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('gets CIM_ERR_CURSOR_EXPIRED, never a silent gap, and the SDK says so', async () => {
    const alice = new RecordingClient(cluster.routeUrl, 'alice');
    const bob = new RecordingClient(cluster.routeUrl, 'bob');
    await alice.client.api.register('alice', 'password-alice');
    await bob.client.api.register('bob', 'password-bob');
    await alice.client.connect();
    await bob.client.connect();
    try {
      await alice.client.sendToUser(bob.userId, 'old news');
      await bob.waitForBody('old news');
      const oldCursor = bob.client.info().cursor;
      await new Promise((r) => setTimeout(r, 700));
      await alice.client.sendToUser(bob.userId, 'fresh news');
      await bob.waitForBody('fresh news');
      await new Promise((r) => setTimeout(r, 700));
      await alice.client.sendToUser(bob.userId, 'newest');
      await bob.waitForBody('newest');
      await expect(bob.client.api.sync(oldCursor, 10)).rejects.toMatchObject({ code: 'CIM_ERR_CURSOR_EXPIRED' });
    } finally {
      await alice.client.close();
      await bob.client.close();
    }
  });
});
