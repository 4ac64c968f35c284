import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, PushDelivery, PushRequest, ServerInfo } from '@cim/common';
import { waitFor } from '../../../test/harness/index.js';
import { MemoryRegistryHub, silentLogger } from '@cim/common/server';
import { RouteMetrics } from '../metrics.js';
import { FakePushServers, pushServer } from './delivery-fakes.js';
import { httpPushTransport, PushDispatcher } from './push-dispatcher.js';
import { DEPARTED_SERVER_MEMORY_MS, ServerDirectory } from './server-directory.js';

/** Runs what is due now, and the turn it schedules (the fake clock runs an immediate only once it moves on). */
const nextTurn = () => vi.advanceTimersByTimeAsync(1);

function delivery(msgId: string, sessionIds = ['bob-phone']): PushDelivery {
  const message: ChatMessage = {
    msgId,
    conversationId: 'p:1:2',
    seq: msgId,
    fromUserId: '1',
    fromUserName: 'alice',
    to: { userId: '2' },
    body: `message ${msgId}`,
    ts: '1',
    clientMsgId: `c${msgId}`,
  };
  return { message, targets: [{ userId: '2', cursor: `${msgId}024`, sessionIds }] };
}

/** A server directory over a memory registry in which `server` is listed (by `registry`). */
async function directoryListing(server: ServerInfo) {
  const hub = new MemoryRegistryHub();
  const watcher = hub.client();
  const directory = new ServerDirectory(watcher, 'round-robin', silentLogger);
  await watcher.watch();
  const registry = hub.client();
  await registry.register(server);
  return { directory, registry };
}

