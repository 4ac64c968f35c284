import type { ChatMessage } from '@cim/common';
import { HISTORY_SCAN_LIMIT } from '../../defaults.js';
import { parseHistoryQuery, type HistoryOptions } from '../history-query.js';
import type { RedisKeys } from '../../redis/redis-keys.js';
import type { RedisClient } from '../../redis/redis-scripts.js';
import type { MessageScripts } from './message-scripts.js';
import { conversationPage, type IndexedMessage } from '../conversation-page.js';
import type { ConversationPage } from '../message-store.js';
import { requireLimit } from '../../shared/validate.js';

/** Index entries read per round trip by a keyword search, which may skip most of what it reads. */
const SEARCH_BATCH = 200;

/**
 * Each conversation's history index in Redis: a sorted set of its messages by seq. Members are
 * `<msgId>:<ts>`: carrying the time lets a save drop the entries of expired messages without
 * reading those messages, which live in other cluster slots.
 */
export class RedisHistory {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
    private readonly scripts: MessageScripts,
    private readonly messageTtlMs: number,
    private readonly now: () => number,
  ) {}

  /** Adds a stored message to its conversation's index; safe to repeat. */
  async add(message: ChatMessage): Promise<void> {
    await this.scripts.indexHistory(
      this.keys.conversationHistory(message.conversationId),
      message.seq,
      this.memberOf(message),
      this.horizonTs(),
      this.messageTtlMs,
    );
  }

  /** A message's entry in the index. */
  memberOf(message: Pick<ChatMessage, 'msgId' | 'ts'>): string {
    return `${message.msgId}:${message.ts}`;
  }

  /** Entries of messages sent before this time point at expired messages. */
  horizonTs(): number {
    return this.now() - this.messageTtlMs;
  }

  /** See `MessageStore.messagesAfter`. */
  async readAfter(conversationId: string, afterSeq: number, limit: number): Promise<ConversationPage> {
    requireLimit(limit);
    // Read before the entries: a message saved meanwhile is then never taken for a lost one.
    const latestSeq = Number((await this.client.get(this.keys.conversationSeq(conversationId))) ?? '0');
    const key = this.keys.conversationHistory(conversationId);
    const entries: IndexedMessage[] = [];
    let above = `(${afterSeq}`;
    // Entries of expired messages may linger at the front: read on until a kept message comes.
    for (;;) {
      const rows = await this.client.zrangebyscore(key, above, '+inf', 'WITHSCORES', 'LIMIT', 0, limit);
      const listed: { seq: number; msgId: string }[] = [];
      for (let i = 0; i < rows.length; i += 2)
        listed.push({ msgId: rows[i].slice(0, rows[i].indexOf(':')), seq: Number(rows[i + 1]) });
      // Message keys lie in different cluster slots; auto-pipelining sends these GETs together.
      const bodies = await Promise.all(listed.map(({ msgId }) => this.client.get(this.keys.message(msgId))));
      listed.forEach(({ seq }, i) => {
        const body = bodies[i];
        entries.push({ seq, message: body === null ? null : (JSON.parse(body) as ChatMessage) });
      });
      if (listed.length < limit || bodies.some((body) => body !== null)) break;
      above = `(${listed[listed.length - 1].seq}`;
    }
    const oldest = await this.client.zrange(key, '0', '0', 'WITHSCORES');
    const oldestIndexedSeq = oldest.length === 2 ? Number(oldest[1]) : null;
    return conversationPage(afterSeq, limit, { entries, latestSeq, oldestIndexedSeq });
  }

  async read(conversationId: string, options: HistoryOptions): Promise<ChatMessage[]> {
    const query = parseHistoryQuery(options);
    const key = this.keys.conversationHistory(conversationId);
    const found: ChatMessage[] = [];
    let below = query.beforeSeq === null ? '+inf' : `(${query.beforeSeq}`;
    let scanned = 0;
    while (found.length < query.limit && scanned < HISTORY_SCAN_LIMIT) {
      const wanted = query.filtered ? SEARCH_BATCH : query.limit - found.length;
      const count = Math.min(wanted, HISTORY_SCAN_LIMIT - scanned);
      const rows = await this.client.zrevrangebyscore(key, below, '-inf', 'WITHSCORES', 'LIMIT', 0, count);
      const msgIds: string[] = [];
      for (let i = 0; i < rows.length; i += 2) msgIds.push(rows[i].slice(0, rows[i].indexOf(':')));
      // Message keys lie in different cluster slots; auto-pipelining sends these GETs together.
      const bodies = await Promise.all(msgIds.map((msgId) => this.client.get(this.keys.message(msgId))));
      for (const body of bodies) {
        // A missing body is a message that expired before its index entry was trimmed.
        const message = body === null ? null : (JSON.parse(body) as ChatMessage);
        if (message !== null && query.matches(message) && found.length < query.limit) found.push(message);
      }
      scanned += msgIds.length;
      if (msgIds.length < count) break;
      below = `(${rows[rows.length - 1]}`;
    }
    return found;
  }
}
