import type { MessageStore } from '../message-store.js';
import type { ChatMessage } from '@cim/common';
import { formatCursor, parseCursor, retentionHorizon } from '../../shared/cursor.js';
import { ConversationIndex } from './conversation-index.js';
import { HISTORY_SCAN_LIMIT, HISTORY_TRIM_BUDGET, IDEMPOTENCY_TTL_MS, MESSAGE_TTL_MARGIN_MS } from '../../defaults.js';
import { parseHistoryQuery, type HistoryOptions } from '../history-query.js';
import { RecentConversations } from './recent-conversations.js';
import { SyncStream } from './sync-stream.js';
import { TtlMap } from '../../shared/ttl-map.js';
import type {
  ConversationPage,
  MessageSave,
  MessageToSave,
  NewMessage,
  SavedMessage,
  SyncEntry,
  SyncPage,
} from '../../types.js';
import { saveMessage } from '../finish-save.js';
import { parseDecimal, requireLimit } from '../../shared/validate.js';
import { conversationPage, type IndexedMessage } from '../conversation-page.js';

type FirstAnswer = Omit<SavedMessage, 'duplicate'>;

/** What the log keeps per recipient: the sync stream and the conversations it has messages of. */
interface Inbox {
  stream: SyncStream;
  conversations: RecentConversations;
}

/**
 * Messages, per-conversation sequence numbers, history indexes and per-user sync streams of the
 * memory store. Everything here runs synchronously, so each save is atomic without locks.
 */
export class MemoryMessageLog implements MessageStore {
  private readonly messages: TtlMap<string, ChatMessage>;
  private readonly answers = new TtlMap<string, FirstAnswer>(IDEMPOTENCY_TTL_MS);
  private readonly lastSeq = new Map<string, number>();
  private readonly histories = new Map<string, ConversationIndex>();
  private readonly inboxes = new Map<string, Inbox>();
  private lastMsgId = 0;

  constructor(
    private readonly retentionMs: number,
    private readonly now: () => number,
    /** Told of every save, first or repeated: a sender has read what it wrote. */
    private readonly onSaved: (message: ChatMessage) => void = () => {},
  ) {
    this.messages = new TtlMap(retentionMs + MESSAGE_TTL_MARGIN_MS);
  }

  saveBatch(saves: MessageToSave[]): Promise<PromiseSettledResult<SavedMessage>[]> {
    return Promise.allSettled(saves.map((save) => saveMessage(this, save.message, save.recipientUserIds)));
  }

  async *save(input: NewMessage, recipientUserIds: string[]): MessageSave {
    const saved = this.saveAtOnce(input, recipientUserIds);
    this.onSaved(saved.message);
    if (!saved.duplicate) yield { message: saved.message, cursors: saved.cursors };
    return saved;
  }

  private saveAtOnce(input: NewMessage, recipientUserIds: string[]): SavedMessage {
    const now = this.now();
    const answerKey = `${input.fromUserId}\u0000${input.clientMsgId}`;
    const first = this.answers.get(answerKey, now);
    if (first !== undefined) {
      // A recall since the first answer shows, so a retried send never brings back a recalled body.
      const current = this.messages.get(first.message.msgId, now) ?? first.message;
      return { ...structuredClone({ ...first, message: current }), duplicate: true };
    }

    const seq = (this.lastSeq.get(input.conversationId) ?? 0) + 1;
    this.lastSeq.set(input.conversationId, seq);
    const message: ChatMessage = {
      msgId: String(++this.lastMsgId),
      conversationId: input.conversationId,
      seq: String(seq),
      fromUserId: input.fromUserId,
      fromUserName: input.fromUserName,
      to: { ...input.to },
      body: input.body,
      ts: String(now),
      clientMsgId: input.clientMsgId,
      ...(input.notice ? { notice: structuredClone(input.notice) } : {}),
    };
    this.messages.set(message.msgId, message, now);
    this.index(message, now);

    const horizon = retentionHorizon(now, this.retentionMs);
    const cursors: Record<string, string> = {};
    for (const userId of new Set(recipientUserIds)) {
      const inbox = this.inboxOf(userId);
      cursors[userId] = formatCursor(inbox.stream.append(message.msgId, now, horizon));
      inbox.conversations.touch(message.conversationId);
    }
    // The caller gets its own copy, so nothing it does to the answer can change what is stored.
    this.answers.set(answerKey, structuredClone({ message, cursors }), now);
    return { message: structuredClone(message), cursors, duplicate: false };
  }

