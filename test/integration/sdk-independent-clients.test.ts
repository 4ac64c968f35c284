import { ErrorCodes, type ChatMessage } from '@cim/common';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../devkit/wait-for.js';
import { type LocalCluster } from '@cim/cli';
import { CimClient, type ConnectionState } from '@cim/client';
import { startTestCluster } from '../support/test-cluster.js';

/** A client with what it went through recorded. */
interface Watched {
  client: CimClient;
  states: ConnectionState[];
  received: ChatMessage[];
}

/** Longer than several reconnect attempts at the backoff used here (50–500 ms). */
const RECONNECT_WINDOW_MS = 1_500;

describe('two CimClients in one process', () => {
  let cluster: LocalCluster | undefined;
  const clients: CimClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await cluster?.stop();
    cluster = undefined;
  });

  async function start(): Promise<LocalCluster> {
    cluster = await startTestCluster({ servers: 2 });
    return cluster;
  }

  async function connect(name: string): Promise<Watched> {
    const client = new CimClient({
      routeUrl: cluster!.routeUrl,
      userName: name,
      password: `password-${name}`,
      reconnectMinMs: 50,
      reconnectMaxMs: 500,
    });
    clients.push(client);
    const watched: Watched = { client, states: [], received: [] };
    client.on('state', (state) => watched.states.push(state));
    client.on('message', (message) => watched.received.push(message));
    await client.api.register(name, `password-${name}`);
    await client.connect();
    return watched;
  }

  /** Round-robin puts the first and third logins on one server and the second on the other. */
  async function connectThree(): Promise<{
    closing: Watched;
    survivor: Watched;
    peer: Watched;
    sharedServerId: string;
  }> {
    const closing = await connect('closing');
    const peer = await connect('peer');
    const survivor = await connect('survivor');
    const sharedServerId = closing.client.info().serverId!;
    expect(survivor.client.info().serverId).toBe(sharedServerId);
    expect(peer.client.info().serverId).not.toBe(sharedServerId);
    return { closing, survivor, peer, sharedServerId };
  }

  async function exchange(a: Watched, b: Watched, text: string): Promise<void> {
    await a.client.sendToUser(b.client.info().userId!, `${text}, to b`);
    await b.client.sendToUser(a.client.info().userId!, `${text}, to a`);
    await waitFor(() => b.received.some((m) => m.body === `${text}, to b`), { message: `"${text}, to b"` });
    await waitFor(() => a.received.some((m) => m.body === `${text}, to a`), { message: `"${text}, to a"` });
  }

  async function stopServer(serverId: string): Promise<void> {
    await cluster!.servers.find((s) => s.id === serverId)!.stop({ drainTimeoutMs: 0 });
  }

  async function expectStaysClosed(closed: Watched, statesAtClose: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_WINDOW_MS));
    expect(closed.client.state).toBe('closed');
    expect(closed.states.slice(statesAtClose)).toEqual(['closed']);
    expect(closed.client.info().reconnects).toBe(0);
    await expect(closed.client.sendToUser('1', 'from beyond')).rejects.toMatchObject({ code: ErrorCodes.CLOSED });
    await expect(closed.client.connect()).rejects.toMatchObject({ code: ErrorCodes.CLOSED });
  }

  it('closing one leaves the other on the same server sending and receiving, and it stays closed when the server drops connections', async () => {
    await start();
    const { closing, survivor, peer, sharedServerId } = await connectThree();
    const statesAtClose = closing.states.length;

    await closing.client.close();
    await exchange(survivor, peer, 'after the close');

    await stopServer(sharedServerId);
    await waitFor(() => survivor.client.state === 'online' && survivor.client.info().serverId !== sharedServerId, {
      timeoutMs: 10_000,
      message: 'the survivor to move to the other server',
    });
    await exchange(survivor, peer, 'after the move');

    await peer.client.sendToUser(closing.client.info().userId!, 'nobody home');
    await expectStaysClosed(closing, statesAtClose);
    expect(closing.received.map((m) => m.body)).not.toContain('nobody home');
    expect((await survivor.client.onlineUsers()).map((u) => u.userName).sort()).toEqual(['peer', 'survivor']);
  });

  it('a client closed while it reconnects stays closed; the other one reconnects', async () => {
    await start();
    const { closing, survivor, peer, sharedServerId } = await connectThree();
    let statesAtClose = -1;
    // Closed at the very moment it starts reconnecting, with its reconnect timer armed.
    closing.client.on('state', (state) => {
      if (state !== 'reconnecting') return;
      statesAtClose = closing.states.length;
      void closing.client.close();
    });

    await stopServer(sharedServerId);
    await waitFor(() => survivor.client.state === 'online' && survivor.client.info().serverId !== sharedServerId, {
      timeoutMs: 10_000,
      message: 'the survivor to move to the other server',
    });
    expect(survivor.states).toContain('reconnecting');
    await exchange(survivor, peer, 'after the move');

    expect(statesAtClose).toBeGreaterThan(0);
    await expectStaysClosed(closing, statesAtClose);
  });
});
