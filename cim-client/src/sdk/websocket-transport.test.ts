import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { encodeFrameBody, ErrorCodes, type Frame } from '@cim/common/client';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { PushServerAddress } from './transport.js';
import { WebSocketTransport, type WebSocketConstructor } from './websocket-transport.js';

const WebSocketClass = WebSocket as unknown as WebSocketConstructor;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function address(wsUrl: string | undefined): PushServerAddress {
  return { id: 'ws-1', host: '127.0.0.1', tcpPort: 1, tls: false, wsUrl };
}

/** A WebSocket server that records the raw messages it gets; `onConnection` may answer. */
async function wsServer(onConnection: (socket: WebSocket) => void = () => {}) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => wss.once('listening', resolve));
  const received: Buffer[] = [];
  wss.on('connection', (socket) => {
    socket.on('message', (data: Buffer) => received.push(data));
    onConnection(socket);
  });
  cleanups.push(() => wss.close());
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`, received, wss };
}

function closed(transport: WebSocketTransport): Promise<Error | undefined> {
  return new Promise((resolve) => transport.once('close', resolve));
}

describe('WebSocketTransport', () => {
  it('sends each frame as one binary message with no length prefix, and reads frames the same way', async () => {
    const pong: Frame = { requestId: 3, pong: {} };
    // Like a push server, the stand-in speaks only when spoken to.
    const server = await wsServer((socket) => socket.on('message', () => socket.send(encodeFrameBody(pong))));
    const transport = await WebSocketTransport.connect(address(server.url), { timeoutMs: 2_000, WebSocketClass });
    cleanups.push(() => transport.destroy());
    const frames: Frame[] = [];
    transport.on('frame', (f) => frames.push(f));

    const ping: Frame = { requestId: 2, ping: {} };
    transport.send(ping);
    await expect.poll(() => server.received.length).toBe(1);
    expect([...server.received[0]]).toEqual([...encodeFrameBody(ping)]);
    await expect.poll(() => frames).toEqual([pong]);
  });

  it('delivers what the server sent at once, with its close, to listeners added after connect() resolved', async () => {
    // A draining server redirects a new connection and closes it: the upgrade answer, the frame and
    // the close may all come in one read.
    const redirect: Frame = { redirect: { reason: 'draining' } };
    const server = await wsServer((socket) => {
      socket.send(encodeFrameBody(redirect));
      socket.close(1001);
    });
    const transport = await WebSocketTransport.connect(address(server.url), { timeoutMs: 2_000, WebSocketClass });
    const frames: Frame[] = [];
    transport.on('frame', (f) => frames.push(f));
    expect(await closed(transport)).toMatchObject({ code: ErrorCodes.UNAVAILABLE });
    expect(frames).toEqual([redirect]);
  });

  it('ends the connection with CIM_ERR_BAD_FRAME when the server sends text', async () => {
    const server = await wsServer((socket) => socket.on('message', () => socket.send('hello')));
    const transport = await WebSocketTransport.connect(address(server.url), { timeoutMs: 2_000, WebSocketClass });
    const end = closed(transport);
    transport.send({ ping: {} });
    expect(await end).toMatchObject({ code: ErrorCodes.BAD_FRAME });
    expect(transport.isClosed).toBe(true);
  });

  it('says CIM_ERR_UNAVAILABLE when the server closes abruptly, and nothing when this side ends', async () => {
    const server = await wsServer();
    const dropped = await WebSocketTransport.connect(address(server.url), { timeoutMs: 2_000, WebSocketClass });
    const drop = closed(dropped);
    for (const socket of server.wss.clients) socket.terminate();
    expect(await drop).toMatchObject({ code: ErrorCodes.UNAVAILABLE });

    const ended = await WebSocketTransport.connect(address(server.url), { timeoutMs: 2_000, WebSocketClass });
    const end = closed(ended);
    ended.end();
    expect(await end).toBeUndefined();
  });

  it('gives up with CIM_ERR_UNAVAILABLE on a server that takes the TCP connection but never answers the upgrade', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      silent.close();
    });
    const url = `ws://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    await expect(WebSocketTransport.connect(address(url), { timeoutMs: 300, WebSocketClass })).rejects.toMatchObject({
      code: ErrorCodes.UNAVAILABLE,
      message: expect.stringContaining('timed out'),
    });
  });

  it('refuses a server the login answer names no WebSocket URL for', async () => {
    await expect(
      WebSocketTransport.connect(address(undefined), { timeoutMs: 300, WebSocketClass }),
    ).rejects.toMatchObject({ code: ErrorCodes.UNAVAILABLE });
  });
});
