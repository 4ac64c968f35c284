import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsRequestSchema, type ServerEvent } from '@cim/common';
import { silentLogger } from '@cim/common/server';
import { waitFor } from '../../devkit/wait-for.js';
import { MAX_REQUESTS_IN_FLIGHT, RouteLink } from './route-link.js';

/** A route whose events API holds every request until the test lets it answer (null for each event). */
class HeldRoute {
  readonly server = http.createServer((req, res) => this.hold(req, res));
  private readonly held: (() => void)[] = [];
  inFlight = 0;
  maxInFlight = 0;
  requests = 0;
  events: ServerEvent[] = [];

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get waiting(): number {
    return this.held.length;
  }

  /** Answers every request held so far. */
  release(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private hold(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = eventsRequestSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      this.events.push(...body.events);
      this.requests++;
      this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
      this.held.push(() => {
        this.inFlight--;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ results: body.events.map(() => null) }));
      });
    });
  }
}

const closed = (i: number): ServerEvent => ({
  type: 'closed',
  userId: String(i + 1),
  userName: `user${i + 1}`,
  deviceId: 'phone',
  sessionId: `s${i}`,
  connectionId: `c${i}`,
});

describe('route link: events from a push server to a slow route', () => {
  let route: HeldRoute;
  let link: RouteLink;

  beforeEach(async () => {
    route = new HeldRoute();
    link = new RouteLink('server-1', await route.start(), 'secret-0123456789abcdef', silentLogger, 5_000);
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
    await waitFor(() => route.waiting > 0);
    while (route.events.length < 200) {
      route.release();
      await waitFor(() => route.waiting > 0 || route.events.length === 200);
    }
    route.release();

    expect(await Promise.all(answers)).toEqual(Array.from({ length: 200 }, () => null));
    expect(route.events.map((e) => (e as { connectionId: string }).connectionId).sort()).toEqual(
      Array.from({ length: 200 }, (_, i) => `c${i}`).sort(),
    );
    expect(route.maxInFlight).toBeLessThanOrEqual(MAX_REQUESTS_IN_FLIGHT);
    expect(route.requests).toBeLessThan(200);
  });
});
