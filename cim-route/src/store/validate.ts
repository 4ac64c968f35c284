import { CimError, ErrorCodes } from '@cim/common';

/** Page sizes and offsets come from HTTP query strings; the store refuses nonsense instead of guessing. */
export function requireLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new CimError(ErrorCodes.INVALID_INPUT, `limit must be a positive integer, got ${limit}`);
  }
}

export function requireOffset(offset: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new CimError(ErrorCodes.INVALID_INPUT, `offset must be a non-negative integer, got ${offset}`);
  }
}
