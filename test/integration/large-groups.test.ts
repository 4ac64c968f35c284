import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import type { ChatMessage, ConversationCursor, Frame, SendAnswer } from '@cim/common';
import { RouteApi, type LoginInfo } from '@cim/client';
import { isolatedBackends, uniquePrefix, waitFor } from '../harness/index.js';
import { generousLimits } from '../../devkit/generous-limits.js';
import { RawClient } from '../support/raw-client.js';
import { routeHttp } from '../support/route-http.js';
import { startTestCluster } from '../support/test-cluster.js';

type Deliver = Extract<Frame, { deliver: unknown }>['deliver'];
type CaughtUp = Extract<Frame, { caughtUp: unknown }>['caughtUp'];

/** Groups of three members or more are large: small enough to cross in a test. */
const LARGE_GROUP_MEMBERS = 3;
const FRAME_TIMEOUT_MS = 10_000;

interface User {
  userId: string;
  api: RouteApi;
  login: LoginInfo;
}

/** A raw TCP device logged in with a catch-up cursor (and large-group seqs), once LoginOk came. */
async function connect(user: User, cursor: string, conversations?: ConversationCursor[]): Promise<RawClient> {
  const device = await RawClient.connect(user.login.server.tcpPort, user.login.server.host);
  device.send({ requestId: 1, login: { token: user.login.token, cursor, client: 'test-device', conversations } });
  await device.next('loginOk', FRAME_TIMEOUT_MS);
  return device;
}

const caughtUpOf = async (device: RawClient): Promise<CaughtUp> =>
  (await device.next('caughtUp', FRAME_TIMEOUT_MS)).caughtUp;

/** The Delivers that came before CaughtUp: the catch-up. */
function backlogOf(device: RawClient): Deliver[] {
  const end = device.frames.findIndex((f) => 'caughtUp' in f);
  return device.frames.slice(0, end).flatMap((f) => ('deliver' in f ? [f.deliver] : []));
}

async function deliverOf(device: RawClient, body: string): Promise<Deliver> {
  return waitFor(() => device.delivers().find((d) => d.message.body === body), {
    timeoutMs: FRAME_TIMEOUT_MS,
    message: `a Deliver of "${body}"`,
  });
}

/*
 * Read diffusion (docs/protocol.md, "Large groups"): a group of LARGE_GROUP_MEMBERS or more keeps
 * its messages once, in its conversation, and pushes them with no cursor; devices catch up on it
 * by seq. Raw TCP devices, written from cim.proto alone, on Redis + ZooKeeper.
 */
