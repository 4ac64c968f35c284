import type { FanOut } from '../delivery/index.js';
import type { NewMessage, RouteStore, SavedMessage } from '../store/types.js';

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
