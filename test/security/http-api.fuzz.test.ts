import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import { RouteApi } from '@cim/client';
import { INTERNAL_EVENTS_PATH, signToken, type TokenClaims } from '@cim/common';
import { backends, uniquePrefix } from '../harness/index.js';
import { Prng } from './prng.js';
import { startTestCluster } from '../support/test-cluster.js';

const secret = 'http-fuzz-secret-0123456789abcdef';

interface Answer {
  status: number;
  body: unknown;
  text: string;
}

type Method = 'GET' | 'POST' | 'DELETE';

/**
 * Every endpoint of the public API (cim-route/src/http/public-api.ts), with a valid body where it
 * takes one. `:x` segments are path parameters.
 */
interface Endpoint {
  method: Method;
  path: string;
  auth: boolean;
  body?: () => Record<string, unknown>;
  query?: () => Record<string, string>;
}

/** A random JSON value of any shape: what a confused or hostile client might put anywhere. */
function randomJson(rng: Prng, depth = 0): unknown {
  const leaves: (() => unknown)[] = [
    () => null,
    () => rng.bool(),
    () => rng.pick([0, -1, 1, 1.5, -0.5, 2 ** 53, 2 ** 64, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2]),
    () => rng.int(-1000, 1000),
    () => '',
    () => rng.string(rng.int(1, 40)),
    () => rng.decimal(rng.pick([3, 19, 20, 25])),
    () => rng.pick(['__proto__', 'constructor', 'toString', '0', '-1', 'true', 'null', '1e3', ' 1', '0x10', 'NaN']),
    () => 'x'.repeat(rng.pick([33, 257, 4097, 20_000])),
  ];
  if (depth >= 3 || rng.bool(0.7)) return rng.pick(leaves)();
  if (rng.bool()) return Array.from({ length: rng.int(0, 4) }, () => randomJson(rng, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = rng.int(0, 4); i > 0; i--)
    obj[rng.pick(['userId', 'groupId', 'broadcast', 'to', 'body', 'seq', 'a', '__proto__', rng.string(5)])] =
      randomJson(rng, depth + 1);
  return obj;
}

/** A valid body with one or more fields dropped, replaced by random values, or extra fields added; or no object at all. */
function mutateBody(rng: Prng, valid: Record<string, unknown>): unknown {
  const choice = rng.int(0, 9);
  if (choice === 0) return randomJson(rng);
  if (choice === 1) return rng.pick([[], [valid], 'a string', 42, null, true]);
  const body: Record<string, unknown> = structuredClone(valid);
  const keys = Object.keys(body);
  for (let m = rng.int(1, 3); m > 0; m--) {
    const key = rng.pick(keys.length ? keys : ['x']);
    const op = rng.int(0, 3);
    if (op === 0) delete body[key];
    else if (op === 1) body[key] = randomJson(rng);
    else if (op === 2) body[rng.pick(['extra', 'password', 'userId', '__proto__', rng.string(4)])] = randomJson(rng);
    else if (typeof body[key] === 'object' && body[key] !== null)
      body[key] = { ...(body[key] as object), [rng.string(3)]: randomJson(rng) };
  }
  return body;
}

function randomPathSegment(rng: Prng): string {
  return rng.pick([
    () => encodeURIComponent(rng.string(rng.int(1, 30))),
    () => rng.decimal(rng.pick([1, 19, 20, 30])),
    () => '0',
    () => '-1',
    () => '1.5',
    () => 'p%3A1%3A2',
    () => 'g%3A1',
    () => 'p%3A1%3A99999999999999999999',
    () => '%E0%A4%A', // malformed percent-encoding
    () => '%',
    () => '%00',
    () => '..%2F..%2Fadmin',
    () => 'x'.repeat(5_000),
  ])();
}

function randomQuery(rng: Prng, valid: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(valid)) if (rng.bool(0.6)) params.append(k, v);
  for (let i = rng.int(0, 3); i > 0; i--) {
    const key = rng.pick([...Object.keys(valid), 'limit', 'cursor', 'after', rng.string(3)]);
    params.append(
      key,
      String(
        rng.pick([
          rng.string(rng.int(0, 20)),
          '-5',
          '0',
          '1e9',
          '99999999999999999999999',
          'NaN',
          '1.5',
          '',
          String(rng.int(0, 2000)),
        ]),
      ),
    );
  }
  return params.toString();
}

