import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteApi } from '@cim/client';
import {
  decodeFrame,
  encodeFrame,
  encodeVarint32,
  FrameDecoder,
  signToken,
  type Frame,
  type TokenClaims,
} from '@cim/common';
import { silentLogger, ZkRegistry } from '@cim/common/server';
import { createStore, RouteService } from '@cim/route';
import { PushServer } from '@cim/server';
import { backends, uniquePrefix, waitFor } from '../harness/index.js';
import { RecordingClient } from '../support/chat-scenario.js';
import { RawClient } from '../support/raw-client.js';
import { Prng } from './prng.js';

const secret = 'tcp-fuzz-secret-0123456789abcdef';
const HEARTBEAT_MS = 1_000;
const LOGIN_TIMEOUT_MS = 1_000;
const CONNECTIONS = 160;
const PARALLEL = 8;

/** Error codes a push server may answer bad input with. */
const FUZZ_ERROR_CODES = [
  'CIM_ERR_BAD_FRAME',
  'CIM_ERR_FRAME_TOO_LARGE',
  'CIM_ERR_LOGIN_REQUIRED',
  'CIM_ERR_LOGIN_TIMEOUT',
  'CIM_ERR_BAD_TOKEN',
  'CIM_ERR_TOKEN_EXPIRED',
  'CIM_ERR_INVALID_INPUT',
  'CIM_ERR_HEARTBEAT_TIMEOUT',
];

