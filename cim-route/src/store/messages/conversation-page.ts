import type { ChatMessage } from '@cim/common';
import type { ConversationPage } from './message-store.js';

/** One history entry after the seq asked for: its seq, and its message unless that is gone. */
export interface IndexedMessage {
  seq: number;
  message: ChatMessage | null;
}

/**
 * Builds a `messagesAfter` page, the same way for both stores, from the history entries with a seq
 * above `afterSeq` in seq order (as many as were read) and the conversation's latest seq read
 * BEFORE those entries (so a message saved meanwhile is not taken for a lost one).
 *
 * Messages right after `afterSeq` that are gone make the page `expired` and start it at the
 * oldest kept one; a gap further on ends the page before it, so the next page reports it.
 */
export function conversationPage(
  afterSeq: number,
  limit: number,
  entries: IndexedMessage[],
  latestSeq: number,
): ConversationPage {
  const first = entries.findIndex((entry) => entry.message !== null);
  if (first === -1) return { messages: [], expired: latestSeq > afterSeq };
  const messages: ChatMessage[] = [];
  let expected = entries[first].seq;
  for (let i = first; i < entries.length && messages.length < limit; i++) {
    const { seq, message } = entries[i];
    if (seq !== expected || message === null) break;
    messages.push(message);
    expected++;
  }
  return { messages, expired: entries[first].seq > afterSeq + 1 };
}
