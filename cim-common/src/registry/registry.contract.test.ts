import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backends, uniquePrefix, waitFor } from '../../../test/harness/index.js';
import { isCimError } from '../errors.js';
import { MemoryRegistryHub } from './memory-registry.js';
import type { ServerInfo, ServerRegistry } from './types.js';
import { ZkRegistry } from './zk-registry.js';

/**
 * One suite for every ServerRegistry: the embedded registry of `cim up` must behave as the
 * ZooKeeper one does. Each test gets a fresh backend (a new hub, or a new ZooKeeper chroot), and
 * registers and watches from different clients, as push servers and routes do.
 */
const implementations: Array<{ name: string; backend: () => () => ServerRegistry }> = [
  {
    name: 'memory',
    backend: () => {
      const hub = new MemoryRegistryHub();
      return () => hub.client();
    },
  },
  {
    name: 'zookeeper',
    backend: () => {
      const connect = `${backends().zkConnect}${uniquePrefix('registry-contract')}`;
      return () => new ZkRegistry({ connect, sessionTimeoutMs: 4000 });
    },
  },
];

function server(id: string, overrides: Partial<ServerInfo> = {}): ServerInfo {
  return {
    id,
    host: '127.0.0.1',
    tcpPort: 9000,
    httpHost: '127.0.0.1',
    httpPort: 8000,
    load: 0,
    startedAt: 1_700_000_000_000,
    ...overrides,
  };
}

const ids = (registry: ServerRegistry) => registry.servers().map((s) => s.id);

async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    return isCimError(err) ? err.code : `not a CimError: ${String(err)}`;
  }
}