/** A hostile or broken device: writes what it is told and records what comes back, tolerating anything. */
class FuzzConnection {
  readonly frames: Frame[] = [];
  closed = false;
  undecodable = false;
  private readonly decoder = new FrameDecoder();

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      try {
        const { frames, error } = this.decoder.push(chunk);
        for (const body of frames) this.frames.push(decodeFrame(body));
        if (error) throw error;
      } catch {
        this.undecodable = true;
      }
    });
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<FuzzConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host: '127.0.0.1' }, () => resolve(new FuzzConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(bytes: Buffer): void {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  errors(): string[] {
    return this.frames.flatMap((f) => ('error' in f ? [f.error.code] : []));
  }
}

describe('fuzzing the login and dispatch path of a real push server', () => {
  const prefix = uniquePrefix('tcp-fuzz');
  let route: RouteService;
  let routeRegistry: ZkRegistry;
  let serverRegistry: ZkRegistry;
  let server: PushServer;
  let fuzzUserId: string;
  let otherUserId: string;

  beforeAll(async () => {
    const { redisUrl, zkConnect } = backends();
    const zk = `${zkConnect}${prefix}`;
    routeRegistry = new ZkRegistry({ connect: zk, logger: silentLogger });
    route = new RouteService({
      secret,
      port: 0,
      store: createStore({ redisUrl, prefix: `${prefix}:` }),
      registry: routeRegistry,
      logger: silentLogger,
      heartbeatMs: HEARTBEAT_MS,
    });
    await route.start();
    serverRegistry = new ZkRegistry({ connect: zk, logger: silentLogger });
    server = new PushServer({
      secret,
      routeUrl: route.url,
      registry: serverRegistry,
      logger: silentLogger,
      heartbeatMs: HEARTBEAT_MS,
      loginTimeoutMs: LOGIN_TIMEOUT_MS,
    });
    await server.start();
    await waitFor(() => route.liveServers().length === 1, {
      timeoutMs: 10_000,
      message: 'the route to see the server',
    });
    const api = new RouteApi(route.url);
    fuzzUserId = (await api.register('fuzzer', 'password-fuzzer')).userId;
    otherUserId = (await api.register('target', 'password-target')).userId;
  });

  afterAll(async () => {
    await server?.stop({ drainTimeoutMs: 1_000 });
    await serverRegistry?.close();
    await route?.stop();
    await routeRegistry?.close();
    await route?.store.close();
  });

  it('answers every malformed, hostile or out-of-order connection with an Error frame or a close, and stays up for everyone else', async () => {
    const rng = new Prng(0x7c9f);
    const port = server.tcpAddress.port;
    // A device of its own for every token, so no login kicks another connection out.
    let devices = 0;
    const token = (over: Partial<TokenClaims> = {}) =>
      signToken(
        {
          uid: fuzzUserId,
          name: 'fuzzer',
          dev: `fz-${++devices}`,
          sid: `s${rng.int(0, 1e9)}`,
          exp: Date.now() + 60_000,
          ...over,
        },
        secret,
      );
    // The token of a session the route knows (the push server asks it at every Login).
    const liveToken = async (): Promise<string> => {
      const signed = token();
      const claims = JSON.parse(Buffer.from(signed.split('.')[0], 'base64url').toString()) as TokenClaims;
      await route.store.sessions.put({
        userId: claims.uid,
        userName: claims.name,
        deviceId: claims.dev,
        sessionId: claims.sid,
        serverId: server.id,
        createdAt: Date.now(),
        expiresAt: claims.exp,
      });
      return signed;
    };

    // The well-behaved: an SDK sender and receiver, and a raw device pinging and sending over TCP.
    const alice = new RecordingClient(route.url, 'alice', { heartbeatMs: HEARTBEAT_MS / 2 });
    const bob = new RecordingClient(route.url, 'bob', { heartbeatMs: HEARTBEAT_MS / 2 });
    for (const c of [alice, bob]) {
      await c.client.api.register(c.userName, `password-${c.userName}`);
      await c.client.connect();
    }
    const goodLogin = await new RouteApi(route.url).login('target', 'password-target', 'good');
    const good = await RawClient.connect(port);
    good.send({ requestId: 1, login: { token: goodLogin.token } });
    await good.next('loginOk');
    const baseline = server.connectionCount;
    expect(baseline).toBe(3);

    let fuzzing = true;
    const sentToBob: string[] = [];
    const wellBehaved = (async () => {
      for (let k = 0; fuzzing; k++) {
        sentToBob.push((await alice.client.sendToUser(bob.userId, `steady ${k}`)).msgId);
        good.send({ requestId: 1_000 + k, ping: {} });
        await new Promise((r) => setTimeout(r, 40));
      }
    })();

    const wrongKinds: Frame[] = [
      { loginOk: { userId: '1', userName: 'x', sessionId: 's', serverId: 'y', heartbeatMs: 1 } },
      { pong: {} },
      {
        deliver: {
          message: {
            msgId: '1',
            conversationId: 'p:1:2',
            seq: '1',
            fromUserId: '1',
            fromUserName: 'a',
            to: { userId: '2' },
            body: 'b',
            ts: '1',
            clientMsgId: 'c',
          },
          cursor: '1',
        },
      },
      { sendResult: { clientMsgId: 'c' } },
      { receipt: { kind: 'READ', conversationId: 'p:1:2', msgId: '1', seq: '1', byUserId: '1' } },
      { recalled: { msgId: '1', conversationId: 'p:1:2', seq: '1', byUserId: '1' } },
      { kick: { reason: 'x' } },
      { redirect: { reason: 'x' } },
      { error: { code: 'X', message: 'y' } },
      { caughtUp: { cursor: '1' } },
    ];
    const garbageClientFrames = (): Frame[] => [
      {
        send: {
          clientMsgId: rng.string(rng.int(0, 80)),
          to: rng.pick([{ userId: otherUserId }, { userId: '999999999' }, { groupId: '77' }, { broadcast: true }]),
          body: rng.string(rng.int(0, 200)),
        },
      },
      { send: { clientMsgId: 'big', to: { userId: otherUserId }, body: 'x'.repeat(rng.int(4_097, 60_000)) } },
      { send: {} } as Frame,
      { ack: { cursor: rng.decimal() } },
      { ack: {} } as Frame,
      { read: { conversationId: rng.pick(['p:1:2', 'g:5', rng.string(10), '']), seq: rng.decimal() } },
      { ping: {} },
      { login: { token: token() } },
    ];

    type Kind =
      | 'random-bytes'
      | 'wrong-first-frame'
      | 'bad-token'
      | 'login-then-garbage'
      | 'login-then-wrong-kinds'
      | 'login-then-random-frames'
      | 'oversized'
      | 'byte-by-byte-login';
    const kinds: Kind[] = [
      'random-bytes',
      'wrong-first-frame',
      'bad-token',
      'login-then-garbage',
      'login-then-wrong-kinds',
      'login-then-random-frames',
      'oversized',
      'byte-by-byte-login',
    ];
    const tally = new Map<Kind, number>();

    const fuzzOne = async (kind: Kind): Promise<void> => {
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
      const conn = await FuzzConnection.open(port);
      const login = async () => {
        conn.write(encodeFrame({ requestId: 5, login: { token: await liveToken() } }));
        await waitFor(() => conn.frames.some((f) => 'loginOk' in f) || conn.closed, { message: 'LoginOk' });
      };
      switch (kind) {
        case 'random-bytes':
          for (const chunk of rng.split(rng.bytes(rng.int(1, 400)), 64)) conn.write(chunk);
          break;
        case 'wrong-first-frame':
          conn.write(encodeFrame(rng.pick([...wrongKinds, { ping: {} }, { logout: {} }, { ack: { cursor: '1' } }])));
          break;
        case 'bad-token':
          conn.write(
            encodeFrame({
              login: {
                token: rng.pick([
                  () => rng.string(rng.int(0, 100)),
                  () => token({ exp: Date.now() - 1 }),
                  () =>
                    signToken(
                      { uid: fuzzUserId, name: 'fuzzer', dev: 'x', sid: 'y', exp: Date.now() + 60_000 },
                      'another-secret-0123456789',
                    ),
                  () => `${token().split('.')[0]}x.${token().split('.')[1]}`,
                  () => 'x'.repeat(5_000),
                ])(),
              },
            }),
          );
          break;
        case 'login-then-garbage':
          await login();
          conn.write(
            Buffer.concat([
              rng.pick([Buffer.from([0x03, 0xff, 0xff, 0xff]), rng.bytes(rng.int(1, 100))]),
              rng.bytes(rng.int(0, 50)),
            ]),
          );
          break;
        case 'login-then-wrong-kinds':
          await login();
          for (let i = rng.int(1, 4); i > 0; i--)
            conn.write(encodeFrame({ requestId: i, ...rng.pick(wrongKinds) } as Frame));
          break;
        case 'login-then-random-frames':
          await login();
          for (let i = rng.int(1, 6); i > 0; i--)
            conn.write(encodeFrame({ requestId: 100 + i, ...rng.pick(garbageClientFrames()) } as Frame));
          break;
        case 'oversized':
          if (rng.bool()) await login();
          conn.write(Buffer.concat([encodeVarint32(rng.int(64 * 1024 + 1, 2 ** 32 - 1)), rng.bytes(rng.int(0, 30))]));
          break;
        case 'byte-by-byte-login':
          for (const byte of encodeFrame({ login: { token: await liveToken() } })) conn.write(Buffer.from([byte]));
          await waitFor(() => conn.frames.some((f) => 'loginOk' in f), {
            message: 'LoginOk after a byte-by-byte login',
          });
          break;
      }
      // Every connection ends with the server closing it (error, login timeout or heartbeat
      // timeout): none is left hanging, none is answered wrongly.
      await waitFor(() => conn.closed, {
        timeoutMs: HEARTBEAT_MS * 3 + LOGIN_TIMEOUT_MS,
        message: `a ${kind} connection to be closed`,
      });
      for (const code of conn.errors())
        expect(FUZZ_ERROR_CODES, `${kind}: ${JSON.stringify(conn.frames)}`).toContain(code);
      expect(conn.undecodable, `${kind}: the server wrote something that does not decode`).toBe(false);
      if (kind === 'wrong-first-frame') expect(conn.errors()).toEqual(['CIM_ERR_LOGIN_REQUIRED']);
      if (kind === 'bad-token') expect(['CIM_ERR_BAD_TOKEN', 'CIM_ERR_TOKEN_EXPIRED']).toContain(conn.errors()[0]);
      if (kind === 'oversized') expect(conn.errors().at(-1)).toBe('CIM_ERR_FRAME_TOO_LARGE');
      if (kind === 'login-then-wrong-kinds') expect(conn.errors()[0]).toBe('CIM_ERR_INVALID_INPUT');
      expect(conn.frames.some((f) => 'kick' in f)).toBe(false);
    };

    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let i = next++; i < CONNECTIONS; i = next++) await fuzzOne(rng.pick(kinds));
      }),
    );
    fuzzing = false;
    await wellBehaved;

    expect([...tally.keys()].sort()).toEqual([...kinds].sort());
    // The server is still up and back to exactly the well-behaved connections.
    await waitFor(() => server.connectionCount === baseline, {
      message: 'the connection count to return to its baseline',
    });
    expect((await fetch(`http://127.0.0.1:${server.httpAddress.port}/healthz`)).ok).toBe(true);
    // The well-behaved never noticed: no reconnect, every message once, a Pong for every Ping.
    for (const id of sentToBob)
      await waitFor(() => bob.received.some((m) => m.msgId === id), { message: `bob to get ${id}` });
    expect(new Set(bob.received.map((m) => m.msgId)).size).toBe(bob.received.length);
    expect(alice.states).toEqual(['connecting', 'online']);
    expect(bob.states).toEqual(['connecting', 'online']);
    const pings = sentToBob.length;
    await waitFor(() => good.frames.filter((f) => 'pong' in f).length === pings, { message: 'a Pong for every Ping' });
    expect(good.closed).toBe(false);
    expect(good.frames.filter((f) => 'error' in f)).toEqual([]);
    // A fresh, correct device still gets in after all that.
    const late = await RawClient.connect(port);
    late.send({ login: { token: await liveToken() } });
    await late.next('loginOk');
    late.close();
    good.close();
    for (const c of [alice, bob]) await c.client.close();
  }, 120_000);
});
