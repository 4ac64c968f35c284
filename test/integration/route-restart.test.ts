import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Destination } from '@cim/common';
import { silentLogger, ZkRegistry } from '@cim/common/server';
import type { SendAnswer } from '@cim/client';
import { createStore, RouteService, type RouteStore } from '@cim/route';
import { PushServer } from '@cim/server';
import { backends, freePort, uniquePrefix, waitFor } from '../harness/index.js';
import { joinUsers, type RecordingClient } from '../support/chat-scenario.js';

const secret = 'route-restart-test-secret-0123456789';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One route instance with its own store connection and registry session, as one `cim route` process has. */
interface RunningRoute {
  service: RouteService;
  store: RouteStore;
  registry: ZkRegistry;
}

/*
 * docs/design.md#delivery-guarantee, "Restart a route → nothing lost": the route keeps nothing that matters in memory. While
 * clients send a steady stream, the route is stopped and a new one starts on the same port and
 * store; the clients stay connected to their push servers the whole time, their sends retry with
 * the same clientMsgId, and every message arrives exactly once. A message scheduled before the
 * restart is sent by the new route when it comes due.
 */
describe('a route restarted while clients send', () => {
  const prefix = uniquePrefix('route-restart');
  let port: number;
  let route: RunningRoute | undefined;
  const servers: { server: PushServer; registry: ZkRegistry }[] = [];
  let clients: RecordingClient[] = [];

  const zk = () => `${backends().zkConnect}${prefix}`;

  async function startRoute(): Promise<RunningRoute> {
    const store = createStore({ redisUrl: backends().redisUrl, prefix: `${prefix}:` });
    const registry = new ZkRegistry({ connect: zk() });
    const service = new RouteService({
      secret,
      port,
      store,
      registry,
      logger: silentLogger,
      sendRatePerSec: 10_000,
      sendBurst: 10_000,
    });
    await service.start();
    return { service, store, registry };
  }

  async function stopRoute(running: RunningRoute): Promise<void> {
    await running.service.stop();
    await running.store.close();
    await running.registry.close();
  }

  beforeAll(async () => {
    port = await freePort();
    route = await startRoute();
    for (const id of ['s1', 's2']) {
      const registry = new ZkRegistry({ connect: zk() });
      const server = new PushServer({
        id,
        secret,
        routeUrl: `http://127.0.0.1:${port}`,
        registry,
        logger: silentLogger,
      });
      await server.start();
      servers.push({ server, registry });
    }
    await waitFor(() => route!.service.liveServers().length === 2, {
      timeoutMs: 10_000,
      message: 'the route to see both push servers',
    });
  });

  afterAll(async () => {
    for (const c of clients) await c.client.close();
    for (const { server, registry } of servers) {
      await server.stop({ drainTimeoutMs: 1_000 });
      await registry.close();
    }
    if (route) await stopRoute(route);
  });

  it('loses nothing and repeats nothing, and sends a message scheduled before the restart after it', async () => {
    const routeUrl = `http://127.0.0.1:${port}`;
    clients = await joinUsers(routeUrl, ['ann', 'ben', 'cat', 'dan']);
    const [ann, ben, cat, dan] = clients;
    expect(new Set(clients.map((c) => c.client.info().serverId))).toEqual(new Set(['s1', 's2']));
    const group = await dan.client.api.createGroup(
      'all',
      clients.map((c) => c.userId),
    );

    // Four steady streams: a ring of private messages, and one into the group of all four.
    const streams: { from: RecordingClient; to: Destination; recipients: RecordingClient[]; tag: string }[] = [
      { from: ann, to: { userId: ben.userId }, recipients: [ann, ben], tag: 'ann→ben' },
      { from: ben, to: { userId: cat.userId }, recipients: [ben, cat], tag: 'ben→cat' },
      { from: cat, to: { userId: ann.userId }, recipients: [cat, ann], tag: 'cat→ann' },
      { from: dan, to: { groupId: group.groupId }, recipients: clients, tag: 'dan→all' },
    ];
    const sent: {
      answer: SendAnswer;
      body: string;
      recipients: RecordingClient[];
      startedAt: number;
      answeredAt: number;
    }[] = [];
    let streaming = true;
    const streamed = Promise.all(
      streams.map(async ({ from, to, recipients, tag }) => {
        for (let i = 0; streaming; i++) {
          const body = `${tag} #${i}`;
          // send() retries through the outage with the same clientMsgId; a failure here fails the test.
          const startedAt = Date.now();
          const answer = await from.client.send(to, body, { clientMsgId: `${tag}-${i}` });
          sent.push({ answer, body, recipients, startedAt, answeredAt: Date.now() });
          await pause(10);
        }
      }),
    );
    streamed.catch(() => (streaming = false));

    let deliverAt = 0;
    let sentBeforeRestart = 0;
    let stoppedAt = 0;
    let restartedAt = 0;
    const sentBy = (tag: string, since = 0) =>
      sent.filter((s) => s.body.startsWith(`${tag} `) && s.startedAt >= since).length;
    const everyStreamSent = (count: number, since = 0) =>
      waitFor(() => streams.every(({ tag }) => sentBy(tag, since) >= count), {
        timeoutMs: 20_000,
        message: `every stream to send ${count} messages`,
      });
    try {
      await everyStreamSent(5);
      deliverAt = Date.now() + 2_000;
      await cat.client.schedule({ userId: dan.userId }, 'scheduled before the restart', deliverAt);

      sentBeforeRestart = sent.length;
      stoppedAt = Date.now();
      await stopRoute(route!);
      route = undefined;
      route = await startRoute();
      restartedAt = Date.now();
      await everyStreamSent(5, restartedAt);
    } finally {
      streaming = false;
    }
    await streamed;
    const outageMs = restartedAt - stoppedAt;
    expect(stoppedAt, 'the old route stopped before the scheduled message was due').toBeLessThan(deliverAt);
    expect(sent.length).toBeGreaterThan(sentBeforeRestart);
    // Each stream had a send under way while no route was there: it was retried until the new one answered.
    const acrossTheOutage = sent.filter((s) => s.startedAt < restartedAt && s.answeredAt > stoppedAt);
    expect(new Set(acrossTheOutage.map((s) => s.body.split(' ')[0]))).toEqual(new Set(streams.map((s) => s.tag)));

    // Every message reaches all of its recipients (its sender included)...
    for (const client of clients) {
      const mine = sent.filter((s) => s.recipients.includes(client)).map((s) => s.answer.msgId);
      await waitFor(() => mine.every((id) => client.received.some((m) => m.msgId === id)), {
        timeoutMs: 15_000,
        message: `${client.userName} to receive its ${mine.length} messages`,
      });
    }
    // ...and the scheduled one, sent by the new route (the old one was gone before it was due).
    const scheduled = await dan.waitForBody('scheduled before the restart', 10_000);
    expect(Number(scheduled.ts)).toBeGreaterThanOrEqual(deliverAt);
    expect(scheduled).toMatchObject({ fromUserId: cat.userId, to: { userId: dan.userId }, seq: '1' });
    await cat.waitForBody('scheduled before the restart');

    await pause(300);
    for (const client of clients) {
      const expected = sent.filter((s) => s.recipients.includes(client));
      const received = client.received.filter((m) => m.body !== 'scheduled before the restart');
      // Exactly once: by msgId, and by body (a retry stored twice would have a second msgId).
      expect(received.map((m) => m.msgId).sort(), client.userName).toEqual(expected.map((s) => s.answer.msgId).sort());
      expect(received.map((m) => m.body).sort(), client.userName).toEqual(expected.map((s) => s.body).sort());
      expect(client.received.filter((m) => m.body === 'scheduled before the restart')).toHaveLength(
        client === cat || client === dan ? 1 : 0,
      );
      // The push servers kept every connection: the restart was invisible to connected clients.
      expect(client.states, client.userName).not.toContain('reconnecting');
    }
    // Each stream is its own conversation, and its seqs are 1..n (2..n+1 in the group, whose first
    // message is the notice of its creation): no retry was stored as a new message.
    for (const { to, tag } of streams) {
      const first = 'groupId' in to ? 2 : 1;
      const seqs = sent.filter((s) => s.body.startsWith(`${tag} `)).map((s) => Number(s.answer.seq));
      expect(
        seqs.sort((a, b) => a - b),
        tag,
      ).toEqual(seqs.map((_, i) => i + first));
    }
    console.log(
      `route restart: ${sent.length} messages (${acrossTheOutage.length} sent across the restart, ${sent.length - sentBeforeRestart} after the stop), ` +
        `route away for ${outageMs} ms`,
    );
  });
});
