import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, uniquePrefix, waitFor } from '../harness/index.js';
import { signUp } from '../support/accounts.js';
import { RecordingClient } from '../support/chat-scenario.js';
import { startCluster, type CimCluster } from '../../devkit/cluster.js';

/** Short, so that a push to a stopped server fails within the test. */
const PUSH_TIMEOUT_MS = 500;

/** The sum of one metric (all its label sets) in the route's Prometheus text. */
async function routeMetric(routeUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${routeUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(name))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

/**
 * A push server stopped (SIGSTOP) for longer than the route's push timeout, but not long enough for
 * its devices to notice (their heartbeat is the default 30 s) or for ZooKeeper to drop it: the
 * device stays connected to it throughout, so the message reaches it by a push, never by a sync.
 * (A stopped server still finds a timed-out request in its socket when it resumes; a server that
 * was reset or refused does not, which is what the retry is for: see push-dispatcher.test.ts.)
 */
describe('a push server that fails a push while it is still listed', () => {
  let cluster: CimCluster;

  beforeAll(async () => {
    cluster = await startCluster({
      routes: 1,
      servers: 1,
      zkConnect: `${backends().zkConnect}${uniquePrefix('push-retry')}`,
      env: { CIM_PUSH_TIMEOUT_MS: String(PUSH_TIMEOUT_MS) },
      logLevel: 'warn',
    });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('gets a message sent while it was stopped pushed again once it runs: the device receives it without reconnecting', async () => {
    const alice = (await signUp(cluster.routeUrl, 'alice')).api;
    const bob = new RecordingClient(cluster.routeUrl, 'bob');
    try {
      await bob.client.api.register('bob', 'password-bob');
      await bob.client.connect();
      await alice.send({ userId: bob.userId }, 'before', 'before');
      await bob.waitForBody('before');
      const server = cluster.servers[0];
      const retried = () => routeMetric(cluster.routeUrl, 'cim_route_push_retries_total');

      server.freeze();
      try {
        // Answered once stored; its push times out on the stopped server, and the route pushes the
        // message again while the server is still stopped.
        await alice.send({ userId: bob.userId }, 'while stopped', 'while-stopped');
        await waitFor(async () => (await retried()) >= 1, {
          timeoutMs: 10_000,
          message: 'the route to push again to the stopped server',
        });
      } finally {
        server.thaw();
      }

      await bob.waitForBody('while stopped');
      expect(bob.bodies()).toEqual(['before', 'while stopped']);
      expect(bob.states).not.toContain('reconnecting');
      expect(bob.client.info().serverId).toBe(server.id);
      await waitFor(async () => (await routeMetric(cluster.routeUrl, 'cim_route_push_retry_backlog')) === 0, {
        message: 'the route to have nothing left to push again',
      });
    } finally {
      await bob.client.close();
    }
  });
});
