import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@cim/common';
import { MemoryRegistryHub, silentLogger } from '@cim/common/server';
import { RouteMetrics } from '../metrics.js';
import type { PushDispatcher } from './push-dispatcher.js';
import { ServerDirectory } from './server-directory.js';
import { MemoryStore } from '../store/memory-store.js';
import { FanOut } from './fan-out.js';
import { Presence } from './presence.js';

const message: ChatMessage = {
  msgId: '1',
  conversationId: 'p:1:2',
  seq: '1',
  fromUserId: '2',
  fromUserName: 'bob',
  to: { userId: '1' },
  body: 'hi',
  ts: '1',
  clientMsgId: 'c1',
};

describe('fan-out', () => {
  it('counts a session on a server it cannot resolve instead of skipping it silently; a detached session waits for sync', async () => {
    const store = new MemoryStore();
    const registry = new MemoryRegistryHub().client();
    await registry.watch();
    const directory = new ServerDirectory(registry, 'round-robin', silentLogger);
    const pushed: string[] = [];
    const dispatcher = {
      deliver: async (server: { id: string }) => pushed.push(server.id) > 0,
    } as unknown as PushDispatcher;
    const metrics = new RouteMetrics();
    const fanOut = new FanOut(new Presence(store, directory), directory, dispatcher, metrics, silentLogger);
    const session = { userId: '1', userName: 'alice', createdAt: 0, expiresAt: Date.now() + 60_000 };
    await store.sessions.put({
      ...session,
      deviceId: 'phone',
      sessionId: 's1',
      serverId: 'srv-gone',
      connectionId: 'x.1',
    });
    await store.sessions.put({
      ...session,
      deviceId: 'laptop',
      sessionId: 's2',
      serverId: 'srv-gone',
      detachedAt: Date.now(),
    });

    await fanOut.message({ message, cursors: { '1': '1024' } });

    expect(pushed).toEqual([]);
    expect((await metrics.unreachableSessions.get()).values[0].value).toBe(1);
  });
});
