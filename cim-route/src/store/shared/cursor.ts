import { parseDecimal } from './validate.js';

/**
 * Sync cursors are numbers that order everything addressed to one user. A new cursor is
 * `max(previous + 1, now × 1024)`: it always grows, it stays below 2^53 until the 23rd century,
 * and it carries the time it was written, so "is this entry older than the retention?" is a
 * comparison of numbers. The 1024 slots per millisecond absorb bursts; a burst larger than that
 * borrows slots from the next milliseconds, which only makes the entry live a little longer.
 */
export const CURSOR_SLOTS_PER_MS = 1024;

export function nextCursor(previous: number, now: number): number {
  return Math.max(previous + 1, Math.floor(now) * CURSOR_SLOTS_PER_MS);
}

/** Entries with a cursor below this are older than the retention and dropped from streams. */
export function retentionHorizon(now: number, retentionMs: number): number {
  return (Math.floor(now) - Math.floor(retentionMs)) * CURSOR_SLOTS_PER_MS;
}

/** Parses a cursor given by a client: a decimal string of a safe non-negative integer. */
export function parseCursor(cursor: string): number {
  return parseDecimal('cursor', cursor);
}

export function formatCursor(cursor: number): string {
  return String(cursor);
}
