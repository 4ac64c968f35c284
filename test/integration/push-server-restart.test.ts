import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteApi } from '@cim/client';
import type { RouteService } from '@cim/route';
import { uniquePrefix, waitFor } from '../harness/index.js';
import { startPushServerProcess, type ServerProcess } from '../../devkit/cluster.js';
import { RawClient } from '../support/raw-client.js';
import { startRouteInProcess, type RouteInProcess } from '../support/route-in-process.js';
import { SimulatedDevice } from '../support/simulated-device.js';

const secret = 'push-server-restart-test-secret-0123';
const ZK_SESSION_TIMEOUT_MS = 2_000;

/*
 * A push server SIGKILLed and started again with the same command line (no --id): it comes back
 * under the same id, replacing the registry node its dead process left behind, and every device
 * that logs in on it — through the SDK's reconnect, or a raw device reconnecting with the token it
 * had — is reachable again, also once the dead process's registry session has expired.
 */
describe('a push server restarted after SIGKILL with the same command line', () => {
  const prefix = uniquePrefix('push-restart');
  let backend: RouteInProcess;
  let route: RouteService;
  let server: ServerProcess;
  const devices: SimulatedDevice[] = [];
  const raws: RawClient[] = [];
  const pingers: NodeJS.Timeout[] = [];

  beforeAll(async () => {
    backend = await startRouteInProcess(prefix, secret, { zkSessionTimeoutMs: ZK_SESSION_TIMEOUT_MS });
    route = backend.route;
    server = await startPushServerProcess({
      zkConnect: backend.zkConnect,
      routeUrl: route.url,
      secret,
      heartbeatMs: 1_000,
      env: { CIM_ZK_SESSION_TIMEOUT_MS: String(ZK_SESSION_TIMEOUT_MS) },
    });
    await waitFor(() => route.liveServers().length === 1, {
      timeoutMs: 10_000,
      message: 'the route to see the server',
    });
  });

  afterAll(async () => {
    for (const p of pingers) clearInterval(p);
    for (const r of raws) r.close();
    for (const d of devices) await d.stop();
    await server?.stop('SIGKILL');
    await backend?.stop();
  });

  it('keeps its id, and devices that log in on it again receive what is sent afterwards', async () => {
    const api = new RouteApi(route.url);
    const ann = new SimulatedDevice(route.url, 'ann', 'password-ann', 'phone');
    const ben = new SimulatedDevice(route.url, 'ben', 'password-ben', 'phone');
    devices.push(ann, ben);
    for (const d of [ann, ben]) await api.register(d.userName, d.password);
    const sensor = await api.register('sensor', 'password-sensor');
    await ann.start();
    await ben.start();
    expect(route.liveServers().map((s) => s.id)).toEqual([server.id]);
    expect(ann.client!.info().serverId).toBe(server.id);

    // A raw device: logs in over TCP with a cursor and reconnects with the same token when dropped.
    const sensorLogin = await api.login('sensor', 'password-sensor', 'sensor-1');
    const connectSensor = async () => {
      const raw = await RawClient.connect(server.tcpPort);
      raws.push(raw);
      raw.send({ requestId: 1, login: { token: sensorLogin.token, cursor: '0' } });
      // Pings at half the heartbeat, as LoginOk asks.
      pingers.push(setInterval(() => raw.closed || raw.send({ ping: {} }), 500));
      return raw;
    };
    const before = await connectSensor();
    expect((await before.next('loginOk')).loginOk.serverId).toBe(server.id);

    await server.stop('SIGKILL');
    await before.closedByServer();
    await server.start();

    // The raw device comes back with its token (its session outlived the dropped connection).
    const sensorAgain = await waitFor(
      async () => {
        const raw = await connectSensor();
        const first = await raw.next('loginOk').catch(() => undefined);
        return first ? raw : undefined;
      },
      { timeoutMs: 10_000, message: 'the sensor to log in on the restarted server' },
    );
    expect(sensorAgain.frames[0]).toMatchObject({ loginOk: { serverId: server.id } });
    await waitFor(() => ann.isOnline && ben.isOnline, { timeoutMs: 15_000, message: 'ann and ben to be back online' });
    expect(ann.client!.info().serverId).toBe(server.id);

    // Past the dead process's registry session, the server is still listed and reachable.
    await new Promise((r) => setTimeout(r, ZK_SESSION_TIMEOUT_MS + 500));
    expect(route.liveServers().map((s) => s.id)).toEqual([server.id]);

    const toAnn = await ben.client!.sendToUser(ann.client!.info().userId!, 'after the restart');
    const toSensor = await ben.client!.sendToUser(sensor.userId, 'sensor, after the restart');
    await waitFor(() => ann.hasAll([toAnn.msgId]), {
      timeoutMs: 10_000,
      message: 'ann to receive the message sent after the restart',
    });
    const delivered = await waitFor(
      () => sensorAgain.frames.find((f) => 'deliver' in f && f.deliver.message?.msgId === toSensor.msgId),
      { timeoutMs: 10_000, message: 'the sensor to receive the message sent after the restart' },
    );
    expect(delivered).toMatchObject({ deliver: { message: { body: 'sensor, after the restart' } } });
  });
});
