/**
 * The wire protocol as plain TypeScript objects. Mirrors proto/cim.proto; 64-bit numbers are
 * decimal strings, as they are in JSON.
 */

export type Destination = { userId: string } | { groupId: string } | { broadcast: true };

export interface ChatMessage {
  msgId: string;
  conversationId: string;
  /** Contiguous from 1 within a stored conversation; "0" for broadcast. */
  seq: string;
  fromUserId: string;
  fromUserName: string;
  to: Destination;
  body: string;
  /** Milliseconds since the epoch, as a decimal string. */
  ts: string;
  clientMsgId: string;
  recalled?: boolean;
  /** Written by the route about the conversation itself; `body` says it in words. */
  notice?: MessageNotice;
}

/** What happened in a group (proto `Notice`): the message's sender added these users. */
export interface MessageNotice {
  kind: 'MEMBERS_ADDED';
  userIds: string[];
  userNames: string[];
}

export interface WireError {
  code: string;
  message: string;
}

/**
 * A device's position in one large group's conversation (proto `ConversationCursor`): it has every
 * message up to and including `seq`. `expired` only in `caughtUp`, set by the route.
 */
export interface ConversationCursor {
  conversationId: string;
  seq: string;
  expired?: boolean;
}

export type ReceiptKind = 'STORED' | 'DELIVERED' | 'READ';

export type FrameBody =
  | { login: { token: string; cursor?: string; client?: string; conversations?: ConversationCursor[] } }
  | { ping: Record<string, never> }
  | { ack: { cursor: string } }
  | { send: { clientMsgId: string; to: Destination; body: string; deliverAt?: string } }
  | { read: { conversationId: string; seq: string } }
  | { logout: Record<string, never> }
  | {
      loginOk: {
        userId: string;
        userName: string;
        sessionId: string;
        serverId: string;
        heartbeatMs: number;
      };
    }
  | { pong: Record<string, never> }
  | { deliver: { message: ChatMessage; cursor: string } }
  | {
      sendResult: {
        clientMsgId: string;
        msgId?: string;
        conversationId?: string;
        seq?: string;
        ts?: string;
        error?: WireError;
      };
    }
  | {
      receipt: {
        kind: ReceiptKind;
        conversationId: string;
        msgId: string;
        seq: string;
        byUserId: string;
      };
    }
  | { recalled: { msgId: string; conversationId: string; seq: string; byUserId: string } }
  | { kick: { reason: string } }
  | { redirect: { reason: string } }
  | { error: WireError }
  | { caughtUp: { cursor: string; conversations?: ConversationCursor[] } };

export type Frame = FrameBody & { requestId?: number };

/** The name of the frame kind, e.g. "login" or "deliver". */
export type FrameKind = FrameBody extends infer B ? (B extends unknown ? keyof B : never) : never;

export function frameKind(frame: Frame): FrameKind {
  for (const key of Object.keys(frame)) {
    if (key !== 'requestId') return key as FrameKind;
  }
  throw new Error('frame has no body');
}
