import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCluster } from '@cim/cli';
import type { LoginInfo } from '@cim/client';
import { ErrorCodes } from '@cim/common';
import { silentLogger } from '@cim/common/server';
import { freePort } from '../../devkit/free-port.js';
import { ManagedProcess } from '../../devkit/managed-process.js';
import { routeHttp } from '../support/route-http.js';
import { WsDevice } from '../support/ws-device.js';
import { CIM_BIN, cleanEnv, REPO_ROOT, requireBuiltCli } from './cim-cli.js';

const PAGE = 'https://chat.example.com';

/*
 * `cim up` as a browser meets it: a WebSocket listener on by default, whose URL it prints and the
 * route's login names, and CORS on the public API for the origins given with --cors-origin.
 */
describe('cim up for browsers', { timeout: 60_000 }, () => {
  let up: ManagedProcess;
  const output: string[] = [];
  let routeUrl: string;
  let wsPort: number;

  beforeAll(async () => {
    requireBuiltCli();
    const routePort = await freePort();
    wsPort = await freePort();
    routeUrl = `http://127.0.0.1:${routePort}`;
    up = new ManagedProcess({
      name: 'cim up',
      command: process.execPath,
      args: [CIM_BIN, 'up', '--port', String(routePort), '--tcp-port', String(await freePort()), '--cors-origin', PAGE],
      cwd: REPO_ROOT,
      env: cleanEnv({ CIM_WS_PORT: String(wsPort) }),
      onLine: (line) => output.push(line),
      isReady: async () => output.some((line) => line.startsWith('CIM-TS is up.')),
    });
    await up.start();
  });

  afterAll(async () => {
    await up?.stop();
  });

  it('prints the WebSocket URL and names it in a login that asks for WebSocket', async () => {
    expect(output).toContainEqual(`  websockets   ws://127.0.0.1:${wsPort}/`);
    await routeHttp(routeUrl, 'POST', '/api/v1/accounts', undefined, { userName: 'pat', password: 'password-pat' });
    const login = await routeHttp(routeUrl, 'POST', '/api/v1/sessions', undefined, {
      userName: 'pat',
      password: 'password-pat',
      transport: 'ws',
    });
    const info = login.body as LoginInfo;
    expect(info.server.wsUrl).toBe(`ws://127.0.0.1:${wsPort}/`);
    const browser = await WsDevice.loginWith(info, { origin: PAGE });
    try {
      expect((await browser.next('loginOk')).loginOk.userName).toBe('pat');
    } finally {
      browser.close();
    }
  });

  it('answers a preflight from a listed origin, and lets the page read answers and Retry-After', async () => {
    const preflight = await fetch(`${routeUrl}/api/v1/sessions`, {
      method: 'OPTIONS',
      headers: {
        origin: PAGE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');

    const health = await fetch(`${routeUrl}/healthz`, { headers: { origin: PAGE } });
    expect(health.headers.get('access-control-allow-origin')).toBe(PAGE);
    const refused = await fetch(`${routeUrl}/api/v1/users`, { headers: { origin: PAGE } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(refused.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('gives another origin no CORS headers and refuses its preflight with a coded 403; the internal API gets none', async () => {
    const preflight = await fetch(`${routeUrl}/api/v1/sessions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(await preflight.json()).toMatchObject({ code: ErrorCodes.FORBIDDEN });

    const answer = await fetch(`${routeUrl}/healthz`, { headers: { origin: 'https://evil.example' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();

    for (const path of ['/internal/v1/events', '/metrics']) {
      const internal = await fetch(`${routeUrl}${path}`, {
        method: 'OPTIONS',
        headers: { origin: PAGE, 'access-control-request-method': 'POST' },
      });
      expect(internal.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });
});

describe('a route without --cors-origin', () => {
  it('sends no CORS headers, and has no preflight answer', async () => {
    const cluster = await startLocalCluster({ servers: 1, routePort: 0, tcpPort: 0, logger: silentLogger });
    try {
      const answer = await fetch(`${cluster.routeUrl}/healthz`, { headers: { origin: PAGE } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${cluster.routeUrl}/api/v1/sessions`, {
        method: 'OPTIONS',
        headers: { origin: PAGE, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    } finally {
      await cluster.stop();
    }
  });
});
