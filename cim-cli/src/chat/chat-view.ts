/** What the chat screen shows: plain data, so components render it and tests build it by hand. */
import type { Emoji } from './emoji.js';

/** Where plain lines go: the broadcast lobby (CIM's default), one user or one group. */
export type Target =
  | { kind: 'lobby' }
  | { kind: 'user'; userId: string; userName: string }
  | { kind: 'group'; groupId: string; name: string };

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
      /** The conversation: "lobby", "@name" of the other side of a private chat, or "#group". */
      channel: string;
      /** Who it was sent to, "@name" or "#group"; absent for the lobby. */
      to?: string;
      body: string;
      /** Its sender took it back: the body is gone. */
      recalled?: boolean;
      /** Written by the route about the conversation ("alice added bob"): shown as news, not as words typed. */
      notice?: boolean;
      own: boolean;
      /** Set on own messages only. */
      status?: OwnStatus;
      /** Set once the route has stored it. */
      stored?: StoredRef;
    }
  | { kind: 'system'; key: string; text: string; tone: 'info' | 'error' }
  /** One page of the `:emoji` table. */
  | { kind: 'emoji'; key: string; page: number; pages: number; entries: readonly Emoji[] };

export interface ChatView {
  userName: string;
  server?: string;
  link: LinkState;
  /** Long work in progress (connecting, catching up), shown with a spinner. */
  busy?: string;
  target: Target;
  /**
   * Messages from others not yet read, by channel: the route's count at start-up, then those
   * arriving outside the current target.
   */
  unread: Readonly<Record<string, number>>;
  lines: readonly ChatLine[];
  /** Set when the chat is over; the process exits with it. */
  exitCode?: number;
}

export const LOBBY: Target = { kind: 'lobby' };

export function channelOfTarget(target: Target): string {
  switch (target.kind) {
    case 'lobby':
      return 'lobby';
    case 'user':
      return `@${target.userName}`;
    case 'group':
      return `#${target.name}`;
  }
}
