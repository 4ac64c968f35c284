import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Prometheus metrics of one route (its own registry, so several services fit one process). */
export class RouteMetrics {
  readonly registry = new Registry();
  readonly messages = new Counter({
    name: 'cim_route_messages_total',
    help: 'Messages accepted, by destination kind (user, group, broadcast, scheduled)',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  readonly logins = new Counter({
    name: 'cim_route_logins_total',
    help: 'Sessions started: by password (kind=password) or by refreshing a current session (kind=refresh)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly httpRequests = new Histogram({
    name: 'cim_route_http_request_seconds',
    help: 'Public API requests by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  readonly fanOutRecipients = new Histogram({
    name: 'cim_route_fanout_recipients',
    help: 'Recipient users per stored message',
    buckets: [1, 2, 5, 10, 100, 1_000, 10_000],
    registers: [this.registry],
  });
  readonly pushBatchItems = new Histogram({
    name: 'cim_route_push_batch_items',
    help: 'Deliveries, broadcasts, frames and kicks carried by one push request',
    buckets: [1, 2, 5, 10, 50, 100, 500, 1_000, 10_000],
    registers: [this.registry],
  });
  readonly pushLatency = new Histogram({
    name: 'cim_route_push_seconds',
    help: 'Duration of push requests to push servers, by outcome',
    labelNames: ['outcome'],
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  readonly storeLatency = new Histogram({
    name: 'cim_route_store_seconds',
    help: 'Duration of store calls (Redis round trips), by operation and outcome',
    labelNames: ['op', 'outcome'],
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'cim_route_errors_total',
    help: 'Error answers of the public API, by code',
    labelNames: ['code'],
    registers: [this.registry],
  });

  readonly unreachableSessions = new Counter({
    name: 'cim_route_unreachable_sessions_total',
    help:
      'Sessions a push could not reach (the device syncs when it reconnects), by reason: unknown_server (neither live ' +
      'nor recently departed), retries_exhausted (it failed pushes for the whole retry time, or left the registry), ' +
      'retry_backlog_full (dropped from the bounded retry backlog of a failing server)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly pushRetries = new Counter({
    name: 'cim_route_push_retries_total',
    help: 'Deliveries pushed again to a push server that failed to take them (timeout, connection error, refusal)',
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Deliveries waiting to be pushed again to servers that failed them, read at scrape time. */
  trackPushRetryBacklog(waiting: () => number): void {
    this.scrapedGauge(
      'cim_route_push_retry_backlog',
      'Deliveries waiting to be pushed again to push servers that failed to take them',
      waiting,
    );
  }

  /** Registry state, read at scrape time. */
  trackRegistry(liveServers: () => number, connected: () => boolean): void {
    this.scrapedGauge('cim_route_live_servers', 'Push servers in the live list', liveServers);
    this.scrapedGauge(
      'cim_route_registry_connected',
      '1 while connected to the registry (ZooKeeper), 0 while serving from the last known list',
      () => (connected() ? 1 : 0),
    );
  }

  /** A gauge whose value is read when the metrics are scraped. */
  private scrapedGauge(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }
}
