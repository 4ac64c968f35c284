import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCodes } from '@cim/common';
import { writeJson } from './json-answer.js';

/** Methods of the public API, answered to a preflight. */
const ALLOWED_METHODS = 'GET, POST, DELETE';
/** What a browser client sends: a bearer token and JSON bodies. */
const ALLOWED_HEADERS = 'Authorization, Content-Type';
/** Read by clients that back off on 429 and 503. */
const EXPOSED_HEADERS = 'Retry-After';
/** How long a browser may reuse a preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for the public API, for browser clients on the listed origins (`*`: any). A request from
 * another origin is served as before but without CORS headers, so the browser does not let the
 * page read the answer; its preflight is refused with a coded 403. Tokens travel in the
 * `Authorization` header, never in cookies, so no credentials are allowed.
 */
export function publicApiCors(origins: readonly string[]) {
  const anyOrigin = origins.includes('*');
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const origin = req.headers.origin;
    if (!anyOrigin) varyOnOrigin(res);
    if (origin === undefined) return next();
    const allowed = anyOrigin || origins.includes(origin);
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!allowed) {
      if (!preflight) return next();
      writeJson(res, 403, {
        code: ErrorCodes.FORBIDDEN,
        message: `origin ${origin} may not use this API from a browser`,
      });
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', anyOrigin ? '*' : origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (!preflight) return next();
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    res.statusCode = 204;
    res.end();
  };
}

/** Adds `Origin` to the answer's `Vary` header (caches keep one answer per origin), once. */
function varyOnOrigin(res: ServerResponse): void {
  const vary = res.getHeader('Vary');
  if (vary === undefined) res.setHeader('Vary', 'Origin');
  else if (!/(^|,)\s*(origin|\*)\s*(,|$)/i.test(String(vary))) res.setHeader('Vary', `${String(vary)}, Origin`);
}
