import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { CimError, ErrorCodes } from '@cim/common';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

/** A salted scrypt hash, stored as `scrypt$<salt>$<hash>` (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltB64, hashB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, 'base64');
  const actual = await scryptAsync(password, Buffer.from(saltB64, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** Hash of a password nobody has, so a login for an unknown user costs as much as a real one. */
export const decoyHash = await hashPassword(randomBytes(16).toString('hex'));

/** Shortest password a new account may have. Older accounts with shorter ones still log in. */
export const MIN_PASSWORD_LENGTH = 8;

/** Throws CIM_ERR_INVALID_INPUT naming the rule when a new password breaks it. */
export function requirePasswordPolicy(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CimError(
      ErrorCodes.INVALID_INPUT,
      `password: passwords must be at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
}
