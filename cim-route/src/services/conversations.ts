import { CimError, ErrorCodes, type ChatMessage } from '@cim/common';
import type { RouteStore } from '../store/types.js';
import { parseConversationId } from './conversation-ids.js';
import type { Groups } from './groups.js';

export interface ConversationSummary {
  conversationId: string;
  lastSeq: string;
  readSeq: string;
  unread: number;
}

/** Reading conversations: who may, history, read marks and unread counts. */
export class Conversations {
  constructor(
    private readonly store: RouteStore,
    private readonly groups: Groups,
  ) {}

  /**
   * Throws unless `userId` takes part in the conversation; returns its participants. A private
   * group a user is not in answers as if it did not exist (see groups.ts).
   */
  async requireParticipant(userId: string, conversationId: string): Promise<string[]> {
    const parsed = parseConversationId(conversationId);
    if (parsed.kind === 'private') {
      if (!parsed.userIds.includes(userId)) throw new CimError(ErrorCodes.FORBIDDEN, 'not your conversation');
      return [...new Set(parsed.userIds)];
    }
    return (await this.groups.getAsMember(userId, parsed.groupId)).memberIds;
  }

  async history(
    userId: string,
    conversationId: string,
    options: { beforeSeq?: string; limit: number; keyword?: string },
  ): Promise<ChatMessage[]> {
    await this.requireParticipant(userId, conversationId);
    return this.store.messages.history(conversationId, options);
  }

  async list(userId: string, limit: number): Promise<ConversationSummary[]> {
    const states = await this.store.receipts.conversationsOf(userId, limit);
    return states.map((s) => ({ ...s, unread: Math.max(0, Number(BigInt(s.lastSeq) - BigInt(s.readSeq))) }));
  }
}
