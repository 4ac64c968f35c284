import { useSyncExternalStore } from 'react';
import type { ChatController } from './chat-controller.js';
import type { ChatView } from './chat-view.js';

/** The controller's current view; re-renders whenever it changes. */
export function useChat(controller: ChatController): ChatView {
  return useSyncExternalStore(controller.subscribe, controller.snapshot);
}
