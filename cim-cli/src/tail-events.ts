import type { ChatMessage } from '@cim/common';
import type { ConnectionState } from '@cim/client';
import { channelOf, formatTime } from './format.js';
import { safeInline, safeJson } from './safe-text.js';

/** What `cim tail` reports, one per output line. */
export type TailEvent =
  | { type: 'message'; message: ChatMessage; cursor: string; synced: boolean }
  | { type: 'state'; state: ConnectionState }
  | { type: 'kicked'; reason: string }
  | { type: 'caughtUp'; cursor: string }
  /** With `conversationId`: only that large group's older messages (its messages are not in the stream). */
  | { type: 'cursorExpired'; conversationId?: string };

/**
 * NDJSON: message fields at the top level, so `jq .body` works on message lines. Exact once
 * parsed; escaped so that printing it to a terminal drives nothing.
 */
export function jsonLine(event: TailEvent): string {
  switch (event.type) {
    case 'message':
      return safeJson({ type: 'message', ...event.message, cursor: event.cursor, synced: event.synced });
    default:
      return safeJson(event);
  }
}

/** One line per event, whatever a sender put in a name or body. */
export function humanLine(event: TailEvent): string {
  return safeInline(describeEvent(event));
}

function describeEvent(event: TailEvent): string {
  switch (event.type) {
    case 'message': {
      const { message } = event;
      const said = message.notice ? `-- ${message.body}` : `${message.fromUserName}: ${message.body}`;
      return `${formatTime(message.ts)} [${channelOf(message)}] ${said}`;
    }
    case 'state':
      return `-- ${event.state}`;
    case 'kicked':
      return `-- signed out: ${event.reason}`;
    case 'caughtUp':
      return '-- caught up: every earlier message is above';
    case 'cursorExpired':
      return event.conversationId
        ? `-- older messages of ${event.conversationId} have expired; some may be missing`
        : '-- older messages have expired; some may be missing';
  }
}
