import type { Logger } from '@cim/common';
import type { RouteStore } from '../store/types.js';
import type { Conversations } from './conversations.js';
import type { FanOut } from './fan-out.js';

const ACK_SCAN_LIMIT = 500;

/**
 * Receipts for senders. *Stored* is the send answer itself; *delivered* follows a recipient
 * device's Ack of its cursor; *read* follows a member marking a conversation read.
 */
export class Receipts {
  constructor(
    private readonly store: RouteStore,
    private readonly conversations: Conversations,
    private readonly fanOut: FanOut,
    private readonly logger: Logger,
  ) {}

  /** A device has everything up to `cursor`: tell the senders of what it just acknowledged. */
  async acknowledged(userId: string, deviceId: string, cursor: string): Promise<void> {
    const previous = await this.store.recordAck(userId, deviceId, cursor);
    if (BigInt(cursor) <= BigInt(previous)) return;
    const page = await this.store.sync(userId, previous, ACK_SCAN_LIMIT);
    if (page.expired) return;
    const upTo = BigInt(cursor);
    const pushes = [];
    for (const { cursor: c, message } of page.entries) {
      if (BigInt(c) > upTo) break;
      if (message.fromUserId === userId) continue;
      pushes.push(
        this.fanOut.frame(
          { receipt: { kind: 'DELIVERED', conversationId: message.conversationId, msgId: message.msgId, seq: message.seq, byUserId: userId } },
          [message.fromUserId],
        ),
      );
    }
    await Promise.all(pushes);
  }

  /** Marks a conversation read up to `seq` and tells the other participants. */
  async read(userId: string, conversationId: string, seq: string): Promise<string> {
    const participants = await this.conversations.requireParticipant(userId, conversationId);
    const readSeq = await this.store.markRead(userId, conversationId, seq);
    const others = participants.filter((id) => id !== userId);
    await this.fanOut.frame({ receipt: { kind: 'READ', conversationId, msgId: '0', seq: readSeq, byUserId: userId } }, others);
    this.logger.debug({ userId, conversationId, readSeq }, 'conversation read');
    return readSeq;
  }
}
