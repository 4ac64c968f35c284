import type { FanOut } from '../delivery/index.js';
import type { GroupRecord, NewMessage, RouteStore, SavedMessage } from '../store/types.js';
import { saveMessage } from '../store/index.js';

/**
 * Stores a message and pushes it to its recipients. Recipients are pushed to as soon as their
 * stream entries are stored: a large group's first members get the message while the rest is
 * still being written.
 */
export async function saveAndPush(
  store: RouteStore,
  fanOut: FanOut,
  message: NewMessage,
  recipients: string[],
): Promise<SavedMessage> {
  const save = store.messages.save(message, recipients);
  const pushes: Promise<void>[] = [];
  let saved: SavedMessage;
  try {
    let step = await save.next();
    while (!step.done) {
      pushes.push(fanOut.message(step.value));
      step = await save.next();
    }
    saved = step.value;
  } catch (err) {
    await Promise.allSettled(pushes);
    throw err;
  }
  // Pushed again on a retry too: the first push may have died with a crashed route; clients drop
  // what they already have (by msgId).
  if (saved.duplicate) pushes.push(fanOut.message(saved));
  await Promise.all(pushes);
  return saved;
}

/**
 * Stores a group's message and pushes it to the members. A large group's (`largeFromSeq` set when
 * the group was read) is stored once, in its conversation only, and pushed without a cursor; a
 * small group's goes to every member's stream as any message does. Which one a send does depends
 * only on the group it read: see `Groups.add` for why a send racing with the switch loses nothing.
 */
export async function saveAndPushToGroup(
  store: RouteStore,
  fanOut: FanOut,
  message: NewMessage,
  group: GroupRecord,
): Promise<SavedMessage> {
  if (group.largeFromSeq === undefined) return saveAndPush(store, fanOut, message, group.memberIds);
  const saved = await saveMessage(store.messages, message, []);
  // Pushed again on a retry too, as saveAndPush does, but only to the members it was stored for:
  // one added since joined after it, and would get an older message than those it already has.
  const recipients = saved.duplicate ? await membersBefore(store, group, saved.message.seq) : group.memberIds;
  await fanOut.toMembers(saved.message, recipients);
  return saved;
}

/** The members of a large group whose join seq lies below `seq`: those the message at `seq` is for. */
async function membersBefore(store: RouteStore, group: GroupRecord, seq: string): Promise<string[]> {
  const joinSeqs = await Promise.all(group.memberIds.map((userId) => store.groups.joinSeq(group.groupId, userId)));
  return group.memberIds.filter((_, i) => joinSeqs[i] !== null && BigInt(joinSeqs[i]!) < BigInt(seq));
}
