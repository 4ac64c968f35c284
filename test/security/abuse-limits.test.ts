import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import type { RouteConfig } from '@cim/route';
import { askTcp, backends, uniquePrefix } from '../harness/index.js';
import { startTestCluster } from '../support/test-cluster.js';

/** Small limits, so a test reaches each one in a few requests. */
const limits: Partial<RouteConfig> = {
  loginsPerIpPerMinute: 6,
  loginFailuresPerAccount: 4,
  registrationsPerIpPerHour: 3,
  groupsPerUserPerHour: 3,
  sendRatePerSec: 1,
  sendBurst: 4,
};

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { code?: string; message?: string; token?: string; userId?: string; userName?: string };
}

/**
 * Two routes on one Redis, as behind a load balancer: every limit must hold for both together.
 * They trust the loopback proxy, so each test plays clients of its own addresses through
 * X-Forwarded-For; a third route on the same Redis trusts no proxy.
 */
describe('abuse limits are shared by every route on the store', () => {
  const secret = randomBytes(32).toString('base64url');
  const prefix = `${uniquePrefix('abuse-limits')}:`;
  let routes: LocalCluster[] = [];
  let untrusting: LocalCluster;
  let nextAddress = 0;
  let nextUser = 0;

  const start = (route: Partial<RouteConfig>) =>
    startTestCluster({
      redisUrl: backends().redisUrl,
      redisPrefix: prefix,
      secret,
      route: { ...limits, ...route },
    });

  beforeAll(async () => {
    routes = await Promise.all([start({ trustProxy: 'loopback' }), start({ trustProxy: 'loopback' })]);
    untrusting = await start({});
  });

  afterAll(async () => {
    await Promise.all([...routes, untrusting].filter(Boolean).map((cluster) => cluster.stop()));
  });

  /** A client address no other test uses. */
  const address = () => `203.0.113.${++nextAddress}`;

  async function call(
    routeUrl: string,
    method: string,
    path: string,
    options: { body?: unknown; from?: string; token?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.from) headers['x-forwarded-for'] = options.from;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await fetch(`${routeUrl}/api/v1${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: text ? JSON.parse(text) : {} };
  }

  /** Route 1, 2, 1, 2, …: what a load balancer does to one client's requests. */
  const routeFor = (i: number) => routes[i % 2].routeUrl;

  const register = (i: number, userName: string, password: string, from = address()) =>
    call(routeFor(i), 'POST', '/accounts', { body: { userName, password }, from });
  const login = (i: number, userName: string, password: string, from = address()) =>
    call(routeFor(i), 'POST', '/sessions', { body: { userName, password, deviceId: 'd' }, from });

  async function newUser(): Promise<{ userName: string; password: string; userId: string; token: string }> {
    const userName = `user${++nextUser}`;
    const password = `password-${userName}`;
    const registered = await register(0, userName, password);
    expect(registered.status).toBe(201);
    const session = await login(1, userName, password);
    expect(session.status).toBe(200);
    return { userName, password, userId: registered.body.userId!, token: session.body.token! };
  }

  function expectRateLimited(answer: Answer, maxSeconds: number): void {
    expect(answer.status).toBe(429);
    expect(answer.body).toEqual({ code: 'CIM_ERR_RATE_LIMITED', message: expect.any(String) });
    expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(answer.retryAfter)).toBeLessThanOrEqual(maxSeconds);
  }

  it('refuses password logins from one address beyond its limit on both routes, with 429 and Retry-After', async () => {
    const user = await newUser();
    const from = address();
    for (let i = 0; i < 6; i++) expect((await login(i, user.userName, user.password, from)).status).toBe(200);
    // Six a minute: the seventh waits for the next token, ten seconds away.
    expectRateLimited(await login(6, user.userName, user.password, from), 10);
    expectRateLimited(await login(7, user.userName, 'wrong-password', from), 10);
    expect((await login(8, user.userName, user.password, address())).status).toBe(200);
  });

  it('locks an account after failed logins on both routes, whatever the address, and no other account', async () => {
    const victim = await newUser();
    const other = await newUser();
    // Correct passwords do not count toward the lock.
    for (let i = 0; i < 5; i++) expect((await login(i, victim.userName, victim.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      const wrong = await login(i, victim.userName.toUpperCase(), `wrong-password-${i}`);
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('CIM_ERR_BAD_CREDENTIALS');
    }
    // Four per 15 minutes: the next attempt, even with the right password, waits for a token.
    expectRateLimited(await login(4, victim.userName, victim.password), 15 * 60);
    expectRateLimited(await login(5, victim.userName, 'wrong-password'), 15 * 60);
    expect((await login(6, other.userName, other.password)).status).toBe(200);
  });

  it('refuses registrations from one address beyond its limit on both routes', async () => {
    const from = address();
    for (let i = 0; i < 3; i++) expect((await register(i, `reg${nextUser}x${i}`, 'password-1', from)).status).toBe(201);
    expectRateLimited(await register(3, `reg${nextUser}x3`, 'password-1', from), 60 * 60);
    expect((await register(4, `reg${nextUser}x4`, 'password-1')).status).toBe(201);
  });

  it('refuses group creation beyond the per-user limit on both routes', async () => {
    const owner = await newUser();
    const other = await newUser();
    const create = (i: number, token: string) =>
      call(routeFor(i), 'POST', '/groups', { body: { name: `g${i}` }, token });
    for (let i = 0; i < 3; i++) expect((await create(i, owner.token)).status).toBe(201);
    expectRateLimited(await create(3, owner.token), 60 * 60);
    expect((await create(4, other.token)).status).toBe(201);
  });

  it('limits sends per user for both routes together, not per route', async () => {
    const alice = await newUser();
    const bob = await newUser();
    const send = (i: number) =>
      call(routeFor(i), 'POST', '/messages', {
        body: { to: { userId: bob.userId }, body: `m${i}`, clientMsgId: `c${i}` },
        token: alice.token,
      });
    for (let i = 0; i < 4; i++) expect((await send(i)).status).toBe(200);
    expectRateLimited(await send(4), 1);
    expectRateLimited(await send(5), 1);
  });

  it('refuses a password shorter than 8 characters, naming the rule', async () => {
    const refused = await register(0, `short${++nextUser}`, 'pass-12');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      code: 'CIM_ERR_INVALID_INPUT',
      message: expect.stringContaining('at least 8 characters'),
    });
    expect((await register(1, `short${nextUser}`, 'pass-123')).status).toBe(201);
  });

  it('takes names differing only in case as one: the second is a conflict, login in any case shows the registered spelling', async () => {
    const name = `Mixed${++nextUser}`;
    expect((await register(0, name, 'password-1')).status).toBe(201);
    for (const [i, variant] of [name.toLowerCase(), name.toUpperCase()].entries()) {
      const conflict = await register(i + 1, variant, 'password-2');
      expect(conflict.status).toBe(409);
      expect(conflict.body.code).toBe('CIM_ERR_USER_EXISTS');
    }
    const session = await login(1, name.toLowerCase(), 'password-1');
    expect(session.status).toBe(200);
    expect(session.body.userName).toBe(name);
    const found = await call(routeFor(0), 'GET', `/users/${name.toUpperCase()}`, { token: session.body.token });
    expect(found.body.userName).toBe(name);
  });

  it('counts the connection address when no proxy is trusted, whatever X-Forwarded-For says', async () => {
    const user = await newUser();
    const forged = () =>
      call(untrusting.routeUrl, 'POST', '/sessions', {
        body: { userName: user.userName, password: user.password, deviceId: 'd' },
        from: address(),
      });
    for (let i = 0; i < 6; i++) expect((await forged()).status).toBe(200);
    expectRateLimited(await forged(), 10);
  });
});

describe("Node's own refusals carry the API's coded JSON", () => {
  let cluster: LocalCluster;
  let port: number;

  beforeAll(async () => {
    cluster = await startTestCluster({
      route: { requestTimeoutMs: 500 },
    });
    port = Number(new URL(cluster.routeUrl).port);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  function parseAnswer(raw: string): { status: number; contentType: string | undefined; body: unknown } {
    const [head, body] = raw.split('\r\n\r\n');
    const [statusLine, ...headers] = head.split('\r\n');
    const contentType = headers
      .find((h) => h.toLowerCase().startsWith('content-type:'))
      ?.slice(13)
      .trim();
    return { status: Number(statusLine.split(' ')[1]), contentType, body: JSON.parse(body) };
  }

  it('answers headers larger than Node allows with 431 and CIM_ERR_INVALID_INPUT', async () => {
    const raw = await askTcp(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 5000);
    expect(parseAnswer(raw)).toEqual({
      status: 431,
      contentType: 'application/json; charset=utf-8',
      body: { code: 'CIM_ERR_INVALID_INPUT', message: 'request headers are too large' },
    });
  });

  it('answers a malformed request with 400 and CIM_ERR_INVALID_INPUT', async () => {
    const raw = await askTcp(port, 'THIS IS NOT HTTP\r\n\r\n', 5000);
    expect(parseAnswer(raw)).toMatchObject({
      status: 400,
      body: { code: 'CIM_ERR_INVALID_INPUT', message: 'malformed HTTP request' },
    });
  });

  it('answers an HTTP/1.1 request without a Host header with 400 and CIM_ERR_INVALID_INPUT', async () => {
    const raw = await askTcp(port, 'GET /healthz HTTP/1.1\r\n\r\n', 5000);
    expect(parseAnswer(raw)).toMatchObject({
      status: 400,
      body: { code: 'CIM_ERR_INVALID_INPUT', message: 'an HTTP/1.1 request needs a Host header' },
    });
  });

  it("answers a malformed request to a push server's internal API with the same coded JSON", async () => {
    const raw = await askTcp(cluster.servers[0].httpAddress.port, 'THIS IS NOT HTTP\r\n\r\n', 5000);
    expect(parseAnswer(raw)).toMatchObject({
      status: 400,
      body: { code: 'CIM_ERR_INVALID_INPUT', message: 'malformed HTTP request' },
    });
  });

  it('answers a request not sent in time with 408 and CIM_ERR_TIMEOUT', async () => {
    const raw = await askTcp(port, 'POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\n', 10_000);
    expect(parseAnswer(raw)).toMatchObject({
      status: 408,
      body: { code: 'CIM_ERR_TIMEOUT', message: 'the request was not received in time' },
    });
  });
});
