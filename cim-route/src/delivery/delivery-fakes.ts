import type { ChatMessage, PushDelivery, PushFrame, PushKick, PushRequest, ServerInfo } from '@cim/common';
import { MemoryRegistryHub, silentLogger } from '@cim/common/server';
import { AbuseLimits } from '../abuse-limits.js';
import { defaultRouteConfig } from '../config.js';
import { RouteMetrics } from '../metrics.js';
import { Groups } from '../services/groups.js';
import { Messages, type SendAnswer, type Sender, type SendInput } from '../services/messages.js';
import { MemoryStore } from '../store/memory-store.js';
import type { SessionRecord } from '../store/types.js';
import { FanOut } from './fan-out.js';
import type { PushSender, PushTransport } from './push-dispatcher.js';
import { Presence } from './presence.js';
import { ServerDirectory } from './server-directory.js';

/*
 * The delivery pipeline and the message service wired to in-memory parts (memory store, memory
 * registry, a dispatcher that records pushes instead of sending them), for unit tests.
 */

export function pushServer(id: string): ServerInfo {
  return { id, host: '127.0.0.1', tcpPort: 9000, httpHost: '127.0.0.1', httpPort: 8081, load: 0, startedAt: 1 };
}

/** Records every push by server id; pushes to servers in `failing` answer false. */
export class RecordingDispatcher implements PushSender {
  readonly deliveries: { serverId: string; delivery: PushDelivery }[] = [];
  readonly broadcasts: { serverId: string; message: ChatMessage }[] = [];
  readonly frames: ({ serverId: string } & PushFrame)[] = [];
  readonly kicks: { serverId: string; kick: PushKick }[] = [];
  readonly failing = new Set<string>();

  async deliver(server: ServerInfo, delivery: PushDelivery): Promise<boolean> {
    this.deliveries.push({ serverId: server.id, delivery });
    return this.answer(server);
  }

  async broadcast(server: ServerInfo, message: ChatMessage): Promise<boolean> {
    this.broadcasts.push({ serverId: server.id, message });
    return this.answer(server);
  }

  async frame(server: ServerInfo, frame: PushFrame): Promise<boolean> {
    this.frames.push({ serverId: server.id, ...frame });
    return this.answer(server);
  }

  async kick(server: ServerInfo, kick: PushKick): Promise<boolean> {
    this.kicks.push({ serverId: server.id, kick });
    return this.answer(server);
  }

  /** Who got which message on which server: `msgId → serverId → userId → session ids`. */
  delivered(): Record<string, Record<string, Record<string, string[]>>> {
    const out: Record<string, Record<string, Record<string, string[]>>> = {};
    for (const { serverId, delivery } of this.deliveries) {
      const byServer = (out[delivery.message.msgId] ??= {});
      const byUser = (byServer[serverId] ??= {});
      for (const target of delivery.targets)
        byUser[target.userId] = [...(byUser[target.userId] ?? []), ...(target.sessionIds ?? [])];
    }
    return out;
  }

  clear(): void {
    for (const list of [this.deliveries, this.broadcasts, this.frames, this.kicks]) list.length = 0;
  }

  private answer(server: ServerInfo): boolean {
    return !this.failing.has(server.id);
  }
}

/** Push servers behind a `PushTransport`, in memory: each request is recorded; a server in `down` fails it. */
export class FakePushServers {
  readonly requests: { serverId: string; request: PushRequest; took: boolean; at: number }[] = [];
  readonly down = new Set<string>();

  readonly transport: PushTransport = async (server, request) => {
    const took = !this.down.has(server.id);
    this.requests.push({ serverId: server.id, request, took, at: Date.now() });
    return took;
  };

  /** The msgIds of the deliveries in each request to `serverId`, one array per request. */
  deliveriesTo(serverId: string, which: 'all' | 'taken' = 'all'): string[][] {
    return this.requests
      .filter((r) => r.serverId === serverId && (which === 'all' || r.took))
      .map((r) => (r.request.deliveries ?? []).map((d) => d.message.msgId));
  }
}

export type DeliveryFixture = Awaited<ReturnType<typeof deliveryFixture>>;

/**
 * Users `alice`, `bob`, `carol` (ids "1", "2", "3") and push servers `srv-a`, `srv-b` in the
 * registry, with a clock the test moves (`fixture.clock.now += ms`).
 */
export async function deliveryFixture(config: Partial<typeof defaultRouteConfig> = {}) {
  const clock = { now: 1_000_000 };
  const now = () => clock.now;
  const settings = { ...defaultRouteConfig, ...config };
  const store = new MemoryStore({ now });
  const hub = new MemoryRegistryHub();
  const watcher = hub.client();
  const directory = new ServerDirectory(watcher, 'round-robin', silentLogger, now);
  await watcher.watch();
  const servers = hub.client();
  await servers.register(pushServer('srv-a'));
  await servers.register(pushServer('srv-b'));
  const dispatcher = new RecordingDispatcher();
  const metrics = new RouteMetrics();
  const presence = new Presence(store, directory);
  const fanOut = new FanOut(presence, directory, dispatcher, metrics, silentLogger);
  const groups = new Groups(store, fanOut, settings.maxGroupMembers, silentLogger, settings.largeGroupMembers);
  const messages = new Messages(
    store,
    groups,
    fanOut,
    new AbuseLimits(store, settings),
    settings,
    silentLogger,
    metrics,
    now,
  );
  const users: Record<string, { uid: string; name: string }> = {};
  for (const name of ['alice', 'bob', 'carol'])
    users[name] = { uid: (await store.users.create(name, 'hash')).userId, name };

  /** A device of `user` logged in on `serverId` (connected unless `detached`). */
  async function device(
    user: { uid: string; name: string },
    deviceId: string,
    serverId: string,
    options: { detached?: boolean } = {},
  ): Promise<SessionRecord> {
    const session: SessionRecord = {
      userId: user.uid,
      userName: user.name,
      deviceId,
      sessionId: `${user.name}-${deviceId}`,
      serverId,
      createdAt: clock.now,
      expiresAt: clock.now + 3_600_000,
      ...(options.detached ? { detachedAt: clock.now } : { connectionId: `${serverId}.${deviceId}` }),
    };
    await store.sessions.put(session);
    return session;
  }

  /** `messages.send` of a message that is not scheduled, answered with its msgId. */
  async function send(sender: Sender, input: SendInput): Promise<SendAnswer> {
    const answer = await messages.send(sender, input);
    if ('scheduled' in answer) throw new Error(`a send without deliverAt was scheduled: ${JSON.stringify(answer)}`);
    return answer;
  }

  return {
    send,
    clock,
    store,
    servers,
    directory,
    dispatcher,
    metrics,
    presence,
    fanOut,
    groups,
    messages,
    users,
    device,
  };
}
