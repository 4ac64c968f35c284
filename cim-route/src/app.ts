import express, { type Express } from 'express';
import type { Logger } from '@cim/common';
import { errorHandler, notFound } from './http/errors.js';
import { internalApi, type InternalApiContext } from './http/internal-api.js';
import { openApiDocument } from './http/openapi.js';
import { publicApi, type PublicApiContext } from './http/public-api.js';
import type { RouteMetrics } from './metrics.js';

/**
 * The `/readyz` answer. `degraded` still serves (200) but something it depends on is away, e.g. the
 * registry, while the last known list of push servers is used.
 */
export interface Readiness {
  status: 'ready' | 'degraded' | 'not ready';
  checks: Record<string, boolean>;
  /** Push servers the route can send logins to. */
  servers: number;
}

export interface AppContext extends PublicApiContext, InternalApiContext {
  logger: Logger;
  metrics: RouteMetrics;
  isReady: () => Promise<Readiness>;
}

/** The route's Express app: public API, internal events API, health and metrics. */
export function createRouteApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await ctx.isReady();
    res.status(readiness.status === 'not ready' ? 503 : 200).json(readiness);
  });
  app.get('/metrics', async (_req, res) => {
    res.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });

  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use(internalApi(ctx));
  app.use('/api/v1', express.json({ limit: '64kb' }), publicApi(ctx));
  app.use(notFound);
  app.use(errorHandler(ctx.logger));
  return app;
}
