import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import { RouteApi } from '@cim/client';
import { encodeFrame, INTERNAL_PUSH_PATH, type ChatMessage, type Frame } from '@cim/common';
import { MemoryRegistryHub, silentLogger } from '@cim/common/server';
import { PushServer, type PushServerConfig } from '@cim/server';
import { waitFor } from '../harness/index.js';
import { RawClient } from '../support/raw-client.js';
import { startTestCluster, onSharedRedis } from '../support/test-cluster.js';
import { signUp } from '../support/accounts.js';
import { WsDevice } from '../support/ws-device.js';

describe('a push server under abuse from one client or one address', () => {
  let cluster: LocalCluster;
  const servers: PushServer[] = [];
  const raws: RawClient[] = [];
  const wsDevices: WsDevice[] = [];
  let n = 0;

  /** A token of a fresh user, from a real login at the route. */
  async function token(): Promise<string> {
    return (await signUp(cluster.routeUrl, `abuser${++n}`, { deviceId: 'iot' })).token;
  }

  /** A push server of this cluster's route with some limits set small. */
  async function server(limits: Partial<PushServerConfig>): Promise<PushServer> {
    const s = new PushServer({
      secret: cluster.secret,
      routeUrl: cluster.routeUrl,
      registry: new MemoryRegistryHub().client(),
      logger: silentLogger,
      ...limits,
    });
    servers.push(s);
    await s.start();
    return s;
  }

  async function connect(s: PushServer, localAddress?: string): Promise<RawClient> {
    const raw = await RawClient.connect(s.tcpAddress.port, '127.0.0.1', localAddress);
    raws.push(raw);
    return raw;
  }

  async function loggedIn(s: PushServer, localAddress?: string): Promise<RawClient> {
    const raw = await connect(s, localAddress);
    raw.send({ requestId: 1, login: { token: await token() } });
    await raw.next('loginOk');
    return raw;
  }

  async function metric(s: PushServer, name: string): Promise<number> {
    const text = await s.metrics.registry.metrics();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line ? Number(line.slice(name.length + 1)) : 0;
  }

  beforeAll(async () => {
    // The cluster's own server is only there for logins at the route; each test runs its own.
    cluster = await startTestCluster({
      ...onSharedRedis('abuse'),
    });
  });

  afterEach(async () => {
    for (const r of [...raws.splice(0), ...wsDevices.splice(0)]) r.close();
    for (const s of servers.splice(0)) await s.stop({ drainTimeoutMs: 100 });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('by default refuses one address an eighth of the connection cap, with CIM_ERR_TOO_MANY_CONNECTIONS, while another address still gets in', async () => {
    const s = await server({ maxConnections: 24 });
    expect(s.limits.settings.maxConnectionsPerIp).toBe(3);
    const first = await loggedIn(s);
    await Promise.all([loggedIn(s), loggedIn(s)]);
    const extra = await connect(s);
    expect((await extra.next('error')).error).toMatchObject({
      code: 'CIM_ERR_TOO_MANY_CONNECTIONS',
      message: 'at most 3 connections per address',
    });
    await extra.closedByServer();
    expect(await metric(s, 'cim_server_refused_connections_total{limit="per-ip"}')).toBe(1);
    // The server had room: another address connects and logs in, and the first address's
    // connections keep working.
    const other = await loggedIn(s, '127.0.0.2');
    other.send({ requestId: 2, ping: {} });
    expect(await other.next('pong')).toEqual({ requestId: 2, pong: {} });
    first.send({ requestId: 3, ping: {} });
    expect(await first.next('pong')).toEqual({ requestId: 3, pong: {} });
    expect(s.connectionCount).toBe(4);
    // Every logged-in connection is counted at once, not one per user at the next load report.
    expect(await metric(s, 'cim_server_logged_in_connections')).toBe(4);
  });

  it('refuses one address more connections waiting to log in than its pending-login limit, and admits again once one logs in', async () => {
    const s = await server({ maxPendingLoginsPerIp: 4, maxConnectionsPerIp: 50 });
    const waiting = await Promise.all([1, 2, 3, 4].map(() => connect(s)));
    await waitFor(() => s.connectionCount === 4, { message: 'four connections' });
    const fifth = await connect(s);
    expect((await fifth.next('error')).error).toMatchObject({
      code: 'CIM_ERR_TOO_MANY_CONNECTIONS',
      message: 'at most 4 connections per address waiting to log in',
    });
    await fifth.closedByServer();
    expect(await metric(s, 'cim_server_refused_connections_total{limit="pending-logins-per-ip"}')).toBe(1);
    // Logged-in connections do not count: once one of the four logs in there is room again.
    waiting[0].send({ requestId: 1, login: { token: await token() } });
    await waiting[0].next('loginOk');
    const next = await connect(s);
    next.send({ requestId: 1, login: { token: await token() } });
    await next.next('loginOk');
    expect(next.frames.some((f) => 'error' in f)).toBe(false);
    // Another address has its own allowance.
    const other = await connect(s, '127.0.0.2');
    other.send({ requestId: 1, login: { token: await token() } });
    await other.next('loginOk');
  });

  it('closes a connection flooding Pings with CIM_ERR_RATE_LIMITED after answering at most its burst, while another client keeps getting Pongs', async () => {
    const s = await server({ inboundFramesPerSec: 50, inboundFrameBurst: 100 });
    const flooder = await loggedIn(s);
    const calm = await loggedIn(s);
    const ping = encodeFrame({ ping: {} });
    flooder.writeRaw(Buffer.concat(Array.from({ length: 20_000 }, () => ping)));
    for (let i = 0; i < 5; i++) {
      calm.send({ requestId: 10 + i, ping: {} });
      await waitFor(() => calm.frames.some((f) => 'pong' in f && f.requestId === 10 + i), { message: `pong ${i}` });
    }
    expect((await flooder.next('error')).error.code).toBe('CIM_ERR_RATE_LIMITED');
    await flooder.closedByServer();
    const pongs = flooder.frames.filter((f) => 'pong' in f).length;
    expect(pongs).toBeGreaterThanOrEqual(100);
    expect(pongs).toBeLessThan(200);
    expect(await metric(s, 'cim_server_rejected_total{code="CIM_ERR_RATE_LIMITED"}')).toBe(1);
    expect(calm.closed).toBe(false);
    calm.send({ requestId: 99, ping: {} });
    await waitFor(() => calm.frames.some((f) => f.requestId === 99), { message: 'a pong after the flood' });
  });

  it('reads a client sending faster than its frame rate more slowly, losing nothing and closing nothing', async () => {
    const s = await server({ inboundFramesPerSec: 200, inboundFrameBurst: 10 });
    const api = new RouteApi(cluster.routeUrl);
    const { userId } = await api.register(`reader${++n}`, 'password-reader');
    const sender = await loggedIn(s);
    // Under the route's own send burst (50), so that every one is stored.
    const count = 40;
    sender.writeRaw(
      Buffer.concat(
        Array.from({ length: count }, (_, i) =>
          encodeFrame({ requestId: 100 + i, send: { clientMsgId: `burst-${i}`, to: { userId }, body: `burst ${i}` } }),
        ),
      ),
    );
    await waitFor(() => sender.frames.filter((f) => 'sendResult' in f).length === count, {
      timeoutMs: 10_000,
      message: `${count} SendResults`,
    });
    const results = sender.frames.flatMap((f) => ('sendResult' in f ? [f.sendResult] : []));
    expect(results.filter((r) => !r.msgId)).toEqual([]);
    expect(new Set(results.map((r) => r.clientMsgId)).size).toBe(count);
    expect(sender.closed).toBe(false);
    expect(await metric(s, 'cim_server_inbound_throttled_total')).toBeGreaterThan(0);
  });

  /** Pushes large broadcasts to every connection of `s` until it marks one a slow consumer. */
  async function floodUntilSlowConsumer(s: PushServer): Promise<void> {
    const body = 'x'.repeat(60_000);
    // Message ids are decimal ids: 1 and up.
    const broadcast = (i: number): ChatMessage => ({
      msgId: String(i + 1),
      conversationId: 'broadcast',
      seq: '0',
      fromUserId: '1',
      fromUserName: 'flood',
      to: { broadcast: true },
      body,
      ts: '1',
      clientMsgId: `b${i}`,
    });
    const slowMarked = () => metric(s, 'cim_server_rejected_total{code="CIM_ERR_SLOW_CONSUMER"}');
    for (let i = 0; (await slowMarked()) === 0; i += 20) {
      expect(i, 'pushed far more than any kernel buffers without the server noticing').toBeLessThan(20_000);
      await fetch(`http://127.0.0.1:${s.httpAddress.port}${INTERNAL_PUSH_PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${cluster.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ broadcasts: Array.from({ length: 20 }, (_, k) => broadcast(i + k)) }),
      });
    }
  }

  /** The frames a slow consumer got: whole and in order, the rest dropped (it comes back through sync), then the Error. */
  function expectCutShortInOrder(frames: Frame[]): void {
    expect(frames.at(-1)).toMatchObject({ error: { code: 'CIM_ERR_SLOW_CONSUMER' } });
    const ids = frames.flatMap((f) => ('deliver' in f ? [Number(f.deliver.message.msgId)] : []));
    expect(ids).toEqual(ids.map((_, k) => k + 1));
  }

  it('sends a client that stopped reading Error{CIM_ERR_SLOW_CONSUMER} right behind what its socket held, then closes it', async () => {
    const s = await server({ maxOutboundBytes: 256 * 1024, closeGraceMs: 30_000 });
    const sloth = await loggedIn(s);
    sloth.socket.pause();
    await floodUntilSlowConsumer(s);
    sloth.socket.resume();
    await sloth.closedByServer(10_000);
    expectCutShortInOrder(sloth.frames);
    await waitFor(() => s.connectionCount === 0, { message: 'the connection to be gone' });
  });

  it('treats a WebSocket client that stopped reading the same way, with the WebSocket backlog as its bound', async () => {
    const s = await server({ maxOutboundBytes: 256 * 1024, closeGraceMs: 30_000, wsPort: 0 });
    const sloth = await WsDevice.connect(s.wsUrl!);
    wsDevices.push(sloth);
    sloth.send({ requestId: 1, login: { token: await token() } });
    await sloth.next('loginOk');
    sloth.ws.pause();
    await floodUntilSlowConsumer(s);
    sloth.ws.resume();
    await sloth.closedByServer(10_000);
    expectCutShortInOrder(sloth.frames);
    await waitFor(() => s.connectionCount === 0, { message: 'the connection to be gone' });
  });
});
