import type { ChatMessage } from '@cim/common';
import { formatCursor, nextCursor, parseCursor, retentionHorizon } from './cursor.js';
import { IDEMPOTENCY_TTL_MS, MESSAGE_TTL_MARGIN_MS } from './defaults.js';
import type { HistoryOptions } from './history-query.js';
import { RedisHistory } from './redis-history.js';
import type { RedisKeys } from './redis-keys.js';
import type { RedisClient, StoreScripts } from './redis-scripts.js';
import type { NewMessage, SavedMessage, SyncEntry, SyncPage } from './types.js';
import { requireLimit } from './validate.js';

type FirstAnswer = Omit<SavedMessage, 'duplicate'>;
type Draft = Omit<ChatMessage, 'seq'>;

/**
 * What the sent key holds: first the message as proposed by the send that claimed the
 * clientMsgId, then, once every step is done, the answer that send gave.
 */
type SentRecord = { draft: Draft } | { answer: FirstAnswer };

/**
 * Messages, history indexes, sync streams and conversation lists in Redis. A save spans several
 * hash slots (the sender's, the conversation's, every recipient's), so it cannot be one
 * transaction. Instead every step after the claim of the clientMsgId is idempotent and keyed by the
 * claimed msgId: whoever finds an unfinished claim (a concurrent retry, or a retry after a route
 * crashed mid-save) finishes it with the same msgId, seq and cursors. Nothing is stored twice and
 * no seq is skipped.
 */
export class RedisMessageLog {
  private readonly messageTtlMs: number;
  private readonly history: RedisHistory;

  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
    private readonly scripts: StoreScripts,
    private readonly retentionMs: number,
    private readonly now: () => number,
  ) {
    this.messageTtlMs = retentionMs + MESSAGE_TTL_MARGIN_MS;
    this.history = new RedisHistory(client, keys, scripts, this.messageTtlMs, now);
  }

  async save(input: NewMessage, recipientUserIds: string[]): Promise<SavedMessage> {
    // Taken before the claim so the claim can carry it; a duplicate leaves a gap in msgIds, which
    // only need to be unique.
    const msgId = String(await this.client.incr(this.keys.msgIdCounter));
    const proposed: Draft = {
      msgId,
      conversationId: input.conversationId,
      fromUserId: input.fromUserId,
      fromUserName: input.fromUserName,
      to: input.to,
      body: input.body,
      ts: String(this.now()),
      clientMsgId: input.clientMsgId,
    };
    const sentKey = this.keys.sent(input.fromUserId, input.clientMsgId);
    const earlier = await this.scripts.claim(sentKey, JSON.stringify({ draft: proposed }), IDEMPOTENCY_TTL_MS);
    if (earlier === null) return { ...(await this.complete(sentKey, proposed, recipientUserIds)), duplicate: false };

    const record = JSON.parse(earlier) as SentRecord;
    const answer = 'answer' in record ? record.answer : await this.complete(sentKey, record.draft, recipientUserIds);
    // A recall since the first answer shows, so a retried send never brings back a recalled body.
    const current = await this.get(answer.message.msgId);
    return { ...answer, message: current ?? answer.message, duplicate: true };
  }

  async sync(userId: string, after: string, limit: number): Promise<SyncPage> {
    const afterCursor = formatCursor(parseCursor(after));
    requireLimit(limit);
    const horizon = retentionHorizon(this.now(), this.retentionMs);
    const stream = this.keys.stream(userId);
    // One row more than asked tells whether another page follows.
    const rows = await this.scripts.readStream(stream, this.keys.streamMeta(userId), afterCursor, limit + 1, horizon);
    if (rows === null) return { expired: true };

    const listed: { msgId: string; cursor: string }[] = [];
    for (let i = 0; i + 1 < rows.length && listed.length < limit; i += 2)
      listed.push({ msgId: rows[i], cursor: rows[i + 1] });
    // Message keys lie in different cluster slots; auto-pipelining sends these GETs together.
    const bodies = await Promise.all(listed.map(({ msgId }) => this.client.get(this.keys.message(msgId))));

    const entries: SyncEntry[] = [];
    const gone: string[] = [];
    listed.forEach(({ msgId, cursor }, i) => {
      const body = bodies[i];
      if (body === null) gone.push(msgId);
      else entries.push({ cursor, message: JSON.parse(body) as ChatMessage });
    });
    // A message lost outside the retention rules (eviction, a flush) must not stall readers
    // behind an entry that can never be served: forget the entry.
    if (gone.length > 0) await this.client.zrem(stream, ...gone);
    return { expired: false, entries, hasMore: rows.length / 2 > limit };
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

  readHistory(conversationId: string, options: HistoryOptions): Promise<ChatMessage[]> {
    return this.history.read(conversationId, options);
  }

  /**
   * The idempotent steps of a save: seq, message body, history index, stream entries (each with the
   * recipient's conversation list), then the answer.
   */
  private async complete(sentKey: string, draft: Draft, recipientUserIds: string[]): Promise<FirstAnswer> {
    const { msgId, conversationId } = draft;
    const seq = await this.scripts.assignSeq(
      this.keys.conversationSeq(conversationId),
      this.keys.conversationSeqOf(conversationId, msgId),
      IDEMPOTENCY_TTL_MS,
    );
    const message: ChatMessage = { ...draft, seq };
    // Stored before any stream points at it; NX keeps the first body if two finishers race.
    await this.client.set(this.keys.message(msgId), JSON.stringify(message), 'PX', this.messageTtlMs, 'NX');
    await this.history.add(message);

    const now = this.now();
    const nowSlot = nextCursor(0, now);
    const horizon = retentionHorizon(now, this.retentionMs);
    const recipients = [...new Set(recipientUserIds)];
    const cursorList = await Promise.all(
      recipients.map((userId) =>
        this.scripts.append(
          this.keys.stream(userId),
          this.keys.streamMeta(userId),
          this.keys.conversationsOf(userId),
          msgId,
          nowSlot,
          horizon,
          this.messageTtlMs,
          conversationId,
        ),
      ),
    );
    const cursors = Object.fromEntries(recipients.map((userId, i) => [userId, cursorList[i]]));

    const answer: FirstAnswer = { message, cursors };
    await this.client.set(sentKey, JSON.stringify({ answer } satisfies SentRecord), 'PX', IDEMPOTENCY_TTL_MS);
    return answer;
  }
}
