import express, { type Express } from 'express';
import type { Logger } from '@cim/common';
import { errorHandler, notFound } from './http/errors.js';
import { internalApi, type InternalApiContext } from './http/internal-api.js';
import { publicApi, type PublicApiContext } from './http/public-api.js';
import type { RouteMetrics } from './metrics.js';

export interface AppContext extends PublicApiContext, InternalApiContext {
  logger: Logger;
  metrics: RouteMetrics;
  isReady: () => Promise<{ ready: boolean; checks: Record<string, boolean> }>;
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
    const { ready, checks } = await ctx.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });

  app.use(internalApi(ctx));
  app.use('/api/v1', express.json({ limit: '64kb' }), publicApi(ctx));
  app.use(notFound);
  app.use(errorHandler(ctx.logger));
  return app;
}
