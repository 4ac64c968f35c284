import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backends, freePort, TcpProxy, uniquePrefix, waitFor, type CutMode } from '../../../test/harness/index.js';
import type { ServerInfo } from './types.js';
import { ZkRegistry } from './zk-registry.js';

/**
 * Session expiry and partitions, with a real ZooKeeper and a TCP proxy between one registry client
 * and the server. Cutting the proxy for longer than the session makes ZooKeeper expire the session
 * (and delete its ephemeral nodes) while the client can only see a lost connection.
 */
const SESSION_MS = 2000;

function server(id: string, load = 0): ServerInfo {
  return {
    id,
    host: '127.0.0.1',
    tcpPort: 9000,
    httpHost: '127.0.0.1',
    httpPort: 8000,
    load,
    startedAt: 1_700_000_000_000,
  };
}

const ids = (registry: ZkRegistry) => registry.servers().map((s) => s.id);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ZkRegistry across ZooKeeper session expiry', () => {
  let zkConnect: string;
  let chroot: string;
  let proxy: TcpProxy;
  const clients: ZkRegistry[] = [];

  /** A registry client connected directly, or through the proxy. */
  const connect = (via: 'direct' | 'proxy') => {
    const hosts = via === 'proxy' ? proxy.address : zkConnect;
    const client = new ZkRegistry({ connect: `${hosts}${chroot}`, sessionTimeoutMs: SESSION_MS });
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    zkConnect = backends().zkConnect;
    chroot = uniquePrefix('zk-expiry');
    const port = Number(zkConnect.split(':')[1]);
    proxy = await TcpProxy.start({ port });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await proxy.close();
  });

  it.each<CutMode>(['refuse', 'hold'])(
    'registers the server again after a cut longer than the session (new connections %s)',
    async (mode) => {
      const pushServer = connect('proxy');
      const route = connect('direct');
      await route.watch();
      await pushServer.register(server('srv-a'));
      await waitFor(() => ids(route).includes('srv-a'), { message: 'srv-a to be listed' });

      proxy.cut(mode);
      await waitFor(() => !pushServer.isConnected(), { message: 'the push server to see the cut' });
      await waitFor(() => ids(route).length === 0, {
        timeoutMs: SESSION_MS * 4,
        message: 'ZooKeeper to expire the session and drop srv-a',
      });
      // A load change during the cut is published once the server is back.
      await pushServer.updateLoad('srv-a', 5);
      await sleep(SESSION_MS / 2);

      proxy.heal();
      await waitFor(() => route.servers()[0]?.load === 5, {
        timeoutMs: 10_000,
        message: 'srv-a to be registered again, with its new load',
      });
      expect(route.servers()).toEqual([server('srv-a', 5)]);
      expect(pushServer.isConnected()).toBe(true);

      // The new session serves later changes too.
      await pushServer.updateLoad('srv-a', 6);
      await waitFor(() => route.servers()[0]?.load === 6, { message: 'load 6' });
    },
  );

  it('lets a restarted server take over the node its dead process left, and keep it after the old session expires', async () => {
    const crashed = connect('proxy');
    const route = connect('direct');
    await route.watch();
    await crashed.register(server('srv-a', 7));
    await waitFor(() => ids(route).includes('srv-a'), { message: 'srv-a to be listed' });
    // The old process dies: its session lingers in ZooKeeper until it expires.
    proxy.cut('refuse');
    const restarted = connect('direct');
    await restarted.register(server('srv-a', 0));
    await waitFor(() => route.servers()[0]?.load === 0, {
      message: 'the restarted registration to replace the stale one',
    });
    await sleep(SESSION_MS * 2);
    expect(route.servers()).toEqual([server('srv-a', 0)]);
  });

  it('keeps the node through a cut shorter than the session', async () => {
    const pushServer = connect('proxy');
    const route = connect('direct');
    await route.watch();
    await pushServer.register(server('srv-a'));
    await waitFor(() => ids(route).includes('srv-a'), { message: 'srv-a to be listed' });
    const lists: string[][] = [];
    route.onChange((servers) => lists.push(servers.map((s) => s.id)));
    const connection: boolean[] = [];
    pushServer.onConnectionChange((connected) => connection.push(connected));

    proxy.cut();
    await waitFor(() => !pushServer.isConnected(), { message: 'the push server to see the cut' });
    await sleep(SESSION_MS / 4);
    proxy.heal();
    await waitFor(() => pushServer.isConnected(), { timeoutMs: SESSION_MS, message: 'the push server to reconnect' });
    await pushServer.updateLoad('srv-a', 1);
    await waitFor(() => route.servers()[0]?.load === 1, { message: 'load 1' });

    // Never removed: the only change the route saw is the load.
    expect(lists).toEqual([['srv-a']]);
    expect(connection).toEqual([false, true]);
  });

  it('leaves a connection that silently stops carrying traffic, and keeps the server registered', async () => {
    const pushServer = connect('proxy');
    const route = connect('direct');
    await route.watch();
    await pushServer.register(server('srv-a'));
    await waitFor(() => ids(route).includes('srv-a'), { message: 'srv-a to be listed' });
    const connection: boolean[] = [];
    pushServer.onConnectionChange((connected) => connection.push(connected));

    // Nothing closes: only a question that goes unanswered shows that the connection is dead. New
    // connections get through the proxy, so the client is back at once, over a new connection.
    proxy.stall();
    await waitFor(() => connection.length === 2 && pushServer.isConnected(), {
      timeoutMs: SESSION_MS * 2,
      message: 'the push server to leave the stalled connection and connect again',
    });
    await pushServer.updateLoad('srv-a', 3);
    await waitFor(() => route.servers()[0]?.load === 3, {
      timeoutMs: 10_000,
      message: 'srv-a listed again, with load 3',
    });
    expect(connection).toEqual([false, true]);
  });

  it('keeps the last known list while the watcher is cut off, and catches up after', async () => {
    const first = connect('direct');
    const route = connect('proxy');
    await first.register(server('srv-a'));
    await route.watch();
    expect(ids(route)).toEqual(['srv-a']);

    proxy.cut();
    await waitFor(() => !route.isConnected(), { message: 'the route to see the cut' });
    const second = connect('direct');
    await second.register(server('srv-b'));
    // Longer than the session: the route's session expires, its watches with it.
    await sleep(SESSION_MS * 1.5);
    expect(route.isConnected()).toBe(false);
    expect(ids(route)).toEqual(['srv-a']);

    proxy.heal();
    await waitFor(() => ids(route).length === 2, { timeoutMs: 10_000, message: 'the route to see srv-b' });
    expect(route.isConnected()).toBe(true);

    // Its watches were re-armed on the new session.
    await first.unregister('srv-a');
    await waitFor(() => ids(route).length === 1, { message: 'the route to see srv-a go' });
    expect(ids(route)).toEqual(['srv-b']);
  });
});

