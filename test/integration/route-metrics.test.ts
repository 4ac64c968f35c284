import { type LocalCluster } from '@cim/cli';
import { RouteApi } from '@cim/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generousLimits } from '../../devkit/generous-limits.js';
import { startTestCluster } from '../support/test-cluster.js';

describe("the route's HTTP metrics", () => {
  let cluster: LocalCluster;

  beforeAll(async () => {
    cluster = await startTestCluster({ route: generousLimits });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('file failed and successful requests of one endpoint under the same route label', async () => {
    const api = new RouteApi(cluster.routeUrl);
    const { userId } = await api.register('metered', 'password-metered');
    api.token = (await api.login('metered', 'password-metered', 'laptop')).token;
    await api.send({ userId }, 'fine', 'm-1');
    await expect(api.send({ userId }, '', 'm-2')).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });

    const text = await (await fetch(`${cluster.routeUrl}/metrics`)).text();
    const sends = text
      .split('\n')
      .filter((l) => l.startsWith('cim_route_http_request_seconds_count{') && l.includes('method="POST"'));
    const labelOf = (status: string) =>
      sends.find((l) => l.includes(`status="${status}"`) && l.includes('/messages"'))?.match(/route="([^"]+)"/)?.[1];
    expect(labelOf('200')).toBe('/api/v1/messages');
    expect(labelOf('400')).toBe('/api/v1/messages');
  });
});
