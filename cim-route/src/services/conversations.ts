import { CimError, ErrorCodes, type ChatMessage } from '@cim/common';
import type { ConversationPage, ConversationState, RouteStore } from '../store/types.js';
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

  /** A conversation's messages after `afterSeq`, oldest first (see `MessageStore.messagesAfter`): members only, as history. */
  async after(userId: string, conversationId: string, afterSeq: string, limit: number): Promise<ConversationPage> {
    await this.requireParticipant(userId, conversationId);
    return this.store.messages.messagesAfter(conversationId, afterSeq, limit);
  }

  /**
   * The user's conversations, most recently active first, with unread counts. Large groups'
   * messages are in no stream, so the conversations the streams list do not know of their latest
   * messages: those groups are added here, and the list is ordered by each one's latest message.
   */
  async list(userId: string, limit: number): Promise<ConversationSummary[]> {
    const [streamed, largeGroups] = await Promise.all([
      this.store.receipts.conversationsOf(userId, limit),
      this.groups.largeGroupsOf(userId),
    ]);
    let states: ConversationState[] = streamed;
    if (largeGroups.length > 0) {
      const listed = new Set(streamed.map((state) => state.conversationId));
      const unlisted = largeGroups.filter((group) => !listed.has(group.conversationId));
      const readSeqs = await this.store.receipts.readSeqsOf(
        userId,
        unlisted.map((group) => group.conversationId),
      );
      states = [
        ...streamed,
        ...unlisted.map((group, i) => ({
          conversationId: group.conversationId,
          lastSeq: group.seq,
          readSeq: readSeqs[i],
        })),
      ];
      states = (await this.newestFirst(states)).slice(0, limit);
    }
    return states.map((s) => ({ ...s, unread: Math.max(0, Number(BigInt(s.lastSeq) - BigInt(s.readSeq))) }));
  }

  /** Orders conversations by the time of their latest message, newest first. */
  private async newestFirst(states: ConversationState[]): Promise<ConversationState[]> {
    const latest = await Promise.all(
      states.map(async (state) => {
        const [message] = await this.store.messages.history(state.conversationId, { limit: 1 });
        return Number(message?.ts ?? 0);
      }),
    );
    return states
      .map((state, i) => ({ state, at: latest[i] }))
      .sort((a, b) => b.at - a.at)
      .map(({ state }) => state);
  }
}
