import type { ReceiptStore } from '../receipt-store.js';
import { parseCursor } from '../../shared/cursor.js';
import { HighWaterMarks } from '../../shared/high-water-marks.js';
import { parseDecimal } from '../../shared/validate.js';
import type { ConversationState } from '../../types.js';
import type { MemoryMessageLog } from '../../messages/memory/memory-message-log.js';

/** Read seqs and acknowledged cursors in memory: marks that only ever move up. */
export class MemoryReceipts implements ReceiptStore {
  /** `<userId>\u0000<conversationId>` → the seq the user has read up to. */
  private readonly readSeqs = new HighWaterMarks();
  /** `<userId>\u0000<deviceId>` → the highest cursor the device acknowledged. */
  private readonly acks = new HighWaterMarks();

  constructor(private readonly log: MemoryMessageLog) {}

  /** A sender has read what it wrote: its read seq moves up to its own message. */
  markSent(userId: string, conversationId: string, seq: string): void {
    this.readSeqs.raise(`${userId}\u0000${conversationId}`, Number(seq));
  }

  async markRead(userId: string, conversationId: string, seq: string): Promise<string> {
    // Nobody can have read past the conversation's last message.
    const readTo = Math.min(parseDecimal('seq', seq), this.log.lastSeqOf(conversationId));
    const previous = this.readSeqs.raise(`${userId}\u0000${conversationId}`, readTo);
    return String(Math.max(previous, readTo));
  }

  async conversationsOf(userId: string, limit: number): Promise<ConversationState[]> {
    return this.log.conversationsOf(userId, limit).map((conversationId) => ({
      conversationId,
      lastSeq: String(this.log.lastSeqOf(conversationId)),
      readSeq: String(this.readSeqs.get(`${userId}\u0000${conversationId}`)),
    }));
  }

  async readSeqsOf(userId: string, conversationIds: string[]): Promise<string[]> {
    return conversationIds.map((conversationId) => String(this.readSeqs.get(`${userId}\u0000${conversationId}`)));
  }

  async recordAck(userId: string, deviceId: string, cursor: string): Promise<string> {
    return String(this.acks.raise(`${userId}\u0000${deviceId}`, parseCursor(cursor)));
  }
}
