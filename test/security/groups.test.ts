import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import { RouteApi, type PublicGroup } from '@cim/client';
import { RawClient } from '../support/raw-client.js';
import { routeHttp } from '../support/route-http.js';
import { startTestCluster, onSharedRedis } from '../support/test-cluster.js';
import { signUp } from '../support/accounts.js';

/**
 * Groups are private by default: a non-member gets the same 404 for a private group as for one
 * that does not exist, and only a member's invitation lets them in. Public groups are listed and
 * open to join.
 */
describe('group privacy', () => {
  let cluster: LocalCluster;
  const raws: RawClient[] = [];
  let n = 0;

  const user = (base: string) => signUp(cluster.routeUrl, `${base}${++n}`);

  const http = (method: string, path: string, token: string, body?: unknown) =>
    routeHttp(cluster.routeUrl, method, `/api/v1${path}`, token, body);

  /** Every request a non-member could make about a group, by what it is after. */
  const probes = (groupId: string, userId: string): [string, string, string, unknown?][] => [
    ['join', 'POST', `/groups/${groupId}/members`, {}],
    ['add themselves by id', 'POST', `/groups/${groupId}/members`, { userIds: [userId] }],
    ['details and members', 'GET', `/groups/${groupId}`],
    ['history', 'GET', `/conversations/g:${groupId}/messages`],
    ['history search', 'GET', `/conversations/g:${groupId}/messages?q=secret`],
    ['mark read', 'POST', `/conversations/g:${groupId}/read`, { seq: '1' }],
    ['send', 'POST', '/messages', { to: { groupId }, body: 'let me in' }],
    ['leave', 'DELETE', `/groups/${groupId}/members/${userId}`],
    ['dissolve', 'DELETE', `/groups/${groupId}`],
  ];

  async function allPublicGroups(api: RouteApi): Promise<PublicGroup[]> {
    const groups: PublicGroup[] = [];
    for (let after: string | undefined; ;) {
      const page = await api.publicGroups({ after, limit: 2 });
      groups.push(...page.groups);
      if (page.nextCursor === null) return groups;
      after = page.nextCursor;
    }
  }

  beforeAll(async () => {
    cluster = await startTestCluster({
      ...onSharedRedis('groups'),
    });
  });

  afterEach(() => {
    for (const raw of raws.splice(0)) raw.close();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('answers a non-member about a private group exactly as about a group that does not exist', async () => {
    const alice = await user('alice');
    const bob = await user('bob');
    const mallory = await user('mallory');
    const group = await alice.api.createGroup('secret plans', [bob.userId]);
    expect(group.public).toBe(false);
    await alice.api.send({ groupId: group.groupId }, 'the secret is out', 'g1');
    const missingId = String(BigInt(group.groupId) + 1n);

    for (const [what, method, path, body] of probes(group.groupId, mallory.userId)) {
      const answer = await http(method, path, mallory.token, body);
      expect(answer, what).toMatchObject({ status: 404, body: { code: 'CIM_ERR_NOT_FOUND' } });
      const [, , missingPath, missingBody] = probes(missingId, mallory.userId).find(([w]) => w === what)!;
      const missing = await http(method, missingPath, mallory.token, missingBody);
      expect(JSON.stringify(answer.body).replaceAll(group.groupId, '<id>'), what).toBe(
        JSON.stringify(missing.body).replaceAll(missingId, '<id>'),
      );
    }
    // Over the push server's TCP connection too.
    const raw = await RawClient.connect(cluster.servers[0].tcpAddress.port);
    raws.push(raw);
    raw.send({ requestId: 1, login: { token: mallory.token } });
    await raw.next('loginOk');
    raw.send({ requestId: 2, send: { clientMsgId: 't1', to: { groupId: group.groupId }, body: 'let me in' } });
    expect((await raw.next('sendResult')).sendResult.error).toMatchObject({ code: 'CIM_ERR_NOT_FOUND' });

    // Nothing of it reached mallory, and the group is unchanged.
    expect((await mallory.api.myGroups()).groups).toEqual([]);
    expect((await mallory.api.sync('0', 100)).messages).toEqual([]);
    expect((await allPublicGroups(mallory.api)).map((g) => g.groupId)).not.toContain(group.groupId);
    expect(await alice.api.group(group.groupId)).toEqual(group);
    expect((await alice.api.history(`g:${group.groupId}`)).messages.map((m) => m.body)).toEqual([
      'the secret is out',
      `${alice.userName} added ${bob.userName}`,
    ]);
  });

  it('lets in a user any member invites, who then reads the whole history', async () => {
    const alice = await user('alice');
    const bob = await user('bob');
    const carol = await user('carol');
    const group = await alice.api.createGroup('team', [bob.userId]);
    await alice.api.send({ groupId: group.groupId }, 'before carol came', 'g1');

    const invited = await bob.api.invite(group.groupId, [carol.userId]);
    expect(invited.memberIds).toContain(carol.userId);
    expect((await carol.api.myGroups()).groups.map((g) => g.groupId)).toEqual([group.groupId]);
    expect(await carol.api.group(group.groupId)).toEqual(invited);
    expect((await carol.api.history(`g:${group.groupId}`)).messages.map((m) => m.body)).toEqual([
      `${bob.userName} added ${carol.userName}`,
      'before carol came',
      `${alice.userName} added ${bob.userName}`,
    ]);
    // Joining a group one is already in changes nothing.
    expect(await carol.api.joinGroup(group.groupId)).toEqual(invited);
    await carol.api.send({ groupId: group.groupId }, 'hello, I was invited', 'g2');
    expect((await alice.api.history(`g:${group.groupId}`)).messages.map((m) => m.body)).toContain(
      'hello, I was invited',
    );

    // Once she leaves, it is hidden from her again.
    await carol.api.removeMember(group.groupId, carol.userId);
    expect(await http('GET', `/groups/${group.groupId}`, carol.token)).toMatchObject({ status: 404 });
  });

  it('lists a public group for everyone, who may join it themselves and then read it', async () => {
    const alice = await user('alice');
    const dave = await user('dave');
    const group = await alice.api.createGroup('open house', [], { public: true });
    expect(group.public).toBe(true);
    await alice.api.send({ groupId: group.groupId }, 'welcome, all', 'g1');

    expect((await allPublicGroups(dave.api)).find((g) => g.groupId === group.groupId)).toEqual({
      groupId: group.groupId,
      name: 'open house',
      ownerId: alice.userId,
      memberCount: 1,
      createdAt: group.createdAt,
    });
    // Seen, but not read, before joining.
    expect(await http('GET', `/conversations/g:${group.groupId}/messages`, dave.token)).toMatchObject({
      status: 403,
      body: { code: 'CIM_ERR_NOT_A_MEMBER' },
    });
    expect(await http('GET', `/groups/${group.groupId}`, dave.token)).toMatchObject({
      status: 403,
      body: { code: 'CIM_ERR_NOT_A_MEMBER' },
    });

    expect((await dave.api.joinGroup(group.groupId)).memberIds).toContain(dave.userId);
    expect((await dave.api.history(`g:${group.groupId}`)).messages.map((m) => m.body)).toEqual(['welcome, all']);
    expect((await allPublicGroups(dave.api)).find((g) => g.groupId === group.groupId)?.memberCount).toBe(2);

    await alice.api.dissolveGroup(group.groupId);
    expect((await allPublicGroups(dave.api)).map((g) => g.groupId)).not.toContain(group.groupId);
  });

  it('gives new groups random 16-digit ids that do not follow one another', async () => {
    const alice = await user('alice');
    const ids: bigint[] = [];
    for (let i = 0; i < 10; i++) {
      const { groupId } = await alice.api.createGroup(`group ${i}`, []);
      expect(groupId).toMatch(/^[1-9][0-9]{15}$/);
      ids.push(BigInt(groupId));
    }
    const steps = ids.slice(1).map((id, i) => id - ids[i]);
    expect(steps.filter((step) => step >= -1000n && step <= 1000n)).toEqual([]);
  });

  it('refuses a bad page of public groups with a coded 400', async () => {
    const alice = await user('alice');
    for (const query of ['after=abc', 'after=0', 'limit=0', 'limit=101']) {
      expect(await http('GET', `/groups/public?${query}`, alice.token), query).toMatchObject({
        status: 400,
        body: { code: 'CIM_ERR_INVALID_INPUT' },
      });
    }
  });
});
