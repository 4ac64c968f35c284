import { ErrorCodes } from '@cim/common/client';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  closeStandIns,
  onClose,
  loginAnswer,
  standInPushServer,
  standInRoute,
} from '../../../test/support/sdk-stand-ins.js';
import { CimClient, type SessionInfo } from '../index.js';
import type { WebSocketConstructor } from './websocket-transport.js';

/*
 * Session resume with a stored token, and the WebSocket transport, against stand-ins: a route that
 * answers logins and refreshes as told, and a push server speaking Frames over WebSocket (one binary
 * message per Frame) that accepts any Login.
 */

afterEach(closeStandIns);

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
  onClose(() => client.close({ logout: false }));
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
    const loggedOut = newClient(route.url, { token: 'stored-token' });
    await loggedOut.connect();
    await loggedOut.close();

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
