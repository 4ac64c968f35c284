import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RouteService } from '@cim/route';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniquePrefix, waitFor } from '../harness/index.js';
import { startPushServerProcess, type ServerProcess } from '../../devkit/cluster.js';
import { ChatPane, hasTmux, settle } from './chat-pane.js';
import { requireBuiltCli } from './cim-cli.js';
import { startRouteInProcess } from '../support/route-in-process.js';

const secret = 'chat-failover-test-secret-0123456789';
/** Short, so the route notices a killed server soon after its ZooKeeper session ends. */
const ZK_SESSION_TIMEOUT_MS = 2_000;

/**
 * A push server dies (SIGKILL) under a `cim chat`: the screen says "reconnecting", then "online"
 * on the other server, and every message sent meanwhile shows exactly once. The route runs in
 * this process on Redis and ZooKeeper; the push servers are processes of their own.
 */
describe.skipIf(!hasTmux)('cim chat through a push server crash (tmux)', { timeout: 120_000 }, () => {
  const prefix = uniquePrefix('chat-failover');
  let route: RouteService;
  let servers: ServerProcess[] = [];
  let configDir: string;
  const panes: ChatPane[] = [];

  const open = (user: string) => {
    const env = { CI: 'false', CIM_ROUTE: route.url, CIM_PASSWORD: 'password', CIM_CONFIG_DIR: configDir };
    const pane = ChatPane.start(`cim-e2e-failover-${process.pid}-${panes.length}-${user}`, user, env);
    panes.push(pane);
    return pane;
  };

  beforeAll(async () => {
    requireBuiltCli();
    let zk: string;
    ({ route, zkConnect: zk } = await startRouteInProcess(prefix, secret, {
      zkSessionTimeoutMs: ZK_SESSION_TIMEOUT_MS,
    }));
    // The push server processes read it from their environment.
    process.env.CIM_ZK_SESSION_TIMEOUT_MS = String(ZK_SESSION_TIMEOUT_MS);
    servers = await Promise.all(
      ['s1', 's2'].map((id) => startPushServerProcess({ id, zkConnect: zk, routeUrl: route.url, secret })),
    );
    await waitFor(() => route.liveServers().length === 2, {
      timeoutMs: 15_000,
      message: 'the route to see both servers',
    });
    configDir = mkdtempSync(join(tmpdir(), 'cim-chat-failover-'));
  });

  afterAll(async () => {
    for (const pane of panes) pane.kill();
    for (const server of servers) await server.stop('SIGKILL');
    await route?.stop();
    await route?.store.close();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  /** The push server a chat is on, from the address in its status bar. */
  function serverOf(pane: ChatPane): ServerProcess {
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(pane.statusBar())?.[1]);
    const server = servers.find((s) => s.tcpPort === port);
    if (!server) throw new Error(`no push server at port ${port}; status bar: ${pane.statusBar()}`);
    return server;
  }

  it('shows "reconnecting", then "online" on the other server, with no message lost or doubled', async () => {
    const alice = open('alice');
    await alice.waitFor('connected as alice', 30_000);
    const bob = open('bob');
    await bob.waitFor('connected as bob', 30_000);
    const victim = serverOf(alice);
    // Round-robin put them on different servers: bob's stays up and he keeps sending.
    expect(serverOf(bob)).not.toBe(victim);

    bob.type('@alice before the crash');
    await alice.waitFor('bob → @alice: before the crash');

    await victim.stop('SIGKILL');
    await alice.waitFor('● reconnecting', 15_000);

    bob.type('@alice while you were away 1');
    bob.type('@alice while you were away 2');
    await bob.waitFor(/bob → @alice: while you were away 2 +✓/);

    await alice.waitFor('● online', 60_000);
    expect(serverOf(alice)).not.toBe(victim);
    await alice.waitFor('bob → @alice: while you were away 2', 15_000);

    bob.type('@alice after the crash');
    await alice.waitFor('bob → @alice: after the crash');
    alice.type('@bob back again');
    await bob.waitFor('alice → @bob: back again');

    alice.type(':info');
    await alice.waitFor(/server s\d at 127\.0\.0\.1:\d+, online, up .*, [1-9]\d* reconnects/);

    await settle(1_000);
    for (const body of ['before the crash', 'while you were away 1', 'while you were away 2', 'after the crash']) {
      expect(alice.count(`bob → @alice: ${body}`), body).toBe(1);
    }
    expect(bob.count('alice → @bob: back again')).toBe(1);

    alice.type(':q');
    bob.type(':q');
    for (const pane of [alice, bob]) await pane.waitFor('[cim exited 0]');
  });
});
