import type { ChatMessage } from '@cim/common';

/** A message to store, before it has an id, a seq and a timestamp. */
export interface NewMessage {
  conversationId: string;
  fromUserId: string;
  fromUserName: string;
  to: ChatMessage['to'];
  body: string;
  clientMsgId: string;
  notice?: ChatMessage['notice'];
}

/** One message of a `saveBatch`, with the users whose streams get it. */
export interface MessageToSave {
  message: NewMessage;
  recipientUserIds: string[];
}

export interface SavedMessage {
  message: ChatMessage;
  /** Sync cursor of the message in each recipient's stream (userId → cursor). */
  cursors: Record<string, string>;
  /** True when `clientMsgId` had been used before: nothing new was stored, this is the first answer. */
  duplicate: boolean;
}

/** The stored message and the cursors of some of its recipients (see `save`). */
export type StoredPart = Pick<SavedMessage, 'message' | 'cursors'>;

/** A save under way: yields parts as their stream entries are stored, then returns the answer. */
export type MessageSave = AsyncGenerator<StoredPart, SavedMessage, void>;

export interface SyncEntry {
  cursor: string;
  message: ChatMessage;
}

export type SyncPage = { expired: false; entries: SyncEntry[]; hasMore: boolean } | { expired: true };

/** A page of one conversation by seq (see `MessageStore.messagesAfter`). */
export interface ConversationPage {
  messages: ChatMessage[];
  /** The messages right after the seq asked for are no longer kept: the page starts at the oldest kept one. */
  expired: boolean;
}

/** Messages: their ids and seqs, the recipients' sync streams and each conversation's history. */
export interface MessageStore {
  /**
   * Assigns msgId, the next seq of the conversation and ts, stores the message, and appends it to
   * the sync stream of every recipient. A sender has read what it wrote: the sender's read seq of
   * the conversation moves up to the message. Idempotent on (fromUserId, clientMsgId).
   * Yields, as they are done, which recipients' stream entries are stored (each recipient once, all
   * before it returns the answer), so the caller can push to a large group while the rest is still
   * being written; `saveMessage` (finish-save.ts) runs it to its answer. A retry that stores nothing
   * new (`duplicate`) yields nothing. With no recipients (a large group's message, read-diffused)
   * the message is stored once: body, seq, history, idempotency and the sender's read seq, and
   * no stream entry at all; readers page its conversation (`messagesAfter`).
   */
  save(message: NewMessage, recipientUserIds: string[]): MessageSave;
  /**
   * Several saves run whole (a batch of sends), each with its own outcome, in as few round trips
   * as the backend allows: one failed save (a Redis node that does not answer) fails no other.
   */
  saveBatch(saves: MessageToSave[]): Promise<PromiseSettledResult<SavedMessage>[]>;
  /**
   * The user's stream after `after` (exclusive), oldest first, at most `limit` entries.
   * `{expired: true}` when entries after `after` were already dropped by retention, or point at a
   * message that was lost (an evicted or flushed key): a lost message cuts the stream there as
   * retention would, so it is reported, never skipped. Never expired for `after` = "0" (a device
   * with nothing yet gets everything still kept); everything still kept lies after everything
   * dropped, so a reader told its cursor expired misses nothing more by starting again from "0".
   */
  sync(userId: string, after: string, limit: number): Promise<SyncPage>;
  /**
   * A conversation's messages with seq > `afterSeq`, oldest first, at most `limit`, never across a
   * gap: a page stops before a missing message, and when the message right after `afterSeq` is no
   * longer kept (retention, or lost) the page starts at the oldest kept one with `expired: true`
   * (empty when nothing after `afterSeq` is kept any more). Never expired past the latest seq.
   */
  messagesAfter(conversationId: string, afterSeq: string, limit: number): Promise<ConversationPage>;
  /** The seq the conversation's latest message got ("0" if it has none). */
  latestSeq(conversationId: string): Promise<string>;
  /** Highest cursor in the user's stream ("0" if empty). */
  latestCursor(userId: string): Promise<string>;
  get(msgId: string): Promise<ChatMessage | null>;
  /** Marks a stored message recalled and clears its body; returns it, or null if unknown. */
  markRecalled(msgId: string): Promise<ChatMessage | null>;
  /**
   * A conversation's messages with seq < `beforeSeq` (the newest when absent), newest first, at most
   * `limit`. With `keyword`, only messages whose body contains it (case-insensitive); the scan
   * looks at most `HISTORY_SCAN_LIMIT` messages back so a rare keyword cannot make it unbounded.
   */
  history(
    conversationId: string,
    options: { beforeSeq?: string; limit: number; keyword?: string },
  ): Promise<ChatMessage[]>;
}
