import { createHmac, timingSafeEqual } from 'node:crypto';
import { CimError, ErrorCodes } from './errors.js';

/**
 * Session tokens: `base64url(JSON claims).base64url(HMAC-SHA256(claims))`, signed with the cluster
 * secret. A push server verifies them locally, with no call to Redis or the route.
 */
export interface TokenClaims {
  /** user id */
  uid: string;
  /** user name */
  name: string;
  /** device id */
  dev: string;
  /** session id */
  sid: string;
  /** expiry, ms since epoch */
  exp: number;
  /** issued at, ms since epoch: of two logins on one device, the later one wins */
  iat?: number;
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** Returns the claims of a valid, unexpired token; throws CIM_ERR_BAD_TOKEN / CIM_ERR_TOKEN_EXPIRED. */
export function verifyToken(token: string, secret: string, now: number = Date.now()): TokenClaims {
  if (typeof token !== 'string' || token.length > 2048) {
    throw new CimError(ErrorCodes.BAD_TOKEN, 'token is missing or malformed');
  }
  const dot = token.indexOf('.');
  if (dot <= 0) throw new CimError(ErrorCodes.BAD_TOKEN, 'token is malformed');
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = Buffer.from(sign(payload, secret), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CimError(ErrorCodes.BAD_TOKEN, 'token signature is invalid');
  }
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    throw new CimError(ErrorCodes.BAD_TOKEN, 'token payload is malformed');
  }
  if (typeof claims.exp !== 'number' || claims.exp <= now) {
    throw new CimError(ErrorCodes.TOKEN_EXPIRED, 'token has expired: log in again');
  }
  return claims;
}

/** Constant-time comparison of a presented cluster secret. */
export function secretMatches(presented: string | undefined, secret: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