/** A dispatcher in front of push server `srv-a` (listed in a memory registry), on Vitest's fake clock. */
async function dispatcherFixture(retry = { retryForMs: 60_000, backlogCapacity: 100 }) {
  const srvA = pushServer('srv-a');
  const { directory, registry } = await directoryListing(srvA);
  const servers = new FakePushServers();
  const metrics = new RouteMetrics();
  const dispatcher = new PushDispatcher(directory, servers.transport, retry, silentLogger, metrics);
  /** Pushes and lets the turn's request go out; resolves to the first attempt's answer. */
  const deliver = async (...msgIds: string[]) => {
    const answers = msgIds.map((id) => dispatcher.deliver(srvA, delivery(id)));
    await nextTurn();
    return Promise.all(answers);
  };
  const unreachable = async (reason: string) =>
    (await metrics.unreachableSessions.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;
  return { dispatcher, servers, registry, srvA, deliver, unreachable };
}

describe('push dispatcher retries', () => {
  // The dispatcher sends each turn's requests from setImmediate and waits for retries with setTimeout.
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('pushes a delivery the server failed to take again after 0.5 s, 1 s, 2 s … until it takes it; the first answer still says it failed', async () => {
    const { servers, deliver, dispatcher } = await dispatcherFixture();
    servers.down.add('srv-a');

    expect(await deliver('1')).toEqual([false]);
    expect(servers.deliveriesTo('srv-a')).toEqual([['1']]);
    await vi.advanceTimersByTimeAsync(500 + 1_000 + 2_000 + 4_000 + 4_000 + 100);
    const attempts = servers.requests.map((r) => r.at);
    const waits = attempts.slice(1).map((at, i) => at - attempts[i]);
    // Rounded: the fake clock runs the turn a retry schedules only once it moves on.
    expect(waits.map((ms) => Math.round(ms / 100) * 100)).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    expect(dispatcher.waitingFor('srv-a')).toBe(1);

    servers.down.delete('srv-a');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(servers.deliveriesTo('srv-a', 'taken')).toEqual([['1']]);
    expect(dispatcher.waitingFor('srv-a')).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(servers.requests).toHaveLength(7);
  });

  it('merges everything that failed into one request, and sends it as soon as the server takes a newer push', async () => {
    const { servers, deliver } = await dispatcherFixture();
    servers.down.add('srv-a');
    await deliver('1', '2');
    await deliver('3');
    expect(servers.deliveriesTo('srv-a')).toEqual([['1', '2'], ['3']]);

    servers.down.delete('srv-a');
    expect(await deliver('4')).toEqual([true]);
    await nextTurn();

    expect(servers.deliveriesTo('srv-a', 'taken')).toEqual([['4'], ['1', '2', '3']]);
  });

  it('gives up on a server that left the registry longer ago than the departed-server memory, counting its sessions', async () => {
    const { servers, deliver, registry, dispatcher, unreachable } = await dispatcherFixture({
      retryForMs: 10 * DEPARTED_SERVER_MEMORY_MS,
      backlogCapacity: 100,
    });
    servers.down.add('srv-a');
    await deliver('1');
    await registry.unregister('srv-a');

    // Still retried while it may hold connections after leaving the registry.
    await vi.advanceTimersByTimeAsync(DEPARTED_SERVER_MEMORY_MS / 2);
    expect(dispatcher.waitingFor('srv-a')).toBe(1);
    const attempts = servers.requests.length;
    expect(attempts).toBeGreaterThan(10);

    await vi.advanceTimersByTimeAsync(DEPARTED_SERVER_MEMORY_MS);
    expect(dispatcher.waitingFor('srv-a')).toBe(0);
    expect(await unreachable('retries_exhausted')).toBe(1);
    const attemptsAtGiveUp = servers.requests.length;
    await vi.advanceTimersByTimeAsync(DEPARTED_SERVER_MEMORY_MS);
    expect(servers.requests.length).toBe(attemptsAtGiveUp);
  });

  it('gives up on a listed server that stays unreachable for the retry time, counting every session of every delivery', async () => {
    const { servers, dispatcher, srvA, unreachable } = await dispatcherFixture({
      retryForMs: 10_000,
      backlogCapacity: 100,
    });
    servers.down.add('srv-a');
    void dispatcher.deliver(srvA, delivery('1', ['bob-phone', 'bob-laptop']));
    void dispatcher.deliver(srvA, delivery('2'));

    await vi.advanceTimersByTimeAsync(9_000);
    expect(dispatcher.waitingFor('srv-a')).toBe(2);
    await vi.advanceTimersByTimeAsync(6_000);

    expect(dispatcher.waitingFor('srv-a')).toBe(0);
    expect(await unreachable('retries_exhausted')).toBe(3);
  });

  it('keeps at most the backlog capacity per server: the oldest deliveries are dropped and their sessions counted', async () => {
    const { servers, deliver, dispatcher, unreachable } = await dispatcherFixture({
      retryForMs: 60_000,
      backlogCapacity: 2,
    });
    servers.down.add('srv-a');
    await deliver('1', '2');
    await deliver('3');

    expect(dispatcher.waitingFor('srv-a')).toBe(2);
    expect(await unreachable('retry_backlog_full')).toBe(1);
    servers.down.delete('srv-a');
    await vi.advanceTimersByTimeAsync(510);
    expect(servers.deliveriesTo('srv-a', 'taken')).toEqual([['2', '3']]);
  });

  it('does not retry broadcasts, frames or kicks', async () => {
    const { servers, dispatcher, srvA } = await dispatcherFixture();
    servers.down.add('srv-a');
    const answers = [
      dispatcher.broadcast(srvA, delivery('1').message),
      dispatcher.frame(srvA, { frame: { pong: {} }, userIds: ['2'] }),
      dispatcher.kick(srvA, { userId: '2', deviceId: 'phone', sessionId: 'bob-phone', reason: 'test' }),
    ];
    await nextTurn();
    expect(await Promise.all(answers)).toEqual([false, false, false]);

    servers.down.delete('srv-a');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(servers.requests).toHaveLength(1);
    expect(dispatcher.waitingFor('srv-a')).toBe(0);
  });
});

describe('push dispatcher retries over HTTP', () => {
  /**
   * A push server's internal API that fails its first requests the way `fail` says (the socket
   * reset, or no answer at all) and then takes every push, recording the msgIds delivered.
   */
  async function flakyPushApi(fail: 'reset' | 'silent', failures: number) {
    const taken: string[] = [];
    let requests = 0;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (++requests <= failures) {
          if (fail === 'reset') req.socket.destroy();
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString()) as PushRequest;
        taken.push(...(body.deliveries ?? []).map((d) => d.message.msgId));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"written":1}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const info = { ...pushServer('srv-a'), httpPort: (server.address() as AddressInfo).port };
    return { info, taken, close: () => (server.closeAllConnections(), server.close()) };
  }

  for (const fail of ['reset', 'silent'] as const) {
    it(`delivers a message whose first two pushes failed (${fail === 'reset' ? 'connection reset' : 'timed out'}) once the server takes pushes again`, async () => {
      const api = await flakyPushApi(fail, 2);
      const { directory } = await directoryListing(api.info);
      const transport = httpPushTransport({ secret: 'secret-secret', timeoutMs: 200, logger: silentLogger });
      const retry = { retryForMs: 60_000, backlogCapacity: 100 };
      const dispatcher = new PushDispatcher(directory, transport, retry, silentLogger, new RouteMetrics());
      try {
        expect(await dispatcher.deliver(api.info, delivery('1'))).toBe(false);
        await waitFor(() => api.taken.length > 0, { timeoutMs: 10_000, message: 'the retried push to be taken' });
        expect(api.taken).toEqual(['1']);
      } finally {
        dispatcher.close();
        api.close();
      }
    });
  }
});
