import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

  /** A number the WebSocket server process exports at /metrics. */
  async function serverMetric(name: string): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${wsServer.httpPort}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line ? Number(line.slice(name.length + 1)) : 0;
  }

  // Every test starts with no connection on the server: the per-address cap is small.
  afterEach(async () => {
    for (const device of devices.splice(0)) device.close();
    if (wsServer.running) {
      await waitFor(async () => (await serverMetric('cim_server_connections')) === 0, {
        message: 'the server to see every connection of the test closed',
      });
    }
  });

  afterAll(async () => {
    await wsServer?.stop();
    await cluster?.stop();
  });

  it('answers the WebSocket URL at login and picks only servers with a listener for transport "ws"', async () => {
    for (let i = 0; i < 4; i++) {
      const info = await login(`ws-picker-${i}`, 'ws');
      expect(info.server.id).toBe('ws-1');
      expect(info.server.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/);
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

  it('evicts a WebSocket device that stops sending Pings after 1.5 × the heartbeat', async () => {
    const silent = await wsDevice(await login('silent-browser', 'ws'));
    const error = await silent.next('error', 10_000);
    expect(error.error.code).toBe(ErrorCodes.HEARTBEAT_TIMEOUT);
    await silent.closedByServer();
  });

  it('answers a text message, an undecodable one and one over the frame limit with a coded Error and closes, and keeps serving others', async () => {
    const { wsUrl } = (await login('bad-sender', 'ws')).server;
    const cases: Array<{ send: (device: WsDevice) => void; code: string }> = [
      { send: (d) => d.sendRaw('{"login":{}}'), code: ErrorCodes.BAD_FRAME },
      { send: (d) => d.sendRaw(Buffer.from([0xff, 0xff, 0xff, 0xff])), code: ErrorCodes.BAD_FRAME },
      { send: (d) => d.sendRaw(Buffer.alloc(MAX_FRAME_BYTES + 1, 1)), code: ErrorCodes.FRAME_TOO_LARGE },
    ];
    for (const { send, code } of cases) {
      const device = await WsDevice.connect(wsUrl!, { origin: ALLOWED_ORIGIN });
      devices.push(device);
      send(device);
      expect((await device.next('error')).error.code).toBe(code);
      await device.closedByServer();
    }
    // A logged-in device gets the same answer, and the server goes on with everyone else.
    const browser = await wsDevice(await login('big-sender', 'ws'));
    browser.sendRaw(Buffer.alloc(MAX_FRAME_BYTES * 4, 1));
    expect((await browser.next('error')).error.code).toBe(ErrorCodes.FRAME_TOO_LARGE);
    await browser.closedByServer();
    const next = await wsDevice(await login('after-bad-senders', 'ws'));
    next.send({ requestId: 5, ping: {} });
    expect(await waitFor(() => next.frames.find((f) => f.requestId === 5))).toEqual({ requestId: 5, pong: {} });
  });

  it('refuses an upgrade from an Origin not on the list with 403 and a coded body, and one on another path with 404', async () => {
    const { wsUrl } = (await login('origin-checker', 'ws')).server;
    expect(await WsDevice.refusal(wsUrl!, { origin: 'https://evil.example' })).toEqual({
      status: 403,
      body: { code: ErrorCodes.FORBIDDEN, message: expect.stringContaining('https://evil.example') },
    });
    expect(await WsDevice.refusal(wsUrl!)).toMatchObject({ status: 403, body: { code: ErrorCodes.FORBIDDEN } });
    expect(await WsDevice.refusal(`${wsUrl}chat`, { origin: ALLOWED_ORIGIN })).toMatchObject({
      status: 404,
      body: { code: ErrorCodes.NOT_FOUND },
    });
    const plainHttp = await fetch(wsUrl!.replace(/^ws:/, 'http:'));
    expect(plainHttp.status).toBe(426);
    expect(await plainHttp.json()).toMatchObject({ code: ErrorCodes.INVALID_INPUT });
    // Both listed origins get in.
    const other = await WsDevice.connect(wsUrl!, { origin: 'https://other.example.com' });
    devices.push(other);
    other.send({ requestId: 1, ping: {} });
    // Not logged in yet: answered as over TCP, with LOGIN_REQUIRED.
    expect((await other.next('error')).error.code).toBe(ErrorCodes.LOGIN_REQUIRED);
  });

  it('counts TCP and WebSocket connections from one address together against the per-address cap', async () => {
    const address = '127.0.0.2';
    const info = await login('capped-user', 'ws');
    const held = [
      await RawClient.connect(info.server.tcpPort, info.server.host, address),
      await WsDevice.connect(info.server.wsUrl!, { origin: ALLOWED_ORIGIN, localAddress: address }),
      await WsDevice.connect(info.server.wsUrl!, { origin: ALLOWED_ORIGIN, localAddress: address }),
    ];
    devices.push(...held);
    expect(MAX_CONNECTIONS_PER_IP).toBe(held.length);
    const overWs = await WsDevice.connect(info.server.wsUrl!, { origin: ALLOWED_ORIGIN, localAddress: address });
    const overTcp = await RawClient.connect(info.server.tcpPort, info.server.host, address);
    devices.push(overWs, overTcp);
    for (const refused of [overWs, overTcp]) {
      expect((await refused.next('error')).error.code).toBe(ErrorCodes.TOO_MANY_CONNECTIONS);
      await refused.closedByServer();
    }
    expect(await serverMetric('cim_server_refused_connections_total{limit="per-ip"}')).toBe(2);
    expect(await serverMetric('cim_server_connections_by_transport{transport="ws"}')).toBe(2);
    expect(await serverMetric('cim_server_connections_by_transport{transport="tcp"}')).toBe(1);

    // A WebSocket dropped without a closing handshake frees its place.
    (held[1] as WsDevice).drop();
    await waitFor(
      async () => {
        const retry = await WsDevice.connect(info.server.wsUrl!, { origin: ALLOWED_ORIGIN, localAddress: address });
        devices.push(retry);
        retry.send({ requestId: 1, login: { token: info.token, cursor: '0' } });
        const answer = await waitFor(() => retry.frames[0] ?? (retry.closed ? {} : undefined));
        return 'loginOk' in answer;
      },
      { message: 'a connection from the address to be admitted again' },
    );
  });

  it('keeps the session of a WebSocket device that dropped: it logs in again with its token and gets what it missed', async () => {
    const info = await login('dropping-browser', 'ws');
    const first = await wsDevice(info);
    first.drop();
    const sender = await login('sender-to-dropped', 'tcp');
    const sent = await routeHttp(cluster.routeUrl, 'POST', '/api/v1/messages', sender.token, {
      to: { userId: info.userId },
      body: 'while you were away',
      clientMsgId: 'away-1',
    });
    expect(sent.status).toBe(200);
    const again = await wsDevice(info);
    again.keepAlive(HEARTBEAT_MS / 3);
    const missed = await waitFor(() => again.delivers().find((d) => d.message.body === 'while you were away'), {
      message: 'the message sent while the device was away',
    });
    expect(missed.message.fromUserName).toBe('sender-to-dropped');
  });

  it('sends Redirect over WebSocket when the server drains (SIGTERM), then closes; a WebSocket login then gets 503 CIM_ERR_NO_SERVER', async () => {
    const browser = await wsDevice(await login('drained-browser', 'ws'));
    browser.keepAlive(HEARTBEAT_MS / 3);
    const stopped = wsServer.stop('SIGTERM');
    expect((await browser.next('redirect', 10_000)).redirect.reason).toMatch(/shutting down/);
    await browser.closedByServer();
    await stopped;

    // No server offers WebSocket any more: such a login is refused as when no server is up at all.
    const password = 'password-late-browser';
    await routeHttp(cluster.routeUrl, 'POST', '/api/v1/accounts', undefined, { userName: 'late-browser', password });
    const refused = await waitFor(
      async () => {
        const answer = await routeHttp(cluster.routeUrl, 'POST', '/api/v1/sessions', undefined, {
          userName: 'late-browser',
          password,
          transport: 'ws',
        });
        return answer.status === 503 ? answer : undefined;
      },
      { message: 'a WebSocket login to be refused once the only WebSocket server is gone' },
    );
    expect(refused.body).toMatchObject({ code: ErrorCodes.NO_SERVER, message: expect.stringContaining('WebSocket') });
    expect((await login('late-tcp-device', 'tcp')).server.wsUrl).toBeUndefined();
  });
});
