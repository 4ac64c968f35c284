import { z } from 'zod';

/**
 * 64-bit numbers (ids, seqs, cursors) travel as decimal strings, as they do in JSON and protobuf's
 * JSON mapping. One spelling per value: no sign, no leading zero, no more than fits in 64 bits, so
 * two strings name the same number only when they are equal.
 */
const MAX_UINT64 = 2n ** 64n - 1n;

/** A positive id or seq: a user, a group, a message's place in its conversation. */
export const DECIMAL_ID = /^[1-9][0-9]{0,19}$/;

/** A cursor or seq that may be 0 ("from the start", "nothing read yet"). */
export const DECIMAL_CURSOR = /^(0|[1-9][0-9]{0,19})$/;

/** Only a 20-digit string can be larger than a uint64. */
function fitsUint64(value: string): boolean {
  return value.length < 20 || BigInt(value) <= MAX_UINT64;
}

export function isDecimalId(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_ID.test(value) && fitsUint64(value);
}

export function isDecimalCursor(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_CURSOR.test(value) && fitsUint64(value);
}

/**
 * A decimal id in a schema; `message` names the field for the caller. The pattern stays visible to
 * JSON Schema; the 64-bit bound is looked at only for 20 digits (cursors are on the push hot path).
 */
export function decimalIdSchema(message = 'must be a decimal id') {
  return z
    .string()
    .regex(DECIMAL_ID, message)
    .refine((value) => value.length < 20 || isDecimalId(value), message);
}

/** A decimal cursor (or seq that may be 0) in a schema. */
export function decimalCursorSchema(message = 'must be a decimal cursor') {
  return z
    .string()
    .regex(DECIMAL_CURSOR, message)
    .refine((value) => value.length < 20 || isDecimalCursor(value), message);
}
