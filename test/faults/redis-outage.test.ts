import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from '@cim/cli';
import { RouteApi } from '@cim/client';
import { silentLogger } from '@cim/common/server';
import { RedisServer, uniquePrefix, waitFor } from '../harness/index.js';
import { RecordingClient } from '../support/chat-scenario.js';
import { RawClient } from '../support/raw-client.js';

/**
 * A plain HTTP call to the route. The 5 s client-side bound is the "fails fast" check: a route that
 * queues requests while Redis is away (ioredis retries 20 times by default) fails the test.
 */
async function call(
  url: string,
  init: RequestInit & { token?: string; json?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> | undefined }> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    ...init,
    headers,
    body: init.json === undefined ? init.body : JSON.stringify(init.json),
    signal: AbortSignal.timeout(5_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('Redis faults (own Redis with AOF on)', () => {
  let redis: RedisServer;
  let cluster: LocalCluster;
  const open: RecordingClient[] = [];
  const raws: RawClient[] = [];
  let n = 0;
  const name = (base: string) => `${base}${++n}`;

  /** Registers and logs in over HTTP only (no TCP connection): a sender. */
  async function sender(base: string): Promise<{ api: RouteApi; userId: string }> {
    const api = new RouteApi(cluster.routeUrl);
    const { userId } = await api.register(base, `password-${base}`);
    api.token = (await api.login(base, `password-${base}`, 'http')).token;
    return { api, userId };
  }

  async function receiver(base: string): Promise<RecordingClient> {
    const rec = new RecordingClient(cluster.routeUrl, base);
    await rec.client.api.register(base, `password-${base}`);
    await rec.client.connect();
    open.push(rec);
    return rec;
  }

  async function routeReady(): Promise<void> {
    await waitFor(async () => (await fetch(`${cluster.routeUrl}/readyz`)).status === 200, {
      timeoutMs: 15_000,
      message: 'the route to be ready again',
    });
  }

  beforeAll(async () => {
    redis = await RedisServer.start({ appendOnly: true });
    cluster = await startLocalCluster({
      servers: 1,
      routePort: 0,
      tcpPort: 0,
      redisUrl: redis.url,
      redisPrefix: `${uniquePrefix('redis-faults')}:`,
      logger: silentLogger,
      route: { sendRatePerSec: 10_000, sendBurst: 10_000 },
    });
  });

  afterEach(async () => {
    for (const r of raws.splice(0)) r.close();
    if (!redis.running) await redis.resume();
    for (const c of open.splice(0)) await c.client.close();
  });

  afterAll(async () => {
    await cluster?.stop();
    await redis?.stop();
  });

  it('keeps every acknowledged message across a clean restart and a crash of Redis (history, sync, seq)', async () => {
    const alice = await sender(name('alice'));
    const bob = await receiver(name('bob'));
    const answers = [];
    for (let i = 0; i < 15; i++)
      answers.push(await alice.api.send({ userId: bob.userId }, `before restart ${i}`, `r1-${i}`));
    await redis.restart('SIGTERM');
    await routeReady();
    for (let i = 0; i < 15; i++)
      answers.push(await alice.api.send({ userId: bob.userId }, `before crash ${i}`, `r2-${i}`));
    // appendfsync always: what was acknowledged is on disk even when Redis dies without warning.
    await redis.restart('SIGKILL');
    await routeReady();

    const sync = await bob.client.api.sync('0', 500);
    expect(sync.hasMore).toBe(false);
    expect(sync.messages.map((e) => e.message.msgId)).toEqual(answers.map((a) => a.msgId));
    const conversationId = answers[0].conversationId;
    const history = await bob.client.history(conversationId, { limit: 100 });
    expect(history.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => String(30 - i)));

    // Counters survived too: the next message continues the sequence with a new id.
    const next = await alice.api.send({ userId: bob.userId }, 'after the crash', 'r3');
    expect(next.seq).toBe('31');
    expect(answers.map((a) => a.msgId)).not.toContain(next.msgId);
    // A retry of an old send is still recognised after the crash (idempotency keys survived).
    expect(await alice.api.send({ userId: bob.userId }, 'before crash 3', 'r2-3')).toEqual(answers[18]);
    await bob.waitForBody('after the crash');
    expect(new Set(bob.received.map((m) => m.msgId)).size).toBe(bob.received.length);
  });

  it('answers quickly with 503 CIM_ERR_UNAVAILABLE while Redis is down, and serves again by itself once it is back', async () => {
    const alice = await sender(name('alice'));
    const bob = await receiver(name('bob'));
    const before = await alice.api.send({ userId: bob.userId }, 'before the outage', 'o-0');
    await bob.waitForBody('before the outage');
    // A device on raw TCP, logged in before the outage.
    const carolName = name('carol');
    const carolApi = new RouteApi(cluster.routeUrl);
    await carolApi.register(carolName, `password-${carolName}`);
    const carolLogin = await carolApi.login(carolName, `password-${carolName}`, 'iot');
    const carol = await RawClient.connect(carolLogin.server.tcpPort, carolLogin.server.host);
    raws.push(carol);
    carol.send({ login: { token: carolLogin.token } });
    await carol.next('loginOk');

    await redis.kill('SIGKILL');

    const send = await call(`${cluster.routeUrl}/api/v1/messages`, {
      method: 'POST',
      token: alice.api.token,
      json: { to: { userId: bob.userId }, body: 'during the outage', clientMsgId: 'o-1' },
    });
    expect(send).toEqual({ status: 503, body: { code: 'CIM_ERR_UNAVAILABLE', message: expect.any(String) } });
    const login = await call(`${cluster.routeUrl}/api/v1/sessions`, {
      method: 'POST',
      json: { userName: carolName, password: `password-${carolName}`, deviceId: 'other' },
    });
    expect(login).toMatchObject({ status: 503, body: { code: 'CIM_ERR_UNAVAILABLE' } });
    const sync = await call(`${cluster.routeUrl}/api/v1/sync?after=0`, { token: alice.api.token });
    expect(sync).toMatchObject({ status: 503, body: { code: 'CIM_ERR_UNAVAILABLE' } });
    expect((await call(`${cluster.routeUrl}/readyz`)).status).toBe(503);
    // Over TCP, a Send is answered with the same code, so a device knows to retry.
    carol.send({
      requestId: 77,
      send: { clientMsgId: 'tcp-1', to: { userId: bob.userId }, body: 'tcp during the outage' },
    });
    const result = await carol.next('sendResult', 10_000);
    expect(result).toMatchObject({
      requestId: 77,
      sendResult: { clientMsgId: 'tcp-1', error: { code: 'CIM_ERR_UNAVAILABLE' } },
    });
    // Push servers never talk to Redis: connected clients stay connected.
    expect(bob.client.state).toBe('online');
    expect(carol.closed).toBe(false);

    await redis.resume();
    // No restart of the route: its Redis client reconnects by itself.
    const retried = await waitFor(
      async () => {
        const r = await call(`${cluster.routeUrl}/api/v1/messages`, {
          method: 'POST',
          token: alice.api.token,
          json: { to: { userId: bob.userId }, body: 'during the outage', clientMsgId: 'o-1' },
        });
        return r.status === 200 ? r.body : undefined;
      },
      { timeoutMs: 15_000, message: 'a send to succeed after Redis is back' },
    );
    expect(retried.seq).toBe('2');
    await bob.waitForBody('during the outage');
    carol.send({
      requestId: 78,
      send: { clientMsgId: 'tcp-1', to: { userId: bob.userId }, body: 'tcp during the outage' },
    });
    await waitFor(() => carol.frames.some((f) => 'sendResult' in f && f.requestId === 78));
    const tcpAnswer = carol.frames.find((f) => 'sendResult' in f && f.requestId === 78);
    expect(tcpAnswer).toMatchObject({ sendResult: { clientMsgId: 'tcp-1', seq: '1' } });
    await bob.waitForBody('tcp during the outage');
    const history = await bob.client.history(before.conversationId);
    expect(history.map((m) => m.body)).toEqual(['during the outage', 'before the outage']);
  });

  it('hears of a TCP connection that closed while Redis was down once Redis is back (the push server retries the event)', async () => {
    const daveName = name('dave');
    const api = new RouteApi(cluster.routeUrl);
    const { userId } = await api.register(daveName, `password-${daveName}`);
    const login = await api.login(daveName, `password-${daveName}`, 'iot');
    const dave = await RawClient.connect(login.server.tcpPort, login.server.host);
    raws.push(dave);
    dave.send({ login: { token: login.token } });
    await dave.next('loginOk');

    await redis.kill('SIGKILL');
    dave.socket.resetAndDestroy();
    await new Promise((r) => setTimeout(r, 500));
    await redis.resume();

    const session = await waitFor(
      async () => {
        const stored = await cluster.route.store.sessions.get(userId, 'iot').catch(() => null);
        return stored?.detachedAt !== undefined ? stored : undefined;
      },
      { timeoutMs: 15_000, message: "the route to record dave's closed connection" },
    );
    expect(session).toMatchObject({ sessionId: login.sessionId, serverId: cluster.servers[0].id });
    expect(session.connectionId).toBeUndefined();
  });
});
