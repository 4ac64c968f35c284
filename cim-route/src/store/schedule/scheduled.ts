import type { ScheduledMessage } from '../types.js';
import { parseDecimal, requireLimit, requireNonNegativeInteger } from '../shared/validate.js';

/**
 * The key of a scheduled message, unique per (sender, clientMsgId). Sender ids are decimal, so the
 * first `:` separates the two even when the clientMsgId contains colons.
 */
export function scheduledKey(senderId: string, clientMsgId: string): string {
  return `${senderId}:${clientMsgId}`;
}

export function requireSchedulable(message: ScheduledMessage): void {
  parseDecimal('senderId', message.senderId);
  requireNonNegativeInteger('deliverAt', message.deliverAt);
}

export function requireDueQuery(now: number, limit: number): void {
  requireNonNegativeInteger('now', now);
  requireLimit(limit);
}

/** Soonest first; at the same time by key, which is how a Redis sorted set orders equal scores. */
export function bySchedule(a: ScheduledMessage, b: ScheduledMessage): number {
  if (a.deliverAt !== b.deliverAt) return a.deliverAt - b.deliverAt;
  const keyA = scheduledKey(a.senderId, a.clientMsgId);
  const keyB = scheduledKey(b.senderId, b.clientMsgId);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
