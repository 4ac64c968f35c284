import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeFrame, encodeFrameBody, type Frame, type LoginAnswer } from '@cim/common/client';
import { WebSocketServer } from 'ws';

/*
 * Stand-ins for SDK unit tests: a route that answers logins and refreshes as a test says, and a
 * push server speaking Frames over WebSocket (one binary message per Frame) that accepts any Login.
 */

const closers: (() => Promise<void>)[] = [];

/** Runs `close` at `closeStandIns()` (in reverse order of registration). */
export function onClose(close: () => Promise<void>): void {
  closers.push(close);
}

/** Stops every stand-in (and whatever else was registered with `onClose`); for `afterEach`. */
export async function closeStandIns(): Promise<void> {
  for (const close of closers.splice(0).reverse()) await close();
}

export interface RouteRequest {
  method: string;
  path: string;
  /** The query string, when there is one. */
  query?: URLSearchParams;
  authorization?: string;
  body: unknown;
}

/**
 * A push server on WebSocket: answers each frame with what `answer` returns for it, or by default
 * Login with LoginOk and Ping with Pong; records the tokens it saw.
 */
export async function standInPushServer(answer: (frame: Frame) => Frame[] | undefined = () => undefined): Promise<{
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
      // A push server takes binary messages only.
      if (!isBinary) return socket.close(1003);
      const frame = decodeFrame(new Uint8Array(data));
      frames.push(frame);
      if ('login' in frame) tokens.push(frame.login.token);
      for (const reply of answer(frame) ?? defaultAnswer(frame)) socket.send(encodeFrameBody(reply));
    });
  });
  onClose(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise((resolve) => wss.close(resolve));
  });
  return { wsUrl: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`, tokens, frames, wss };
}

/** What a push server answers to Login and Ping. */
export function defaultAnswer(frame: Frame): Frame[] {
  if ('login' in frame)
    return [{ loginOk: { userId: '7', userName: 'alice', sessionId: 's', serverId: 'ws-1', heartbeatMs: 30_000 } }];
  return 'ping' in frame ? [{ pong: {} }] : [];
}

/**
 * A route: logins and refreshes answered by `sessions`; anything else by `others` when it answers,
 * or else an empty sync stream, and 200 to everything else.
 */
export async function standInRoute(
  sessions: (req: RouteRequest) => { status: number; body: unknown },
  others: (req: RouteRequest) => { status: number; body: unknown } | undefined = () => undefined,
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
        query: req.url?.includes('?') ? new URLSearchParams(req.url.split('?')[1]) : undefined,
        authorization: req.headers.authorization,
        body: text ? JSON.parse(text) : undefined,
      };
      requests.push(request);
      const answer = request.path.startsWith('/api/v1/sessions')
        ? sessions(request)
        : (others(request) ??
          (request.path === '/api/v1/sync'
            ? { status: 200, body: { messages: [], cursor: '0', hasMore: false } }
            : { status: 200, body: {} }));
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onClose(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

export function loginAnswer(token: string, wsUrl: string): LoginAnswer & { server: { wsUrl: string } } {
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
