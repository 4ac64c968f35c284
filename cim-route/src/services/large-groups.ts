import type { LargeGroupPosition } from '@cim/common';
import type { RouteStore } from '../store/types.js';
import { groupConversationId } from './conversation-ids.js';

/**
 * The large groups of a user, by group id, each with its latest seq and `fromSeq`:
 * max(join seq, largeFromSeq - 1), up to where a device with nothing of the group has everything
 * already (in its stream, written before the switch) or was not a member yet. A group the user
 * left (or was removed from) between the reads is left out: a removed member gets nothing more.
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
