import type { MessageStore, NewMessage, SavedMessage, StoredPart } from './message-store.js';

/** Runs a save to its end and answers it, for callers that push nothing while it is written. */
export async function finishSave<Answer>(save: AsyncGenerator<StoredPart, Answer, void>): Promise<Answer> {
  for (;;) {
    const step = await save.next();
    if (step.done) return step.value;
  }
}

/** Stores a message whole (`MessageStore.save` run to its answer). */
export function saveMessage(
  messages: MessageStore,
  message: NewMessage,
  recipientUserIds: string[],
): Promise<SavedMessage> {
  return finishSave(messages.save(message, recipientUserIds));
}
