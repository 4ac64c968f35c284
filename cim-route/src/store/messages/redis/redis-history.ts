import type { ChatMessage } from '@cim/common';
import { HISTORY_SCAN_LIMIT } from '../../defaults.js';
import { parseHistoryQuery, type HistoryOptions } from '../history-query.js';
import type { RedisKeys } from '../../redis/redis-keys.js';
import type { RedisClient } from '../../redis/redis-scripts.js';
import type { MessageScripts } from './message-scripts.js';

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
