import {
  INTERNAL_PUSH_PATH,
  type ChatMessage,
  type PushDelivery,
  type PushFrame,
  type PushKick,
  type PushRequest,
  type ServerInfo,
} from '@cim/common';
import { createHttpClient, type Logger } from '@cim/common/server';
import type { RouteMetrics } from '../metrics.js';
import { RetryBacklog, sessionsOf } from './retry-backlog.js';
import type { ServerDirectory } from './server-directory.js';

/** What delivery asks of the dispatcher: each call resolves to whether the server took the push. */
export type PushSender = Pick<PushDispatcher, 'deliver' | 'broadcast' | 'frame' | 'kick'>;

/** Sends one request to one push server's internal push API; resolves to whether the server took it. */
export type PushTransport = (server: ServerInfo, request: PushRequest) => Promise<boolean>;

export interface PushRetrySettings {
  /** How long deliveries a server failed to take are retried before its sessions count as unreachable. */
  retryForMs: number;
  /** Deliveries kept for retry per server; past it the oldest are dropped and counted. */
  backlogCapacity: number;
}

interface ServerQueue {
  server: ServerInfo;
  request: Required<PushRequest>;
  waiters: ((ok: boolean) => void)[];
}

/**
 * The internal push API over HTTP(S), with the cluster secret, over keep-alive connections.
 * `timeoutMs` is how long a request may stay silent (axios arms it on the socket, so time spent
 * waiting for a free keep-alive connection does not count); a server busy for a moment answers
 * late, not never, and a push that does time out is retried by the dispatcher.
 */
export function httpPushTransport(options: {
  secret: string;
  timeoutMs: number;
  logger: Logger;
  ca?: string | Buffer;
}): PushTransport {
  const { secret, timeoutMs, logger, ca } = options;
  const http = createHttpClient({ timeoutMs, headers: { authorization: `Bearer ${secret}` }, ca });
  return async (server, request) => {
    try {
      const url = `${server.tls ? 'https' : 'http'}://${server.httpHost}:${server.httpPort}${INTERNAL_PUSH_PATH}`;
      const res = await http.post(url, request);
      if (res.status === 200) return true;
      logger.warn({ serverId: server.id, status: res.status, body: res.data }, 'push refused');
    } catch (err) {
      logger.warn({ serverId: server.id, err: (err as Error).message }, 'push failed');
    }
    return false;
  };
}

/**
 * Route → push server fan-out. Everything addressed to one server within one turn of the event loop
 * travels in ONE request (many deliveries, broadcasts, frames and kicks together).
 *
 * A stored message a server failed to take (timeout, connection error, refusal) is pushed to it
 * again, with backoff, merged into the requests of a later turn, until the server takes it, leaves
 * the registry (see `ServerDirectory.resolve`), or has failed for `retryForMs`: its device may well
 * still be connected, and without a retry it would get the message only at its next reconnect.
 * Given up or dropped from a full backlog, the sessions are counted in
 * `cim_route_unreachable_sessions_total` and logged; the message stays stored for their sync.
 * A retry may arrive twice (the server may have written the first push before failing to answer)
 * and after newer messages: devices drop what they have by msgId, each Deliver carries the
 * message's own cursor, and pushes out of cursor order are already allowed (docs/protocol.md,
 * "Sync cursor": a catch-up starts 10 s before the device's cursor for that reason).
 *
 * The promise of a push still says what its first attempt did: a send that waits for its push (a
 * group message's, or any once `maxUnawaitedPushes` are outstanding) is answered once its message
 * is stored and pushed once, not after retries (see Messages.sendMany). Broadcasts, frames and kicks are not retried:
 * a broadcast is live only (to the connections of the moment; a late copy would reach devices that
 * connected after it was sent, and nothing re-sends it on reconnect either), receipts and recalls
 * are also in the stored state the device reads, and the session a kick ends gets no more
 * deliveries anyway (they name the sessions they are for).
 */
export class PushDispatcher {
  private readonly queues = new Map<string, ServerQueue>();
  private readonly backlogs = new Map<string, RetryBacklog>();
  private flushScheduled = false;

  constructor(
    private readonly directory: ServerDirectory,
    private readonly transport: PushTransport,
    private readonly retry: PushRetrySettings,
    private readonly logger: Logger,
    private readonly metrics: RouteMetrics,
    private readonly now: () => number = Date.now,
  ) {}

  deliver(server: ServerInfo, delivery: PushDelivery): Promise<boolean> {
    return this.waitFor(this.enqueue(server, (r) => r.deliveries.push(delivery)));
  }

  broadcast(server: ServerInfo, message: ChatMessage): Promise<boolean> {
    return this.waitFor(this.enqueue(server, (r) => r.broadcasts.push(message)));
  }