describe('fuzzing the route HTTP API: every endpoint answers bad input with a coded 4xx, never a 500', () => {
  let cluster: LocalCluster;
  let base: string;
  let token: string;
  let userId: string;
  let otherId: string;
  let groupId: string;
  let conversationId: string;
  let msgId: string;
  const served: Answer[] = [];

  async function request(
    method: Method,
    path: string,
    options: { token?: string; body?: string; contentType?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers.authorization = options.token;
    if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Checked below: every error must be JSON.
    }
    const answer = { status: res.status, body, text };
    served.push(answer);
    return answer;
  }

  /** The contract for anything a client may send: no 5xx, and every error is `{code, message}`. */
  function expectWellFormed(answer: Answer, what: string): void {
    expect(answer.status, `${what} → ${answer.status} ${answer.text.slice(0, 300)}`).toBeLessThan(500);
    if (answer.status >= 400) {
      expect(answer.body, `${what} → ${answer.text.slice(0, 300)}`).toEqual({
        code: expect.stringMatching(/^CIM_ERR_[A-Z_]+$/),
        message: expect.any(String),
      });
    }
  }

  const endpoints: Endpoint[] = [
    {
      method: 'POST',
      path: '/accounts',
      auth: false,
      body: () => ({ userName: `fz${Math.random().toString(36).slice(2, 10)}`, password: 'password' }),
    },
    {
      method: 'POST',
      path: '/sessions',
      auth: false,
      body: () => ({ userName: 'fuzzer', password: 'password-fuzzer', deviceId: 'd1' }),
    },
    { method: 'GET', path: '/users/online', auth: true, query: () => ({ cursor: '0', limit: '10' }) },
    { method: 'GET', path: '/users', auth: true, query: () => ({ prefix: 'fu', limit: '5' }) },
    { method: 'GET', path: '/users/:name', auth: true },
    {
      method: 'POST',
      path: '/messages',
      auth: true,
      body: () => ({ to: { userId: otherId }, body: 'hi', clientMsgId: 'c1' }),
    },
    { method: 'POST', path: '/messages/:msgId/recall', auth: true },
    { method: 'GET', path: '/conversations', auth: true, query: () => ({ limit: '10' }) },
    {
      method: 'GET',
      path: '/conversations/:id/messages',
      auth: true,
      query: () => ({ beforeSeq: '5', limit: '10', q: 'hi' }),
    },
    { method: 'POST', path: '/conversations/:id/read', auth: true, body: () => ({ seq: '1' }) },
    { method: 'POST', path: '/groups', auth: true, body: () => ({ name: 'g', memberIds: [otherId], public: true }) },
    { method: 'GET', path: '/groups', auth: true },
    { method: 'GET', path: '/groups/public', auth: true, query: () => ({ after: '1', limit: '10' }) },
    { method: 'GET', path: '/groups/:id', auth: true },
    { method: 'POST', path: '/groups/:id/members', auth: true, body: () => ({ userIds: [otherId] }) },
    { method: 'DELETE', path: '/groups/:id/members/:userId', auth: true },
    { method: 'DELETE', path: '/groups/:id', auth: true },
    { method: 'GET', path: '/sync', auth: true, query: () => ({ after: '0', limit: '10' }) },
    // Last: it ends the fuzzer's session.
    { method: 'DELETE', path: '/sessions/current', auth: true },
  ];

  /** The endpoint's path with its parameters filled in: real ids most of the time, random ones otherwise. */
  function fillPath(rng: Prng, path: string, realOnly = false): string {
    const real: Record<string, () => string> = {
      ':name': () => 'fuzzer',
      ':msgId': () => msgId,
      ':id': () => (path.startsWith('/groups') ? groupId : encodeURIComponent(conversationId)),
      ':userId': () => otherId,
    };
    return path.replace(/:[a-zA-Z]+/g, (param) => (realOnly || rng.bool(0.3) ? real[param]() : randomPathSegment(rng)));
  }

  beforeAll(async () => {
    const prefix = uniquePrefix('http-fuzz');
    cluster = await startTestCluster({
      secret,
      redisUrl: backends().redisUrl,
      redisPrefix: `${prefix}:`,
    });
    base = `${cluster.routeUrl}/api/v1`;
    const api = new RouteApi(cluster.routeUrl);
    userId = (await api.register('fuzzer', 'password-fuzzer')).userId;
    otherId = (await api.register('other', 'password-other')).userId;
    api.token = (await api.login('fuzzer', 'password-fuzzer', 'fuzz')).token;
    token = `Bearer ${api.token}`;
    const sent = await api.send({ userId: otherId }, 'hello', 'seed');
    conversationId = sent.conversationId;
    msgId = sent.msgId;
    groupId = (await api.createGroup('seed', [otherId])).groupId;
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('answers random bodies, path parameters and queries on every endpoint with 2xx or a coded 4xx', async () => {
    const rng = new Prng(0xf022);
    for (const endpoint of endpoints.slice(0, -1)) {
      for (let i = 0; i < 30; i++) {
        const path = fillPath(rng, endpoint.path) + (endpoint.query ? `?${randomQuery(rng, endpoint.query())}` : '');
        const body = endpoint.body
          ? JSON.stringify(rng.bool(0.9) ? mutateBody(rng, endpoint.body()) : endpoint.body())
          : undefined;
        const answer = await request(endpoint.method, path, { token, body });
        expectWellFormed(answer, `${endpoint.method} ${path} ${body?.slice(0, 200) ?? ''}`);
      }
    }
  });

  it('refuses bad JSON and non-JSON bodies with 400 CIM_ERR_INVALID_INPUT', async () => {
    const rng = new Prng(0x150);
    const broken = [
      '{',
      '{"to":',
      '{"body": "x",}',
      "{'a': 1}",
      '[1, 2',
      'nul',
      '"unterminated',
      '{"a": 1} trailing',
      '\u0000',
      '{"a": 01}',
    ];
    for (const endpoint of endpoints.filter((e) => e.body)) {
      for (const text of broken) {
        const answer = await request(endpoint.method, fillPath(rng, endpoint.path), { token, body: text });
        expectWellFormed(answer, `${endpoint.method} ${endpoint.path} with ${JSON.stringify(text)}`);
        expect(answer.status).toBe(400);
      }
      // Not JSON at all: the body parser leaves it alone and validation refuses the missing fields.
      const plain = await request(endpoint.method, fillPath(rng, endpoint.path), {
        token,
        body: 'userName=a&password=b',
        contentType: 'text/plain',
      });
      expectWellFormed(plain, `${endpoint.method} ${endpoint.path} as text/plain`);
    }
    const answer = await request('POST', '/messages', { token, body: '{' });
    expect(answer.body).toEqual({ code: 'CIM_ERR_INVALID_INPUT', message: expect.any(String) });
  });

  it('refuses a body over the limit with 413 CIM_ERR_BODY_TOO_LARGE on every endpoint that takes one', async () => {
    const huge = JSON.stringify({
      userName: 'a',
      password: 'b',
      to: { userId: '1' },
      body: 'x'.repeat(70 * 1024),
      seq: '1',
      name: 'g',
    });
    for (const endpoint of endpoints.filter((e) => e.body)) {
      const answer = await request(endpoint.method, endpoint.path.replace(/:[a-zA-Z]+/g, '1'), { token, body: huge });
      expect(answer.status, endpoint.path).toBe(413);
      expect(answer.body).toEqual({ code: 'CIM_ERR_BODY_TOO_LARGE', message: expect.any(String) });
    }
    // A deeply nested body within the size limit is just invalid input.
    const nested = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    expectWellFormed(await request('POST', '/messages', { token, body: nested }), 'deeply nested JSON');
  });

  it('refuses missing, malformed, forged, tampered, expired and ended-session tokens with 401 on every authenticated endpoint', async () => {
    const rng = new Prng(0x70c);
    const claims: TokenClaims = {
      uid: userId,
      name: 'fuzzer',
      dev: 'fuzz',
      sid: 'not-a-session',
      exp: Date.now() + 60_000,
    };
    const real = token.slice('Bearer '.length);
    const [payload, signature] = real.split('.');
    const tamperedClaims = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), uid: otherId }),
    ).toString('base64url');
    // A session that has ended: logged in, then replaced by a newer login on the same device.
    const api = new RouteApi(cluster.routeUrl);
    const replaced = (await api.login('other', 'password-other', 'twice')).token;
    await api.login('other', 'password-other', 'twice');
    const badTokens: (string | undefined)[] = [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'Basic ZnV6emVyOnB3',
      `bearer ${real}`,
      'Bearer garbage',
      'Bearer a.b',
      'Bearer .',
      `Bearer ${'x'.repeat(3_000)}.${'y'.repeat(40)}`,
      `Bearer ${signToken(claims, 'a-completely-different-secret')}`,
      `Bearer ${tamperedClaims}.${signature}`,
      `Bearer ${payload}.${signature.slice(0, -2)}`,
      `Bearer ${signToken({ ...claims, sid: JSON.parse(Buffer.from(payload, 'base64url').toString()).sid, exp: Date.now() - 1 }, secret)}`,
      `Bearer ${signToken(claims, secret)}`, // right key, but no such session
      `Bearer ${signToken({ exp: Date.now() + 60_000 } as TokenClaims, secret)}`, // right key, claims missing
      `Bearer ${signToken({ uid: ['1'], dev: { a: 1 }, sid: null, exp: Date.now() + 60_000 } as unknown as TokenClaims, secret)}`,
      `Bearer ${Buffer.from('not json').toString('base64url')}.${signToken(claims, secret).split('.')[1]}`,
      `Bearer ${replaced}`,
    ];
    // A refresh with a good token would end the session the other cases use, so it is only tried with bad ones.
    const refresh: Endpoint = { method: 'POST', path: '/sessions/refresh', auth: true };
    for (const endpoint of [...endpoints.filter((e) => e.auth), refresh]) {
      for (const bad of badTokens) {
        const path =
          fillPath(rng, endpoint.path, true) + (endpoint.query ? `?${new URLSearchParams(endpoint.query())}` : '');
        const answer = await request(endpoint.method, path, {
          token: bad,
          body: endpoint.body ? JSON.stringify(endpoint.body()) : undefined,
        });
        expectWellFormed(answer, `${endpoint.method} ${path} with token ${String(bad).slice(0, 60)}`);
        expect(answer.status, `${endpoint.method} ${path} with token ${String(bad).slice(0, 60)}`).toBe(401);
        expect([
          'CIM_ERR_UNAUTHORIZED',
          'CIM_ERR_BAD_TOKEN',
          'CIM_ERR_TOKEN_EXPIRED',
          'CIM_ERR_SESSION_ENDED',
        ]).toContain((answer.body as { code: string }).code);
      }
    }
  });

  it('refuses bad logins and registrations with coded errors', async () => {
    const rng = new Prng(0x1061);
    expect(
      (await request('POST', '/sessions', { body: JSON.stringify({ userName: 'fuzzer', password: 'wrong' }) })).body,
    ).toMatchObject({ code: 'CIM_ERR_BAD_CREDENTIALS' });
    expect(
      (await request('POST', '/sessions', { body: JSON.stringify({ userName: 'nobody-here', password: 'x' }) })).body,
    ).toMatchObject({ code: 'CIM_ERR_BAD_CREDENTIALS' });
    expect(
      (await request('POST', '/accounts', { body: JSON.stringify({ userName: 'fuzzer', password: 'x' }) })).status,
    ).toBe(409);
    for (let i = 0; i < 60; i++) {
      const body = JSON.stringify({ userName: randomJson(rng), password: randomJson(rng), deviceId: randomJson(rng) });
      expectWellFormed(await request('POST', rng.bool() ? '/sessions' : '/accounts', { body }), body.slice(0, 200));
    }
  });

  it('keeps the internal events API closed without the secret and answers garbage from a holder of the secret without a 500', async () => {
    const rng = new Prng(0x1e7);
    const url = `${cluster.routeUrl}${INTERNAL_EVENTS_PATH}`;
    const post = async (auth: string | undefined, body: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      return { status: res.status, text, body: text ? (JSON.parse(text) as unknown) : undefined };
    };
    const valid = JSON.stringify({
      serverId: 's',
      events: [{ type: 'ack', userId, userName: 'fuzzer', deviceId: 'fuzz', sessionId: 'x', cursor: '1' }],
    });
    for (const auth of [undefined, 'Bearer ', 'Bearer wrong-secret', `Bearer ${secret}x`, secret, `Basic ${secret}`]) {
      const answer = await post(auth, valid);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ code: 'CIM_ERR_UNAUTHORIZED', message: expect.any(String) });
    }
    // Without the secret even a huge body is refused before it is read.
    expect((await post(undefined, JSON.stringify({ events: [], pad: 'x'.repeat(20 * 1024 * 1024) }))).status).toBe(401);

    const types = ['closed', 'logout', 'send', 'ack', 'read', 'connected', 'bogus'];
    for (let i = 0; i < 150; i++) {
      const event = () =>
        rng.bool(0.2)
          ? randomJson(rng)
          : {
              type: rng.pick(types),
              userId: rng.pick([userId, randomJson(rng)]),
              userName: rng.pick(['fuzzer', randomJson(rng)]),
              deviceId: rng.pick(['fuzz', randomJson(rng)]),
              sessionId: randomJson(rng),
              cursor: rng.pick(['1', randomJson(rng)]),
              conversationId: rng.pick([conversationId, randomJson(rng)]),
              seq: randomJson(rng),
              requestId: randomJson(rng),
              send: rng.pick([{ clientMsgId: 'z', to: { userId: otherId }, body: 'x' }, randomJson(rng)]),
            };
      const body = rng.pick([
        () => JSON.stringify({ serverId: randomJson(rng), events: Array.from({ length: rng.int(0, 4) }, event) }),
        () => JSON.stringify({ serverId: 's', events: randomJson(rng) }),
        () => JSON.stringify(randomJson(rng)),
        () => '{"events": [',
      ])();
      const answer = await post(`Bearer ${secret}`, body);
      expect(answer.status, `${body.slice(0, 300)} → ${answer.text.slice(0, 300)}`).toBeLessThan(500);
    }
  });

  it('never answered a 5xx to any request of this file', () => {
    expect(served.length).toBeGreaterThan(500);
    expect(served.filter((a) => a.status >= 500)).toEqual([]);
  });
});
