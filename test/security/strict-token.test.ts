import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import { RouteApi } from '@cim/client';
import { RawClient } from '../support/raw-client.js';
import { startTestCluster, onSharedRedis } from '../support/test-cluster.js';

/** What Node's base64url decoder skips or ignores at the end of a token (HTTP trims a trailing space). */
const JUNK = ['=', '==', '!!!', '%00', '.'];

describe('a token with junk appended after its signature', () => {
  let cluster: LocalCluster;
  const raws: RawClient[] = [];
  let token: string;

  beforeAll(async () => {
    cluster = await startTestCluster({
      ...onSharedRedis('strict-token'),
    });
    const api = new RouteApi(cluster.routeUrl);
    await api.register('alice', 'password-alice');
    token = (await api.login('alice', 'password-alice', 'phone')).token;
  });

  afterEach(() => {
    for (const r of raws.splice(0)) r.close();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('is refused by the route with 401 CIM_ERR_BAD_TOKEN, while the token itself is accepted', async () => {
    const online = (bearer: string) =>
      fetch(`${cluster.routeUrl}/api/v1/users/online`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await online(token)).status).toBe(200);
    for (const junk of JUNK) {
      const res = await online(token + junk);
      expect(res.status, JSON.stringify(junk)).toBe(401);
      expect(await res.json(), JSON.stringify(junk)).toMatchObject({ code: 'CIM_ERR_BAD_TOKEN' });
    }
  });

  it('is refused by the push server with Error{CIM_ERR_BAD_TOKEN} and a close, while the token itself logs in', async () => {
    const port = cluster.servers[0].tcpAddress.port;
    for (const junk of [...JUNK, ' ', '\n']) {
      const raw = await RawClient.connect(port);
      raws.push(raw);
      raw.send({ requestId: 1, login: { token: token + junk } });
      expect((await raw.next('error')).error.code, JSON.stringify(junk)).toBe('CIM_ERR_BAD_TOKEN');
      await raw.closedByServer();
      expect(raw.frames.some((f) => 'loginOk' in f)).toBe(false);
    }
    const good = await RawClient.connect(port);
    raws.push(good);
    good.send({ requestId: 1, login: { token } });
    expect((await good.next('loginOk')).loginOk.userName).toBe('alice');
  });
});
