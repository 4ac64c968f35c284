import type { ChatMessage } from '@cim/common';
import type { ConversationPage } from './message-store.js';

/** One history entry after the seq asked for: its seq, and its message unless that is gone. */
export interface IndexedMessage {
  seq: number;
  message: ChatMessage | null;
}

/** What a store read for one `messagesAfter` page. */
export interface PageRead {
  /** The history entries with a seq above `afterSeq`, in seq order (as many as were read). */
  entries: IndexedMessage[];
  /** The conversation's latest seq, read BEFORE the entries (so a message saved meanwhile is not taken for a lost one). */
  latestSeq: number;
  /** The lowest seq still in the history index (null when it is empty). */
  oldestIndexedSeq: number | null;
}

/**
 * Builds a `messagesAfter` page, the same way for both stores.
 *
 * Retention trims the history index from its oldest entry on, and a lost message leaves its entry
 * without a body. So the messages right after `afterSeq` are gone (the page is `expired` and
 * starts at the oldest kept one) when their entries have no body, or when they are not indexed
 * and nothing at or below `afterSeq` is indexed either (trimmed). Not indexed while older entries
 * are, they are still being written (a save spread over Redis Cluster slots indexes its message
 * after taking its seq): the page is then empty, not expired, and a later read finds them. A gap
 * further on ends the page before it, so the next page judges it the same way.
 */
export function conversationPage(afterSeq: number, limit: number, read: PageRead): ConversationPage {
  const { entries, latestSeq, oldestIndexedSeq } = read;
  const firstIndexed = entries.length > 0 ? entries[0].seq : latestSeq + 1;
  const unindexedAfter = latestSeq > afterSeq && firstIndexed > afterSeq + 1;
  const trimmed = unindexedAfter && (oldestIndexedSeq === null || oldestIndexedSeq > afterSeq);
  if (unindexedAfter && !trimmed) return { messages: [], expired: false };
  const first = entries.findIndex((entry) => entry.message !== null);
  const lost = first === -1 ? entries.length > 0 : first > 0;
  const expired = trimmed || lost;
  if (first === -1) return { messages: [], expired };
  const messages: ChatMessage[] = [];
  let expected = entries[first].seq;
  for (let i = first; i < entries.length && messages.length < limit; i++) {
    const { seq, message } = entries[i];
    if (seq !== expected || message === null) break;
    messages.push(message);
    expected++;
  }
  return { messages, expired };
}
