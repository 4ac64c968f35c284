import type { Logger } from '@cim/common/server';
import type { RouteStore } from '../store/types.js';
import type { Conversations } from './conversations.js';
import type { FanOut } from '../delivery/index.js';

/** Stream entries read per page while finding what an Ack covers. */
const ACK_PAGE = 500;

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

  /**
   * A device has everything up to `cursor`: tell the senders of what it just acknowledged, page by
   * page, however many messages one Ack covers.
   */
  async acknowledged(userId: string, deviceId: string, cursor: string): Promise<void> {
    const upTo = BigInt(cursor);
    let after = await this.store.receipts.recordAck(userId, deviceId, cursor);
    while (BigInt(after) < upTo) {
      const page = await this.store.messages.sync(userId, after, ACK_PAGE);
      if (page.expired) {
        // Messages after `after` were dropped (retention, or lost) and cannot be receipted. What is
        // still kept all lies after what was dropped, so reading from the start finds the rest.
        after = '0';
        continue;
      }
      if (page.entries.length === 0) return;
      const covered = page.entries.filter((entry) => BigInt(entry.cursor) <= upTo);
      await Promise.all(
        covered
          .filter(({ message }) => message.fromUserId !== userId)
          .map(({ message }) =>
            this.fanOut.frame(
              {
                receipt: {
                  kind: 'DELIVERED',
                  conversationId: message.conversationId,
                  msgId: message.msgId,
                  seq: message.seq,
                  byUserId: userId,
                },
              },
              [message.fromUserId],
            ),
          ),
      );
      if (covered.length < page.entries.length || !page.hasMore) return;
      after = page.entries[page.entries.length - 1].cursor;
    }
  }

  /** Marks a conversation read up to `seq` and tells the other participants. */
  async read(userId: string, conversationId: string, seq: string): Promise<string> {
    const participants = await this.conversations.requireParticipant(userId, conversationId);
    const readSeq = await this.store.receipts.markRead(userId, conversationId, seq);
    const others = participants.filter((id) => id !== userId);
    await this.fanOut.frame(
      { receipt: { kind: 'READ', conversationId, msgId: '0', seq: readSeq, byUserId: userId } },
      others,
    );
    this.logger.debug({ userId, conversationId, readSeq }, 'conversation read');
    return readSeq;
  }
}
