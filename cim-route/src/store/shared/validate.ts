import { CimError, ErrorCodes, isDecimalCursor } from '@cim/common';

/** Page sizes and offsets come from HTTP query strings; the store refuses nonsense instead of guessing. */
export function requireLimit(limit: number): void {
  requirePositiveInteger('limit', limit);
}

export function requireOffset(offset: number): void {
  requireNonNegativeInteger('offset', offset);
}

export function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new CimError(ErrorCodes.INVALID_INPUT, `${name} must be a positive integer, got ${value}`);
  }
}

export function requireNonNegativeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new CimError(ErrorCodes.INVALID_INPUT, `${name} must be a non-negative integer, got ${value}`);
  }
}

/**
 * Parses a cursor, seq or id given as a decimal string of a safe non-negative integer. Both stores
 * compare and sort these as numbers (Redis as sorted-set scores), so anything else is refused.
 */
export function parseDecimal(name: string, value: string): number {
  const parsed = isDecimalCursor(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed)) {
    throw new CimError(
      ErrorCodes.INVALID_INPUT,
      `${name} must be a non-negative integer as a decimal string, got "${String(value).slice(0, 40)}"`,
    );
  }
  return parsed;
}

/** User ids end up as sorted-set scores in Redis, so they must be decimal integers. */
export function requireUserIds(userIds: string[]): void {
  for (const userId of userIds) parseDecimal('user id', userId);
}
