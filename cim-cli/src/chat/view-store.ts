import type { ChatLine, ChatView } from './chat-view.js';

/** The screen keeps this many lines; older ones scrolled off long ago. */
const MAX_LINES = 1000;

export type MessageLine = Extract<ChatLine, { kind: 'message' }>;

/**
 * The chat's current `ChatView`. Every change makes a new snapshot and tells the subscribers, which
 * is what React's useSyncExternalStore needs to re-render exactly when something changed.
 */
export class ViewStore {
  private view: ChatView;
  private readonly listeners = new Set<() => void>();
  private nextKey = 0;

  constructor(initial: ChatView) {
    this.view = initial;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): ChatView => this.view;

  update(change: Partial<ChatView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener();
  }

  /** A fresh key for a line. */
  key(): string {
    return String(this.nextKey++);
  }

  append(line: ChatLine): void {
    this.update({ lines: [...this.view.lines, line].slice(-MAX_LINES) });
  }

  system(text: string, tone: 'info' | 'error' = 'info'): void {
    this.append({ kind: 'system', key: this.key(), text, tone });
  }

  /** Replaces the message lines `change` returns a new line for; the others stay as they are. */
  updateMessages(change: (line: MessageLine) => MessageLine): void {
    this.update({ lines: this.view.lines.map((line) => (line.kind === 'message' ? change(line) : line)) });
  }
}
