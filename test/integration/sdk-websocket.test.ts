import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ChatMessage } from '@cim/common';
import { CimClient, RouteApi, type CimClientOptions, type WebSocketConstructor } from '@cim/client';
import { CimClient as BrowserCimClient } from '@cim/client/browser';
import type { RouteService } from '@cim/route';
import { startPushServerProcess, type ServerProcess } from '../../devkit/cluster.js';
import { uniquePrefix, waitFor } from '../harness/index.js';
import { startRouteInProcess, type RouteInProcess } from '../support/route-in-process.js';

const secret = 'sdk-websocket-test-secret-0123456789';

/*
 * The SDK over WebSocket, as a page uses it, against real `cim server` processes with WebSocket
 * listeners (ZooKeeper, a route on Redis): the Node entry's client with `transport: 'ws'`, and the
 * browser entry's (fetch to the route). Node 20 has no WebSocket of its own: the clients get the
 * `ws` package's class, used as the browser's would be.
 */
const ENTRIES: [string, new (options: CimClientOptions) => CimClient][] = [
  ["the Node entry's client", CimClient],
  ["the browser entry's client", BrowserCimClient],
];

describe('the SDK over WebSocket against push server processes', () => {
  const prefix = uniquePrefix('sdk-ws');
  let backend: RouteInProcess;
  let route: RouteService;
  let servers: ServerProcess[] = [];
  const clients: CimClient[] = [];

  beforeAll(async () => {
    backend = await startRouteInProcess(prefix, secret, { zkSessionTimeoutMs: 2_000 });
    route = backend.route;
    servers = await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map((id) =>
        startPushServerProcess({
          id,
          zkConnect: backend.zkConnect,
          routeUrl: route.url,
          secret,
          heartbeatMs: 1_000,
          env: { CIM_WS_PORT: '0', CIM_ZK_SESSION_TIMEOUT_MS: '2000' },
        }),
      ),
    );
    await waitFor(() => route.liveServers().length === 4, {
      timeoutMs: 10_000,
      message: 'the route to see the servers',
    });
  });

  afterAll(async () => {
    for (const client of clients) await client.close();
    for (const server of servers) await server.stop('SIGKILL');
    await backend?.stop();
  });

  function wsClient(
    Client: (typeof ENTRIES)[number][1],
    userName: string,
  ): { client: CimClient; received: ChatMessage[] } {
    const client = new Client({
      routeUrl: route.url,
      userName,
      password: `password-${userName}`,
      deviceId: 'browser',
      transport: 'ws',
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      reconnectMinMs: 100,
      reconnectMaxMs: 500,
      loginTimeoutMs: 2_000,
    });
    clients.push(client);
    const received: ChatMessage[] = [];
    client.on('message', (m) => received.push(m));
    return { client, received };
  }

  // Each case stops one push server: four are enough for all three.
  it.each(ENTRIES)(
    '%s: two clients chat, and one whose push server is SIGKILLed comes back elsewhere and misses nothing',
    async (entry, Client) => {
      const api = new RouteApi(route.url);
      const [wandaName, waltName] = entry.includes('browser') ? ['bwanda', 'bwalt'] : ['wanda', 'walt'];
      for (const name of [wandaName, waltName]) await api.register(name, `password-${name}`);
      const wanda = wsClient(Client, wandaName);
      const walt = wsClient(Client, waltName);
      await wanda.client.connect();
      await walt.client.connect();
      for (const { client } of [wanda, walt]) expect(client.info().server).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/);
      const waltId = walt.client.info().userId!;
      const wandaId = wanda.client.info().userId!;

      const hello = await wanda.client.sendToUser(waltId, 'hello over WebSocket');
      const reply = await walt.client.sendToUser(wandaId, 'hello back');
      await waitFor(() => walt.received.some((m) => m.msgId === hello.msgId), { message: 'walt to get hello' });
      await waitFor(() => wanda.received.some((m) => m.msgId === reply.msgId), { message: 'wanda to get the reply' });

      // Walt's push server dies; what wanda sends meanwhile is stored by the route and must reach him.
      const waltServer = walt.client.info().serverId!;
      await servers.find((s) => s.id === waltServer)!.stop('SIGKILL');
      const whileAway: string[] = [];
      for (let i = 1; i <= 5; i++) whileAway.push((await wanda.client.sendToUser(waltId, `while away ${i}`)).msgId);

      await waitFor(() => walt.client.state === 'online' && walt.client.info().serverId !== waltServer, {
        timeoutMs: 20_000,
        message: 'walt to be online on another server',
      });
      await waitFor(() => whileAway.every((id) => walt.received.some((m) => m.msgId === id)), {
        timeoutMs: 10_000,
        message: 'walt to catch up on what was sent while away',
      });
      const after = await wanda.client.sendToUser(waltId, 'after the move');
      await waitFor(() => walt.received.some((m) => m.msgId === after.msgId), {
        message: 'walt to get the live message',
      });

      // Each message once, in order (his own reply comes to him too: it is in the conversation).
      expect(walt.received.map((m) => m.body)).toEqual([
        'hello over WebSocket',
        'hello back',
        'while away 1',
        'while away 2',
        'while away 3',
        'while away 4',
        'while away 5',
        'after the move',
      ]);
      expect(walt.client.info().reconnects).toBeGreaterThanOrEqual(1);
      expect(walt.client.info().server).toMatch(/^ws:/);
    },
  );

  it("the browser entry's client: a page whose push server drains (SIGTERM) gets its Redirect over WebSocket, comes back elsewhere and misses nothing", async () => {
    const api = new RouteApi(route.url);
    for (const name of ['dana', 'dora']) await api.register(name, `password-${name}`);
    const dana = wsClient(BrowserCimClient, 'dana');
    const dora = wsClient(BrowserCimClient, 'dora');
    const danaErrors: Error[] = [];
    dana.client.on('error', (err) => danaErrors.push(err));
    await dana.client.connect();
    await dora.client.connect();
    const danaServer = dana.client.info().serverId!;

    const draining = servers.find((s) => s.id === danaServer)!.stop('SIGTERM');
    const whileMoving: string[] = [];
    for (let i = 1; i <= 3; i++)
      whileMoving.push((await dora.client.sendToUser(dana.client.info().userId!, `moving ${i}`)).msgId);
    await draining;

    await waitFor(() => dana.client.state === 'online' && dana.client.info().serverId !== danaServer, {
      timeoutMs: 20_000,
      message: 'dana to be online on another server',
    });
    await waitFor(() => whileMoving.every((id) => dana.received.some((m) => m.msgId === id)), {
      timeoutMs: 10_000,
      message: 'dana to get what was sent while she moved',
    });
    expect(danaErrors.map((e) => e.message)).toContain('redirected: server is shutting down');
    expect(dana.received.map((m) => m.body)).toEqual(['moving 1', 'moving 2', 'moving 3']);
  });
});
