import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import { RouteApi } from '@cim/client';
import { askTcp } from '../harness/index.js';
import { startTestCluster } from '../support/test-cluster.js';

const ORIGIN = 'https://chat.example';

/**
 * `POST /api/v1/messages`, spelled as clients spell it, runs its handlers without Express; any other
 * spelling (here with a trailing slash) goes through the Express app. Both must answer alike.
 */
const PATHS = { direct: '/api/v1/messages', express: '/api/v1/messages/' } as const;

interface Answer {
  status: number;
  json: unknown;
  contentType: string | null;
  requestId: string | null;
  retryAfter: string | null;
  allowOrigin: string | null;
  vary: string | null;
}

describe('the send route answers alike whether or not it goes through Express', () => {
  let cluster: LocalCluster;
  let nextUser = 0;

  beforeAll(async () => {
    cluster = await startTestCluster({
      route: { corsOrigins: [ORIGIN], sendRatePerSec: 1, sendBurst: 3, maxHttpBodyBytes: 1024 },
    });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  /** A new user with a session: its token and user id. */
  async function user(): Promise<{ token: string; userId: string }> {
    const api = new RouteApi(cluster.routeUrl);
    const name = `sender-${++nextUser}`;
    const { userId } = await api.register(name, 'password-1');
    return { token: (await api.login(name, 'password-1', 'laptop')).token, userId };
  }

  async function post(
    path: string,
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ): Promise<Answer> {
    const res = await fetch(`${cluster.routeUrl}${path}`, { method: 'POST', headers, body });
    const text = await res.text();
    return {
      status: res.status,
      json: text ? (JSON.parse(text) as unknown) : undefined,
      contentType: res.headers.get('content-type'),
      requestId: res.headers.get('x-request-id'),
      retryAfter: res.headers.get('retry-after'),
      allowOrigin: res.headers.get('access-control-allow-origin'),
      vary: res.headers.get('vary'),
    };
  }

  /** The same request on both paths: both answers, the request id left out (each has its own). */
  async function both(body: string, headers?: Record<string, string>) {
    const answers = [await post(PATHS.direct, body, headers), await post(PATHS.express, body, headers)];
    for (const answer of answers) expect(answer.requestId).toMatch(/.+/);
    const [direct, viaExpress] = answers.map(({ requestId: _, ...rest }) => rest);
    return { direct, viaExpress };
  }

  it('refuses bad requests with the same coded errors', async () => {
    const { token, userId } = await user();
    const json = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...extra });
    const auth = { authorization: `Bearer ${token}` };
    const message = JSON.stringify({ to: { userId }, body: 'hello' });
    const cases: { body: string; headers: Record<string, string>; status: number; code: string }[] = [
      { body: message, headers: json(), status: 401, code: 'CIM_ERR_UNAUTHORIZED' },
      {
        body: message,
        headers: json({ authorization: 'Bearer not-a-token' }),
        status: 401,
        code: 'CIM_ERR_BAD_TOKEN',
      },
      { body: '{"to":', headers: json(auth), status: 400, code: 'CIM_ERR_INVALID_INPUT' },
      {
        body: JSON.stringify({ to: { userId }, body: 'x'.repeat(2000) }),
        headers: json(auth),
        status: 413,
        code: 'CIM_ERR_BODY_TOO_LARGE',
      },
      {
        body: JSON.stringify({ to: { userId }, body: '' }),
        headers: json(auth),
        status: 400,
        code: 'CIM_ERR_INVALID_INPUT',
      },
      {
        body: JSON.stringify({ to: { userId: 'x' }, body: 'hi' }),
        headers: json(auth),
        status: 400,
        code: 'CIM_ERR_INVALID_INPUT',
      },
      { body: message, headers: { 'content-type': 'text/plain', ...auth }, status: 400, code: 'CIM_ERR_INVALID_INPUT' },
    ];
    for (const { body, headers, status, code } of cases) {
      const { direct, viaExpress } = await both(body, headers);
      expect(direct, `${code}: ${body.slice(0, 40)}`).toMatchObject({
        status,
        json: { code },
        contentType: 'application/json; charset=utf-8',
      });
      expect(viaExpress).toEqual(direct);
    }
  });

  it('stores a retried send once, whichever way each try arrives', async () => {
    const { token, userId } = await user();
    const body = JSON.stringify({ to: { userId }, body: 'once', clientMsgId: 'retried' });
    const { direct, viaExpress } = await both(body, {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    });
    expect(direct).toMatchObject({ status: 200, json: { seq: '1', clientMsgId: 'retried' } });
    expect(viaExpress).toEqual(direct);
  });

  it("counts both ways against one sender's rate limit, and lets a listed browser origin read the answers", async () => {
    const { token, userId } = await user();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: ORIGIN };
    const send = (path: string, n: number) =>
      post(path, JSON.stringify({ to: { userId }, body: `m${n}`, clientMsgId: `m${n}` }), headers);
    // A burst of 3: two one way, one the other, then each way is refused.
    const accepted = [await send(PATHS.direct, 1), await send(PATHS.express, 2), await send(PATHS.direct, 3)];
    const refused = [await send(PATHS.direct, 4), await send(PATHS.express, 5)];
    for (const answer of accepted)
      expect(answer).toMatchObject({ status: 200, allowOrigin: ORIGIN, vary: 'Origin', retryAfter: null });
    for (const answer of refused)
      expect(answer).toMatchObject({
        status: 429,
        json: { code: 'CIM_ERR_RATE_LIMITED' },
        allowOrigin: ORIGIN,
        vary: 'Origin',
        retryAfter: expect.stringMatching(/^\d+$/),
      });
  });

  it('refuses an HTTP/1.1 send without a Host header', async () => {
    const port = Number(new URL(cluster.routeUrl).port);
    for (const path of Object.values(PATHS)) {
      const raw = await askTcp(
        port,
        `POST ${path} HTTP/1.1\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
        5000,
      );
      expect(raw, path).toMatch(/^HTTP\/1\.1 400 /);
      expect(raw, path).toContain('"code":"CIM_ERR_INVALID_INPUT","message":"an HTTP/1.1 request needs a Host header"');
    }
  });
});
