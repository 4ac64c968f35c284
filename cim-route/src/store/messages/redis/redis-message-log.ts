import type { MessageStore } from '../message-store.js';
import type { ChatMessage } from '@cim/common';
import { finishSave } from '../finish-save.js';
import { formatCursor, nextCursor, parseCursor, retentionHorizon } from '../../shared/cursor.js';
import { IDEMPOTENCY_TTL_MS, MESSAGE_TTL_MARGIN_MS } from '../../defaults.js';
import type { HistoryOptions } from '../history-query.js';
import { RedisHistory } from './redis-history.js';
import type { RedisKeys } from '../../redis/redis-keys.js';
import type { RedisClient } from '../../redis/redis-scripts.js';
import type { ReceiptScripts } from '../../receipts/redis/receipt-scripts.js';
import type { MessageScripts } from './message-scripts.js';
import type { MessageSave, NewMessage, SavedMessage, StoredPart, SyncEntry, SyncPage } from '../../types.js';
import { MsgIdBlocks } from './msg-id-blocks.js';
import { scriptBatches } from '../../redis/redis-batches.js';
import { requireLimit } from '../../shared/validate.js';

type FirstAnswer = Omit<SavedMessage, 'duplicate'>;
type Draft = Omit<ChatMessage, 'seq'>;

/**
 * What the sent key holds: the answer the first send gave; or, on the resumable path, first the
 * message as proposed by the send that claimed the clientMsgId, then the answer once every step
 * is done.
 */
type SentRecord = { draft: Draft } | { answer: FirstAnswer };

/**
 * Messages with more recipients than this are saved by the resumable steps even on a single
 * Redis, so that no one script call holds Redis for long; and their stream appends go in calls of
 * at most this many recipients.
 */
export const ATOMIC_SAVE_MAX_RECIPIENTS = 500;

/**
 * Messages, history indexes, sync streams and conversation lists in Redis.
 *
 * On a single Redis a save is one atomic script (claim of the clientMsgId, seq, body, history,
 * every recipient's stream, the answer). On a Redis Cluster (and for very large groups) a save
 * spans several hash slots, so it cannot be one transaction: every step after the claim of the
 * clientMsgId is idempotent and keyed by the claimed msgId, and whoever finds an unfinished claim
 * (a concurrent retry, or a retry after a route crashed mid-save) finishes it with the same msgId,
 * seq and cursors. Either way nothing is stored twice and no seq is skipped.
 */
