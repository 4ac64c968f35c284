import type { ReceiptKind } from '@cim/common/client';
import type { OwnStatus } from './chat-view.js';

/** A receipt as the SDK emits it. */
export interface Receipt {
  kind: ReceiptKind;
  conversationId: string;
  msgId: string;
  seq: string;
  byUserId: string;
}

/** Kept only for recent messages: receipts for old ones change nothing on screen. */
const MAX_DELIVERED = 5000;

const RANK: Record<OwnStatus, number> = { failed: -1, sending: 0, sent: 1, stored: 1, delivered: 2, read: 3 };

/**
 * What the route has said about this user's stored messages. A receipt can arrive before the send
 * answer that names the message (the push to the recipient happens before the answer), so they are
 * remembered and applied when the answer comes.
 */
export class ReceiptBook {
  private readonly delivered = new Set<string>();
  private readonly readUpTo = new Map<string, bigint>();

  record(receipt: Receipt): void {
    if (receipt.kind === 'DELIVERED') {
      this.delivered.add(receipt.msgId);
      if (this.delivered.size > MAX_DELIVERED) this.delivered.delete(this.delivered.values().next().value!);
    } else if (receipt.kind === 'READ') {
      const seq = BigInt(receipt.seq);
      if (seq > (this.readUpTo.get(receipt.conversationId) ?? 0n)) this.readUpTo.set(receipt.conversationId, seq);
    }
  }

  /** `current` raised to what the receipts say; a status never goes back. */
  statusOf(message: { msgId: string; conversationId: string; seq: string }, current: OwnStatus): OwnStatus {
    let status = current;
    const raise = (to: OwnStatus) => {
      if (RANK[to] > RANK[status]) status = to;
    };
    if (this.delivered.has(message.msgId)) raise('delivered');
    const read = this.readUpTo.get(message.conversationId);
    if (read !== undefined && message.seq !== '0' && BigInt(message.seq) <= read) raise('read');
    return status;
  }
}
