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
import type {
  ConversationPage,
  MessageSave,
  MessageToSave,
  NewMessage,
  SavedMessage,
  StoredPart,
  SyncEntry,
  SyncPage,
} from '../../types.js';
import { MsgIdBlocks } from './msg-id-blocks.js';
import { scriptBatches } from '../../redis/redis-batches.js';
import { parseDecimal, requireLimit } from '../../shared/validate.js';
import { settleInto } from '../../../settle.js';

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
    const draft = await this.draftOf(input);
    const recipients = [...new Set(recipientUserIds)];
    const sentKey = this.keys.sent(input.fromUserId, input.clientMsgId);
    if (this.savesAtomically(recipients)) {
      const save = this.atomicSave(sentKey, draft, recipients);
      const reply = await this.scripts.saveMessage(save.keys, ...save.args);
      if (reply[0] === 'stored') {
        const saved = storedAnswer(draft, recipients, reply);
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

  /**
   * Several saves, each as `save` does it. On a single Redis, messages to few recipients are
   * stored together by one script call (of at most ATOMIC_SAVE_MAX_RECIPIENTS stream appends), the
   * rest one by one. A Redis that does not answer fails the saves of its call, and only those.
   */
  async saveBatch(saves: MessageToSave[]): Promise<PromiseSettledResult<SavedMessage>[]> {
    const results = new Array<PromiseSettledResult<SavedMessage>>(saves.length);
    const calls: Promise<void>[] = [];
    let batch: number[] = [];
    let batchRecipients = 0;
    const recipientsOf = saves.map((save) => [...new Set(save.recipientUserIds)]);
    const flush = () => {
      if (batch.length > 0) calls.push(this.saveTogether(batch, saves, recipientsOf, results));
      batch = [];
      batchRecipients = 0;
    };
    // Saved one by one, a conversation's messages are saved one after another, so their seqs follow the batch.
    const lastOfConversation = new Map<string, Promise<void>>();
    saves.forEach((save, i) => {
      const recipients = recipientsOf[i];
      if (!this.savesAtomically(recipients)) {
        const { conversationId } = save.message;
        const saved = (lastOfConversation.get(conversationId) ?? Promise.resolve()).then(() =>
          settleInto(results, i, finishSave(this.save(save.message, recipients))),
        );
        lastOfConversation.set(conversationId, saved);
        calls.push(saved);
        return;
      }
      if (batchRecipients + recipients.length > ATOMIC_SAVE_MAX_RECIPIENTS) flush();
      batch.push(i);
      batchRecipients += recipients.length;
    });
    flush();
    await Promise.all(calls);
    return results;
  }

  /** One `saveMessages` call for the saves at `indexes`; each answer goes to its place in `results`. */
  private async saveTogether(
    indexes: number[],
    saves: { message: NewMessage }[],
    recipientsOf: string[][],
    results: PromiseSettledResult<SavedMessage>[],
  ): Promise<void> {
    try {
      const drafts = await Promise.all(indexes.map((i) => this.draftOf(saves[i].message)));
      const keys: string[] = [];
      const args: (string | number)[] = [indexes.length];
      indexes.forEach((i, j) => {
        const save = this.atomicSave(this.sentKeyOf(saves[i].message), drafts[j], recipientsOf[i]);
        keys.push(...save.keys);
        args.push(recipientsOf[i].length, ...save.args);
      });
      const replies = await this.scripts.saveMessages(keys, ...args);
      await Promise.all(
        indexes.map((i, j) => {
          const reply = replies[j];
          if (reply[0] === 'stored') {
            results[i] = {
              status: 'fulfilled',
              value: { ...storedAnswer(drafts[j], recipientsOf[i], reply), duplicate: false },
            };
            return undefined;
          }
          return settleInto(results, i, this.answerRetry(this.sentKeyOf(saves[i].message), reply[1], recipientsOf[i]));
        }),
      );
    } catch (reason) {
      for (const i of indexes) results[i] ??= { status: 'rejected', reason };
    }
  }

  /** The message as proposed, with a fresh msgId: a duplicate leaves a gap in msgIds, which only need to be unique. */
  private async draftOf(input: NewMessage): Promise<Draft> {
    return {
      msgId: await this.msgIds.take(),
      conversationId: input.conversationId,
      fromUserId: input.fromUserId,
      fromUserName: input.fromUserName,
      to: input.to,
      body: input.body,
      ts: String(this.now()),
      clientMsgId: input.clientMsgId,
      ...(input.notice ? { notice: input.notice } : {}),
    };
  }

  private sentKeyOf(input: NewMessage): string {
    return this.keys.sent(input.fromUserId, input.clientMsgId);
  }

  /** On a single Redis, a message to a few hundred recipients is saved by one script call. */
  private savesAtomically(recipients: string[]): boolean {
    return !this.client.isCluster && recipients.length <= ATOMIC_SAVE_MAX_RECIPIENTS;
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

  /** The keys and arguments of one atomic save (see SAVE_ONE in message-scripts.ts). */
  private atomicSave(
    sentKey: string,
    draft: Draft,
    recipients: string[],
  ): { keys: string[]; args: (string | number)[] } {
    const now = this.now();
    const keys = [
      sentKey,
      this.keys.message(draft.msgId),
      this.keys.conversationSeq(draft.conversationId),
      this.keys.conversationHistory(draft.conversationId),
      this.keys.readSeqs(draft.fromUserId),
      ...recipients.flatMap((userId) => this.streamKeysOf(userId)),
    ];
    const args = [
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
    ];
    return { keys, args };
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

  async messagesAfter(conversationId: string, afterSeq: string, limit: number): Promise<ConversationPage> {
    return this.historyIndex.readAfter(conversationId, parseDecimal('afterSeq', afterSeq), limit);
  }

  async latestSeq(conversationId: string): Promise<string> {
    return (await this.client.get(this.keys.conversationSeq(conversationId))) ?? '0';
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

/** What a save stored, from the reply of its script: the seq and each recipient's cursor. */
function storedAnswer(draft: Draft, recipients: string[], reply: ['stored', string, ...string[]]): StoredPart {
  const [, seq, ...cursorList] = reply;
  return {
    message: { ...draft, seq },
    cursors: Object.fromEntries(recipients.map((userId, i) => [userId, cursorList[i]])),
  };
}
