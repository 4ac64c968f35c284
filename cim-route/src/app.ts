import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express, { type Express, type Request } from 'express';
import { ErrorCodes, type ErrorCode } from '@cim/common';
import type { Logger } from '@cim/common/server';
import { publicApiCors } from './http/cors.js';
import { directRoute, type Handler } from './http/direct-route.js';
import { errorAnswer, errorHandler, notFound } from './http/errors.js';
import { internalApi, type InternalApiContext } from './http/internal-api.js';
import { openApiDocument } from './http/openapi.js';
import { writeJson } from './http/json-answer.js';
import { publicApi, sendMessage, type PublicApiContext } from './http/public-api.js';
import { staticSite } from './http/static-site.js';
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

/** Where the public API is mounted. */
const PUBLIC_API_BASE = '/api/v1';
/** The send route, as requests spell it and as metrics name it. */
const SEND_PATH = `${PUBLIC_API_BASE}/messages`;

/**
 * The route's HTTP handler. `POST /api/v1/messages` as clients spell it runs its handlers directly
 * (see `directRoute`): the same ones, in the same order, with the same answers and errors as in
 * the Express app, which serves everything else (including other spellings of that path).
 */
export function createRouteHandler(ctx: AppContext): RequestListener {
  // Browsers may call the public API and the liveness check; the internal API is never for them.
  const cors = ctx.config.corsOrigins ? publicApiCors(ctx.config.corsOrigins) : undefined;
  const app = createRouteApp(ctx, cors);
  const send = directRoute(
    [
      requestTelemetry(ctx, () => SEND_PATH),
      requireHost,
      ...(cors ? [cors] : []),
      express.json({ limit: ctx.config.maxHttpBodyBytes }) as Handler,
      sendMessage(ctx),
    ],
    errorAnswer(ctx.logger, countError(ctx)),
  );
  return (req, res) => {
    if (req.method === 'POST' && req.url === SEND_PATH) send(req, res);
    else void app(req, res);
  };
}

/** The Express app: public API, internal events API, health and metrics. */
function createRouteApp(ctx: AppContext, cors: Handler | undefined): Express {
  const app = express();
  app.disable('x-powered-by');
  // API answers are not cached: an ETag would only cost a hash of every body (and turn it into a
  // Buffer, written apart from the headers). The static site sets its own.
  app.disable('etag');
  app.set('query parser', 'simple');
  if (ctx.config.trustProxy !== undefined) app.set('trust proxy', trustProxyValue(ctx.config.trustProxy));

  app.use(requestTelemetry(ctx, expressRoute));
  app.use(requireHost);
  if (cors) app.use([PUBLIC_API_BASE, '/healthz'], cors);
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
  // Before the internal API: the public API carries the traffic, and each layer a request passes costs it.
  app.use(PUBLIC_API_BASE, express.json({ limit: ctx.config.maxHttpBodyBytes }), publicApi(ctx));
  app.use(internalApi(ctx));
  if (ctx.config.staticSite) app.use(staticSite(ctx.config.staticSite));
  app.use(notFound);
  app.use(errorHandler(ctx.logger, countError(ctx)));
  return app;
}

function countError(ctx: AppContext) {
  return (code: ErrorCode) => ctx.metrics.errors.inc({ code });
}

/**
 * Gives every request an id (the caller's `x-request-id`, or a new one) echoed in the answer and
 * in the log line, and times it by route pattern (`routeOf`; not by raw path, which would explode labels).
 */
function requestTelemetry(ctx: AppContext, routeOf: (req: IncomingMessage) => string): Handler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && given.length <= 100 ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = routeOf(req);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      ctx.metrics.httpRequests.observe({ method: req.method!, route, status: String(res.statusCode) }, seconds);
      // Checked first: the line's fields cost something to gather even when it is not written.
      if (ctx.logger.isLevelEnabled('debug') && route !== '/metrics' && route !== '/healthz' && route !== '/readyz') {
        ctx.logger.debug(
          { requestId, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) },
          'request',
        );
      }
    });
    next();
  };
}

/** The pattern of the Express route that took the request, or `unmatched`. */
function expressRoute(req: IncomingMessage): string {
  const { originalUrl, route } = req as Request;
  // Not req.baseUrl: Express clears it when an error leaves the router, which would file a
  // failed request under another label than a successful one.
  const base = originalUrl.startsWith(`${PUBLIC_API_BASE}/`) ? PUBLIC_API_BASE : '';
  return route ? `${base}${(route as { path: string }).path}` : 'unmatched';
}

/**
 * A hop count (`1`) as a number, as Express wants it; addresses, subnets and names (`loopback`)
 * as given. There is no "trust everyone": then a client could name any address it likes.
 */
function trustProxyValue(setting: string): string | number {
  return /^\d+$/.test(setting) ? Number(setting) : setting;
}

/** HTTP/1.1 requires a Host header (RFC 9112 §3.2): a request without one is malformed. */
function requireHost(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (req.httpVersion === '1.1' && req.headers.host === undefined) {
    writeJson(res, 400, { code: ErrorCodes.INVALID_INPUT, message: 'an HTTP/1.1 request needs a Host header' });
    return;
  }
  next();
}
