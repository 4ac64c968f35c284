import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteApi, type SendAnswer } from '@cim/client';
import type { RouteService } from '@cim/route';
import { uniquePrefix, waitFor } from '../harness/index.js';
import { startRouteInProcess, type RouteInProcess } from '../support/route-in-process.js';
import { startPushServerProcess, type ServerProcess } from '../../devkit/cluster.js';
import { SimulatedDevice } from '../support/simulated-device.js';

const secret = 'push-server-crash-test-secret-0123';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/*
 * docs/design.md#delivery-guarantee: a message the route has answered reaches its recipient across a server crash.
 * Here the message is sent in the worst moment: the recipient's push server has just been
 * SIGKILLed, the route still lists it (its ZooKeeper session has not expired yet) and the recipient
 * has not reconnected anywhere. The push fails; the message must come with the catch-up after the
 * client's automatic reconnect, once.
 */
describe('a message sent to a client whose push server was just SIGKILLed', () => {
  const prefix = uniquePrefix('push-crash');
  let backend: RouteInProcess;
  let route: RouteService;
  let servers: ServerProcess[] = [];
  const devices: SimulatedDevice[] = [];

  beforeAll(async () => {
    backend = await startRouteInProcess(prefix, secret, { zkSessionTimeoutMs: 2_000 });
    route = backend.route;
    process.env.CIM_ZK_SESSION_TIMEOUT_MS = '2000';
    servers = await Promise.all(
      ['s1', 's2'].map((id) =>
        startPushServerProcess({ id, zkConnect: backend.zkConnect, routeUrl: route.url, secret, heartbeatMs: 1_000 }),
      ),
    );
    await waitFor(() => route.liveServers().length === 2, {
      timeoutMs: 10_000,
      message: 'the route to see both servers',
    });
  });

  afterAll(async () => {
    for (const d of devices) await d.stop();
    for (const s of servers) await s.stop('SIGKILL');
    await backend?.stop();
  });

  it('arrives after the automatic reconnect, exactly once, private and group alike', async () => {
    const api = new RouteApi(route.url);
    for (const name of ['ann', 'ben']) await api.register(name, `password-${name}`);
    // Ann comes back slowly (1.5 s or more after losing her server), so the sends below
    // certainly happen while she is away.
    const ann = new SimulatedDevice(route.url, 'ann', 'password-ann', 'phone', {
      reconnectMinMs: 3_000,
      reconnectMaxMs: 4_000,
    });
    const ben = new SimulatedDevice(route.url, 'ben', 'password-ben', 'phone');
    devices.push(ann, ben);
    await ann.start();
    await ben.start();
    const annServer = ann.client!.info().serverId!;
    const otherServer = ben.client!.info().serverId!;
    expect(annServer).not.toBe(otherServer);
    const group = await ben.client!.api.createGroup('pair', [ann.client!.info().userId!]);

    const before = await ben.client!.sendToUser(ann.client!.info().userId!, 'before the crash');
    await waitFor(() => ann.hasAll([before.msgId]), {
      timeoutMs: 10_000,
      message: 'ann to receive the message sent before the crash',
    });

    await servers.find((s) => s.id === annServer)!.stop('SIGKILL');

    const sent: SendAnswer[] = [];
    const annStateAtAnswer: string[] = [];
    for (const send of [
      () => ben.client!.sendToUser(ann.client!.info().userId!, 'while her server is dead'),
      () => ben.client!.sendToGroup(group.groupId, 'to the group while her server is dead'),
    ]) {
      sent.push(await send());
      annStateAtAnswer.push(`${ann.client!.state} on ${ann.client!.info().serverId}`);
    }
    // The route stored and answered both while ann had not moved anywhere.
    expect(annStateAtAnswer).toEqual([`reconnecting on ${annServer}`, `reconnecting on ${annServer}`]);
    // The group's seq 1 is the notice of its creation.
    expect(sent.map((a) => a.seq)).toEqual(['2', '2']);

    await waitFor(() => ann.isOnline && ann.client!.info().serverId === otherServer, {
      timeoutMs: 20_000,
      message: `ann to be online on ${otherServer}`,
    });
    await waitFor(() => ann.hasAll(sent.map((a) => a.msgId)), {
      timeoutMs: 10_000,
      message: 'ann to receive what was sent while she was away',
    });

    // A message after the move comes live, and nothing came twice.
    const after = await ben.client!.sendToUser(ann.client!.info().userId!, 'after the move');
    await waitFor(() => ann.hasAll([after.msgId]), {
      timeoutMs: 10_000,
      message: 'ann to receive the message sent after the move',
    });
    await pause(300);
    expect(ann.runs).toHaveLength(1);
    expect(ann.runs[0].received.map((m) => m.body)).toEqual([
      'before the crash',
      'while her server is dead',
      'to the group while her server is dead',
      'after the move',
    ]);
    expect(ann.runs[0].received.map((m) => m.msgId)).toEqual([before, ...sent, after].map((a) => a.msgId));
    expect(ann.client!.info().reconnects).toBeGreaterThanOrEqual(1);
  });
});
