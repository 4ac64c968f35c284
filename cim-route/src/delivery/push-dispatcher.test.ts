import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, PushDelivery } from '@cim/common';
import { MemoryRegistryHub, silentLogger } from '@cim/common/server';
import { RouteMetrics } from '../metrics.js';
import { FakePushServers, pushServer } from './delivery-fakes.js';
import { PushDispatcher } from './push-dispatcher.js';
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

/** A dispatcher in front of push server `srv-a` (listed in a memory registry), on Vitest's fake clock. */
async function dispatcherFixture(retry = { retryForMs: 60_000, backlogCapacity: 100 }) {
  const hub = new MemoryRegistryHub();
  const watcher = hub.client();
  const directory = new ServerDirectory(watcher, 'round-robin', silentLogger);
  await watcher.watch();
  const registry = hub.client();
  const srvA = pushServer('srv-a');
  await registry.register(srvA);
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
