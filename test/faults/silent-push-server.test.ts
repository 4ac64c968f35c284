import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CimClient } from '@cim/client';
import { CimError, ErrorCodes } from '@cim/common';
import { backends, uniquePrefix, waitFor } from '../harness/index.js';
import { RecordingClient } from '../support/chat-scenario.js';
import { signUp } from '../support/accounts.js';
import { startCluster, type CimCluster, type ServerProcess } from '../../devkit/cluster.js';

/** Short enough that a silent server is noticed in about two seconds. */
const HEARTBEAT_MS = 1_000;
const LOGIN_TIMEOUT_MS = 1_000;

/**
 * A push server process stopped with SIGSTOP: its sockets stay open and the kernel still accepts
 * connections on its port, but nothing answers. ZooKeeper keeps listing it for its session timeout
 * (the default, much longer than this test), so the route keeps offering it too.
 */
describe('a push server that goes silent (SIGSTOP)', () => {
  let cluster: CimCluster;
  let frozen: ServerProcess | undefined;
  const clients: CimClient[] = [];
  let n = 0;

  beforeAll(async () => {
    cluster = await startCluster({
      routes: 1,
      servers: 2,
      heartbeatMs: HEARTBEAT_MS,
      zkConnect: `${backends().zkConnect}${uniquePrefix('silent-push-server')}`,
      logLevel: 'warn',
    });
  });

  afterEach(async () => {
    frozen?.thaw();
    frozen = undefined;
    for (const c of clients.splice(0)) await c.close();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  async function online(base: string): Promise<RecordingClient> {
    const name = `${base}${++n}`;
    const rec = new RecordingClient(cluster.routeUrl, name, { loginTimeoutMs: LOGIN_TIMEOUT_MS });
    clients.push(rec.client);
    await rec.client.api.register(name, `password-${name}`);
    await rec.client.connect();
    return rec;
  }

  function freeze(server: ServerProcess): ServerProcess {
    frozen = server;
    server.freeze();
    return server;
  }

  it('is noticed by its missing Pongs; the SDK moves to another server and misses nothing sent meanwhile', async () => {
    const alice = (await signUp(cluster.routeUrl, `alice${++n}`)).api;
    const bob = await online('bob');
    const errors: CimError[] = [];
    bob.client.on('error', (err) => {
      if (err instanceof CimError) errors.push(err);
    });
    await alice.send({ userId: bob.userId }, 'before', 'before');
    await bob.waitForBody('before');

    const silent = freeze(cluster.servers.find((s) => s.id === bob.client.info().serverId)!);
    // Sent while the server is silent: stored, pushed at a server that does not answer.
    const during = Array.from({ length: 5 }, (_, i) =>
      alice.send({ userId: bob.userId }, `during ${i}`, `during-${i}`),
    );

    await waitFor(() => bob.client.info().serverId !== silent.id && bob.client.info().caughtUp, {
      timeoutMs: 20_000,
      message: 'bob to be caught up on another push server',
    });
    expect(errors.map((e) => e.code)).toContain(ErrorCodes.TIMEOUT);
    expect(bob.states).toContain('reconnecting');
    await Promise.all(during);
    for (let i = 0; i < 5; i++) await bob.waitForBody(`during ${i}`);
    await alice.send({ userId: bob.userId }, 'after', 'after');
    await bob.waitForBody('after');
    expect(bob.bodies()).toEqual(['before', 'during 0', 'during 1', 'during 2', 'during 3', 'during 4', 'after']);
  });

  it('times out a Login the silent server never answers, instead of waiting forever', async () => {
    const [silent, healthy] = cluster.servers;
    freeze(silent);
    // Round-robin: of two logins in a row (and no other logins meanwhile), one is sent to the silent server.
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i < 2; i++) {
      const name = `carol${++n}`;
      const carol = new CimClient({
        routeUrl: cluster.routeUrl,
        userName: name,
        password: `password-${name}`,
        loginTimeoutMs: LOGIN_TIMEOUT_MS,
      });
      clients.push(carol);
      await carol.api.register(name, `password-${name}`);
      outcomes.push(
        await carol.connect().then(
          (login) => login.server.id,
          (err: unknown) => (err instanceof CimError ? err.code : String(err)),
        ),
      );
    }
    expect(outcomes.sort()).toEqual([ErrorCodes.TIMEOUT, healthy.id].sort());
  });
});
