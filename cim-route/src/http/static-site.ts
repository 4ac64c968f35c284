import express, { Router, type NextFunction, type Request, type Response } from 'express';

/** A folder of files the route serves as they are, e.g. the built web chat at `/chat`. */
export interface StaticSite {
  /** Where it is mounted, e.g. `/chat`. */
  path: string;
  /** The folder on disk. */
  dir: string;
}

/**
 * The pages may load only their own files and talk only to this route and to push servers over
 * WebSocket. Push servers come and go while a page is open (the route's login answer names the one
 * to use), so any `ws:`/`wss:` address is allowed rather than the servers known when the page was
 * loaded. No inline script, no plugins, no framing by other sites.
 */
export const STATIC_SITE_CSP = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves `site.dir` at `site.path` with a strict Content-Security-Policy. */
export function staticSite(site: StaticSite): Router {
  const router = Router();
  router.use(site.path, securityHeaders, express.static(site.dir, { index: 'index.html', redirect: true }));
  return router;
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', STATIC_SITE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
}
