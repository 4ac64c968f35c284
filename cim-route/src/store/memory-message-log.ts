import type { ChatMessage } from '@cim/common';
import { formatCursor, parseCursor, retentionHorizon } from './cursor.js';
import { IDEMPOTENCY_TTL_MS, MESSAGE_TTL_MARGIN_MS } from './defaults.js';
import { SyncStream } from './sync-stream.js';
import { TtlMap } from './ttl-map.js';
import type { NewMessage, SavedMessage, SyncEntry, SyncPage } from './types.js';
import { requireLimit } from './validate.js';

type FirstAnswer = Omit<SavedMessage, 'duplicate'>;

/**
 * Messages, per-conversation sequence numbers and per-user sync streams of the memory store.
 * Everything here runs synchronously, so each save is atomic without locks.
 */
export class MemoryMessageLog {
  private readonly messages: TtlMap<string, ChatMessage>;
  private readonly answers = new TtlMap<string, FirstAnswer>(IDEMPOTENCY_TTL_MS);
  private readonly lastSeq = new Map<string, number>();
  private readonly streams = new Map<string, SyncStream>();
  private lastMsgId = 0;

  constructor(
    private readonly retentionMs: number,
    private readonly now: () => number,
  ) {
    this.messages = new TtlMap(retentionMs + MESSAGE_TTL_MARGIN_MS);
  }

  save(input: NewMessage, recipientUserIds: string[]): SavedMessage {
    const now = this.now();
    const answerKey = `${input.fromUserId}\u0000${input.clientMsgId}`;
    const first = this.answers.get(answerKey, now);
    if (first !== undefined) return { ...structuredClone(first), duplicate: true };

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
    };
    this.messages.set(message.msgId, message, now);

    const horizon = retentionHorizon(now, this.retentionMs);
    const cursors: Record<string, string> = {};
    for (const userId of new Set(recipientUserIds)) {
      cursors[userId] = formatCursor(this.streamOf(userId).append(message.msgId, now, horizon));
    }
    // The caller gets its own copy, so nothing it does to the answer can change what is stored.
    this.answers.set(answerKey, structuredClone({ message, cursors }), now);
    return { message: structuredClone(message), cursors, duplicate: false };
  }

  sync(userId: string, after: string, limit: number): SyncPage {
    const afterCursor = parseCursor(after);
    requireLimit(limit);
    const stream = this.streams.get(userId);
    if (stream === undefined) return { expired: false, entries: [], hasMore: false };
    const now = this.now();
    const read = stream.read(afterCursor, limit, retentionHorizon(now, this.retentionMs));
    if (read.expired) return read;
    const entries: SyncEntry[] = [];
    for (const { cursor, msgId } of read.entries) {
      const message = this.messages.get(msgId, now);
      if (message !== undefined) entries.push({ cursor: formatCursor(cursor), message: structuredClone(message) });
    }
    return { expired: false, entries, hasMore: read.hasMore };
  }

  latestCursor(userId: string): string {
    return formatCursor(this.streams.get(userId)?.latest ?? 0);
  }

  private streamOf(userId: string): SyncStream {
    let stream = this.streams.get(userId);
    if (stream === undefined) {
      stream = new SyncStream();
      this.streams.set(userId, stream);
    }
    return stream;
  }
}
