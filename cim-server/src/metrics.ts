import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one push server (its own registry, so several servers fit one process). */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({
    name: 'cim_server_connections',
    help: 'Open client connections (TCP and WebSocket)',
    registers: [this.registry],
  });
  readonly connectionsByTransport = new Gauge({
    name: 'cim_server_connections_by_transport',
    help: 'Open client connections by transport (tcp, ws)',
    labelNames: ['transport'],
    registers: [this.registry],
  });
  readonly wsUpgradesRefused = new Counter({
    name: 'cim_server_ws_upgrades_refused_total',
    help: 'WebSocket upgrades refused before the handshake, by reason (origin, path, not-upgrade)',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  /** Read when scraped, so it is never behind (see countLoggedIn). */
  private loggedInCount: () => number = () => 0;
  readonly loggedIn: Gauge = new Gauge({
    name: 'cim_server_logged_in_connections',
    help: 'Logged-in connections (one per user and device)',
    registers: [this.registry],
    collect: (): void => this.loggedIn.set(this.loggedInCount()),
  });
  readonly framesIn = new Counter({
    name: 'cim_server_frames_in_total',
    help: 'Frames received from clients',
    registers: [this.registry],
  });
  readonly inboundThrottled = new Counter({
    name: 'cim_server_inbound_throttled_total',
    help: 'Times a connection sending faster than its frame rate had its reading paused',
    registers: [this.registry],
  });
  readonly framesOut = new Counter({
    name: 'cim_server_frames_out_total',
    help: 'Frames pushed to clients',
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'cim_server_rejected_total',
    help: 'Connections closed with an error, by code',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly refused = new Counter({
    name: 'cim_server_refused_connections_total',
    help: 'New connections refused by a connection limit (server, per-ip, pending-logins-per-ip)',
    labelNames: ['limit'],
    registers: [this.registry],
  });
  readonly closed = new Counter({
    name: 'cim_server_closed_total',
    help: 'Connections closed, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly pushBatchSize = new Histogram({
    name: 'cim_server_push_batch_frames',
    help: 'Frames written per internal push request',
    buckets: [1, 10, 100, 1_000, 10_000, 100_000],
    registers: [this.registry],
  });

  /** Where the logged-in gauge reads its value. */
  countLoggedIn(count: () => number): void {
    this.loggedInCount = count;
  }

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Registry (ZooKeeper) connection, read at scrape time. */
  trackRegistry(connected: () => boolean): void {
    new Gauge({
      name: 'cim_server_registry_connected',
      help: '1 while connected to the registry (ZooKeeper)',
      registers: [this.registry],
      collect() {
        this.set(connected() ? 1 : 0);
      },
    });
  }
}
