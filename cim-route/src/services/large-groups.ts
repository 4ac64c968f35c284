import type { RouteStore } from '../store/types.js';
import { groupConversationId } from './conversation-ids.js';

/** A large group the user is a member of: its conversation, latest seq, and where a device with nothing of it starts. */
export interface LargeGroupPosition {
  conversationId: string;
  /** The conversation's latest seq. */
  seq: string;
  /**
   * max(join seq, largeFromSeq - 1): a device with nothing of the group has everything up to here
   * already (in its stream, written before the switch) or was not a member yet.
   */
  fromSeq: string;
}

/**
 * The large groups of a user, by group id. A group the user left (or was removed from) between
 * the two reads is left out: a removed member gets nothing more of it.
 */
export async function largeGroupsOf(store: RouteStore, userId: string): Promise<LargeGroupPosition[]> {
  const large = (await store.groups.groupsOf(userId)).filter((group) => group.largeFromSeq !== undefined);
  const positions = await Promise.all(
    large.map(async (group): Promise<LargeGroupPosition | null> => {
      const conversationId = groupConversationId(group.groupId);
      const [joinSeq, seq] = await Promise.all([
        store.groups.joinSeq(group.groupId, userId),
        store.messages.latestSeq(conversationId),
      ]);
      if (joinSeq === null) return null;
      const fromSeq = Math.max(Number(joinSeq), Number(group.largeFromSeq) - 1);
      return { conversationId, seq, fromSeq: String(fromSeq) };
    }),
  );
  return positions.filter((position): position is LargeGroupPosition => position !== null);
}