describe('large groups through the route, on Redis + ZooKeeper', () => {
  const prefix = uniquePrefix('large-groups');
  let cluster: LocalCluster;
  const devices: RawClient[] = [];
  const users: Record<string, User> = {};
  let groupId: string;
  let conversationId: string;

  async function user(name: string): Promise<User> {
    const api = new RouteApi(cluster.routeUrl);
    const { userId } = await api.register(name, 'password-1');
    const login = await api.login(name, 'password-1', `${name}-phone`);
    api.token = login.token;
    return (users[name] = { userId, api, login });
  }

  async function device(name: string, cursor: string, conversations?: ConversationCursor[]): Promise<RawClient> {
    const opened = await connect(users[name], cursor, conversations);
    devices.push(opened);
    return opened;
  }

  const send = (body: string) => users.owner.api.send({ groupId }, body, `${body}-id`);

  /** `GET /conversations/:id/messages?afterSeq=` of the test's group, as the user. */
  async function forward(user: User, afterSeq: string, limit: number, more = '') {
    const { status, body } = await routeHttp(
      cluster.routeUrl,
      'GET',
      `/api/v1/conversations/${conversationId}/messages?afterSeq=${afterSeq}&limit=${limit}${more}`,
      user.login.token,
    );
    return { status, body: body as { messages: ChatMessage[]; expired?: boolean; code?: string } };
  }

  beforeAll(async () => {
    cluster = await startTestCluster({
      route: { ...generousLimits, largeGroupMembers: LARGE_GROUP_MEMBERS },
      ...isolatedBackends(prefix),
    });
    for (const name of ['owner', 'ann', 'bob', 'cat']) await user(name);
  });

  afterAll(async () => {
    for (const opened of devices) opened.close();
    await cluster?.stop();
  });

  it('pushes a group through the streams while small, then, from the add that makes it large, once for all with no cursor', async () => {
    const group = await users.owner.api.createGroup('crowd', [users.ann.userId]);
    groupId = group.groupId;
    conversationId = `g:${groupId}`;
    const ann = await device('ann', '0');
    expect(await caughtUpOf(ann)).toEqual({ cursor: expect.any(String) });

    await send('small 1');
    const small = await deliverOf(ann, 'small 1');
    expect(small.message.seq).toBe('2');
    expect(small.cursor).not.toBe('0');

    // Bob makes three: the group is large from the notice of his add on.
    await users.owner.api.invite(groupId, [users.bob.userId]);
    const notice = await waitFor(
      () => ann.delivers().find((d) => d.message.notice !== undefined && d.message.seq === '3'),
      {
        timeoutMs: FRAME_TIMEOUT_MS,
        message: 'the notice of the add',
      },
    );
    expect(notice.cursor).toBe('0');
    await send('large 1');
    expect(await deliverOf(ann, 'large 1')).toMatchObject({ cursor: '0', message: { seq: '4', conversationId } });

    // Nothing of it went to a stream: the HTTP sync of the stream has only what came before.
    const page = await users.ann.api.sync('0', 100);
    expect(page.messages.map((e) => e.message.body)).toEqual([expect.stringContaining('added'), 'small 1']);
  });

  it('catches a device up over TCP: its stream backlog, then each large group by seq from where it is, then CaughtUp with each group', async () => {
    const first = devices[0];
    const resume = (await caughtUpOf(first)).cursor;
    first.close();
    await send('offline 1');
    await send('offline 2');
    await users.owner.api.send({ userId: users.ann.userId }, 'private while offline', 'private-1');

    // Without `conversations`: the group from where a device with nothing of it starts (seq 2,
    // the last one written to streams before the switch).
    const fresh = await device('ann', resume);
    const caughtUp = await caughtUpOf(fresh);
    expect(caughtUp.conversations).toEqual([{ conversationId, seq: '6' }]);
    const backlog = backlogOf(fresh);
    const stream = backlog.filter((d) => d.cursor !== '0');
    const group = backlog.filter((d) => d.cursor === '0');
    expect(stream.map((d) => d.message.body)).toContain('private while offline');
    expect(backlog.indexOf(stream[stream.length - 1])).toBeLessThan(backlog.indexOf(group[0]));
    expect(group.map((d) => d.message.seq)).toEqual(['3', '4', '5', '6']);
    expect(group.map((d) => d.message.body).slice(1)).toEqual(['large 1', 'offline 1', 'offline 2']);
    fresh.close();

    // With `conversations`: only what comes after the seq it names.
    const named = await device('ann', caughtUp.cursor, [{ conversationId, seq: '5' }]);
    expect(await caughtUpOf(named)).toEqual({ cursor: caughtUp.cursor, conversations: [{ conversationId, seq: '6' }] });
    // (The stream part starts a little before the cursor, so it may repeat a few messages.)
    expect(backlogOf(named).filter((d) => d.cursor === '0')).toEqual([
      { message: expect.objectContaining({ seq: '6', body: 'offline 2' }), cursor: '0' },
    ]);
  });

  it('gives a member added later only what came after its join, and a removed member nothing more', async () => {
    const ann = devices[devices.length - 1];
    await users.owner.api.invite(groupId, [users.cat.userId]);
    const cat = await device('cat', '0');
    expect(await caughtUpOf(cat)).toEqual({ cursor: '0', conversations: [{ conversationId, seq: '7' }] });
    expect(backlogOf(cat).map((d) => [d.message.seq, d.message.notice?.userIds])).toEqual([['7', [users.cat.userId]]]);

    await users.owner.api.removeMember(groupId, users.ann.userId);
    await send('after removal');
    await deliverOf(cat, 'after removal');
    // Pushes to one server are written in order: ann would have had it before cat's next one.
    await send('after removal 2');
    await deliverOf(cat, 'after removal 2');
    expect(ann.delivers().map((d) => d.message.body)).not.toContain('after removal');

    ann.close();
    const again = await device('ann', '0');
    const caughtUp = await caughtUpOf(again);
    expect(caughtUp.conversations).toBeUndefined();
    expect(backlogOf(again).map((d) => d.message.body)).not.toContain('after removal');
  });

  it('answers HTTP sync with the large groups on its last page, pages a conversation forward by seq, and lists large groups', async () => {
    const owner = users.owner.api;
    // Pages of one through the owner's stream (what came before the switch, and a private
    // message): only the last says where the large groups are.
    let page = await owner.sync('0', 1);
    for (; page.hasMore; page = await owner.sync(page.cursor, 1)) expect(page).not.toHaveProperty('largeGroups');
    expect(page.largeGroups).toEqual([{ conversationId, seq: '9', fromSeq: '2' }]);
    // Bob joined at the switch (seq 2) and Cat later (seq 6); Ann was removed.
    expect((await users.bob.api.sync('0', 100)).largeGroups).toEqual([{ conversationId, seq: '9', fromSeq: '2' }]);
    expect((await users.cat.api.sync('0', 100)).largeGroups).toEqual([{ conversationId, seq: '9', fromSeq: '6' }]);
    expect((await users.ann.api.sync('0', 100)).largeGroups).toEqual([]);

    const pages: string[][] = [];
    for (let after = '2'; ;) {
      const page = await forward(users.bob, after, 3);
      expect(page.status).toBe(200);
      expect(page.body.expired).toBe(false);
      if (page.body.messages.length === 0) break;
      pages.push(page.body.messages.map((m) => m.seq));
      after = page.body.messages[page.body.messages.length - 1].seq;
    }
    expect(pages).toEqual([['3', '4', '5'], ['6', '7', '8'], ['9']]);
    expect(await forward(users.bob, '2', 3, '&beforeSeq=5')).toMatchObject({
      status: 400,
      body: { code: 'CIM_ERR_INVALID_INPUT' },
    });
    expect((await forward(users.ann, '0', 3)).status).toBe(404);

    const { conversations } = await users.bob.api.conversations();
    expect(conversations[0]).toEqual({ conversationId, lastSeq: '9', readSeq: '0', unread: 9 });
    expect((await owner.conversations()).conversations[0]).toEqual({
      conversationId,
      lastSeq: '9',
      readSeq: '9',
      unread: 0,
    });
  });

  it('skips nothing when sends race with the add that makes the group large, for a member there before and the one added', async () => {
    const [dan, eve] = [await user('dan'), await user('eve')];
    const race = await dan.api.createGroup('race', [eve.userId]);
    const raceConversation = `g:${race.groupId}`;
    // Three senders, one message after another each, while the owner is added to this group of
    // two: the third member, the switch. The add starts once the first 10 sends are answered.
    const answers: SendAnswer[] = [];
    const senders = [0, 1, 2].map(async (k) => {
      for (let i = 0; i < 10; i++)
        answers.push(await dan.api.send({ groupId: race.groupId }, `race ${k}.${i}`, `race-${k}-${i}`));
    });
    await waitFor(() => (answers.length >= 10 ? true : undefined), {
      timeoutMs: FRAME_TIMEOUT_MS,
      message: '10 sends',
    });
    const invited = await dan.api.invite(race.groupId, [users.owner.userId]);
    await Promise.all(senders);
    expect(invited.memberIds).toHaveLength(3);
    const history = await dan.api.history(raceConversation, { limit: 100 });
    const notice = history.messages.find((m) => m.notice?.userIds.includes(users.owner.userId))!;
    console.log('RACE', notice.seq, answers.map((a) => a.seq).join(','));

    // Eve, a member from the start, on a fresh device: her stream (what was written before the
    // switch) and the group by seq together hold every message.
    const eveLogin = await eve.api.login('eve', 'password-1', 'eve-tablet');
    const tablet = await connect({ ...eve, login: eveLogin }, '0');
    devices.push(tablet);
    await caughtUpOf(tablet);
    const eveGot = new Set(backlogOf(tablet).map((d) => d.message.msgId));
    expect(answers.filter((a) => !eveGot.has(a.msgId)).map((a) => a.seq)).toEqual([]);

    // The owner, added by the switch: everything after its join, which is before its notice.
    const owner = await device('owner', '0');
    await caughtUpOf(owner);
    const ownerGot = new Set(backlogOf(owner).map((d) => d.message.msgId));
    const afterJoin = answers.filter((a) => Number(a.seq) > Number(notice.seq));
    expect(afterJoin.filter((a) => !ownerGot.has(a.msgId)).map((a) => a.seq)).toEqual([]);
    expect(ownerGot.has(notice.msgId)).toBe(true);
  });

  it('pushes a retried send again to the members it was stored for, not to one added since', async () => {
    const { groupId: retried } = await users.owner.api.createGroup('retries', [users.ann.userId, users.bob.userId]);
    const bob = await device('bob', '0');
    await users.owner.api.send({ groupId: retried }, 'before the join', 'retried-send');
    await deliverOf(bob, 'before the join');
    await users.owner.api.invite(retried, [users.cat.userId]);
    const cat = await device('cat', '0');
    await caughtUpOf(cat);

    // The same clientMsgId again (a sender whose answer was lost): the first answer, pushed again
    // to the members it was stored for.
    const again = await users.owner.api.send({ groupId: retried }, 'before the join', 'retried-send');
    expect(again.seq).toBe('2');
    // Group sends are answered once pushed: the retry's push reached cat's server before this one.
    await users.owner.api.send({ groupId: retried }, 'after the retry', 'after-retry');
    await deliverOf(cat, 'after the retry');
    expect(cat.delivers().map((d) => d.message.body)).not.toContain('before the join');
  });
});
