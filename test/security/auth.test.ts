import { scryptSync } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from '@cim/cli';
import { CimClient, RouteApi } from '@cim/client';
import { INTERNAL_EVENTS_PATH, INTERNAL_PUSH_PATH, signToken, type TokenClaims } from '@cim/common';
import { createLogger, MemoryRegistryHub, silentLogger } from '@cim/common/server';
import { createStore, RouteService, SESSION_CHECK_CACHE_MS } from '@cim/route';
import { defaultPushServerConfig } from '@cim/server';
import { backends, uniquePrefix, waitFor } from '../harness/index.js';
import { RecordingClient } from '../support/chat-scenario.js';
import { generousLimits } from '../../devkit/generous-limits.js';
import { RawClient } from '../support/raw-client.js';
import { routeHttp } from '../support/route-http.js';

const secret = 'auth-test-secret-0123456789abcdef';

type Claims = TokenClaims;
const claimsOf = (token: string): Claims =>
  JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as Claims;
const withClaims = (token: string, over: Partial<Claims>): string =>
  `${Buffer.from(JSON.stringify({ ...claimsOf(token), ...over })).toString('base64url')}.${token.split('.')[1]}`;

describe('authentication and authorisation', () => {
  const prefix = uniquePrefix('auth');
  const logLines: string[] = [];
  let cluster: LocalCluster;
  let redis: Redis;
  const raws: RawClient[] = [];
  const clients: RecordingClient[] = [];
  let n = 0;

  async function user(base: string, deviceId = 'http', password?: string) {
    const userName = `${base}${++n}`;
    const pw = password ?? `password-${userName}`;
    const api = new RouteApi(cluster.routeUrl);
    const { userId } = await api.register(userName, pw);
    const login = await api.login(userName, pw, deviceId);
    api.token = login.token;
    return { api, userId, userName, token: login.token, password: pw };
  }

  async function device(token: string): Promise<RawClient> {
    const raw = await RawClient.connect(cluster.servers[0].tcpAddress.port);
    raws.push(raw);
    raw.send({ requestId: 1, login: { token } });
    return raw;
  }

  const http = (method: string, path: string, token: string | undefined, body?: unknown) =>
    routeHttp(cluster.routeUrl, method, path, token, body);

  beforeAll(async () => {
    const { redisUrl } = backends();
    // Everything the route and the push server log, at the most verbose level, is kept.
    const logger = createLogger('cim', {
      level: 'trace',
      destination: { write: (line: string) => void logLines.push(line) },
    });
    cluster = await startLocalCluster({
      servers: 1,
      routePort: 0,
      tcpPort: 0,
      secret,
      redisUrl,
      redisPrefix: `${prefix}:`,
      logger,
      // Login and registration limits are tested in abuse-limits.test.ts.
      route: generousLimits,
    });
    redis = new Redis(redisUrl);
  });

  afterEach(async () => {
    for (const r of raws.splice(0)) r.close();
    for (const c of clients.splice(0)) await c.client.close();
  });

  afterAll(async () => {
    await cluster?.stop();
    redis?.disconnect();
  });

  describe('TCP login', () => {
    it('needs a token signed by the cluster and bound to its user and device', async () => {
      const alice = await user('alice', 'phone');
      const bob = await user('bob', 'phone');
      const tries: [string, string, string][] = [
        ['another user id', withClaims(alice.token, { uid: bob.userId, name: bob.userName }), 'CIM_ERR_BAD_TOKEN'],
        ['another device', withClaims(alice.token, { dev: 'laptop' }), 'CIM_ERR_BAD_TOKEN'],
        ['a later expiry', withClaims(alice.token, { exp: Date.now() + 365 * 86_400_000 }), 'CIM_ERR_BAD_TOKEN'],
        ["bob's signature", `${alice.token.split('.')[0]}.${bob.token.split('.')[1]}`, 'CIM_ERR_BAD_TOKEN'],
        ['another secret', signToken(claimsOf(alice.token), 'not-the-cluster-secret-0123'), 'CIM_ERR_BAD_TOKEN'],
        [
          'an expired token',
          signToken({ ...claimsOf(alice.token), exp: Date.now() - 1_000 }, secret),
          'CIM_ERR_TOKEN_EXPIRED',
        ],
        ['no token', '', 'CIM_ERR_BAD_TOKEN'],
      ];
      for (const [what, token, code] of tries) {
        const raw = await device(token);
        expect((await raw.next('error')).error.code, what).toBe(code);
        await raw.closedByServer();
        expect(
          raw.frames.some((f) => 'loginOk' in f),
          what,
        ).toBe(false);
      }
      // Nothing but Login is accepted first.
      const early = await RawClient.connect(cluster.servers[0].tcpAddress.port);
      raws.push(early);
      early.send({ send: { clientMsgId: 'x', to: { userId: bob.userId }, body: 'sneaky' } });
      expect((await early.next('error')).error.code).toBe('CIM_ERR_LOGIN_REQUIRED');
      await early.closedByServer();
      expect((await bob.api.sync('0', 10)).messages).toEqual([]);
    });

    it('refuses at Login the token of a session a newer login replaced, with CIM_ERR_SESSION_ENDED, whether or not the newer one is connected', async () => {
      const alice = await user('alice', 'phone');
      const staleToken = alice.token;
      // A newer login on the same device ends the first session; its token still verifies locally.
      const fresh = await alice.api.login(alice.userName, alice.password, 'phone');
      const current = await device(fresh.token);
      await current.next('loginOk');
      const refused = await device(staleToken);
      expect((await refused.next('error')).error.code).toBe('CIM_ERR_SESSION_ENDED');
      await refused.closedByServer();
      // Once the newer one is gone too, the push server alone could not tell; the route does.
      current.close();
      await current.closedByServer();
      const stale = await device(staleToken);
      expect((await stale.next('error')).error.code).toBe('CIM_ERR_SESSION_ENDED');
      await stale.closedByServer();
      expect(stale.frames.some((f) => 'loginOk' in f)).toBe(false);
    });

    it('acts only as the user of the token: what its device sends is from that user', async () => {
      const alice = await user('alice', 'phone');
      const bob = await user('bob');
      const raw = await device(alice.token);
      expect(await raw.next('loginOk')).toMatchObject({ loginOk: { userId: alice.userId, userName: alice.userName } });
      raw.send({ requestId: 2, send: { clientMsgId: 'c1', to: { userId: bob.userId }, body: 'from the device' } });
      await raw.next('sendResult');
      const [entry] = (await bob.api.sync('0', 10)).messages;
      expect(entry.message).toMatchObject({
        fromUserId: alice.userId,
        fromUserName: alice.userName,
        body: 'from the device',
      });
    });

    it('refuses at TCP Login the token of a logged-out session and of a replaced (kicked) one with CIM_ERR_SESSION_ENDED', async () => {
      const alice = await user('alice', 'phone');
      const bob = await user('bob');
      const loggedOut = alice.token;
      await alice.api.logout();
      const replaced = (await alice.api.login(alice.userName, alice.password, 'tablet')).token;
      const kicked = await device(replaced);
      await kicked.next('loginOk');
      const current = (await alice.api.login(alice.userName, alice.password, 'tablet')).token;
      expect((await kicked.next('kick')).kick.reason).toBeTruthy();
      await bob.api.send({ userId: alice.userId }, 'backlog for alice', 'b1');
      // The push server verifies tokens locally and cannot know that these sessions have ended; it
      // asks the route before LoginOk, so nothing is sent or received on them.
      for (const [what, stale] of [
        ['logged out', loggedOut],
        ['replaced', replaced],
      ]) {
        const raw = await RawClient.connect(cluster.servers[0].tcpAddress.port);
        raws.push(raw);
        raw.send({ requestId: 1, login: { token: stale, cursor: '0' } });
        raw.send({
          requestId: 2,
          send: { clientMsgId: `c-${what}`, to: { userId: bob.userId }, body: `after ${what}` },
        });
        expect((await raw.next('error')).error.code, what).toBe('CIM_ERR_SESSION_ENDED');
        await raw.closedByServer();
        expect(
          raw.frames.filter((f) => !('error' in f)),
          what,
        ).toEqual([]);
      }
      // The current session gets its backlog over TCP.
      const live = await RawClient.connect(cluster.servers[0].tcpAddress.port);
      raws.push(live);
      live.send({ requestId: 1, login: { token: current, cursor: '0' } });
      expect((await live.next('deliver')).deliver.message.body).toBe('backlog for alice');
      expect((await bob.api.sync('0', 10)).messages.map((e) => e.message.body)).toEqual(['backlog for alice']);
    });

    it('refuses a Login cursor in the future with CIM_ERR_INVALID_INPUT instead of LoginOk', async () => {
      const alice = await user('alice', 'sensor');
      const tomorrow = String((Date.now() + 86_400_000) * 1024);
      const raw = await RawClient.connect(cluster.servers[0].tcpAddress.port);
      raws.push(raw);
      raw.send({ requestId: 1, login: { token: alice.token, cursor: tomorrow } });
      expect((await raw.next('error')).error.code).toBe('CIM_ERR_INVALID_INPUT');
      await raw.closedByServer();
      expect(raw.frames.some((f) => 'loginOk' in f)).toBe(false);
    });

    it('refuses a sync cursor in the future over HTTP too, with the same code', async () => {
      const alice = await user('alice', 'laptop');
      const tomorrow = String((Date.now() + 86_400_000) * 1024);
      expect(await http('GET', `/api/v1/sync?after=${tomorrow}`, alice.token)).toMatchObject({
        status: 400,
        body: { code: 'CIM_ERR_INVALID_INPUT' },
      });
      expect((await http('GET', '/api/v1/sync?after=0', alice.token)).status).toBe(200);
    });
  });

  describe('HTTP tokens', () => {
    it('refuses a token whose session was replaced or logged out, and a token from another secret or past its expiry', async () => {
      const alice = await user('alice', 'phone');
      const first = alice.token;
      const second = (await alice.api.login(alice.userName, alice.password, 'phone')).token;
      expect(await http('GET', '/api/v1/sync', first)).toMatchObject({
        status: 401,
        body: { code: 'CIM_ERR_SESSION_ENDED' },
      });
      expect((await http('GET', '/api/v1/sync', second)).status).toBe(200);
      // Another device of the same user is a separate session: still fine.
      const laptop = (await alice.api.login(alice.userName, alice.password, 'laptop')).token;
      expect(await http('DELETE', '/api/v1/sessions/current', second)).toMatchObject({ status: 204 });
      expect(await http('GET', '/api/v1/sync', second)).toMatchObject({
        status: 401,
        body: { code: 'CIM_ERR_SESSION_ENDED' },
      });
      expect(await http('POST', '/api/v1/messages', second, { to: { broadcast: true }, body: 'x' })).toMatchObject({
        status: 401,
      });
      expect((await http('GET', '/api/v1/sync', laptop)).status).toBe(200);
      expect(
        await http('GET', '/api/v1/sync', signToken(claimsOf(laptop), 'not-the-cluster-secret-0123')),
      ).toMatchObject({ status: 401, body: { code: 'CIM_ERR_BAD_TOKEN' } });
      expect(
        await http('GET', '/api/v1/sync', signToken({ ...claimsOf(laptop), exp: Date.now() - 1 }, secret)),
      ).toMatchObject({ status: 401, body: { code: 'CIM_ERR_TOKEN_EXPIRED' } });
      const bob = await user('bob');
      expect(await http('GET', '/api/v1/sync', withClaims(laptop, { uid: bob.userId }))).toMatchObject({
        status: 401,
        body: { code: 'CIM_ERR_BAD_TOKEN' },
      });
    });
  });

  describe('session refresh', () => {
    it('gives the device of a current session a new session without the password, and ends the old one', async () => {
      const alice = await user('alice', 'tablet');
      const refreshed = await http('POST', '/api/v1/sessions/refresh', alice.token);
      expect(refreshed).toMatchObject({
        status: 200,
        body: {
          userId: alice.userId,
          userName: alice.userName,
          deviceId: 'tablet',
          server: { tcpPort: expect.any(Number) },
        },
      });
      const fresh = (refreshed.body as { token: string }).token;
      expect(claimsOf(fresh).sid).not.toBe(claimsOf(alice.token).sid);
      expect((await http('GET', '/api/v1/sync', fresh)).status).toBe(200);
      // The refreshed session has ended: its token neither works nor refreshes again.
      expect(await http('GET', '/api/v1/sync', alice.token)).toMatchObject({
        status: 401,
        body: { code: 'CIM_ERR_SESSION_ENDED' },
      });
      expect(await http('POST', '/api/v1/sessions/refresh', alice.token)).toMatchObject({
        status: 401,
        body: { code: 'CIM_ERR_SESSION_ENDED' },
      });
    });

    it('refuses a logged-out, expired, forged or missing token', async () => {
      const bob = await user('bob');
      const expired = signToken({ ...claimsOf(bob.token), exp: Date.now() - 1 }, secret);
      expect(await http('POST', '/api/v1/sessions/refresh', expired)).toMatchObject({
        status: 401,
        body: { code: 'CIM_ERR_TOKEN_EXPIRED' },
      });
      expect(
        await http('POST', '/api/v1/sessions/refresh', signToken(claimsOf(bob.token), 'not-the-cluster-secret-0123')),
      ).toMatchObject({
        status: 401,
      });
      expect(await http('POST', '/api/v1/sessions/refresh', undefined)).toMatchObject({
        status: 401,
        body: { code: 'CIM_ERR_UNAUTHORIZED' },
      });
      expect(await http('DELETE', '/api/v1/sessions/current', bob.token)).toMatchObject({ status: 204 });
      expect(await http('POST', '/api/v1/sessions/refresh', bob.token)).toMatchObject({
        status: 401,
        body: { code: 'CIM_ERR_SESSION_ENDED' },
      });
    });

    it('keeps a session whose connection dropped abruptly: its token refreshes and logs in over TCP again', async () => {
      const alice = await user('alice', 'phone');
      const raw = await device(alice.token);
      await raw.next('loginOk');
      raw.socket.resetAndDestroy();
      await waitFor(
        async () => (await cluster.route.store.sessions.get(alice.userId, 'phone'))?.detachedAt !== undefined,
        {
          message: 'the route to hear the connection closed',
        },
      );
      const again = await device(alice.token);
      expect(await again.next('loginOk')).toMatchObject({ loginOk: { sessionId: claimsOf(alice.token).sid } });
      again.socket.resetAndDestroy();
      const refreshed = await http('POST', '/api/v1/sessions/refresh', alice.token);
      expect(refreshed.status).toBe(200);
    });
  });

  describe('two route instances', () => {
    it('refuse a session ended through the other instance within a second (each trusts a session it checked for that long)', async () => {
      const other = new RouteService({
        secret,
        port: 0,
        store: createStore({ redisUrl: backends().redisUrl, prefix: `${prefix}:` }),
        registry: new MemoryRegistryHub().client(),
        logger: silentLogger,
      });
      await other.start();
      try {
        const alice = await user('alice', 'phone');
        const viaOther = (path: string) =>
          fetch(`${other.url}${path}`, { headers: { authorization: `Bearer ${alice.token}` } });
        expect((await viaOther('/api/v1/sync')).status).toBe(200);
        // Logged out through the first instance; the other checked this session a moment ago.
        expect(await http('DELETE', '/api/v1/sessions/current', alice.token)).toMatchObject({ status: 204 });
        // The margin is for a busy test machine, not part of the promise.
        await waitFor(async () => (await viaOther('/api/v1/sync')).status === 401, {
          timeoutMs: SESSION_CHECK_CACHE_MS + 2_000,
          intervalMs: 50,
          message: 'the other instance to refuse the ended session',
        });
      } finally {
        await other.stop();
        await other.store.close();
      }
    });
  });

  describe('internal APIs', () => {
    it('the push API refuses pushes without the cluster secret (401) and delivers nothing', async () => {
      const bob = new RecordingClient(cluster.routeUrl, `bob${++n}`);
      clients.push(bob);
      await bob.client.api.register(bob.userName, `password-${bob.userName}`);
      await bob.client.connect();
      const { host, port } = cluster.servers[0].httpAddress;
      const forged = {
        deliveries: [
          {
            message: {
              msgId: '999',
              conversationId: 'p:1:2',
              seq: '1',
              fromUserId: '1',
              fromUserName: 'admin',
              to: { userId: bob.userId },
              body: 'forged',
              ts: '1',
              clientMsgId: 'f',
            },
            targets: [{ userId: bob.userId, cursor: '1' }],
          },
        ],
      };
      for (const authorization of [
        undefined,
        'Bearer ',
        'Bearer wrong-secret-0123456789abcdef',
        `Bearer ${secret.slice(0, -1)}`,
        secret,
      ]) {
        const res = await fetch(`http://${host}:${port}${INTERNAL_PUSH_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify(forged),
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ code: 'CIM_ERR_UNAUTHORIZED', message: expect.any(String) });
      }
      // With the secret it is accepted: the same request did not fail for another reason.
      const ok = await fetch(`http://${host}:${port}${INTERNAL_PUSH_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({
          ...forged,
          deliveries: [
            { ...forged.deliveries[0], message: { ...forged.deliveries[0].message, body: 'with the secret' } },
          ],
        }),
      });
      expect(await ok.json()).toEqual({ written: 1 });
      await bob.waitForBody('with the secret');
      expect(bob.bodies()).not.toContain('forged');
    });

    it('the route events API refuses requests without the cluster secret (401)', async () => {
      const alice = await user('alice');
      const bob = await user('bob');
      const event = {
        type: 'send',
        userId: alice.userId,
        userName: alice.userName,
        deviceId: 'http',
        sessionId: claimsOf(alice.token).sid,
        requestId: 1,
        send: { clientMsgId: 'ev', to: { userId: bob.userId }, body: 'via events' },
      };
      for (const authorization of [
        undefined,
        `Bearer ${alice.token}`,
        'Bearer wrong-secret-0123456789abcdef',
        secret,
      ]) {
        const res = await fetch(`${cluster.routeUrl}${INTERNAL_EVENTS_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ serverId: 'x', events: [event] }),
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ code: 'CIM_ERR_UNAUTHORIZED' });
      }
      expect((await bob.api.sync('0', 10)).messages).toEqual([]);
    });

    it('the push API listens on loopback only by default', async () => {
      expect(defaultPushServerConfig.httpHost).toBe('127.0.0.1');
      const { host, port } = cluster.servers[0].httpAddress;
      expect(host).toBe('127.0.0.1');
      const external = Object.values(os.networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
      if (!external) return; // no other interface on this machine to try from
      const refused = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: external, port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', () => resolve(true));
      });
      expect(refused).toBe(true);
    });
  });

  describe("other users' conversations", () => {
    it('cannot be read, marked read or recalled by a non-participant', async () => {
      const alice = await user('alice');
      const bob = await user('bob');
      const mallory = await user('mallory', 'iot');
      const sent = await alice.api.send({ userId: bob.userId }, 'private between alice and bob', 'p1');
      const group = await alice.api.createGroup('alice and bob', [bob.userId]);
      const inGroup = await alice.api.send({ groupId: group.groupId }, 'group secret', 'g1');
      const as = mallory.token;

      // A private group is answered as if it did not exist (see test/security/groups.test.ts).
      const refusals: [string, number, string][] = [
        [sent.conversationId, 403, 'CIM_ERR_FORBIDDEN'],
        [inGroup.conversationId, 404, 'CIM_ERR_NOT_FOUND'],
      ];
      for (const [conversationId, status, code] of refusals) {
        const history = await http(
          'GET',
          `/api/v1/conversations/${encodeURIComponent(conversationId)}/messages?q=secret`,
          as,
        );
        expect(history, conversationId).toMatchObject({ status, body: { code } });
        const read = await http('POST', `/api/v1/conversations/${encodeURIComponent(conversationId)}/read`, as, {
          seq: '1',
        });
        expect(read, conversationId).toMatchObject({ status, body: { code } });
      }
      expect(await http('GET', `/api/v1/groups/${group.groupId}`, as)).toMatchObject({
        status: 404,
        body: { code: 'CIM_ERR_NOT_FOUND' },
      });
      expect(
        await http('POST', `/api/v1/messages`, as, { to: { groupId: group.groupId }, body: 'let me in' }),
      ).toMatchObject({ status: 404 });
      for (const msgId of [sent.msgId, inGroup.msgId]) {
        expect(await http('POST', `/api/v1/messages/${msgId}/recall`, as)).toMatchObject({
          status: 403,
          body: { code: 'CIM_ERR_FORBIDDEN' },
        });
        // Not even the other participant may recall alice's message.
        expect(await http('POST', `/api/v1/messages/${msgId}/recall`, bob.token)).toMatchObject({
          status: 403,
          body: { code: 'CIM_ERR_FORBIDDEN' },
        });
      }
      // Nothing of theirs reaches mallory's sync stream or conversation list.
      expect((await mallory.api.sync('0', 100)).messages).toEqual([]);
      expect((await mallory.api.conversations()).conversations).toEqual([]);
      // Over TCP, a Read of their conversation changes nothing and tells nobody. The Read and a Send
      // travel to the route in one batch, answered once both are handled (any receipt pushed by
      // then); alice's Pong, written after that, shows her socket has everything before it.
      const aliceDevice = await device((await alice.api.login(alice.userName, alice.password, 'watch')).token);
      await aliceDevice.next('loginOk');
      const raw = await device(mallory.token);
      await raw.next('loginOk');
      raw.send({ read: { conversationId: sent.conversationId, seq: '1' } });
      raw.send({ requestId: 9, send: { clientMsgId: 'm1', to: { userId: alice.userId }, body: 'hi alice' } });
      expect((await raw.next('sendResult')).sendResult.error).toBeUndefined();
      aliceDevice.send({ requestId: 10, ping: {} });
      await aliceDevice.next('pong');
      expect(aliceDevice.frames.filter((f) => 'receipt' in f)).toEqual([]);
      expect(
        (await bob.api.conversations()).conversations.find((c) => c.conversationId === sent.conversationId),
      ).toMatchObject({ readSeq: '0' });
      // The participants still read everything, unchanged.
      expect((await bob.api.history(sent.conversationId)).messages.map((m) => m.body)).toEqual([
        'private between alice and bob',
      ]);
      expect((await bob.api.history(inGroup.conversationId)).messages.map((m) => m.body)).toEqual(['group secret']);
    });
  });

  describe('passwords', () => {
    it('are stored as salted scrypt hashes, never in clear', async () => {
      const password = 'correct horse battery staple';
      const one = await user('carol', 'http', password);
      const two = await user('dave', 'http', password);
      const records = await Promise.all(
        [one, two].map(
          async (u) => JSON.parse((await redis.get(`${prefix}:{u:${u.userId}}:user`))!) as { passwordHash: string },
        ),
      );
      const hashes = records.map((r) => r.passwordHash);
      for (const hash of hashes) {
        expect(hash).toMatch(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
        expect(hash).not.toContain(password);
        const [, salt, key] = hash.split('$');
        expect(
          scryptSync(password, Buffer.from(salt, 'base64'), Buffer.from(key, 'base64').length).toString('base64'),
        ).toBe(key);
      }
      // Salted: the same password gives different hashes.
      expect(hashes[0]).not.toBe(hashes[1]);
      // No other key of this user holds it either.
      const keys = await redis.keys(`${prefix}:*`);
      for (const key of keys) {
        const type = await redis.type(key);
        const dump =
          type === 'string' ? await redis.get(key) : type === 'hash' ? JSON.stringify(await redis.hgetall(key)) : '';
        expect(dump ?? '', key).not.toContain(password);
      }
    });

    it('never appear in the logs, even at trace level', async () => {
      const password = 'Sup3r-Secret-Passw0rd!';
      const before = logLines.length;
      const eve = await user('eve', 'http', password);
      await eve.api.login(eve.userName, password, 'second');
      await expect(eve.api.login(eve.userName, `${password}-wrong`, 'x')).rejects.toMatchObject({
        code: 'CIM_ERR_BAD_CREDENTIALS',
      });
      await expect(eve.api.register(eve.userName, password)).rejects.toMatchObject({ code: 'CIM_ERR_USER_EXISTS' });
      // Malformed requests that carry the password.
      await http('POST', '/api/v1/sessions', undefined, { userName: 'bad name!', password });
      await http('POST', '/api/v1/accounts', undefined, { userName: eve.userName, password, extra: { password } });
      await fetch(`${cluster.routeUrl}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"userName":"${eve.userName}","password":"${password}"`,
      });
      // And an SDK client's whole life.
      const sdk = new CimClient({ routeUrl: cluster.routeUrl, userName: eve.userName, password, deviceId: 'sdk' });
      await sdk.connect();
      await sdk.sendToUser(eve.userId, 'note to self');
      await sdk.close();

      const written = logLines.slice(before);
      expect(written.some((l) => l.includes('"user registered"'))).toBe(true);
      expect(written.some((l) => l.includes('"login"'))).toBe(true);
      for (const line of written) expect(line).not.toContain(password);
      expect(logLines.join('')).not.toContain(password);
    });
  });
});

describe('a session whose connection dropped, after its grace period', () => {
  const graceMs = 300;
  let cluster: LocalCluster;
  const raws: RawClient[] = [];

  beforeAll(async () => {
    cluster = await startLocalCluster({
      servers: 1,
      routePort: 0,
      tcpPort: 0,
      logger: silentLogger,
      route: { sessionGraceMs: graceMs },
    });
  });

  afterAll(async () => {
    for (const r of raws.splice(0)) r.close();
    await cluster?.stop();
  });

  it('has ended: its token is refused with CIM_ERR_SESSION_ENDED over HTTP and at TCP Login', async () => {
    const api = new RouteApi(cluster.routeUrl);
    const { userId } = await api.register('dora', 'password-dora');
    const login = await api.login('dora', 'password-dora', 'phone');
    const connect = async () => {
      const raw = await RawClient.connect(cluster.servers[0].tcpAddress.port);
      raws.push(raw);
      raw.send({ requestId: 1, login: { token: login.token } });
      return raw;
    };
    (await connect()).socket.resetAndDestroy();
    const session = await waitFor(
      async () => {
        const current = await cluster.route.store.sessions.get(userId, 'phone');
        return current?.detachedAt !== undefined ? current : undefined;
      },
      { message: 'the route to hear the connection closed' },
    );
    await new Promise((r) => setTimeout(r, session.detachedAt! + graceMs + 50 - Date.now()));
    const late = await connect();
    expect((await late.next('error')).error.code).toBe('CIM_ERR_SESSION_ENDED');
    api.token = login.token;
    await expect(api.refresh()).rejects.toMatchObject({ code: 'CIM_ERR_SESSION_ENDED' });
  });
});