  async sync(userId: string, after: string, limit: number): Promise<SyncPage> {
    const afterCursor = parseCursor(after);
    requireLimit(limit);
    const stream = this.inboxes.get(userId)?.stream;
    if (stream === undefined) return { expired: false, entries: [], hasMore: false };
    const now = this.now();
    for (;;) {
      const read = stream.read(afterCursor, limit, retentionHorizon(now, this.retentionMs));
      if (read.expired) return read;
      const entries: SyncEntry[] = [];
      let lostUpTo = 0;
      for (const { cursor, msgId } of read.entries) {
        const message = this.messages.get(msgId, now);
        if (message === undefined) lostUpTo = cursor;
        else entries.push({ cursor: formatCursor(cursor), message: structuredClone(message) });
      }
      if (lostUpTo === 0) return { expired: false, entries, hasMore: read.hasMore };
      // The same rule as the Redis store: a lost message is a gap, and the read starts again.
      stream.dropThrough(lostUpTo);
    }
  }

  async latestCursor(userId: string): Promise<string> {
    return formatCursor(this.inboxes.get(userId)?.stream.latest ?? 0);
  }

  async get(msgId: string): Promise<ChatMessage | null> {
    const message = this.messages.get(msgId, this.now());
    return message === undefined ? null : structuredClone(message);
  }

  async markRecalled(msgId: string): Promise<ChatMessage | null> {
    const now = this.now();
    const message = this.messages.get(msgId, now);
    if (message === undefined) return null;
    const recalled: ChatMessage = { ...message, body: '', recalled: true };
    this.messages.replace(msgId, recalled, now);
    return structuredClone(recalled);
  }

  async history(conversationId: string, options: HistoryOptions): Promise<ChatMessage[]> {
    const query = parseHistoryQuery(options);
    const index = this.histories.get(conversationId);
    if (index === undefined) return [];
    const now = this.now();
    const found: ChatMessage[] = [];
    let scanned = 0;
    for (const msgId of index.newestFirst(query.beforeSeq)) {
      if (found.length === query.limit || scanned === HISTORY_SCAN_LIMIT) break;
      scanned++;
      const message = this.messages.get(msgId, now);
      if (message !== undefined && query.matches(message)) found.push(structuredClone(message));
    }
    return found;
  }

  async messagesAfter(conversationId: string, afterSeq: string, limit: number): Promise<ConversationPage> {
    const after = parseDecimal('afterSeq', afterSeq);
    requireLimit(limit);
    const now = this.now();
    const index = this.histories.get(conversationId);
    const entries: IndexedMessage[] = [];
    let kept = 0;
    for (const { seq, msgId } of index?.oldestFirst(after) ?? []) {
      if (kept === limit) break;
      const message = this.messages.get(msgId, now);
      entries.push({ seq, message: message === undefined ? null : structuredClone(message) });
      if (message !== undefined) kept++;
    }
    const oldestIndexedSeq = index?.oldestSeq ?? null;
    return conversationPage(after, limit, { entries, latestSeq: this.lastSeqOf(conversationId), oldestIndexedSeq });
  }

  async latestSeq(conversationId: string): Promise<string> {
    return String(this.lastSeqOf(conversationId));
  }

  /** The seq the conversation's latest message got (0 if it has none). */
  lastSeqOf(conversationId: string): number {
    return this.lastSeq.get(conversationId) ?? 0;
  }

  /** The conversations the user received messages in, most recently active first. */
  conversationsOf(userId: string, limit: number): string[] {
    requireLimit(limit);
    return this.inboxes.get(userId)?.conversations.newestFirst(limit) ?? [];
  }

  /** Adds the message to its conversation's history and lets go of entries whose messages expired. */
  private index(message: ChatMessage, now: number): void {
    let index = this.histories.get(message.conversationId);
    if (index === undefined) {
      index = new ConversationIndex();
      this.histories.set(message.conversationId, index);
    }
    index.append(Number(message.seq), message.msgId);
    index.dropOldest((msgId) => this.messages.get(msgId, now) === undefined, HISTORY_TRIM_BUDGET);
  }

  private inboxOf(userId: string): Inbox {
    let inbox = this.inboxes.get(userId);
    if (inbox === undefined) {
      inbox = { stream: new SyncStream(), conversations: new RecentConversations() };
      this.inboxes.set(userId, inbox);
    }
    return inbox;
  }
}
