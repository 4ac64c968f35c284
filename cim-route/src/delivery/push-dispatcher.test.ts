import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushRequest } from '@cim/common';
import { MemoryRegistryHub, silentLogger } from '@cim/common/server';
import { HeldHttpServer } from '../../../devkit/held-http-server.js';
import { waitFor } from '../../../devkit/wait-for.js';
import { RouteMetrics } from '../metrics.js';
import { pushServer } from './delivery-fakes.js';
import { MAX_PUSHES_IN_FLIGHT, PushDispatcher } from './push-dispatcher.js';
import { ServerDirectory } from './server-directory.js';

describe('push dispatcher: pushes to a slow push server', () => {
  let server: HeldHttpServer;
  let dispatcher: PushDispatcher;
  const frames = () => server.bodies.flatMap((b) => (b as PushRequest).frames ?? []);

  beforeEach(async () => {
    // The push server's internal API, answering 200 once the test releases the request.
    server = await HeldHttpServer.start(() => ({}));
    const directory = new ServerDirectory(new MemoryRegistryHub().client(), 'round-robin', silentLogger);
    dispatcher = new PushDispatcher(directory, 'secret-0123456789abcdef', silentLogger, new RouteMetrics());
  });

  afterEach(() => server.stop());

  it('keeps a bounded number of requests in flight per server and sends what queued meanwhile together', async () => {
    const target = { ...pushServer('srv-a'), httpPort: server.port };
    // Catch-ups of many devices, each finishing in its own event-loop turn.
    const answers: Promise<boolean>[] = [];
    for (let i = 0; i < 200; i++) {
      answers.push(dispatcher.frame(target, { frame: { caughtUp: { cursor: String(i) } }, userIds: [String(i)] }));
      await new Promise((r) => setImmediate(r));
    }
    while (frames().length < 200) {
      await waitFor(() => server.waiting > 0 || frames().length === 200);
      server.release();
    }
    server.release();

    expect(await Promise.all(answers)).toEqual(Array.from({ length: 200 }, () => true));
    expect(
      frames()
        .map((f) => f.userIds[0])
        .sort(),
    ).toEqual(Array.from({ length: 200 }, (_, i) => String(i)).sort());
    expect(server.maxInFlight).toBeLessThanOrEqual(MAX_PUSHES_IN_FLIGHT);
    expect(server.bodies.length).toBeLessThan(200);
  });
});
