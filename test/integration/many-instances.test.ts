import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ZkRegistry } from '@cim/common/server';
import { waitFor } from '../harness/index.js';
import { joinUsers, type RecordingClient } from '../support/chat-scenario.js';
import { startCluster, type CimCluster } from '../../devkit/cluster.js';
import { generousLimitEnv } from '../../devkit/generous-limits.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every user sends one private message to every other user, and each must end up with exactly the
 * messages addressed to it: none lost, none twice, none meant for someone else.
 */
async function exchangeAllPairs(users: RecordingClient[], tag: string): Promise<void> {
  const expected = new Map(users.map((u) => [u.userName, [] as string[]]));
  await Promise.all(
    users.map(async (from) => {
      for (const to of users) {
        if (to === from) continue;
        const body = `${tag}: ${from.userName} to ${to.userName}`;
        await from.client.sendToUser(to.userId, body);
        expected.get(to.userName)!.push(body);
      }
    }),
  );
  for (const user of users) {
    const mine = expected.get(user.userName)!;
    await waitFor(() => mine.every((body) => user.bodies().includes(body)), {
      timeoutMs: 10_000,
      message: `${user.userName} to receive its ${mine.length} "${tag}" messages`,
    });
  }
  // Every send was answered after its pushes were handed to the push servers; a stray delivery
  // would be on its way already.
  await pause(300);
  for (const user of users) {
    // A sender's own messages come back to it too (for its other devices); count only the others'.
    const received = user.received
      .filter((m) => m.fromUserId !== user.userId && m.body.startsWith(`${tag}: `))
      .map((m) => m.body);
    expect(received.sort(), user.userName).toEqual(expected.get(user.userName)!.sort());
  }
}

describe('two routes behind a proxy and three push servers, each its own process', () => {
  let cluster: CimCluster;
  /** Watches the servers' registrations, to see the loads they report. */
  let registry: ZkRegistry;
  const clients: RecordingClient[] = [];

  const join = async (names: string[], routeUrl = cluster.routeUrl) => {
    const joined = await joinUsers(routeUrl, names);
    clients.push(...joined);
    return joined;
  };
  const serverOf = (user: RecordingClient) => user.client.info().serverId;

  beforeAll(async () => {
    cluster = await startCluster({ routes: 2, servers: 3, logLevel: 'warn', env: generousLimitEnv });
    registry = new ZkRegistry({ connect: cluster.zkConnect });
    await registry.watch();
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.client.close();
  });

  afterAll(async () => {
    await registry?.close();
    await cluster?.stop();
  });

  it('spreads users over the three servers and delivers private messages between them once, to the recipient only', async () => {
    const users = await join(['ann', 'ben', 'cat', 'dan', 'eve', 'fay']);
    expect(new Set(users.map(serverOf))).toEqual(new Set(['s1', 's2', 's3']));

    await exchangeAllPairs(users, 'spread');
  });

  it('with least-connections, sends a new login to the server that reports the lowest load', async () => {
    await Promise.all(cluster.routes.map((route) => route.restart({ selection: 'least-connections' })));
    const [s1, s2, s3] = cluster.servers;
    await s3.stop();
    await cluster.settled();
    // At least two users on each of s1 and s2, so s3 stays the least loaded for two more logins.
    const early: RecordingClient[] = [];
    const loadOf = (id: string) => early.filter((user) => serverOf(user) === id).length;
    while (loadOf(s1.id) < 2 || loadOf(s2.id) < 2) {
      expect(early.length, 'logins needed to load s1 and s2').toBeLessThan(10);
      early.push(...(await join([`early-${early.length}`])));
    }

    await s3.start();
    await cluster.settled();
    // Servers report their load every 2 s; s3 comes back empty.
    const reported = { [s1.id]: loadOf(s1.id), [s2.id]: loadOf(s2.id), [s3.id]: 0 };
    await waitFor(() => registry.servers().every((s) => s.load === reported[s.id]) && registry.servers().length === 3, {
      timeoutMs: 10_000,
      message: `the registry to show the loads ${JSON.stringify(reported)}`,
    });
    // The routes watch the same nodes as this test's registry client; give their reads a moment.
    await pause(250);

    // s3 stays the least loaded for both, whether or not it has reported the first one yet. Both
    // log in at the same route, where round-robin would never pick the same server twice running.
    const newcomers = await join(['kim', 'lou'], cluster.routes[0].url);
    expect(newcomers.map(serverOf)).toEqual([s3.id, s3.id]);
    await exchangeAllPairs([...early, ...newcomers], 'least');
  });

  it('keeps clients working through the proxy when a route process is killed', async () => {
    const users = await join(['lea', 'max', 'ned', 'oli']);
    const failedBefore = cluster.proxy.failuresOf(0);

    await cluster.routes[0].stop('SIGKILL');
    await waitFor(() => cluster.proxy.connectionsTo(0) === 0, {
      message: 'the proxy to drop the connections to route-1',
    });

    await exchangeAllPairs(users, 'after the kill');
    const newcomers = await join(['pat', 'quy']);
    // Each new client opens its own connection, and the proxy takes the routes in turn.
    expect(cluster.proxy.failuresOf(0)).toBeGreaterThan(failedBefore);
    await exchangeAllPairs([...users, ...newcomers], 'newcomers');
  });
});
