import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsRequestSchema, type EventsRequest, type PushRequest, type ServerEvent } from '@cim/common';
import { silentLogger } from '@cim/common/server';
import { HeldHttpServer } from '../../devkit/held-http-server.js';
import { waitFor } from '../../devkit/wait-for.js';
import { MAX_REQUESTS_IN_FLIGHT, RouteLink } from './route-link.js';

const closed = (i: number): ServerEvent => ({
  type: 'closed',
  userId: String(i + 1),
  userName: `user${i + 1}`,
  deviceId: 'phone',
  sessionId: `s${i}`,
  connectionId: `c${i}`,
});

describe('route link: events from a push server to a slow route', () => {
  let route: HeldHttpServer;
  let link: RouteLink;
  const events = () => route.bodies.flatMap((b) => (b as EventsRequest).events);

  beforeEach(async () => {
    // The route's events API, answering "OK" (null) for each event once the test releases it.
    route = await HeldHttpServer.start((body) => ({
      results: eventsRequestSchema.parse(body).events.map(() => null),
    }));
    link = new RouteLink('server-1', route.url, 'secret-0123456789abcdef', silentLogger, 5_000, () => undefined);
  });

  afterEach(async () => {
    link.stop();
    await route.stop();
  });

  it('keeps a bounded number of requests in flight and sends what queued meanwhile in larger batches', async () => {
    // A crowd of clients whose events arrive one event-loop turn apart, as logins after a crash do.
    const answers: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      answers.push(link.submit(closed(i)));
      await new Promise((r) => setImmediate(r));
    }
    while (events().length < 200) {
      await waitFor(() => route.waiting > 0 || events().length === 200);
      route.release();
    }
    route.release();

    expect(await Promise.all(answers)).toEqual(Array.from({ length: 200 }, () => null));
    expect(
      events()
        .map((e) => (e as { connectionId: string }).connectionId)
        .sort(),
    ).toEqual(Array.from({ length: 200 }, (_, i) => `c${i}`).sort());
    expect(route.maxInFlight).toBeLessThanOrEqual(MAX_REQUESTS_IN_FLIGHT);
    expect(route.bodies.length).toBeLessThan(200);
  });
});

describe("route link: deliveries carried by the route's answer", () => {
  it('hands them to the server before any event of the batch is answered, so a SendResult never precedes its message', async () => {
    const message = {
      msgId: '7',
      conversationId: 'p:1:2',
      seq: '1',
      fromUserId: '1',
      fromUserName: 'user1',
      to: { userId: '2' },
      body: 'hi',
      ts: '1',
      clientMsgId: 'c1',
    };
    const push: PushRequest = { deliveries: [{ message, targets: [{ userId: '1', cursor: '1024' }] }] };
    const route = await HeldHttpServer.start(() => ({
      results: [{ requestId: 3, sendResult: { clientMsgId: 'c1', msgId: '7', conversationId: 'p:1:2', seq: '1' } }],
      push,
    }));
    const order: string[] = [];
    const link = new RouteLink('server-1', route.url, 'secret-0123456789abcdef', silentLogger, 5_000, (pushed) => {
      expect(pushed).toEqual(push);
      order.push('push');
    });
    try {
      const answer = link
        .submit({
          type: 'send',
          userId: '1',
          userName: 'user1',
          deviceId: 'phone',
          sessionId: 's1',
          requestId: 3,
          send: { clientMsgId: 'c1', to: { userId: '2' }, body: 'hi' },
        })
        .then((frame) => {
          order.push('answer');
          return frame;
        });
      await waitFor(() => route.waiting === 1);
      route.release();

      expect(await answer).toMatchObject({ requestId: 3, sendResult: { msgId: '7' } });
      expect(order).toEqual(['push', 'answer']);
    } finally {
      link.stop();
      await route.stop();
    }
  });
});
