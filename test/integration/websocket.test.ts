import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from '@cim/cli';
import type { LoginInfo } from '@cim/client';
import { ErrorCodes, type Frame } from '@cim/common';
import { silentLogger } from '@cim/common/server';
import { startPushServerProcess, type ServerProcess } from '../../devkit/cluster.js';
import { isolatedBackends, uniquePrefix, waitFor } from '../harness/index.js';
import { RawClient } from '../support/raw-client.js';
import { routeHttp } from '../support/route-http.js';
import { WsDevice } from '../support/ws-device.js';

const ALLOWED_ORIGIN = 'https://chat.example.com';
const HEARTBEAT_MS = 1_000;
const MAX_FRAME_BYTES = 1_024;
const MAX_CONNECTIONS_PER_IP = 3;

/*
 * The push server's WebSocket listener, on a real `cim server` process (ZooKeeper, a route with
 * Redis): browsers speak the same Frames as TCP devices, one per binary message.
 */
describe('WebSocket devices on a push server process', () => {
  const prefix = uniquePrefix('websocket');
  const backends = isolatedBackends(prefix);
  /** A route and one push server without a WebSocket listener, in this process. */
  let cluster: LocalCluster;
  /** A `cim server` process with a WebSocket listener. */
  let wsServer: ServerProcess;
  const devices: { close(): void }[] = [];

  async function login(userName: string, transport?: 'tcp' | 'ws'): Promise<LoginInfo> {
    const password = `password-${userName}`;
    await routeHttp(cluster.routeUrl, 'POST', '/api/v1/accounts', undefined, { userName, password });
    const answer = await routeHttp(cluster.routeUrl, 'POST', '/api/v1/sessions', undefined, {
      userName,
      password,
      ...(transport ? { transport } : {}),
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as LoginInfo;
  }

  /** Logs in over WebSocket (from an allowed origin) and waits for LoginOk. */
  async function wsDevice(info: LoginInfo, options: { localAddress?: string } = {}): Promise<WsDevice> {
    const device = await WsDevice.loginWith(info, { origin: ALLOWED_ORIGIN, ...options });
    devices.push(device);
    await device.next('loginOk');
    return device;
  }

  async function tcpDevice(info: LoginInfo, localAddress?: string): Promise<RawClient> {
    const device = await RawClient.connect(info.server.tcpPort, info.server.host, localAddress);
    devices.push(device);
    device.send({ requestId: 1, login: { token: info.token, cursor: '0' } });
    await device.next('loginOk');
    return device;
  }

  beforeAll(async () => {
    cluster = await startLocalCluster({ servers: 1, routePort: 0, tcpPort: 0, logger: silentLogger, ...backends });
    wsServer = await startPushServerProcess({
      id: 'ws-1',
      zkConnect: backends.zkConnect,
      routeUrl: cluster.routeUrl,
      secret: cluster.secret,
      heartbeatMs: HEARTBEAT_MS,
      env: {
        CIM_WS_PORT: '0',
        CIM_WS_ORIGINS: `${ALLOWED_ORIGIN},https://other.example.com`,
        CIM_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES),
        CIM_MAX_CONNECTIONS_PER_IP: String(MAX_CONNECTIONS_PER_IP),
      },
    });
    const serversSeen = async () =>
      ((await routeHttp(cluster.routeUrl, 'GET', '/readyz', undefined)).body as { servers?: number }).servers;
    await waitFor(async () => (await serversSeen()) === 2, {
      timeoutMs: 15_000,
      message: 'the route to see both push servers',
    });
  });

  afterAll(async () => {
    for (const device of devices) device.close();
    await wsServer?.stop();
    await cluster?.stop();
  });

  it('answers the WebSocket URL at login and picks only servers with a listener for transport "ws"', async () => {
    const picked = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const info = await login(`ws-picker-${i}`, 'ws');
      expect(info.server.id).toBe('ws-1');
      expect(info.server.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/);
      picked.add(info.server.id);
    }
    // Without `transport`, every server takes its turn; only the WebSocket one names a URL.
    const tcpLogins = [await login('tcp-picker-1'), await login('tcp-picker-2')];
    expect(new Set(tcpLogins.map((l) => l.server.id)).size).toBe(2);
    for (const l of tcpLogins) expect(l.server.wsUrl !== undefined).toBe(l.server.id === 'ws-1');
    // A refresh may ask for the transport too.
    const refreshed = await routeHttp(cluster.routeUrl, 'POST', '/api/v1/sessions/refresh', tcpLogins[0].token, {
      transport: 'ws',
    });
    expect(refreshed.status).toBe(200);
    expect((refreshed.body as LoginInfo).server).toMatchObject({ id: 'ws-1', wsUrl: expect.stringMatching(/^ws:/) });
    const bad = await routeHttp(cluster.routeUrl, 'POST', '/api/v1/sessions', undefined, {
      userName: 'ws-picker-0',
      password: 'password-ws-picker-0',
      transport: 'carrier-pigeon',
    });
    expect(bad).toMatchObject({ status: 400, body: { code: ErrorCodes.INVALID_INPUT } });
  });

  it('carries a chat between a WebSocket device and a TCP device', async () => {
    const browser = await wsDevice(await login('browser-user', 'ws'));
    browser.keepAlive(HEARTBEAT_MS / 3);
    const sensorLogin = await login('tcp-user', 'tcp');
    const sensor = await tcpDevice(sensorLogin);
    const loginOk = await browser.next('loginOk');
    expect(loginOk.loginOk).toMatchObject({ userName: 'browser-user', serverId: 'ws-1', heartbeatMs: HEARTBEAT_MS });

    browser.send({
      requestId: 7,
      send: { clientMsgId: 'ws-1', to: { userId: sensorLogin.userId }, body: 'from a browser' },
    });
    const result = await waitFor(() => browser.frames.find((f) => f.requestId === 7), { message: 'the SendResult' });
    expect(result).toMatchObject({ sendResult: { clientMsgId: 'ws-1', seq: '1' } });
    await waitFor(() => sensor.delivers().find((d) => d.message.body === 'from a browser'), {
      message: 'the message at the TCP device',
    });

    sensor.send({
      requestId: 8,
      send: { clientMsgId: 'tcp-1', to: { userId: loginOk.loginOk.userId }, body: 'to the browser' },
    });
    const atBrowser = await waitFor(() => browser.delivers().find((d) => d.message.body === 'to the browser'), {
      message: 'the message at the WebSocket device',
    });
    expect(atBrowser.message).toMatchObject({ fromUserName: 'tcp-user', seq: '2' });
    // A Ping is answered with a Pong, as over TCP.
    browser.send({ requestId: 9, ping: {} });
    expect(await waitFor(() => browser.frames.find((f: Frame) => f.requestId === 9))).toEqual({
      requestId: 9,
      pong: {},
    });
  });
});
