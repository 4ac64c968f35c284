import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeFrame, encodeFrameBody, ErrorCodes, type Frame, type LoginAnswer } from '@cim/common/client';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { CimClient, type SessionInfo } from '../index.js';
import type { WebSocketConstructor } from './websocket-transport.js';

/*
 * Session resume with a stored token, and the WebSocket transport, against stand-ins: a route that
 * answers logins and refreshes as told, and a push server speaking Frames over WebSocket (one binary
 * message per Frame) that accepts any Login.
 */

interface RouteRequest {
  method: string;
  path: string;
  authorization?: string;
  body: unknown;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A push server on WebSocket: answers Login with LoginOk and Ping with Pong; records the tokens it saw. */
async function standInPushServer(): Promise<{
  wsUrl: string;
  tokens: string[];
  frames: Frame[];
  wss: WebSocketServer;
}> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => wss.once('listening', resolve));
  const tokens: string[] = [];
  const frames: Frame[] = [];
  wss.on('connection', (socket) => {
    socket.on('message', (data: Buffer, isBinary) => {
      expect(isBinary).toBe(true);
      const frame = decodeFrame(new Uint8Array(data));
      frames.push(frame);
      const answer = (reply: Frame) => socket.send(encodeFrameBody(reply));
      if ('login' in frame) {
        tokens.push(frame.login.token);
        answer({ loginOk: { userId: '7', userName: 'alice', sessionId: 's', serverId: 'ws-1', heartbeatMs: 30_000 } });
      } else if ('ping' in frame) answer({ pong: {} });
    });
  });
  closers.push(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise((resolve) => wss.close(resolve));
  });
  return { wsUrl: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`, tokens, frames, wss };
}

/** A route: logins and refreshes answered by `sessions`, an empty sync stream, everything else 200. */
async function standInRoute(
  sessions: (req: RouteRequest) => { status: number; body: unknown },
): Promise<{ url: string; requests: RouteRequest[] }> {
  const requests: RouteRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request = {
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0],
        authorization: req.headers.authorization,
        body: text ? JSON.parse(text) : undefined,
      };
      requests.push(request);
      const answer = request.path.startsWith('/api/v1/sessions')
        ? sessions(request)
        : request.path === '/api/v1/sync'
          ? { status: 200, body: { messages: [], cursor: '0', hasMore: false } }
          : { status: 200, body: {} };
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

function loginAnswer(token: string, wsUrl: string): LoginAnswer & { server: { wsUrl: string } } {
  return {
    userId: '7',
    userName: 'alice',
    deviceId: 'laptop',
    sessionId: 's',
    token,
    expiresAt: 4_000_000_000_000,
    server: { id: 'ws-1', host: '127.0.0.1', tcpPort: 1, tls: false, wsUrl },
    heartbeatMs: 30_000,
  };
}

const ended = { status: 401, body: { code: ErrorCodes.SESSION_ENDED, message: 'session ended' } };

function newClient(routeUrl: string, options: { token?: string; password?: string }): CimClient {
  const client = new CimClient({
    routeUrl,
    userName: 'alice',
    deviceId: 'laptop',
    transport: 'ws',
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnectMinMs: 20,
    reconnectMaxMs: 50,
    ...options,
  });
  closers.push(() => client.close({ logout: false }));
  return client;
}

describe('a client resuming a stored session token, over WebSocket', () => {
  it('refreshes the token through the route (asking for a WebSocket server), logs in on its wsUrl, and hands out the new token', async () => {
    const push = await standInPushServer();
    const route = await standInRoute((req) =>
      req.path === '/api/v1/sessions/refresh' && req.authorization === 'Bearer stored-token'
        ? { status: 200, body: loginAnswer('fresh-token', push.wsUrl) }
        : ended,
    );
    const client = newClient(route.url, { token: 'stored-token' });
    const announced: SessionInfo[] = [];
    client.on('session', (session) => announced.push(session));

    await client.connect();

    expect(client.state).toBe('online');
    expect(route.requests.filter((r) => r.path.startsWith('/api/v1/sessions'))).toEqual([
      {
        method: 'POST',
        path: '/api/v1/sessions/refresh',
        authorization: 'Bearer stored-token',
        body: { transport: 'ws' },
      },
    ]);
    expect(push.tokens).toEqual(['fresh-token']);
    const session = {
      token: 'fresh-token',
      expiresAt: 4_000_000_000_000,
      userId: '7',
      userName: 'alice',
      deviceId: 'laptop',
    };
    expect(client.session()).toEqual(session);
    expect(announced).toEqual([session]);
    expect(client.info().server).toBe(push.wsUrl);
  });

  it('says sessionEnded (and never tries a login) when the stored session is over and there is no password', async () => {
    const route = await standInRoute(() => ended);
    const client = newClient(route.url, { token: 'stale-token' });
    const endings: Error[] = [];
    client.on('sessionEnded', (err) => endings.push(err));

    await expect(client.connect()).rejects.toMatchObject({ code: ErrorCodes.SESSION_ENDED });

    expect(endings).toHaveLength(1);
    expect(endings[0]).toMatchObject({ code: ErrorCodes.SESSION_ENDED });
    expect(client.state).toBe('closed');
    expect(route.requests.map((r) => r.path)).toEqual(['/api/v1/sessions/refresh']);
  });

  it('logs in with the password when the stored session is over and a password is given', async () => {
    const push = await standInPushServer();
    const route = await standInRoute((req) =>
      req.path === '/api/v1/sessions' ? { status: 200, body: loginAnswer('login-token', push.wsUrl) } : ended,
    );
    const client = newClient(route.url, { token: 'stale-token', password: 'password-1' });
    const endings: Error[] = [];
    client.on('sessionEnded', (err) => endings.push(err));

    await client.connect();

    expect(endings).toEqual([]);
    expect(client.session()?.token).toBe('login-token');
    expect(route.requests.filter((r) => r.path.startsWith('/api/v1/sessions')).map((r) => [r.path, r.body])).toEqual([
      ['/api/v1/sessions/refresh', { transport: 'ws' }],
      ['/api/v1/sessions', { userName: 'alice', password: 'password-1', deviceId: 'laptop', transport: 'ws' }],
    ]);
  });

  it('goes offline and says sessionEnded when the session ends while it was away (no password to log in again)', async () => {
    const push = await standInPushServer();
    let refreshes = 0;
    const route = await standInRoute(() =>
      ++refreshes === 1 ? { status: 200, body: loginAnswer('fresh-token', push.wsUrl) } : ended,
    );
    const client = newClient(route.url, { token: 'stored-token' });
    await client.connect();
    const ending = new Promise<Error>((resolve) => client.once('sessionEnded', resolve));

    for (const socket of push.wss.clients) socket.terminate();

    expect(await ending).toMatchObject({ code: ErrorCodes.SESSION_ENDED });
    expect(client.state).toBe('closed');
  });

  it('keeps the session on close({ logout: false }) (no Logout frame, no DELETE), and ends it on close()', async () => {
    const push = await standInPushServer();
    const route = await standInRoute(() => ({ status: 200, body: loginAnswer('fresh-token', push.wsUrl) }));
    const kept = newClient(route.url, { token: 'stored-token' });
    await kept.connect();
    await kept.close({ logout: false });
    const ended = newClient(route.url, { token: 'stored-token' });
    await ended.connect();
    await ended.close();

    expect(route.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      '/api/v1/sessions/current',
    ]);
    expect(push.frames.filter((f) => 'logout' in f)).toHaveLength(1);
  });

  it('needs a password or a token', () => {
    expect(() => new CimClient({ routeUrl: 'http://127.0.0.1:1', userName: 'alice' })).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_INPUT }),
    );
  });
});
