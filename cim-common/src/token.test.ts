import { describe, expect, it } from 'vitest';
import { signToken, verifyToken, type TokenClaims } from './token.js';

const secret = 'token-test-secret-0123456789';
const now = 1_700_000_000_000;
const claims: TokenClaims = { uid: '7', name: 'alice', dev: 'phone', sid: 's-1', exp: now + 60_000, iat: now };
const token = signToken(claims, secret);
const [payload, signature] = token.split('.');

function codeOf(candidate: string): string | undefined {
  try {
    verifyToken(candidate, secret, now);
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe('session tokens', () => {
  it('verifies the token it signed', () => {
    expect(verifyToken(token, secret, now)).toEqual(claims);
  });

  it.each([
    ['padding', '='],
    ['two padding characters', '=='],
    ['a space', ' '],
    ['a newline', '\n'],
    ['punctuation', '!!!'],
    ['a percent sign', '%'],
    ['a trailing dot', '.'],
    ['a third part', '.junk'],
    ['one base64url character', 'A'],
    ['a whole base64url block', 'AAAA'],
  ])('refuses the token with %s appended (CIM_ERR_BAD_TOKEN)', (_what, junk) => {
    expect(codeOf(token + junk)).toBe('CIM_ERR_BAD_TOKEN');
  });

  it('refuses a signature or payload that decodes to the right bytes but is not written the way the route writes it', () => {
    // The last character of a 43-character signature carries 2 unused bits: flipping them keeps the bytes.
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sameBytes = alphabet[alphabet.indexOf(last) ^ 1];
    expect(Buffer.from(signature.slice(0, -1) + sameBytes, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    expect(codeOf(`${payload}.${signature.slice(0, -1)}${sameBytes}`)).toBe('CIM_ERR_BAD_TOKEN');
    expect(codeOf(`${payload}=.${signature}`)).toBe('CIM_ERR_BAD_TOKEN');
    expect(codeOf(` ${token}`)).toBe('CIM_ERR_BAD_TOKEN');
  });

  it('refuses a token that is empty, has no signature, or is over 2 KiB', () => {
    expect(codeOf('')).toBe('CIM_ERR_BAD_TOKEN');
    expect(codeOf(payload)).toBe('CIM_ERR_BAD_TOKEN');
    expect(codeOf(`${payload}.`)).toBe('CIM_ERR_BAD_TOKEN');
    expect(codeOf(`.${signature}`)).toBe('CIM_ERR_BAD_TOKEN');
    expect(codeOf('x'.repeat(2049))).toBe('CIM_ERR_BAD_TOKEN');
  });

  it('tells an expired token apart from a bad one', () => {
    expect(codeOf(signToken({ ...claims, exp: now }, secret))).toBe('CIM_ERR_TOKEN_EXPIRED');
  });
});
