import type { ChatMessage } from '@cim/common';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../devkit/wait-for.js';
import { type LocalCluster } from '@cim/cli';
import { CimClient } from '@cim/client';
import { startTestCluster } from '../support/test-cluster.js';

/** How many `POST /api/v1/messages` the route has answered with 200. */
async function httpSends(cluster: LocalCluster): Promise<number> {
  const text = await (await fetch(`${cluster.routeUrl}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('cim_route_http_request_seconds_count{') &&
        l.includes('route="/api/v1/messages"') &&
        l.includes('status="200"'),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('CimClient sends', () => {
  let cluster: LocalCluster | undefined;
  const clients: CimClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await cluster?.stop();
    cluster = undefined;
  });

  async function connect(name: string): Promise<{ client: CimClient; received: ChatMessage[] }> {
    const client = new CimClient({
      routeUrl: cluster!.routeUrl,
      userName: name,
      password: `password-${name}`,
      reconnectMinMs: 50,
      reconnectMaxMs: 300,
    });
    clients.push(client);
    const received: ChatMessage[] = [];
    client.on('message', (message) => received.push(message));
    await client.api.register(name, `password-${name}`);
    await client.connect();
    return { client, received };
  }

  it('go over the push server connection while online, answered with the stored message, not over HTTP', async () => {
    cluster = await startTestCluster();
    const alice = await connect('alice');
    const bob = await connect('bob');
    const before = await httpSends(cluster);

    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await alice.client.sendToUser(bob.client.info().userId!, `over tcp ${i}`));
    expect(answers.map((a) => a.seq)).toEqual(['1', '2', '3']);
    await waitFor(() => bob.received.length === 3, { message: 'bob to get all three' });
    expect(bob.received.map((m) => m.msgId)).toEqual(answers.map((a) => a.msgId));
    expect(await httpSends(cluster)).toBe(before);

    // A refused send over the connection is the same coded error as over HTTP.
    await expect(alice.client.sendToUser('999999', 'to nobody')).rejects.toMatchObject({
      code: 'CIM_ERR_USER_NOT_FOUND',
    });
  });

  it('are stored once and answered when the connection goes away mid-send (the same clientMsgId is retried over HTTP)', async () => {
    cluster = await startTestCluster({ servers: 2 });
    const alice = await connect('alice');
    const bob = await connect('bob');
    const aliceServer = cluster.servers.find((s) => s.id === alice.client.info().serverId)!;

    const sending = Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        alice.client.sendToUser(bob.client.info().userId!, `mid-drain ${i}`, { clientMsgId: `mid-${i}` }),
      ),
    );
    // The server drains at once: it redirects alice, who comes back through the route elsewhere.
    await aliceServer.stop({ drainTimeoutMs: 200 });
    const answers = await sending;

    await waitFor(() => answers.every((a) => bob.received.some((m) => m.msgId === a.msgId)), {
      message: 'bob to get all five',
    });
    const bodies = bob.received.map((m) => m.body).filter((b) => b.startsWith('mid-drain'));
    expect(bodies.sort()).toEqual(['mid-drain 0', 'mid-drain 1', 'mid-drain 2', 'mid-drain 3', 'mid-drain 4']);
    expect(new Set(answers.map((a) => a.seq)).size).toBe(5);
  });
});
