import type { ReceiptStore } from '../receipt-store.js';
import { formatCursor, parseCursor } from '../../shared/cursor.js';
import type { RedisKeys } from '../../redis/redis-keys.js';
import type { RedisClient } from '../../redis/redis-scripts.js';
import type { ReceiptScripts } from './receipt-scripts.js';
import type { ConversationState } from '../../types.js';
import { parseDecimal, requireLimit } from '../../shared/validate.js';

/**
 * Read seqs, acknowledged cursors and the conversation list built on them, in Redis. Both kinds of
 * marks live in their user's slot and only ever grow, so a late or repeated report is harmless.
 */
export class RedisReceipts implements ReceiptStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
    private readonly scripts: ReceiptScripts,
  ) {}

  async markRead(userId: string, conversationId: string, seq: string): Promise<string> {
    const asked = parseDecimal('seq', seq);
    // Nobody can have read past the conversation's last message. The counter only grows, so reading
    // it before the mark is written can only clip more, never let a mark past the end.
    const readTo = Math.min(asked, await this.lastSeqOf(conversationId));
    const previous = await this.scripts.raise(this.keys.readSeqs(userId), conversationId, String(readTo));
    return String(Math.max(Number(previous), readTo));
  }

  async conversationsOf(userId: string, limit: number): Promise<ConversationState[]> {
    requireLimit(limit);
    const conversationIds = await this.client.zrevrange(this.keys.conversationsOf(userId), 0, limit - 1);
    if (conversationIds.length === 0) return [];
    const [lastSeqs, readSeqs] = await Promise.all([
      // Each conversation's counter is in its own cluster slot; auto-pipelining sends these together.
      Promise.all(conversationIds.map((conversationId) => this.lastSeqOf(conversationId))),
      this.client.hmget(this.keys.readSeqs(userId), ...conversationIds),
    ]);
    return conversationIds.map((conversationId, i) => ({
      conversationId,
      lastSeq: String(lastSeqs[i]),
      readSeq: readSeqs[i] ?? '0',
    }));
  }

  async readSeqsOf(userId: string, conversationIds: string[]): Promise<string[]> {
    if (conversationIds.length === 0) return [];
    const readSeqs = await this.client.hmget(this.keys.readSeqs(userId), ...conversationIds);
    return readSeqs.map((seq) => seq ?? '0');
  }

  async recordAck(userId: string, deviceId: string, cursor: string): Promise<string> {
    return this.scripts.raise(this.keys.acks(userId), deviceId, formatCursor(parseCursor(cursor)));
  }

  private async lastSeqOf(conversationId: string): Promise<number> {
    return Number((await this.client.get(this.keys.conversationSeq(conversationId))) ?? '0');
  }
}
