import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ZkRegistry } from '@cim/common/server';
import { waitFor, ZooKeeperEnsemble } from '../harness/index.js';
import { joinUsers, type RecordingClient } from '../support/chat-scenario.js';
import { startCluster, type CimCluster, type RouteReadiness } from '../../devkit/cluster.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A pino line of a route process. */
interface LogLine {
  level: number;
  msg: string;
}
const WARN = 40;
const INFO = 30;

/** Sends `from` → `to` and waits until `to` has it. */
async function deliver(from: RecordingClient, to: RecordingClient, body: string): Promise<void> {
  await from.client.sendToUser(to.userId, body);
  await to.waitForBody(body);
}

async function readiness(cluster: CimCluster): Promise<RouteReadiness | undefined> {
  return cluster.routes[0].readiness();
}

describe('ZooKeeper restarting under a route and two push servers', () => {
  const SESSION_MS = 2_000;
  let cluster: CimCluster;
  const routeLog: LogLine[] = [];
  const clients: RecordingClient[] = [];
  const join = async (names: string[]) => {
    const joined = await joinUsers(cluster.routeUrl, names);
    clients.push(...joined);
    return joined;
  };
  let watcher: ZkRegistry | undefined;

  beforeAll(async () => {
    cluster = await startCluster({
      routes: 1,
      servers: 2,
      zkSessionTimeoutMs: SESSION_MS,
      onLog: (name, line) => {
        if (name === 'route-1' && line.startsWith('{')) routeLog.push(JSON.parse(line) as LogLine);
      },
    });
  });

  afterAll(async () => {
    for (const c of clients.splice(0)) await c.client.close();
    await watcher?.close();
    await cluster?.stop();
  });

  it('keeps serving from the last known list while ZooKeeper is down, says so on /readyz, and re-registers the servers after', async () => {
    const zk = cluster.zookeeper!;
    const [alice, bob] = await join(['alice', 'bob']);
    expect([alice, bob].map((u) => u.client.info().serverId).sort()).toEqual(['s1', 's2']);
    expect(await readiness(cluster)).toMatchObject({ httpStatus: 200, status: 'ready', checks: { registry: true } });

    await zk.kill();
    const downSince = Date.now();
    await waitFor(async () => (await readiness(cluster))?.checks.registry === false, {
      message: 'the route to notice ZooKeeper is gone',
    });
    expect(await readiness(cluster)).toEqual({
      httpStatus: 200,
      status: 'degraded',
      checks: { store: true, registry: false },
      servers: 2,
    });
    const [carol] = await join(['carol']);
    await deliver(alice, carol, 'while ZooKeeper is down, to carol');
    await deliver(carol, bob, 'while ZooKeeper is down, to bob');

    // An outage longer than a session: every client has to open a new session afterwards.
    await pause(Math.max(0, downSince + SESSION_MS * 1.5 - Date.now()));
    await zk.resume();

    await waitFor(async () => (await readiness(cluster))?.status === 'ready', {
      timeoutMs: 15_000,
      message: 'the route to be ready again',
    });
    watcher = new ZkRegistry({ connect: cluster.zkConnect, sessionTimeoutMs: SESSION_MS });
    await watcher.watch();
    const ids = () => watcher!.servers().map((s) => s.id);
    await waitFor(() => ids().length === 2, { timeoutMs: 10_000, message: 's1 and s2 to be registered again' });
    // The sessions from before the restart expire on their own clock; their nodes must not take
    // the new registrations with them.
    await pause(SESSION_MS * 1.5);
    expect(ids()).toEqual(['s1', 's2']);

    const warnings = routeLog.filter((l) => l.level === WARN && l.msg.startsWith('server registry disconnected'));
    const recoveries = routeLog.filter((l) => l.level === INFO && l.msg === 'server registry reconnected');
    expect(warnings).toHaveLength(1);
    expect(recoveries).toHaveLength(1);

    // The route watches again: a server leaving is seen, and logins go to the one left.
    await deliver(bob, alice, 'after the restart, to alice');
    await cluster.servers[1].stop();
    await waitFor(async () => (await readiness(cluster))?.servers === 1, { message: 'the route to see s2 go' });
    const late = await join(['dave', 'erin']);
    expect(late.map((u) => u.client.info().serverId)).toEqual(['s1', 's1']);
    await deliver(late[0], late[1], 'after s2 left');
  });
});

describe('a ZooKeeper ensemble losing the member a push server is connected to', () => {
  let ensemble: ZooKeeperEnsemble;
  let cluster: CimCluster;
  let watcher: ZkRegistry;
  const clients: RecordingClient[] = [];
  const join = async (names: string[]) => {
    const joined = await joinUsers(cluster.routeUrl, names);
    clients.push(...joined);
    return joined;
  };

  beforeAll(async () => {
    ensemble = await ZooKeeperEnsemble.start(3);
    cluster = await startCluster({
      routes: 1,
      servers: 1,
      zkConnect: ensemble.connectString,
      zkSessionTimeoutMs: 6_000,
    });
    watcher = new ZkRegistry({ connect: ensemble.connectString, sessionTimeoutMs: 6_000 });
    await watcher.watch();
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.client.close();
  });

  afterAll(async () => {
    await watcher?.close();
    await cluster?.stop();
    await ensemble?.stop();
  });

  it('keeps the registration, and the route keeps seeing the server, logging users in and delivering', async () => {
    const [alice, bob] = await join(['alice', 'bob']);
    const lists: string[][] = [];
    watcher.onChange((servers) => lists.push(servers.map((s) => s.id)));
    const session = await ensemble.sessionOwning('/cim/servers/s1');
    expect(session).toBeDefined();
    const member = await ensemble.nodeOfSession(session!);
    expect(member).toBeDefined();

    await member!.kill();

    // The push server's client moves to another member, in the same session.
    await waitFor(
      async () => {
        const now = await ensemble.nodeOfSession(session!);
        return now !== undefined && now !== member;
      },
      { timeoutMs: 15_000, message: 'the push server to reconnect to another member' },
    );
    expect(await ensemble.sessionOwning('/cim/servers/s1')).toBe(session);
    await waitFor(async () => (await readiness(cluster))?.status === 'ready', {
      timeoutMs: 15_000,
      message: 'the route to be ready',
    });
    expect(await readiness(cluster)).toMatchObject({ servers: 1, checks: { registry: true } });
    // The node was never deleted, so no watcher ever saw a list without it.
    expect(lists.filter((list) => !list.includes('s1'))).toEqual([]);

    const [carol] = await join(['carol']);
    expect(carol.client.info().serverId).toBe('s1');
    await deliver(alice, carol, 'after the member stopped, to carol');
    await deliver(carol, bob, 'after the member stopped, to bob');
  });
});