  frame(server: ServerInfo, frame: PushFrame): Promise<boolean> {
    return this.waitFor(this.enqueue(server, (r) => r.frames.push(frame)));
  }

  kick(server: ServerInfo, kick: PushKick): Promise<boolean> {
    return this.waitFor(this.enqueue(server, (r) => r.kicks.push(kick)));
  }

  /** Deliveries waiting for a retry: to this server, or to any. */
  waitingFor(serverId?: string): number {
    if (serverId !== undefined) return this.backlogs.get(serverId)?.size ?? 0;
    return [...this.backlogs.values()].reduce((sum, backlog) => sum + backlog.size, 0);
  }

  /** Cancels the pending retries (the route is stopping). */
  close(): void {
    for (const backlog of this.backlogs.values()) clearTimeout(backlog.timer);
    this.backlogs.clear();
  }

  private waitFor(queue: ServerQueue): Promise<boolean> {
    return new Promise((resolve) => queue.waiters.push(resolve));
  }

  private enqueue(server: ServerInfo, add: (request: Required<PushRequest>) => void): ServerQueue {
    let queue = this.queues.get(server.id);
    if (!queue) {
      queue = { server, request: { deliveries: [], broadcasts: [], frames: [], kicks: [] }, waiters: [] };
      this.queues.set(server.id, queue);
    }
    add(queue.request);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    return queue;
  }

  private flush(): void {
    this.flushScheduled = false;
    const queues = [...this.queues.values()];
    this.queues.clear();
    for (const queue of queues) void this.send(queue);
  }

  private async send(queue: ServerQueue): Promise<void> {
    const { server, request } = queue;
    this.metrics.pushBatchItems.observe(
      request.deliveries.length + request.broadcasts.length + request.frames.length + request.kicks.length,
    );
    const end = this.metrics.pushLatency.startTimer();
    const ok = await this.transport(server, compact(request));
    end({ outcome: ok ? 'ok' : 'failed' });
    if (ok) {
      this.directory.markHealthy(server.id);
      this.retryNow(server);
    } else {
      this.directory.markFailed(server.id);
      if (request.deliveries.length > 0) this.retryLater(server, request.deliveries);
    }
    for (const resolve of queue.waiters) resolve(ok);
  }

  private retryLater(server: ServerInfo, failed: PushDelivery[]): void {
    let backlog = this.backlogs.get(server.id);
    if (!backlog) this.backlogs.set(server.id, (backlog = new RetryBacklog(this.now(), this.retry.backlogCapacity)));
    const dropped = backlog.add(failed);
    if (dropped.length > 0) {
      this.metrics.unreachableSessions.inc({ reason: 'retry_backlog_full' }, sessionsOf(dropped));
      this.logger.warn(
        { serverId: server.id, dropped: dropped.length, capacity: this.retry.backlogCapacity },
        'push retry backlog full: dropped the oldest deliveries (their devices sync when they reconnect)',
      );
    }
    if (backlog.timer) return;
    backlog.timer = setTimeout(() => this.retryDue(server.id), backlog.nextDelayMs());
    backlog.timer.unref();
  }

  /** The server took a push: what it failed to take before goes with the next turn. */
  private retryNow(server: ServerInfo): void {
    const backlog = this.backlogs.get(server.id);
    if (!backlog) return;
    clearTimeout(backlog.timer);
    this.backlogs.delete(server.id);
    this.resend(server, backlog.take());
  }

  private retryDue(serverId: string): void {
    const backlog = this.backlogs.get(serverId);
    if (!backlog) return;
    backlog.timer = undefined;
    const server = this.directory.resolve(serverId);
    const failingForMs = this.now() - backlog.failingSince;
    if (server && failingForMs <= this.retry.retryForMs) {
      // Kept until a push succeeds: its start and backoff carry on if this retry fails too.
      this.resend(server, backlog.take());
      return;
    }
    this.backlogs.delete(serverId);
    const deliveries = backlog.take();
    this.metrics.unreachableSessions.inc({ reason: 'retries_exhausted' }, sessionsOf(deliveries));
    this.logger.warn(
      { serverId, deliveries: deliveries.length, failingForMs, listed: server !== undefined },
      'gave up pushing to a push server that stayed unreachable: its devices sync when they reconnect',
    );
  }

  private resend(server: ServerInfo, deliveries: PushDelivery[]): void {
    if (deliveries.length === 0) return;
    this.metrics.pushRetries.inc(deliveries.length);
    this.enqueue(server, (r) => r.deliveries.push(...deliveries));
  }
}

function compact(request: Required<PushRequest>): PushRequest {
  const out: PushRequest = {};
  if (request.deliveries.length) out.deliveries = request.deliveries;
  if (request.broadcasts.length) out.broadcasts = request.broadcasts;
  if (request.frames.length) out.frames = request.frames;
  if (request.kicks.length) out.kicks = request.kicks;
  return out;
}