export class RedisMessageLog implements MessageStore {
  private readonly messageTtlMs: number;
  private readonly historyIndex: RedisHistory;
  private readonly msgIds: MsgIdBlocks;

  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
    private readonly scripts: MessageScripts & ReceiptScripts,
    private readonly retentionMs: number,
    private readonly now: () => number,
  ) {
    this.messageTtlMs = retentionMs + MESSAGE_TTL_MARGIN_MS;
    this.historyIndex = new RedisHistory(client, keys, scripts, this.messageTtlMs, now);
    this.msgIds = new MsgIdBlocks((count) => client.incrby(keys.msgIdCounter, count));
  }

  async *save(input: NewMessage, recipientUserIds: string[]): MessageSave {
    // Taken before the claim so the claim can carry it; a duplicate leaves a gap in msgIds, which
    // only need to be unique.
    const draft: Draft = {
      msgId: await this.msgIds.take(),
      conversationId: input.conversationId,
      fromUserId: input.fromUserId,
      fromUserName: input.fromUserName,
      to: input.to,
      body: input.body,
      ts: String(this.now()),
      clientMsgId: input.clientMsgId,
    };
    const recipients = [...new Set(recipientUserIds)];
    const sentKey = this.keys.sent(input.fromUserId, input.clientMsgId);
    if (!this.client.isCluster && recipients.length <= ATOMIC_SAVE_MAX_RECIPIENTS) {
      const reply = await this.saveAtomically(sentKey, draft, recipients);
      if (reply[0] === 'stored') {
        const [, seq, ...cursorList] = reply;
        const saved = {
          message: { ...draft, seq },
          cursors: Object.fromEntries(recipients.map((userId, i) => [userId, cursorList[i]])),
        };
        yield saved;
        return { ...saved, duplicate: false };
      }
      return this.answerRetry(sentKey, reply[1], recipients);
    }
    const earlier = await this.scripts.claim(
      sentKey,
      JSON.stringify({ draft } satisfies SentRecord),
      IDEMPOTENCY_TTL_MS,
    );
    if (earlier === null) return { ...(yield* this.complete(sentKey, draft, recipients)), duplicate: false };
    return this.answerRetry(sentKey, earlier, recipients);
  }

  /** A send whose clientMsgId was used before: the first answer, finishing that save if it is unfinished. */
  private async answerRetry(sentKey: string, sentRecord: string, recipients: string[]): Promise<SavedMessage> {
    const record = JSON.parse(sentRecord) as SentRecord;
    const answer =
      'answer' in record ? record.answer : await finishSave(this.complete(sentKey, record.draft, recipients));
    // A recall since the first answer shows, so a retried send never brings back a recalled body.
    const current = await this.get(answer.message.msgId);
    return { ...answer, message: current ?? answer.message, duplicate: true };
  }

  private saveAtomically(sentKey: string, draft: Draft, recipients: string[]) {
    const now = this.now();
    const keys = [
      sentKey,
      this.keys.message(draft.msgId),
      this.keys.conversationSeq(draft.conversationId),
      this.keys.conversationHistory(draft.conversationId),
      this.keys.readSeqs(draft.fromUserId),
      ...recipients.flatMap((userId) => this.streamKeysOf(userId)),
    ];
    return this.scripts.saveMessage(
      keys,
      draft.msgId,
      JSON.stringify(draft),
      IDEMPOTENCY_TTL_MS,
      this.messageTtlMs,
      nextCursor(0, now),
      retentionHorizon(now, this.retentionMs),
      this.historyIndex.memberOf(draft),
      this.historyIndex.horizonTs(),
      draft.conversationId,
      ...recipients,
    );
  }

  /** (stream, stream meta, conversation list) of a user: what an append touches. */
  private streamKeysOf(userId: string): string[] {
    return [this.keys.stream(userId), this.keys.streamMeta(userId), this.keys.conversationsOf(userId)];
  }

  async sync(userId: string, after: string, limit: number): Promise<SyncPage> {
    const afterCursor = formatCursor(parseCursor(after));
    requireLimit(limit);
    const horizon = retentionHorizon(this.now(), this.retentionMs);
    const stream = this.keys.stream(userId);
    const meta = this.keys.streamMeta(userId);
    for (;;) {
      // One row more than asked tells whether another page follows.
      const rows = await this.scripts.readStream(stream, meta, afterCursor, limit + 1, horizon);
      if (rows === null) return { expired: true };

      const listed: { msgId: string; cursor: string }[] = [];
      for (let i = 0; i + 1 < rows.length && listed.length < limit; i += 2)
        listed.push({ msgId: rows[i], cursor: rows[i + 1] });
      // Message keys lie in different cluster slots; auto-pipelining sends these GETs together.
      const bodies = await Promise.all(listed.map(({ msgId }) => this.client.get(this.keys.message(msgId))));

      const entries: SyncEntry[] = [];
      let lostUpTo: string | undefined;
      listed.forEach(({ cursor }, i) => {
        const body = bodies[i];
        if (body === null) lostUpTo = cursor;
        else entries.push({ cursor, message: JSON.parse(body) as ChatMessage });
      });
      if (lostUpTo === undefined) return { expired: false, entries, hasMore: rows.length / 2 > limit };
      // A message lost outside the retention rules (eviction, a flush) is a gap: the stream is cut
      // there as retention would cut it, and the read starts again, so a reader behind the gap is
      // told its cursor expired and a reader from cursor 0 gets everything after it.
      await this.scripts.dropThrough(stream, meta, lostUpTo);
    }
  }

  async latestCursor(userId: string): Promise<string> {
    return (await this.client.hget(this.keys.streamMeta(userId), 'last')) ?? '0';
  }

  async get(msgId: string): Promise<ChatMessage | null> {
    const json = await this.client.get(this.keys.message(msgId));
    return json === null ? null : (JSON.parse(json) as ChatMessage);
  }

  async markRecalled(msgId: string): Promise<ChatMessage | null> {
    const message = await this.get(msgId);
    if (message === null) return null;
    const recalled: ChatMessage = { ...message, body: '', recalled: true };
    // KEEPTTL: a recalled message expires when it would have; XX: one that expired meanwhile stays gone.
    const stored = await this.client.set(this.keys.message(msgId), JSON.stringify(recalled), 'KEEPTTL', 'XX');
    return stored === null ? null : recalled;
  }

  history(conversationId: string, options: HistoryOptions): Promise<ChatMessage[]> {
    return this.historyIndex.read(conversationId, options);
  }

  /**
   * The resumable, idempotent steps of a save: seq, message body, history index, stream entries
   * (each with the recipient's conversation list), the sender's read mark, then the answer.
   * Yields each batch of stream entries as it is stored.
   */
  private async *complete(
    sentKey: string,
    draft: Draft,
    recipientUserIds: string[],
  ): AsyncGenerator<StoredPart, FirstAnswer, void> {
    const { msgId, conversationId } = draft;
    const seq = await this.scripts.assignSeq(
      this.keys.conversationSeq(conversationId),
      this.keys.conversationSeqOf(conversationId, msgId),
      IDEMPOTENCY_TTL_MS,
    );
    const message: ChatMessage = { ...draft, seq };
    // Stored before any stream points at it; NX keeps the first body if two finishers race.
    await this.client.set(this.keys.message(msgId), JSON.stringify(message), 'PX', this.messageTtlMs, 'NX');
    await this.historyIndex.add(message);

    const now = this.now();
    const cursors: Record<string, string> = {};
    const batches = scriptBatches(
      this.client,
      recipientUserIds,
      (userId) => this.keys.stream(userId),
      ATOMIC_SAVE_MAX_RECIPIENTS,
    );
    // The batches are written concurrently; each is yielded as soon as it is stored.
    const appending = new Map(
      batches.map((batch, index) => [
        index,
        this.scripts
          .appendMany(
            batch.flatMap((userId) => this.streamKeysOf(userId)),
            msgId,
            nextCursor(0, now),
            retentionHorizon(now, this.retentionMs),
            this.messageTtlMs,
            conversationId,
          )
          .then((cursorList) => ({ index, batch, cursorList })),
      ]),
    );
    while (appending.size > 0) {
      const { index, batch, cursorList } = await Promise.race(appending.values());
      appending.delete(index);
      const part: Record<string, string> = {};
      batch.forEach((userId, i) => (cursors[userId] = part[userId] = cursorList[i]));
      yield { message, cursors: part };
    }

    await this.scripts.raise(this.keys.readSeqs(draft.fromUserId), conversationId, seq);

    const answer: FirstAnswer = { message, cursors };
    await this.client.set(sentKey, JSON.stringify({ answer } satisfies SentRecord), 'PX', IDEMPOTENCY_TTL_MS);
    return answer;
  }
}
