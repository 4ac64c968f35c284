import { afterAll, beforeAll, describe, it } from 'vitest';
import { type LocalCluster } from '@cim/cli';
import { isolatedBackends, uniquePrefix } from '../harness/index.js';
import { runChatScenario } from '../support/chat-scenario.js';
import { startTestCluster } from '../support/test-cluster.js';

describe.each([
  { backend: 'Redis + ZooKeeper', real: true },
  { backend: 'embedded store + registry', real: false },
])('chat across two push servers on $backend', ({ real }) => {
  let cluster: LocalCluster;
  const prefix = uniquePrefix('chat');

  beforeAll(async () => {
    cluster = await startTestCluster({
      servers: 2,
      selection: 'round-robin',
      ...(real ? isolatedBackends(prefix) : {}),
    });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('delivers private messages to the recipient only, broadcasts to everyone once, and lists who is online', async () => {
    await runChatScenario(
      cluster.routeUrl,
      cluster.servers.map((s) => s.id),
      'u',
    );
  });
});
