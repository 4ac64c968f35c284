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
import type { AxiosInstance } from 'axios';
import type { RouteMetrics } from '../metrics.js';
import type { ServerDirectory } from './server-directory.js';

/** What delivery asks of the dispatcher: each call resolves to whether the server took the push. */
export type PushSender = Pick<PushDispatcher, 'deliver' | 'broadcast' | 'frame' | 'kick'>;

interface ServerQueue {
  server: ServerInfo;
  request: Required<PushRequest>;
  waiters: ((ok: boolean) => void)[];
}

/**
 * Route → push server fan-out. Everything addressed to one server within one turn of the event loop
 * travels in ONE request (many deliveries, broadcasts, frames and kicks together), over keep-alive
 * connections. A failed push is not retried here: the messages are stored, and the clients of a
 * failing server reconnect elsewhere and sync.
 */
export class PushDispatcher {
  private readonly http: AxiosInstance;
  private readonly queues = new Map<string, ServerQueue>();
  private flushScheduled = false;

  constructor(
    private readonly directory: ServerDirectory,
    secret: string,
    private readonly logger: Logger,
    private readonly metrics: RouteMetrics,
    ca?: string | Buffer,
  ) {
    this.http = createHttpClient({ timeoutMs: 5_000, headers: { authorization: `Bearer ${secret}` }, ca });
  }

  deliver(server: ServerInfo, delivery: PushDelivery): Promise<boolean> {
    return this.enqueue(server, (r) => r.deliveries.push(delivery));
  }

  broadcast(server: ServerInfo, message: ChatMessage): Promise<boolean> {
    return this.enqueue(server, (r) => r.broadcasts.push(message));
  }

  frame(server: ServerInfo, frame: PushFrame): Promise<boolean> {
    return this.enqueue(server, (r) => r.frames.push(frame));
  }

  kick(server: ServerInfo, kick: PushKick): Promise<boolean> {
    return this.enqueue(server, (r) => r.kicks.push(kick));
  }

  private enqueue(server: ServerInfo, add: (request: Required<PushRequest>) => void): Promise<boolean> {
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
    return new Promise((resolve) => queue.waiters.push(resolve));
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
    let ok = false;
    try {
      const url = `${server.tls ? 'https' : 'http'}://${server.httpHost}:${server.httpPort}${INTERNAL_PUSH_PATH}`;
      const res = await this.http.post(url, compact(queue.request));
      ok = res.status === 200;
      if (!ok) this.logger.warn({ serverId: server.id, status: res.status, body: res.data }, 'push refused');
    } catch (err) {
      this.logger.warn({ serverId: server.id, err: (err as Error).message }, 'push failed');
    }
    end({ outcome: ok ? 'ok' : 'failed' });
    if (ok) this.directory.markHealthy(server.id);
    else this.directory.markFailed(server.id);
    for (const resolve of queue.waiters) resolve(ok);
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
