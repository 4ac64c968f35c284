import {
  createHttpClient,
  INTERNAL_EVENTS_PATH,
  type EventsRequest,
  type EventsResponse,
  type Frame,
  type Logger,
  type ServerEvent,
} from '@cim/common';
import type { AxiosInstance } from 'axios';

interface Pending {
  event: ServerEvent;
  resolve: (result: Frame | null) => void;
}

const MAX_BATCH = 500;
const RETRY_DELAYS_MS = [100, 300, 1_000, 3_000];

/**
 * The push server's upstream to the route: events (connection closed, send, ack, read, logout) are
 * queued and sent in batches — everything queued within one turn of the event loop travels in one
 * request. Events that change state (closed, ack, read, logout) are retried while the route is
 * unreachable; a send that cannot reach the route is answered with CIM_ERR_UNAVAILABLE so the client
 * retries it with the same clientMsgId (sends are idempotent).
 */
export class RouteLink {
  private readonly http: AxiosInstance;
  private queue: Pending[] = [];
  private flushScheduled = false;
  private inFlight = 0;
  private stopped = false;

  constructor(
    private readonly serverId: string,
    routeUrl: string,
    secret: string,
    private readonly logger: Logger,
    ca?: string | Buffer,
  ) {
    this.http = createHttpClient({ baseURL: routeUrl, timeoutMs: 10_000, headers: { authorization: `Bearer ${secret}` }, ca });
  }

  /** Queues an event; resolves with the frame the route wants written back (or null). */
  submit(event: ServerEvent): Promise<Frame | null> {
    return new Promise((resolve) => {
      this.queue.push({ event, resolve });
      if (this.queue.length >= MAX_BATCH) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Resolves once nothing is queued or in flight (used by graceful shutdown). */
  async idle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.queue.length > 0 || this.inFlight > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private flush(): void {
    this.flushScheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.deliver(batch).finally(() => this.inFlight--);
    }
  }

  private async deliver(batch: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.post(batch.map((p) => p.event));
      if (outcome.ok) {
        batch.forEach((p, i) => p.resolve(outcome.results[i] ?? null));
        return;
      }
      if (this.stopped || attempt >= RETRY_DELAYS_MS.length) {
        this.logger.warn({ events: batch.length, reason: outcome.reason }, 'route unreachable: giving up on events');
        for (const p of batch) p.resolve(unavailableAnswer(p.event));
        return;
      }
      // Sends are answered at once (the client retries); the rest wait for the route.
      const retry: Pending[] = [];
      for (const p of batch) {
        if (p.event.type === 'send') p.resolve(unavailableAnswer(p.event));
        else retry.push(p);
      }
      if (retry.length === 0) return;
      batch = retry;
      await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
    }
  }

  private async post(events: ServerEvent[]): Promise<{ ok: true; results: (Frame | null)[] } | { ok: false; reason: string }> {
    const body: EventsRequest = { serverId: this.serverId, events };
    try {
      const res = await this.http.post<EventsResponse>(INTERNAL_EVENTS_PATH, body);
      if (res.status === 200 && Array.isArray(res.data?.results)) return { ok: true, results: res.data.results };
      return { ok: false, reason: `HTTP ${res.status}` };
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
  }
}

function unavailableAnswer(event: ServerEvent): Frame | null {
  if (event.type !== 'send') return null;
  return {
    requestId: event.requestId,
    sendResult: {
      clientMsgId: event.send.clientMsgId,
      error: { code: 'CIM_ERR_UNAVAILABLE', message: 'the route is unreachable; retry with the same clientMsgId' },
    },
  };
}
