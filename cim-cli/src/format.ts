import { CimError, type ChatMessage } from '@cim/common/client';
import { safeInline } from './safe-text.js';

/** HH:MM in local time, from a message's millisecond timestamp. */
export function formatTime(ts: string | number): string {
  const date = new Date(Number(ts));
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Where a message went, as a person reads it: the lobby or a private chat. */
export function channelOf(message: ChatMessage): 'lobby' | 'private' | 'group' {
  if ('broadcast' in message.to) return 'lobby';
  return 'userId' in message.to ? 'private' : 'group';
}

/** A short human duration: "42s", "3m 12s", "2h 5m". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/**
 * One line for a person: the route's code and message for CIM errors, the message otherwise. Safe
 * to print: a message may quote what someone else sent.
 */
export function describeError(err: unknown): string {
  if (err instanceof CimError) return safeInline(`${err.code}: ${err.message}`);
  return safeInline(err instanceof Error ? err.message : String(err));
}
