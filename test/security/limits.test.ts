import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import { RouteApi } from '@cim/client';
import { encodeFrame, encodeFrameBody, encodeVarint32, type Frame } from '@cim/common';
import { MemoryRegistryHub, silentLogger } from '@cim/common/server';
import { defaultRouteConfig } from '@cim/route';
import { defaultPushServerConfig, PushServer } from '@cim/server';
import { backends, uniquePrefix, waitFor } from '../harness/index.js';
import { RawClient } from '../support/raw-client.js';
import { startTestCluster } from '../support/test-cluster.js';
import { signUp } from '../support/accounts.js';

const MAX_GROUP_MEMBERS = 4;

type SendResult = Extract<Frame, { sendResult: unknown }>['sendResult'];

describe('limits are on by default and answer with coded errors', () => {
  let cluster: LocalCluster;
  const raws: RawClient[] = [];
  let n = 0;

  /** A fresh registered user, logged in over HTTP on its own device. */
  const user = (base: string, deviceId = 'http') => signUp(cluster.routeUrl, `${base}${++n}`, { deviceId });

  /** A raw TCP device logged in on the cluster's push server. */
  async function device(token: string, port = cluster.servers[0].tcpAddress.port): Promise<RawClient> {
    const raw = await RawClient.connect(port);
    raws.push(raw);
    raw.send({ requestId: 1, login: { token } });
    await raw.next('loginOk');
    return raw;
  }

  /** Sends over TCP and resolves with the matching SendResult. */
  async function tcpSend(
    raw: RawClient,
    requestId: number,
    send: Extract<Frame, { send: unknown }>['send'],
  ): Promise<SendResult> {
    raw.send({ requestId, send });
    await waitFor(() => raw.frames.some((f) => 'sendResult' in f && f.requestId === requestId), {
      message: `SendResult ${requestId}`,
    });
    return (
      raw.frames.find((f) => 'sendResult' in f && f.requestId === requestId) as Extract<Frame, { sendResult: unknown }>
    ).sendResult;
  }

  async function syncAll(api: RouteApi): Promise<string[]> {
    const ids: string[] = [];
    for (let after = '0'; ;) {
      const page = await api.sync(after, 500);
      ids.push(...page.messages.map((e) => e.message.msgId));
      if (!page.hasMore) return ids;
      after = page.cursor;
    }
  }

  beforeAll(async () => {
    const prefix = uniquePrefix('limits');
    // Every limit at its default, except the group size (10,000 members would take long to fill).
    cluster = await startTestCluster({
      redisUrl: backends().redisUrl,
      redisPrefix: `${prefix}:`,
      route: { maxGroupMembers: MAX_GROUP_MEMBERS },
    });
  });

  afterEach(() => {
    for (const r of raws.splice(0)) r.close();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('has every limit of docs/design.md#limits on by default', () => {
    expect(defaultRouteConfig).toMatchObject({
      maxBodyChars: 4096,
      sendRatePerSec: 20,
      sendBurst: 50,
      maxGroupMembers: 10_000,
      loginsPerIpPerMinute: 30,
      loginFailuresPerAccount: 10,
      registrationsPerIpPerHour: 20,
      groupsPerUserPerHour: 30,
    });
    expect(defaultRouteConfig.trustProxy).toBeUndefined();
    expect(defaultPushServerConfig).toMatchObject({
      maxFrameBytes: 64 * 1024,
      loginTimeoutMs: 10_000,
      maxPendingLoginsPerIp: 64,
      inboundFramesPerSec: 50,
      inboundFrameBurst: 100,
    });
    // The per-address limit fires before one address fills the server.
    const { maxConnections, maxConnectionsPerIp } = cluster.servers[0].limits.settings;
    expect(maxConnectionsPerIp).toBeGreaterThan(0);
    expect(Number.isFinite(maxConnectionsPerIp)).toBe(true);
    if (Number.isFinite(maxConnections)) expect(maxConnectionsPerIp).toBeLessThan(maxConnections);
    expect(defaultPushServerConfig.maxOutboundBytes).toBeGreaterThan(0);
    expect(Number.isFinite(defaultPushServerConfig.maxOutboundBytes)).toBe(true);
  });

  it('rate limits sends per user over HTTP with 429 CIM_ERR_RATE_LIMITED, stores every accepted one, and accepts a retry later', async () => {
    const alice = await user('alice');
    const bob = await user('bob');
    const accepted: string[] = [];
    const refused: { clientMsgId: string; body: unknown }[] = [];
    const post = (clientMsgId: string) =>
      fetch(`${cluster.routeUrl}/api/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ to: { userId: bob.userId }, body: `m ${clientMsgId}`, clientMsgId }),
      });
    // Bursts of concurrent sends until the bucket (burst 50, 20/s) runs dry.
    for (let round = 0; refused.length === 0 && round < 10; round++) {
      await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const clientMsgId = `rate-${round}-${i}`;
          const res = await post(clientMsgId);
          const body = (await res.json()) as { msgId: string };
          if (res.status === 200) accepted.push(body.msgId);
          else {
            expect(res.status).toBe(429);
            refused.push({ clientMsgId, body });
          }
        }),
      );
    }
    expect(refused.length).toBeGreaterThan(0);
    expect(accepted.length).toBeGreaterThanOrEqual(50);
    for (const r of refused) expect(r.body).toEqual({ code: 'CIM_ERR_RATE_LIMITED', message: expect.any(String) });
    // The limit is per user: bob is not slowed down by alice.
    await bob.api.send({ userId: alice.userId }, 'bob is fine', 'bob-1');
    // Nothing accepted was lost, nothing refused was stored.
    const fromAlice = (await bob.api.sync('0', 500)).messages.filter((e) => e.message.fromUserId === alice.userId);
    expect(fromAlice.map((e) => e.message.msgId).sort()).toEqual([...accepted].sort());
    // Once the bucket has refilled, a refused message goes through with its clientMsgId.
    const retried = await waitFor(
      async () => {
        const res = await post(refused[0].clientMsgId);
        return res.status === 200 ? ((await res.json()) as { msgId: string }) : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 100, message: 'a retry to be accepted' },
    );
    expect(accepted).not.toContain(retried.msgId);
  });

  it('rate limits sends over TCP with a SendResult carrying CIM_ERR_RATE_LIMITED, without closing the connection', async () => {
    const alice = await user('alice', 'iot');
    const bob = await user('bob');
    const raw = await device(alice.token);
    for (let i = 0; i < 80; i++)
      raw.send({ requestId: 100 + i, send: { clientMsgId: `tcp-${i}`, to: { userId: bob.userId }, body: `tcp ${i}` } });
    await waitFor(() => raw.frames.filter((f) => 'sendResult' in f).length === 80, {
      timeoutMs: 10_000,
      message: '80 SendResults',
    });
    const results = raw.frames.flatMap((f) => ('sendResult' in f ? [f.sendResult] : []));
    const limited = results.filter((r) => r.error?.code === 'CIM_ERR_RATE_LIMITED');
    const ok = results.filter((r) => r.msgId);
    expect(limited.length).toBeGreaterThan(0);
    expect(ok.length + limited.length).toBe(80);
    expect(raw.closed).toBe(false);
    const stored = await syncAll(bob.api);
    expect(new Set(stored)).toEqual(new Set(ok.map((r) => r.msgId)));
  });

  it('limits a message body to 4 KiB of UTF-8, over HTTP and over TCP', async () => {
    const alice = await user('alice', 'iot');
    const bob = await user('bob');
    await expect(alice.api.send({ userId: bob.userId }, 'x'.repeat(4096), 'b-1')).resolves.toMatchObject({ seq: '1' });
    await expect(alice.api.send({ userId: bob.userId }, 'x'.repeat(4097), 'b-2')).rejects.toMatchObject({
      code: 'CIM_ERR_INVALID_INPUT',
    });
    // 2,049 two-byte characters: under 4,096 characters, over 4,096 bytes.
    await expect(alice.api.send({ userId: bob.userId }, 'é'.repeat(2049), 'b-3')).rejects.toMatchObject({
      code: 'CIM_ERR_INVALID_INPUT',
    });
    await expect(alice.api.send({ userId: bob.userId }, '', 'b-4')).rejects.toMatchObject({
      code: 'CIM_ERR_INVALID_INPUT',
    });
    const raw = await device(alice.token);
    expect(
      await tcpSend(raw, 2, { clientMsgId: 't-1', to: { userId: bob.userId }, body: '😀'.repeat(1024) }),
    ).toMatchObject({ seq: '2' });
    expect(
      await tcpSend(raw, 3, { clientMsgId: 't-2', to: { userId: bob.userId }, body: '😀'.repeat(1024) + 'x' }),
    ).toMatchObject({
      clientMsgId: 't-2',
      error: { code: 'CIM_ERR_INVALID_INPUT' },
    });
    expect(raw.closed).toBe(false);
    const history = await bob.api.history(
      `p:${[alice.userId, bob.userId].sort((a, b) => Number(a) - Number(b)).join(':')}`,
    );
    expect(history.messages.map((m) => m.seq)).toEqual(['2', '1']);
  });

  it('applies the same clientMsgId limit over TCP as over HTTP (1–64 characters)', async () => {
    const alice = await user('alice', 'iot');
    const bob = await user('bob');
    await expect(alice.api.send({ userId: bob.userId }, 'hi', 'c'.repeat(65))).rejects.toMatchObject({
      code: 'CIM_ERR_INVALID_INPUT',
    });
    const raw = await device(alice.token);
    expect(
      await tcpSend(raw, 2, { clientMsgId: 'c'.repeat(65), to: { userId: bob.userId }, body: 'hi' }),
    ).toMatchObject({
      error: { code: 'CIM_ERR_INVALID_INPUT' },
    });
    expect(
      await tcpSend(raw, 3, { clientMsgId: 'c'.repeat(64), to: { userId: bob.userId }, body: 'hi' }),
    ).toMatchObject({ seq: '1' });
  });

  it('accepts a frame of exactly 64 KiB and answers a longer one with CIM_ERR_FRAME_TOO_LARGE, keeping what came before, even in the same write', async () => {
    const alice = await user('alice', 'iot');
    const bob = await user('bob');
    const raw = await device(alice.token);
    expect(
      await tcpSend(raw, 2, { clientMsgId: 'before', to: { userId: bob.userId }, body: 'sent before the big frame' }),
    ).toMatchObject({ seq: '1' });
    // A Send padded to exactly 65,536 bytes: it is framed and decoded (its body is then too long).
    const pad = (size: number): Frame => {
      let body = 'y'.repeat(size - 40);
      const frame = (): Frame => ({ requestId: 3, send: { clientMsgId: 'big', to: { userId: bob.userId }, body } });
      body += 'y'.repeat(size - encodeFrameBody(frame()).length);
      return frame();
    };
    const exact = pad(64 * 1024);
    expect(encodeFrameBody(exact).length).toBe(64 * 1024);
    raw.send(exact);
    await waitFor(() => raw.frames.some((f) => f.requestId === 3), { message: 'the SendResult of the 64 KiB frame' });
    expect(raw.frames.find((f) => f.requestId === 3)).toMatchObject({
      sendResult: { error: { code: 'CIM_ERR_INVALID_INPUT' } },
    });
    expect(raw.closed).toBe(false);
    // One byte more and the length prefix alone is refused; a Send ahead of it in the same write still goes through.
    const last: Frame = {
      requestId: 4,
      send: { clientMsgId: 'last', to: { userId: bob.userId }, body: 'in the same write' },
    };
    raw.writeRaw(Buffer.concat([encodeFrame(last), encodeVarint32(64 * 1024 + 1)]));
    expect((await raw.next('error')).error.code).toBe('CIM_ERR_FRAME_TOO_LARGE');
    await raw.closedByServer();
    await waitFor(
      async () => {
        const bodies = (await bob.api.sync('0', 10)).messages.map((e) => e.message.body);
        expect(bodies).toEqual(['sent before the big frame', 'in the same write']);
        return true;
      },
      { message: "bob's messages" },
    );
  });

  it('limits group size with 409 CIM_ERR_GROUP_FULL on create and on add', async () => {
    const owner = await user('owner');
    const members = await Promise.all([1, 2, 3, 4].map(() => user('member')));
    const ids = members.map((m) => m.userId);
    await expect(owner.api.createGroup('too big', ids)).rejects.toMatchObject({ code: 'CIM_ERR_GROUP_FULL' });
    const group = await owner.api.createGroup('just right', ids.slice(0, 3), { public: true });
    expect(group.memberIds).toHaveLength(MAX_GROUP_MEMBERS);
    await expect(owner.api.invite(group.groupId, [ids[3]])).rejects.toMatchObject({ code: 'CIM_ERR_GROUP_FULL' });
    await expect(members[3].api.joinGroup(group.groupId)).rejects.toMatchObject({ code: 'CIM_ERR_GROUP_FULL' });
    expect((await owner.api.group(group.groupId)).memberIds).toHaveLength(MAX_GROUP_MEMBERS);
    // The request itself is bounded too, whatever the configured group size.
    const res = await fetch(`${cluster.routeUrl}/api/v1/groups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'huge', memberIds: Array.from({ length: 10_001 }, () => '1') }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
  });

  describe('on a push server with a small per-IP limit and login timeout', () => {
    let server: PushServer;

    beforeAll(async () => {
      server = new PushServer({
        secret: cluster.secret,
        routeUrl: cluster.routeUrl,
        registry: new MemoryRegistryHub().client(),
        logger: silentLogger,
        maxConnectionsPerIp: 5,
        loginTimeoutMs: 500,
      });
      await server.start();
    });

    afterAll(async () => {
      await server?.stop({ drainTimeoutMs: 500 });
    });

    it('refuses connections over the per-IP limit with CIM_ERR_TOO_MANY_CONNECTIONS and leaves the others alone', async () => {
      const alice = await user('alice', 'iot');
      const port = server.tcpAddress.port;
      const first = await device(alice.token, port);
      const idle = await Promise.all([1, 2, 3, 4].map(() => RawClient.connect(port)));
      raws.push(...idle);
      const extra = await RawClient.connect(port);
      raws.push(extra);
      expect((await extra.next('error')).error.code).toBe('CIM_ERR_TOO_MANY_CONNECTIONS');
      await extra.closedByServer();
      // The logged-in one still works; once one leaves, a new connection is accepted.
      first.send({ requestId: 9, ping: {} });
      expect(await first.next('pong')).toEqual({ requestId: 9, pong: {} });
      idle[0].close();
      await waitFor(() => server.connectionCount === 4, { message: 'the count to drop' });
      const fresh = await new RouteApi(cluster.routeUrl).login(alice.userName, `password-${alice.userName}`, 'iot-2');
      const again = await device(fresh.token, port);
      expect(again.frames.some((f) => 'error' in f)).toBe(false);
      expect(first.closed).toBe(false);
    });

    it('closes a connection that sends half a Login and stalls, at the login timeout', async () => {
      await waitFor(() => server.connectionCount === 0, { message: 'the previous connections to be gone' });
      const raw = await RawClient.connect(server.tcpAddress.port);
      raws.push(raw);
      const login = encodeFrame({ login: { token: 'x'.repeat(200) } });
      raw.writeRaw(login.subarray(0, 50));
      expect((await raw.next('error', 3_000)).error.code).toBe('CIM_ERR_LOGIN_TIMEOUT');
      await raw.closedByServer();
    });
  });
});
