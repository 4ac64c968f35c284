import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteService } from '@cim/route';
import { uniquePrefix, waitFor } from '../harness/index.js';
import { joinUsers, type RecordingClient } from '../support/chat-scenario.js';
import { startPushServerProcess, type ServerProcess } from '../../devkit/cluster.js';
import { startRouteInProcess } from '../support/route-in-process.js';

const secret = 'failover-test-secret-0123456789';

describe('a push server killed with SIGKILL', () => {
  const prefix = uniquePrefix('failover');
  let route: RouteService;
  let servers: ServerProcess[] = [];
  let clients: RecordingClient[] = [];

  beforeAll(async () => {
    let zk: string;
    ({ route, zkConnect: zk } = await startRouteInProcess(prefix, secret, { zkSessionTimeoutMs: 2_000 }));
    process.env.CIM_ZK_SESSION_TIMEOUT_MS = '2000';
    servers = await Promise.all(
      ['s1', 's2'].map((id) =>
        startPushServerProcess({ id, zkConnect: zk, routeUrl: route.url, secret, heartbeatMs: 1_000 }),
      ),
    );
    await waitFor(async () => (await fetch(`${route.url}/readyz`)).ok && route.liveServers().length === 2, {
      timeoutMs: 10_000,
      message: 'the route to see both servers',
    });
  });

  afterAll(async () => {
    for (const c of clients) await c.client.close();
    for (const s of servers) await s.stop('SIGKILL');
    await route?.stop();
    await route?.store.close();
  });

  it('disappears from the route, and its clients move to the other server by themselves and keep receiving', async () => {
    clients = await joinUsers(route.url, ['ann', 'ben', 'cat', 'dan']);
    const byServer = (id: string) => clients.filter((c) => c.client.info().serverId === id);
    expect(byServer('s1').length).toBeGreaterThan(0);
    expect(byServer('s2').length).toBeGreaterThan(0);
    const victims = byServer('s1');
    const survivors = byServer('s2');
    const loginsBefore = await loginCounts(route.url);

    await servers[0].stop('SIGKILL');

    await waitFor(() => route.liveServers().every((s) => s.id !== 's1'), {
      timeoutMs: 15_000,
      message: 's1 to leave the live list',
    });
    await waitFor(() => victims.every((v) => v.client.state === 'online' && v.client.info().serverId === 's2'), {
      timeoutMs: 15_000,
      message: "s1's clients to be online on s2",
    });
    for (const v of victims) expect(v.states).toContain('reconnecting');
    // They came back by refreshing their sessions: no password (and no password hash) needed.
    const loginsAfter = await loginCounts(route.url);
    expect(loginsAfter.refresh - loginsBefore.refresh).toBeGreaterThanOrEqual(victims.length);
    expect(loginsAfter.password).toBe(loginsBefore.password);

    // New messages reach the moved clients, from a client that never moved.
    for (const v of victims) {
      await survivors[0].client.sendToUser(v.userId, `after the crash, to ${v.userName}`);
      await v.waitForBody(`after the crash, to ${v.userName}`);
    }
  });
});

async function loginCounts(routeUrl: string): Promise<{ password: number; refresh: number }> {
  const text = await (await fetch(`${routeUrl}/metrics`)).text();
  const count = (kind: string) =>
    Number(new RegExp(`^cim_route_logins_total\\{kind="${kind}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { password: count('password'), refresh: count('refresh') };
}
