import {
  ErrorCodes,
  eventsResponseSchema,
  INTERNAL_EVENTS_PATH,
  isRetryLater,
  type EventResult,
  type EventsRequest,
  type Frame,
  type ServerEvent,
} from '@cim/common';
import { createHttpClient, type Logger } from '@cim/common/server';
import type { AxiosInstance } from 'axios';

interface Pending {
  event: ServerEvent;
  /** Past this time the event is answered as if the route were unreachable. */
  deadline: number;
  resolve: (result: Frame | null) => void;
}

const MAX_BATCH = 500;
/** Waits between attempts; the last one repeats until an event's deadline. */
const RETRY_DELAYS_MS = [100, 300, 1_000, 3_000, 5_000];
/** How long a state-changing event (closed, ack, read, logout) is retried while the route or its store is down. */
export const STATE_EVENT_RETRY_MS = 2 * 60_000;

/**
 * The push server's upstream to the route: events (login, connection closed, send, ack, read,
 * logout) are queued and sent in batches — everything queued within one turn of the event loop
 * travels in one request. Events that change state are retried with backoff while the route is
 * unreachable or answers that its store is down: a login until `loginDeadlineMs`, the rest for
 * STATE_EVENT_RETRY_MS. A send that cannot reach the route is answered with CIM_ERR_UNAVAILABLE at
 * once, so the client retries it with the same clientMsgId (sends are idempotent).
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
    private readonly loginDeadlineMs: number,
    ca?: string | Buffer,
  ) {
    this.http = createHttpClient({
      baseURL: routeUrl,
      timeoutMs: 10_000,
      headers: { authorization: `Bearer ${secret}` },
      ca,
    });
  }

  /** Queues an event; resolves with the frame the route wants written back (or null). */
  submit(event: ServerEvent): Promise<Frame | null> {
    return new Promise((resolve) => {
      this.queue.push({ event, deadline: Date.now() + this.retryWindow(event), resolve });
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

  private retryWindow(event: ServerEvent): number {
    if (event.type === 'send') return 0;
    return event.type === 'login' ? this.loginDeadlineMs : STATE_EVENT_RETRY_MS;
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
    for (let attempt = 0; batch.length > 0; attempt++) {
      const outcome = await this.post(batch.map((p) => p.event));
      const retry: Pending[] = [];
      batch.forEach((p, i) => {
        const result: EventResult | undefined = outcome.ok ? outcome.results[i] : undefined;
        if (outcome.ok && !isRetryLater(result)) p.resolve(result ?? null);
        else if (this.stopped || Date.now() >= p.deadline) p.resolve(unavailableAnswer(p.event));
        else retry.push(p);
      });
      const given = batch.length - retry.length;
      if (!outcome.ok && given > 0)
        this.logger.warn({ events: given, reason: outcome.reason }, 'route unreachable: gave up on events');
      batch = retry;
      if (batch.length > 0)
        await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]));
    }
  }

  private async post(
    events: ServerEvent[],
  ): Promise<{ ok: true; results: EventResult[] } | { ok: false; reason: string }> {
    const body: EventsRequest = { serverId: this.serverId, events };
    try {
      const res = await this.http.post<unknown>(INTERNAL_EVENTS_PATH, body);
      const answer = eventsResponseSchema.safeParse(res.data);
      if (res.status === 200 && answer.success) return { ok: true, results: answer.data.results };
      return { ok: false, reason: `HTTP ${res.status}` };
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
  }
}

/** What the device hears when the route could not be reached in time. */
function unavailableAnswer(event: ServerEvent): Frame | null {
  if (event.type === 'login') {
    return { error: { code: ErrorCodes.UNAVAILABLE, message: 'the route is unreachable: retry shortly' } };
  }
  if (event.type !== 'send') return null;
  return {
    requestId: event.requestId,
    sendResult: {
      clientMsgId: event.send.clientMsgId,
      error: { code: ErrorCodes.UNAVAILABLE, message: 'the route is unreachable; retry with the same clientMsgId' },
    },
  };
}
