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
  const memberships = await store.groups.largeMembershipsOf(userId);
  return Promise.all(
    memberships.map(async ({ groupId, joinSeq, largeFromSeq }): Promise<LargeGroupPosition> => {
      const conversationId = groupConversationId(groupId);
      const seq = await store.messages.latestSeq(conversationId);
      const fromSeq = Math.max(Number(joinSeq), Number(largeFromSeq) - 1);
      return { conversationId, seq, fromSeq: String(fromSeq) };
    }),
  );
}
