import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeFrame, INTERNAL_PUSH_PATH, signToken, type TokenClaims } from '@cim/common';
import { MemoryRegistryHub, silentLogger } from '@cim/common/server';
import { waitFor } from '../../devkit/wait-for.js';
import { RawClient } from '../../test/support/raw-client.js';
import { StandInRoute } from '../../test/support/stand-in-route.js';
import { defaultPushServerConfig } from './config.js';
import { PushServer } from './push-server.js';

const secret = 'test-secret-0123456789abcdef';
const claims = (over: Partial<TokenClaims> = {}): TokenClaims => ({
  uid: '1',
  name: 'alice',
  dev: 'phone',
  sid: 's1',
  exp: Date.now() + 60_000,
  ...over,
});

/** Raw TCP clients of the server under test; `closeAll` after each test. */
function rawClients(serverOf: () => PushServer) {
  const clients: RawClient[] = [];
  return {
    connect: async () => {
      const client = await RawClient.connect(serverOf().tcpAddress.port);
      clients.push(client);
      return client;
    },
    closeAll: () => {
      for (const c of clients.splice(0)) c.close();
    },
  };
}

describe('push server: the TCP protocol', () => {
  let server: PushServer;
  let hub: MemoryRegistryHub;
  let route: StandInRoute;
  const { connect, closeAll } = rawClients(() => server);

  beforeEach(async () => {
    hub = new MemoryRegistryHub();
    route = await StandInRoute.start();
    server = new PushServer({
      secret,
      routeUrl: route.url,
      registry: hub.client(),
      heartbeatMs: 300,
      loginTimeoutMs: 300,
      loginCheckTimeoutMs: 250,
      maxFrameBytes: 1024,
      logger: silentLogger,
    });
    await server.start();
  });

  afterEach(async () => {
    closeAll();
    await server.stop({ drainTimeoutMs: 100 });
    await route.stop();
  });

  it('registers itself in the registry while running', async () => {
    const watcher = hub.client();
    await watcher.watch();
    expect(watcher.servers().map((s) => s.id)).toEqual([server.id]);
  });

  it('answers a valid Login with LoginOk and a Ping with Pong', async () => {
    const client = await connect();
    client.send({ requestId: 1, login: { token: signToken(claims(), secret), cursor: '0' } });
    const ok = await client.next('loginOk');
    expect(ok).toMatchObject({
      requestId: 1,
      loginOk: { userId: '1', userName: 'alice', sessionId: 's1', serverId: server.id, heartbeatMs: 300 },
    });
    client.send({ requestId: 2, ping: {} });
    expect(await client.next('pong')).toEqual({ requestId: 2, pong: {} });
  });

  it('asks the route at Login, naming the session, this connection and this server, and answers LoginOk only after its OK', async () => {
    const client = await connect();
    // The first answer says the route's store is briefly down: the server asks again.
    route.answer = () => ({ retryLater: 'storage is unavailable' });
    client.send({ requestId: 1, login: { token: signToken(claims(), secret), cursor: '42' } });
    // Frames pipelined behind the Login wait for it.
    client.send({ requestId: 2, ping: {} });
    await waitFor(() => route.ofType('login').length === 1, { message: 'the login check' });
    route.answer = () => null;
    const [login] = route.ofType('login');
    expect(login).toMatchObject({ serverId: server.id, userId: '1', deviceId: 'phone', sessionId: 's1', cursor: '42' });
    expect(login.connectionId).toMatch(/^[0-9a-f]+\.\d+$/);
    expect(client.frames).toEqual([]);
    expect(await client.next('loginOk')).toMatchObject({ requestId: 1, loginOk: { serverId: server.id } });
    expect(await client.next('pong')).toEqual({ requestId: 2, pong: {} });
    expect(client.frames.map((f) => Object.keys(f).find((k) => k !== 'requestId'))).toEqual(['loginOk', 'pong']);
    expect(route.ofType('login').length).toBe(2);
  });

  it('holds at most 32 frames behind a Login the route is still checking, and closes a connection that sends more', async () => {
    route.answer = () => ({ retryLater: 'storage is unavailable' });
    const client = await connect();
    const frames = [encodeFrame({ requestId: 1, login: { token: signToken(claims(), secret) } })];
    for (let i = 0; i < 33; i++) frames.push(encodeFrame({ requestId: 2 + i, ping: {} }));
    client.writeRaw(Buffer.concat(frames));
    expect((await client.next('error')).error.code).toBe('CIM_ERR_INVALID_INPUT');
    await client.closedByServer();
    expect(client.frames.some((f) => 'loginOk' in f || 'pong' in f)).toBe(false);
  });

  it('refuses a Login the route says has ended with Error{CIM_ERR_SESSION_ENDED} and closes', async () => {
    route.answer = (event) =>
      event.type === 'login' ? { error: { code: 'CIM_ERR_SESSION_ENDED', message: 'logged out' } } : null;
    const client = await connect();
    client.send({ requestId: 1, login: { token: signToken(claims(), secret) } });
    client.send({ requestId: 2, ping: {} });
    // The refusal answers the Login: it carries its request id, as any answer does.
    expect(await client.next('error')).toMatchObject({ requestId: 1, error: { code: 'CIM_ERR_SESSION_ENDED' } });
    await client.closedByServer();
    expect(client.frames.some((f) => 'loginOk' in f || 'pong' in f)).toBe(false);
  });

  it('answers Error{CIM_ERR_UNAVAILABLE} when the route does not confirm a Login in time', async () => {
    route.answer = (event) => (event.type === 'login' ? 'hang' : null);
    const client = await connect();
    client.send({ requestId: 1, login: { token: signToken(claims(), secret) } });
    expect((await client.next('error')).error.code).toBe('CIM_ERR_UNAVAILABLE');
    await client.closedByServer();
  });

  it('tells the route which connection closed, also one that closed while its Login was being checked', async () => {
    const client = await connect();
    client.send({ login: { token: signToken(claims(), secret) } });
    await client.next('loginOk');
    client.close();
    await waitFor(() => route.ofType('closed').length === 1, { message: 'the closed event' });
    expect(route.ofType('closed')[0]).toMatchObject({
      sessionId: 's1',
      connectionId: route.ofType('login')[0].connectionId,
    });

    let answerLogin: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (answerLogin = resolve));
    const quitter = await connect();
    route.answer = (event) => {
      if (event.type !== 'login') return null;
      answerLogin();
      return { retryLater: 'storage is unavailable' };
    };
    quitter.send({ login: { token: signToken(claims({ dev: 'tablet', sid: 's9' }), secret) } });
    await gate;
    quitter.close();
    route.answer = () => null;
    // The route may move the session to this connection on a later attempt: it must hear that it is gone.
    await waitFor(() => route.ofType('closed').some((e) => e.sessionId === 's9'), {
      message: 'closed for the quitter',
    });
    const quitterLogin = route.ofType('login').find((e) => e.sessionId === 's9')!;
    expect(route.ofType('closed').find((e) => e.sessionId === 's9')?.connectionId).toBe(quitterLogin.connectionId);
  });

  it('sends a closed event again while the route answers that it could not store it', async () => {
    const client = await connect();
    client.send({ login: { token: signToken(claims(), secret) } });
    await client.next('loginOk');
    let refusals = 2;
    route.answer = (event) =>
      event.type === 'closed' && refusals-- > 0 ? { retryLater: 'storage is unavailable' } : null;
    client.close();
    await waitFor(() => route.ofType('closed').length === 3, { message: 'the closed event, tried three times' });
    expect(new Set(route.ofType('closed').map((e) => e.connectionId)).size).toBe(1);
  });

  it('writes every broadcast of a push request to every connection once, in order', async () => {
    const [alice, bob] = [await connect(), await connect()];
    alice.send({ requestId: 1, login: { token: signToken(claims(), secret) } });
    bob.send({ requestId: 1, login: { token: signToken(claims({ uid: '2', name: 'bob', sid: 's2' }), secret) } });
    await Promise.all([alice.next('loginOk'), bob.next('loginOk')]);
    const message = (n: number) => ({
      msgId: String(n),
      conversationId: 'broadcast',
      seq: '0',
      fromUserId: '1',
      fromUserName: 'alice',
      to: { broadcast: true as const },
      body: `lobby ${n}`,
      ts: '1',
      clientMsgId: `b${n}`,
    });
    const res = await fetch(`http://127.0.0.1:${server.httpAddress.port}${INTERNAL_PUSH_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ broadcasts: [message(1), message(2), message(3)] }),
    });
    expect(await res.json()).toEqual({ written: 6 });
    for (const client of [alice, bob]) {
      const bodies = () => client.frames.flatMap((f) => ('deliver' in f ? [f.deliver.message!.body] : []));
      await waitFor(() => bodies().length >= 3, { message: 'three broadcasts' });
      expect(bodies()).toEqual(['lobby 1', 'lobby 2', 'lobby 3']);
    }
  });

  it('writes a catch-up push named for one connection to that connection only, never to a newer one of the device', async () => {
    const client = await connect();
    client.send({ requestId: 1, login: { token: signToken(claims(), secret), cursor: '0' } });
    await client.next('loginOk');
    const [connected] = await waitFor(
      () => (route.ofType('connected').length > 0 ? route.ofType('connected') : undefined),
      {
        message: 'the connected event',
      },
    );
    const push = async (connectionId: string) => {
      const res = await fetch(`http://127.0.0.1:${server.httpAddress.port}${INTERNAL_PUSH_PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          deliveries: [
            {
              message: {
                msgId: '5',
                conversationId: 'p:1:2',
                seq: '1',
                fromUserId: '2',
                fromUserName: 'bob',
                to: { userId: '1' },
                body: 'backlog',
                ts: '1',
                clientMsgId: 'c',
              },
              targets: [{ userId: '1', cursor: '7', deviceId: 'phone', connectionId }],
            },
          ],
          frames: [{ frame: { caughtUp: { cursor: '7' } }, userIds: ['1'], deviceId: 'phone', connectionId }],
        }),
      });
      return res.json();
    };
    expect(connected).toMatchObject({ cursor: '0', connectionId: expect.stringMatching(/^[0-9a-f]+\.\d+$/) });
    expect(await push(`${connected.connectionId}0`)).toEqual({ written: 0 });
    expect(await push(connected.connectionId)).toEqual({ written: 2 });
    expect(await client.next('caughtUp')).toEqual({ caughtUp: { cursor: '7' } });
    expect(client.frames.filter((f) => 'deliver' in f || 'caughtUp' in f)).toHaveLength(2);
  });

  it("relays the Login's large groups to the route in its login and connected events", async () => {
    const client = await connect();
    const conversations = [
      { conversationId: 'g:5', seq: '12' },
      { conversationId: 'g:6', seq: '0' },
    ];
    client.send({ requestId: 1, login: { token: signToken(claims(), secret), cursor: '3', conversations } });
    await client.next('loginOk');
    const [connected] = await waitFor(
      () => (route.ofType('connected').length > 0 ? route.ofType('connected') : undefined),
      { message: 'the connected event' },
    );
    expect(route.ofType('login')[0]).toMatchObject({ cursor: '3', conversations });
    expect(connected).toMatchObject({ cursor: '3', conversations });
  });

  it('answers a push with a cursor that is not a uint64 with 400, not 500', async () => {
    const push = (cursor: string) =>
      fetch(`http://127.0.0.1:${server.httpAddress.port}${INTERNAL_PUSH_PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          deliveries: [
            {
              message: {
                msgId: '1',
                conversationId: 'p:1:2',
                seq: '1',
                fromUserId: '2',
                fromUserName: 'bob',
                to: { userId: '1' },
                body: 'hi',
                ts: '1',
                clientMsgId: 'c',
              },
              targets: [{ userId: '1', cursor }],
            },
          ],
        }),
      });
    for (const bad of ['abc', '-1', '1.5', '', '18446744073709551616', '123456789012345678901']) {
      const res = await push(bad);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
    }
    expect((await push('18446744073709551615')).status).toBe(200);
  });

  it('closes a connection that does not log in within the login timeout', async () => {
    const client = await connect();
    const error = await client.next('error', 3_000);
    expect(error.error.code).toBe('CIM_ERR_LOGIN_TIMEOUT');
    await client.closedByServer();
  });

  it('evicts a logged-in connection that stops pinging (1.5 × heartbeat)', async () => {
    const client = await connect();
    client.send({ login: { token: signToken(claims(), secret) } });
    await client.next('loginOk');
    const started = Date.now();
    const error = await client.next('error', 3_000);
    expect(error.error.code).toBe('CIM_ERR_HEARTBEAT_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    await client.closedByServer();
  });

  it('keeps a connection that pings on time', async () => {
    const client = await connect();
    client.send({ login: { token: signToken(claims(), secret) } });
    await client.next('loginOk');
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 150));
      client.send({ ping: {} });
    }
    expect(client.closed).toBe(false);
    expect(client.frames.some((f) => 'error' in f)).toBe(false);
  });

  it('refuses a token signed with another secret', async () => {
    const client = await connect();
    client.send({ login: { token: signToken(claims(), 'another-secret-0123456789') } });
    expect((await client.next('error')).error.code).toBe('CIM_ERR_BAD_TOKEN');
    await client.closedByServer();
  });

  it('refuses an expired token', async () => {
    const client = await connect();
    client.send({ login: { token: signToken(claims({ exp: Date.now() - 1 }), secret) } });
    expect((await client.next('error')).error.code).toBe('CIM_ERR_TOKEN_EXPIRED');
    await client.closedByServer();
  });

  it('refuses any frame before Login', async () => {
    const client = await connect();
    client.send({ ping: {} });
    expect((await client.next('error')).error.code).toBe('CIM_ERR_LOGIN_REQUIRED');
    await client.closedByServer();
  });

  it('closes only the connection that sends garbage; others keep working', async () => {
    const good = await connect();
    good.send({ login: { token: signToken(claims(), secret) } });
    await good.next('loginOk');
    const bad = await connect();
    bad.writeRaw(Buffer.from('03ffffff', 'hex'));
    expect((await bad.next('error')).error.code).toBe('CIM_ERR_BAD_FRAME');
    await bad.closedByServer();
    good.send({ requestId: 9, ping: {} });
    expect(await good.next('pong')).toEqual({ requestId: 9, pong: {} });
  });

  it('answers an oversized frame with CIM_ERR_FRAME_TOO_LARGE and closes', async () => {
    const client = await connect();
    client.writeRaw(Buffer.from('8110', 'hex')); // length 2049 > 1024, no body needed
    expect((await client.next('error')).error.code).toBe('CIM_ERR_FRAME_TOO_LARGE');
    await client.closedByServer();
  });

  it('answers the frames that precede garbage in the same write before the Error and the close', async () => {
    const client = await connect();
    client.send({ login: { token: signToken(claims(), secret) } });
    await client.next('loginOk');
    // One write: a Ping, then a length of 2049 > 1024.
    client.writeRaw(Buffer.concat([encodeFrame({ requestId: 4, ping: {} }), Buffer.from('8110', 'hex')]));
    await client.closedByServer();
    expect(client.frames.slice(1)).toEqual([
      { requestId: 4, pong: {} },
      { error: { code: 'CIM_ERR_FRAME_TOO_LARGE', message: expect.any(String) } },
    ]);
  });

  it('kicks the older connection when the same device logs in again', async () => {
    const first = await connect();
    first.send({ login: { token: signToken(claims({ sid: 's1' }), secret) } });
    await first.next('loginOk');
    const second = await connect();
    second.send({ login: { token: signToken(claims({ sid: 's2' }), secret) } });
    await second.next('loginOk');
    expect((await first.next('kick')).kick.reason).toMatch(/logged in again/);
    await first.closedByServer();
    expect(second.closed).toBe(false);
  });

  it('sends Redirect to every connection when draining', async () => {
    const client = await connect();
    client.send({ login: { token: signToken(claims(), secret) } });
    await client.next('loginOk');
    const stopping = server.stop({ drainTimeoutMs: 2_000 });
    expect((await client.next('redirect')).redirect.reason).toMatch(/shutting down/);
    await client.closedByServer();
    await stopping;
    const watcher = hub.client();
    await watcher.watch();
    expect(watcher.servers()).toEqual([]);
  });

  it('survives a flood of bytes split at random points (no crash, other clients fine)', async () => {
    const good = await connect();
    good.send({ login: { token: signToken(claims({ uid: '2', sid: 'g' }), secret) } });
    await good.next('loginOk');
    const noisy = await connect();
    const valid = encodeFrame({ login: { token: signToken(claims(), secret) } });
    noisy.writeRaw(valid.subarray(0, 3));
    noisy.writeRaw(valid.subarray(3));
    await noisy.next('loginOk');
    noisy.writeRaw(Buffer.from([0x05, 0x01, 0x02]));
    noisy.writeRaw(Buffer.from([0x03, 0x04, 0x05]));
    await noisy.closedByServer();
    good.send({ requestId: 3, ping: {} });
    expect(await good.next('pong')).toEqual({ requestId: 3, pong: {} });
  });
});

describe('push server: the connection cap below the open-file limit', () => {
  let server: PushServer;
  let route: StandInRoute;
  const { connect, closeAll } = rawClients(() => server);

  beforeEach(async () => {
    route = await StandInRoute.start();
    server = new PushServer({
      secret,
      routeUrl: route.url,
      registry: new MemoryRegistryHub().client(),
      maxConnections: 3,
      // Above the cap, so that the cap is what refuses.
      maxConnectionsPerIp: 10,
      logger: silentLogger,
    });
    await server.start();
  });

  afterEach(async () => {
    closeAll();
    await server.stop({ drainTimeoutMs: 100 });
    await route.stop();
  });

  it('derives the cap from the open-file limit unless configured', () => {
    expect(defaultPushServerConfig.maxConnections).toBeUndefined();
  });

  it('refuses clients over maxConnections with CIM_ERR_TOO_MANY_CONNECTIONS, keeps the internal API up, and frees a slot when one leaves', async () => {
    const first = await connect();
    first.send({ login: { token: signToken(claims(), secret) } });
    await first.next('loginOk');
    const idle = [await connect(), await connect()];
    await waitFor(() => server.connectionCount === 3, { message: 'three connections' });

    const extra = await connect();
    const error = await extra.next('error');
    expect(error.error.code).toBe('CIM_ERR_TOO_MANY_CONNECTIONS');
    await extra.closedByServer();
    expect(server.connectionCount).toBe(3);

    // The internal HTTP port still answers, and the clients already in keep working.
    const { host, port } = server.httpAddress;
    const ready = await fetch(`http://${host}:${port}/readyz`);
    expect(ready.status).toBe(200);
    first.send({ requestId: 2, ping: {} });
    expect(await first.next('pong')).toEqual({ requestId: 2, pong: {} });

    idle[0].close();
    await waitFor(() => server.connectionCount === 2, { message: 'the count to drop' });
    const again = await connect();
    again.send({ login: { token: signToken(claims({ dev: 'tablet', sid: 's2' }), secret) } });
    await again.next('loginOk');
    expect(again.frames.some((f) => 'error' in f)).toBe(false);
  });
});
