import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RouteApi } from '@cim/client';
import { CimError } from '@cim/common';
import { silentLogger, ZkRegistry } from '@cim/common/server';
import { RouteService } from '@cim/route';
import { PushServer } from '@cim/server';
import { uniquePrefix, waitFor } from '../harness/index.js';
import { RecordingClient } from '../support/chat-scenario.js';
import { RawClient } from '../support/raw-client.js';
import { startRouteInProcess } from '../support/route-in-process.js';

const secret = 'graceful-drain-secret-0123456789';

/**
 * A steady stream of private messages from one HTTP-only sender to a set of recipients, on a few
 * parallel lanes. A send that fails is retried with the same clientMsgId (sends are idempotent), so
 * every message of the stream is acknowledged exactly once; `expected` maps recipient → msgIds.
 */
class SteadyTraffic {
  readonly expected = new Map<string, string[]>();
  failedAttempts = 0;
  private sent = 0;
  private stopping = false;
  private readonly lanes: Promise<void>[];

  constructor(
    private readonly api: RouteApi,
    private readonly recipients: string[],
    private readonly tag: string,
    lanes = 3,
  ) {
    for (const r of recipients) this.expected.set(r, []);
    this.lanes = Array.from({ length: lanes }, (_, lane) => this.run(lane));
  }

