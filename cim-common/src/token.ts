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

/** Characters of unpadded base64url, the only ones a token is made of. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** An HMAC-SHA256 is 32 bytes: 43 characters of unpadded base64url. */
const SIGNATURE_CHARS = 43;

/**
 * The bytes of one part of a token, or undefined unless the text is exactly what `signToken`
 * writes for them. Node's base64url decoder skips characters outside the alphabet and ignores
 * trailing bits, so without this check a token with junk appended would still verify.
 */
function decodeCanonical(part: string): Buffer | undefined {
  if (!BASE64URL.test(part)) return undefined;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : undefined;
}

/** Returns the claims of a valid, unexpired token; throws CIM_ERR_BAD_TOKEN / CIM_ERR_TOKEN_EXPIRED. */
export function verifyToken(token: string, secret: string, now: number = Date.now()): TokenClaims {
  if (typeof token !== 'string' || token.length > 2048) {
    throw new CimError(ErrorCodes.BAD_TOKEN, 'token is missing or malformed');
  }
  const parts = token.split('.');
  const payloadBytes = parts.length === 2 ? decodeCanonical(parts[0]) : undefined;
  const given = parts.length === 2 && parts[1].length === SIGNATURE_CHARS ? decodeCanonical(parts[1]) : undefined;
  if (!payloadBytes || !given) throw new CimError(ErrorCodes.BAD_TOKEN, 'token is malformed');
  const expected = Buffer.from(sign(parts[0], secret), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CimError(ErrorCodes.BAD_TOKEN, 'token signature is invalid');
  }
  let claims: TokenClaims;
  try {
    claims = JSON.parse(payloadBytes.toString('utf8')) as TokenClaims;
  } catch {
    throw new CimError(ErrorCodes.BAD_TOKEN, 'token payload is malformed');
  }
  if (typeof claims.exp !== 'number' || claims.exp <= now) {
    throw new CimError(ErrorCodes.TOKEN_EXPIRED, 'token has expired: log in again');
  }
  return claims;
}

/** The credential of an `Authorization: Bearer <credential>` header, if it has that form. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
}

/** Constant-time comparison of a presented cluster secret. */
export function secretMatches(presented: string | undefined, secret: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