describe('ZkRegistry connect string', () => {
  const clients: ZkRegistry[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  const open = (options: ConstructorParameters<typeof ZkRegistry>[0]) => {
    const client = new ZkRegistry({ sessionTimeoutMs: SESSION_MS, ...options });
    clients.push(client);
    return client;
  };

  it('reaches the live host of several, and creates the chroot on demand', async () => {
    const deadHost = `127.0.0.1:${await freePort()}`;
    const chroot = `${uniquePrefix('zk-connect')}/nested/deeper`;
    const pushServer = open({ connect: `${deadHost},${backends().zkConnect}${chroot}` });
    const route = open({ connect: `${backends().zkConnect}${chroot}` });

    await pushServer.register(server('srv-a'));
    await route.watch();
    expect(ids(route)).toEqual(['srv-a']);
  });

  it('keeps registries with different base paths apart', async () => {
    const connect = `${backends().zkConnect}${uniquePrefix('zk-base-path')}`;
    const pushServer = open({ connect, basePath: '/other/servers/' });
    const otherRoute = open({ connect, basePath: '/other/servers' });
    const defaultRoute = open({ connect });

    await pushServer.register(server('srv-a'));
    await otherRoute.watch();
    await defaultRoute.watch();
    expect(ids(otherRoute)).toEqual(['srv-a']);
    expect(ids(defaultRoute)).toEqual([]);
  });
});