describe.each(implementations)('ServerRegistry contract: $name', ({ backend }) => {
  let newClient: () => ServerRegistry;
  const clients: ServerRegistry[] = [];

  beforeEach(() => {
    const create = backend();
    newClient = () => {
      const client = create();
      clients.push(client);
      return client;
    };
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  it('shows a registered server, with all its fields, to a watcher on another client', async () => {
    const pushServer = newClient();
    const route = newClient();
    await route.watch();
    expect(route.servers()).toEqual([]);

    const info = server('srv-a', { host: '10.0.0.7', tcpPort: 9001, httpHost: '10.0.0.8', httpPort: 8081, load: 3 });
    await pushServer.register(info);

    await waitFor(() => route.servers().length === 1, { message: 'srv-a to be listed' });
    expect(route.servers()).toEqual([info]);
  });

  it('carries the WebSocket port and TLS flag of a server that has them, and keeps them across load updates', async () => {
    const pushServer = newClient();
    const route = newClient();
    await route.watch();
    const withWs = server('srv-ws', { wsPort: 8084, tls: true });
    const tcpOnly = server('srv-tcp');
    await pushServer.register(withWs);
    await pushServer.register(tcpOnly);
    await waitFor(() => route.servers().length === 2, { message: 'both servers to be listed' });
    expect(route.servers()).toEqual([tcpOnly, withWs]);
    expect(route.servers()[0]).not.toHaveProperty('wsPort');

    await pushServer.updateLoad('srv-ws', 5);
    await waitFor(() => route.servers()[1].load === 5, { message: 'the new load' });
    expect(route.servers()[1]).toEqual({ ...withWs, load: 5 });
  });

  it('has the current list once watch() resolves', async () => {
    const pushServer = newClient();
    await pushServer.register(server('srv-a'));
    await pushServer.register(server('srv-b'));

    const route = newClient();
    await route.watch();
    expect(ids(route)).toEqual(['srv-a', 'srv-b']);
  });

  it('lists the servers of several clients, ordered by id', async () => {
    const route = newClient();
    await route.watch();
    await newClient().register(server('srv-c'));
    await newClient().register(server('srv-a'));
    await newClient().register(server('srv-b'));

    await waitFor(() => ids(route).length === 3, { message: 'three servers' });
    expect(ids(route)).toEqual(['srv-a', 'srv-b', 'srv-c']);
  });

  it('shows load updates to watchers', async () => {
    const pushServer = newClient();
    const route = newClient();
    await route.watch();
    await pushServer.register(server('srv-a', { load: 0 }));

    await pushServer.updateLoad('srv-a', 42);
    await waitFor(() => route.servers()[0]?.load === 42, { message: 'load 42' });
    await pushServer.updateLoad('srv-a', 7);
    await waitFor(() => route.servers()[0]?.load === 7, { message: 'load 7' });
    expect(route.servers()).toEqual([server('srv-a', { load: 7 })]);
  });

  it('removes a server on unregister and keeps the others', async () => {
    const pushServer = newClient();
    const route = newClient();
    await route.watch();
    await pushServer.register(server('srv-a'));
    await pushServer.register(server('srv-b'));
    await waitFor(() => ids(route).length === 2, { message: 'both servers' });

    await pushServer.unregister('srv-a');

    await waitFor(() => ids(route).length === 1, { message: 'srv-a to go' });
    expect(ids(route)).toEqual(['srv-b']);
    expect(pushServer.isConnected()).toBe(true);
  });

  it('removes every server of a client that closes, as an ephemeral node goes with its session', async () => {
    const pushServer = newClient();
    const other = newClient();
    const route = newClient();
    await route.watch();
    await pushServer.register(server('srv-a'));
    await pushServer.register(server('srv-b'));
    await other.register(server('srv-c'));
    await waitFor(() => ids(route).length === 3, { message: 'three servers' });

    await pushServer.close();

    await waitFor(() => ids(route).length === 1, { message: 'the closed client’s servers to go' });
    expect(ids(route)).toEqual(['srv-c']);
  });

  it('calls onChange listeners with each new list until they unsubscribe', async () => {
    const pushServer = newClient();
    const route = newClient();
    await route.watch();
    const seen: string[][] = [];
    const unsubscribe = route.onChange((servers) => seen.push(servers.map((s) => s.id)));

    await pushServer.register(server('srv-a'));
    await waitFor(() => seen.length === 1, { message: 'a change for srv-a' });
    await pushServer.register(server('srv-b'));
    await waitFor(() => seen.length === 2, { message: 'a change for srv-b' });
    expect(seen).toEqual([['srv-a'], ['srv-a', 'srv-b']]);

    unsubscribe();
    await pushServer.unregister('srv-a');
    await waitFor(() => ids(route).length === 1, { message: 'srv-a to go' });
    expect(seen).toHaveLength(2);
  });

  it('keeps calling other listeners when one throws', async () => {
    const pushServer = newClient();
    const route = newClient();
    await route.watch();
    route.onChange(() => {
      throw new Error('listener bug');
    });
    const seen: number[] = [];
    route.onChange((servers) => seen.push(servers.length));

    await pushServer.register(server('srv-a'));
    await waitFor(() => seen.length === 1, { message: 'the second listener to be called' });
    expect(route.servers()).toHaveLength(1);
  });

  it('is connected while open and not after close', async () => {
    const route = newClient();
    await route.watch();
    expect(route.isConnected()).toBe(true);
    await route.close();
    expect(route.isConnected()).toBe(false);
  });

  it('rejects a load update for a server this client did not register', async () => {
    const pushServer = newClient();
    await newClient().register(server('srv-other'));
    expect(await rejectionCode(pushServer.updateLoad('srv-other', 1))).toBe('CIM_ERR_NOT_FOUND');
    expect(await rejectionCode(pushServer.updateLoad('srv-missing', 1))).toBe('CIM_ERR_NOT_FOUND');
  });

  it('rejects invalid registrations and loads with CIM_ERR_INVALID_INPUT', async () => {
    const pushServer = newClient();
    expect(await rejectionCode(pushServer.register(server('a/b')))).toBe('CIM_ERR_INVALID_INPUT');
    expect(await rejectionCode(pushServer.register(server('..')))).toBe('CIM_ERR_INVALID_INPUT');
    expect(await rejectionCode(pushServer.register(server('srv-a', { tcpPort: 70000 })))).toBe('CIM_ERR_INVALID_INPUT');
    expect(await rejectionCode(pushServer.register(server('srv-a', { wsPort: 0 })))).toBe('CIM_ERR_INVALID_INPUT');
    await pushServer.register(server('srv-a'));
    expect(await rejectionCode(pushServer.updateLoad('srv-a', -1))).toBe('CIM_ERR_INVALID_INPUT');
  });

  it('rejects use after close with CIM_ERR_CLOSED', async () => {
    const pushServer = newClient();
    await pushServer.close();
    expect(await rejectionCode(pushServer.register(server('srv-a')))).toBe('CIM_ERR_CLOSED');
    expect(await rejectionCode(pushServer.watch())).toBe('CIM_ERR_CLOSED');
  });

  it('treats unregistering an unknown id as done', async () => {
    const pushServer = newClient();
    await expect(pushServer.unregister('srv-never')).resolves.toBeUndefined();
  });
});
