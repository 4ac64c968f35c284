import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one route (its own registry, so several services fit one process). */
export class RouteMetrics {
  readonly registry = new Registry();
  readonly messages = new Counter({
    name: 'cim_route_messages_total',
    help: 'Messages accepted, by kind',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  readonly logins = new Counter({ name: 'cim_route_logins_total', help: 'Successful logins', registers: [this.registry] });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }
}
