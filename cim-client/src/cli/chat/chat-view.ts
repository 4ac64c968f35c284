/** What the chat screen shows: plain data, so components render it and tests build it by hand. */

/** Where plain lines go: the broadcast lobby (CIM's default) or one user. */
export type Target = { kind: 'lobby' } | { kind: 'user'; userId: string; userName: string };

/**
 * The life of a message this user sent: sending → stored → delivered (to a device of the
 * recipient) → read; a lobby message is only ever sent (broadcasts are not stored); or refused.
 */
export type OwnStatus = 'sending' | 'stored' | 'delivered' | 'read' | 'sent' | 'failed';

/** Where a stored message sits in its conversation; receipts refer to it. */
export interface StoredRef {
  msgId: string;
  conversationId: string;
  seq: string;
}

/** The connection as a person needs to know it. */
export type LinkState = 'connecting' | 'online' | 'reconnecting' | 'offline';

export type ChatLine =
  | {
      kind: 'message';
      key: string;
      /** Milliseconds since the epoch. */
      ts: number;
      from: string;
      /** The conversation: "lobby", or "@name" of the other side of a private chat. */
      channel: string;
      /** Who it was sent to, "@name"; absent for the lobby. */
      to?: string;
      body: string;
      own: boolean;
      /** Set on own messages only. */
      status?: OwnStatus;
      /** Set once the route has stored it. */
      stored?: StoredRef;
    }
  | { kind: 'system'; key: string; text: string; tone: 'info' | 'error' };

export interface ChatView {
  userName: string;
  server?: string;
  link: LinkState;
  /** Long work in progress (connecting, catching up), shown with a spinner. */
  busy?: string;
  target: Target;
  /** Messages from others that arrived outside the current target, by channel. */
  unread: Readonly<Record<string, number>>;
  lines: readonly ChatLine[];
  /** Set when the chat is over; the process exits with it. */
  exitCode?: number;
}

export const LOBBY: Target = { kind: 'lobby' };

export function channelOfTarget(target: Target): string {
  return target.kind === 'lobby' ? 'lobby' : `@${target.userName}`;
}
