import {
  ErrorCodes,
  eventsResponseSchema,
  INTERNAL_EVENTS_PATH,
  isRetryLater,
  type EventResult,
  type EventsRequest,
  type Frame,
  type PushRequest,
  type ServerEvent,
} from '@cim/common';
import { createHttpClient, type Logger } from '@cim/common/server';
import type { AxiosInstance } from 'axios';

interface Pending {
  event: ServerEvent;
  /** Past this time the event is answered as if the route were unreachable. */
  deadline: number;
  /** Requests that carried it and failed. */
  failures: number;
  resolve: (result: Frame | null) => void;
}

const MAX_BATCH = 500;
/**
 * Requests to the route in flight at once. Events queued meanwhile wait and travel together in the
 * next request, so a slow route gets fewer, larger batches. Without the bound, a crowd of clients
 * logging in at once (a crashed server's, coming here) became one small request per event-loop
 * turn, queued in the HTTP agent until they timed out and were retried: a storm that kept the
 * route from answering any of them in time.
 */
export const MAX_REQUESTS_IN_FLIGHT = 4;
/** Waits between attempts; the last one repeats until an event's deadline. */
const RETRY_DELAYS_MS = [100, 300, 1_000, 3_000, 5_000];
/** How long a state-changing event (closed, ack, read, logout) is retried while the route or its store is down. */
export const STATE_EVENT_RETRY_MS = 2 * 60_000;

/**
 * The push server's upstream to the route: events (login, connection closed, send, ack, read,
 * logout) are queued and sent in batches — everything queued within one turn of the event loop,
 * or while MAX_REQUESTS_IN_FLIGHT requests are out, travels in one request. Events that change state are retried with backoff while the route is
 * unreachable or answers that its store is down: a login until `loginDeadlineMs`, the rest for
 * STATE_EVENT_RETRY_MS. A send that cannot reach the route is answered with CIM_ERR_UNAVAILABLE at
 * once, so the client retries it with the same clientMsgId (sends are idempotent).
 *
 * The route's answer may carry deliveries for this server's devices (`EventsResponse.push`): they
 * go to `push` before any event of the batch is answered.
 */
export class RouteLink {
  private readonly http: AxiosInstance;
  private queue: Pending[] = [];
  private flushScheduled = false;
  private inFlight = 0;
  /** Events waiting out a retry delay before they rejoin the queue. */
  private retrying = 0;
  private stopped = false;

  constructor(
    private readonly serverId: string,
    routeUrl: string,
    secret: string,
    private readonly logger: Logger,
    private readonly loginDeadlineMs: number,
    private readonly push: (request: PushRequest) => void,
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
      this.queue.push({ event, deadline: Date.now() + this.retryWindow(event), failures: 0, resolve });
      if (this.queue.length >= MAX_BATCH) this.flush();
      else this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Resolves once nothing is queued or in flight (used by graceful shutdown). */
  async idle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.queue.length > 0 || this.inFlight > 0 || this.retrying > 0) && Date.now() < deadline) {
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
    while (this.queue.length > 0 && this.inFlight < MAX_REQUESTS_IN_FLIGHT) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.deliver(batch).finally(() => {
        this.inFlight--;
        if (this.queue.length > 0) this.flush();
      });
    }
  }

  /** One request; events that must be retried rejoin the queue after a delay that grows with their failures. */
  private async deliver(batch: Pending[]): Promise<void> {
    const outcome = await this.post(batch.map((p) => p.event));
    if (outcome.ok && outcome.push) this.push(outcome.push);
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
    if (retry.length === 0) return;
    const failures = Math.max(...retry.map((p) => p.failures)) + 1;
    for (const p of retry) p.failures = failures;
    this.retrying += retry.length;
    setTimeout(
      () => {
        this.retrying -= retry.length;
        if (this.stopped) for (const p of retry) p.resolve(unavailableAnswer(p.event));
        else {
          this.queue.unshift(...retry);
          this.scheduleFlush();
        }
      },
      RETRY_DELAYS_MS[Math.min(failures - 1, RETRY_DELAYS_MS.length - 1)],
    );
  }

  private async post(
    events: ServerEvent[],
  ): Promise<{ ok: true; results: EventResult[]; push?: PushRequest } | { ok: false; reason: string }> {
    const body: EventsRequest = { serverId: this.serverId, events, takesPush: true };
    try {
      const res = await this.http.post<unknown>(INTERNAL_EVENTS_PATH, body);
      const answer = eventsResponseSchema.safeParse(res.data);
      if (res.status === 200 && answer.success) return { ok: true, ...answer.data };
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