  /** Messages acknowledged so far. */
  get count(): number {
    return this.sent;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.lanes);
  }

  private async run(lane: number): Promise<void> {
    for (let k = 0; !this.stopping; k++) {
      const to = this.recipients[(k + lane) % this.recipients.length];
      const clientMsgId = `${this.tag}-${lane}-${k}`;
      for (;;) {
        try {
          const answer = await this.api.send({ userId: to }, `${this.tag} ${lane}#${k}`, clientMsgId);
          this.expected.get(to)!.push(answer.msgId);
          break;
        } catch (err) {
          if (!(err instanceof CimError)) throw err;
          this.failedAttempts++;
          if (this.failedAttempts > 200) throw err;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      this.sent++;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

describe('graceful drain of push servers (Redis + ZooKeeper)', () => {
  const prefix = uniquePrefix('graceful-drain');
  let zk: string;
  let route: RouteService;
  let routeRegistry: ZkRegistry;
  const servers = new Map<string, { server: PushServer; registry: ZkRegistry }>();
  const clients: RecordingClient[] = [];
  const raws: RawClient[] = [];
  let sender: RouteApi;
  let n = 0;

  async function startServer(id: string): Promise<PushServer> {
    const registry = new ZkRegistry({ connect: zk, logger: silentLogger });
    const server = new PushServer({ id, secret, routeUrl: route.url, registry, logger: silentLogger });
    await server.start();
    servers.set(id, { server, registry });
    await waitFor(() => route.liveServers().some((s) => s.id === id), {
      timeoutMs: 10_000,
      message: `the route to see ${id}`,
    });
    return server;
  }

  async function stopServer(id: string): Promise<void> {
    const entry = servers.get(id)!;
    await entry.server.stop();
    await entry.registry.close();
  }

  /** Connects `count` fresh users; round-robin spreads them over the live servers. */
  async function recipients(count: number): Promise<RecordingClient[]> {
    const out: RecordingClient[] = [];
    for (let i = 0; i < count; i++) {
      const userName = `rcpt${++n}`;
      const rec = new RecordingClient(route.url, userName);
      rec.client.on('error', (err) => rec.states.push(`error: ${err.message}`));
      await rec.client.api.register(userName, `password-${userName}`);
      await rec.client.connect();
      clients.push(rec);
      out.push(rec);
    }
    return out;
  }

  /** Waits until every recipient has every message addressed to it, then checks each msgId came exactly once. */
  async function expectExactlyOnce(traffic: SteadyTraffic, recs: RecordingClient[]): Promise<void> {
    for (const rec of recs) {
      const want = traffic.expected.get(rec.userId)!;
      await waitFor(() => want.every((id) => rec.received.some((m) => m.msgId === id)), {
        timeoutMs: 15_000,
        message: `${rec.userName} to have all ${want.length} messages`,
      });
      const got = rec.received.map((m) => m.msgId);
      expect(new Set(got).size, `${rec.userName} got a message twice`).toBe(got.length);
      expect([...got].sort()).toEqual([...want].sort());
    }
  }

  const serverOf = (rec: RecordingClient) => rec.client.info().serverId;

  beforeAll(async () => {
    ({
      route,
      registry: routeRegistry,
      zkConnect: zk,
    } = await startRouteInProcess(prefix, secret, {
      route: { sendRatePerSec: 10_000, sendBurst: 10_000 },
    }));
    await startServer('s1');
    await startServer('s2');
    sender = new RouteApi(route.url);
    await sender.register('sender', 'password-sender');
    sender.token = (await sender.login('sender', 'password-sender', 'http-only')).token;
  });

  afterEach(async () => {
    for (const r of raws.splice(0)) r.close();
    for (const c of clients.splice(0)) await c.client.close();
  });

  afterAll(async () => {
    for (const id of servers.keys()) await stopServer(id);
    await route?.stop();
    await routeRegistry?.close();
    await route?.store.close();
  });

  it('stop() leaves the registry and redirects every connection; SDK clients move to the other server with nothing lost or doubled', async () => {
    const recs = await recipients(6);
    const onS1 = recs.filter((r) => serverOf(r) === 's1');
    expect(onS1.length).toBeGreaterThan(0);
    expect(recs.filter((r) => serverOf(r) === 's2').length).toBeGreaterThan(0);
    // A raw device on s1, to see the Redirect frame itself.
    const rawLogin = await new RouteApi(route.url).login('sender', 'password-sender', 'raw');
    const raw = await RawClient.connect(servers.get('s1')!.server.tcpAddress.port);
    raws.push(raw);
    raw.send({ login: { token: rawLogin.token } });
    await raw.next('loginOk');

    const traffic = new SteadyTraffic(
      sender,
      recs.map((r) => r.userId),
      'drain',
    );
    await waitFor(() => recs.every((r) => r.received.length >= 10), {
      timeoutMs: 10_000,
      message: 'the stream to flow',
    });

    await stopServer('s1');

    // Gone from ZooKeeper by the time stop() resolves, and empty.
    const watcher = new ZkRegistry({ connect: zk, logger: silentLogger });
    await watcher.watch();
    expect(watcher.servers().map((s) => s.id)).toEqual(['s2']);
    await watcher.close();
    expect(servers.get('s1')!.server.connectionCount).toBe(0);
    expect((await raw.next('redirect')).redirect.reason).toMatch(/shutting down/);
    await raw.closedByServer();
    await waitFor(() => route.liveServers().every((s) => s.id !== 's1'), { message: 's1 to leave the live list' });
    await waitFor(() => onS1.every((r) => r.client.state === 'online' && serverOf(r) === 's2'), {
      timeoutMs: 10_000,
      message: "s1's clients to be online on s2",
    });
    for (const r of onS1) {
      expect(r.states).toContain('reconnecting');
      expect(r.states.some((s) => /redirected/.test(s))).toBe(true);
    }
    // Keep the stream going to the moved clients for a while before checking.
    const movedAt = new Map(onS1.map((r) => [r, r.received.length]));
    await waitFor(() => onS1.every((r) => r.received.length >= movedAt.get(r)! + 10), {
      timeoutMs: 10_000,
      message: 'messages after the move',
    });
    await traffic.stop();

    expect(traffic.count).toBeGreaterThan(100);
    await expectExactlyOnce(traffic, recs);
  });

  it('survives a rolling restart of every push server under steady traffic: nothing lost, nothing doubled', async () => {
    await startServer('s3');
    const recs = await recipients(6);
    const traffic = new SteadyTraffic(
      sender,
      recs.map((r) => r.userId),
      'rolling',
    );
    await waitFor(() => recs.every((r) => r.received.length >= 5), {
      timeoutMs: 10_000,
      message: 'the stream to flow',
    });

    let next = 4;
    for (const id of ['s2', 's3']) {
      const before = traffic.count;
      await stopServer(id);
      await startServer(`s${next++}`);
      await waitFor(() => recs.every((r) => r.client.state === 'online' && serverOf(r) !== id), {
        timeoutMs: 10_000,
        message: `every client to leave ${id}`,
      });
      // Traffic kept flowing through the restart.
      await waitFor(() => traffic.count >= before + 60, { timeoutMs: 10_000, message: 'the stream to go on' });
    }
    expect(
      route
        .liveServers()
        .map((s) => s.id)
        .sort(),
    ).toEqual(['s4', 's5']);
    await waitFor(() => recs.every((r) => r.received.length >= 4), {
      timeoutMs: 10_000,
      message: 'messages after the restarts',
    });
    await traffic.stop();
    await expectExactlyOnce(traffic, recs);
    // Every client ended on one of the fresh servers.
    for (const r of recs) expect(['s4', 's5']).toContain(serverOf(r));
  });
});
