import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '@cim/common';
import { silentLogger, ZkRegistry } from '@cim/common/server';
import { startLocalCluster, type LocalCluster } from '@cim/cli';
import type { LoginInfo } from '@cim/client';
import { createStore, RouteService, type RouteStore } from '@cim/route';
import { isolatedBackends, TcpProxy, uniquePrefix } from '../harness/index.js';
import { routeCall } from '../support/outside-device.js';
import { RawClient } from '../support/raw-client.js';

/*
 * A refresh replaces the device's session on the route; when its answer is lost on the way (a
 * timeout, a reset connection) the device still holds only the old token. Its retry with that
 * token must not log the user out, also when a load balancer sends it to another route.
 */
describe('a refresh whose answer was lost, on Redis + ZooKeeper', () => {
  const prefix = uniquePrefix('refresh-retry');
  const backends = isolatedBackends(prefix);
  let cluster: LocalCluster;
  let lossyRoute: TcpProxy;
  let otherRoute: { service: RouteService; store: RouteStore } | undefined;

  beforeAll(async () => {
    cluster = await startLocalCluster({ servers: 1, routePort: 0, tcpPort: 0, ...backends, logger: silentLogger });
    lossyRoute = await TcpProxy.start({ port: Number(new URL(cluster.routeUrl).port) });
    lossyRoute.loseAnswers();
    const store = createStore({ redisUrl: backends.redisUrl, prefix: backends.redisPrefix });
    const service = new RouteService({
      secret: cluster.secret,
      port: 0,
      store,
      registry: new ZkRegistry({ connect: backends.zkConnect }),
      logger: silentLogger,
    });
    otherRoute = { service, store };
    await service.start();
  });

  afterAll(async () => {
    await lossyRoute?.close();
    await otherRoute?.service.stop();
    await otherRoute?.store.close();
    await cluster?.stop();
  });

  const call = <T>(method: string, path: string, options: { body?: unknown; token?: string } = {}) =>
    routeCall<T>(cluster.routeUrl, method, path, options);

  async function login(userName: string, deviceId: string): Promise<LoginInfo> {
    await call('POST', '/accounts', { body: { userName, password: 'password-1' } });
    const answer = await call<LoginInfo>('POST', '/sessions', { body: { userName, password: 'password-1', deviceId } });
    expect(answer.status).toBe(200);
    return answer.body;
  }

  /** A refresh the route carries out but whose answer never reaches the device. */
  async function refreshAnswerLost(token: string): Promise<void> {
    const lost = routeCall(`http://127.0.0.1:${lossyRoute.port}`, 'POST', '/sessions/refresh', { token });
    await expect(lost).rejects.toThrow();
  }

  const refresh = (token: string, routeUrl = cluster.routeUrl) =>
    routeCall<LoginInfo & { code?: string }>(routeUrl, 'POST', '/sessions/refresh', { token });

  it('answers the retry with the old token on any route, and the device logs in over TCP and gets its messages', async () => {
    const alice = await login('refresh-alice', 'phone');
    const bob = await login('refresh-bob', 'laptop');
    await refreshAnswerLost(alice.token);
    // The refresh did replace the session: the old token is ended for everything else.
    expect((await call('GET', '/conversations', { token: alice.token })).status).toBe(401);

    const retried = await refresh(alice.token, otherRoute!.service.url);
    expect(retried.status).toBe(200);
    expect(retried.body.sessionId).not.toBe(alice.sessionId);
    // A second retry gets the same answer.
    expect((await refresh(alice.token)).body.token).toBe(retried.body.token);

    const sent = await call<{ msgId: string }>('POST', '/messages', {
      token: bob.token,
      body: { to: { userId: alice.userId }, body: 'while you were away', clientMsgId: 'refresh-1' },
    });
    expect(sent.status).toBe(200);
    const device = await RawClient.loginWith(retried.body, '0');
    try {
      expect(await device.next('loginOk')).toMatchObject({ loginOk: { userId: alice.userId } });
      await device.next('deliver');
      expect(device.delivers().map((d) => [d.message.msgId, d.message.body])).toEqual([
        [sent.body.msgId, 'while you were away'],
      ]);
      // The new token is in use: the old one gets nothing any more.
      const late = await refresh(alice.token);
      expect([late.status, late.body.code]).toEqual([401, ErrorCodes.SESSION_ENDED]);
    } finally {
      device.close();
    }
  });

  it('still refuses the old token after the device logged out', async () => {
    const carol = await login('refresh-carol', 'tablet');
    await refreshAnswerLost(carol.token);
    const retried = await refresh(carol.token);
    expect(retried.status).toBe(200);
    expect((await call('DELETE', '/sessions/current', { token: retried.body.token })).status).toBe(204);

    for (const token of [carol.token, retried.body.token]) {
      const answer = await refresh(token);
      expect([answer.status, answer.body.code]).toEqual([401, ErrorCodes.SESSION_ENDED]);
    }
  });
});
