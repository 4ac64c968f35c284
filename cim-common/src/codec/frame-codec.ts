import { cim } from '@cim/proto';
import { CimError, ErrorCodes } from '../errors.js';
import type { ChatMessage, ConversationCursor, Destination, Frame, MessageNotice } from './types.js';
import { varint32Size, writeVarint32 } from './varint.js';

const toObjectOptions = { longs: String, enums: String, defaults: false, oneofs: false } as const;

/** Encodes a frame body only (no length prefix). */
export function encodeFrameBody(frame: Frame): Uint8Array {
  return cim.Frame.encode(cim.Frame.fromObject(frame as Record<string, unknown>)).finish();
}

/** Encodes a frame with its varint32 length prefix, ready to write to a socket. */
export function encodeFrame(frame: Frame): Buffer {
  return lengthPrefixed(encodeFrameBody(frame));
}

export function lengthPrefixed(body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(varint32Size(body.length) + body.length);
  const offset = writeVarint32(body.length, out, 0);
  out.set(body, offset);
  return out;
}

/** Decodes one frame body (as split by FrameDecoder). Throws CIM_ERR_BAD_FRAME. */
export function decodeFrame(body: Uint8Array): Frame {
  let decoded: cim.Frame;
  try {
    decoded = cim.Frame.decode(body);
  } catch (err) {
    throw new CimError(ErrorCodes.BAD_FRAME, `frame does not decode: ${(err as Error).message}`);
  }
  const obj = cim.Frame.toObject(decoded, toObjectOptions) as Record<string, unknown>;
  if (decoded.body === undefined || decoded.body === null) {
    throw new CimError(ErrorCodes.BAD_FRAME, 'frame has no body');
  }
  // Empty messages (Ping, Pong, Logout) come back as missing fields from toObject.
  const kind = decoded.body as string;
  if (obj[kind] === undefined) obj[kind] = {};
  return normalize(obj) as unknown as Frame;
}

/** toObject omits default values; fill in the ones callers rely on. */
function normalize(obj: Record<string, unknown>): Record<string, unknown> {
  const deliver = obj.deliver as { message?: Record<string, unknown>; cursor?: string } | undefined;
  if (deliver) {
    deliver.cursor ??= '0';
    if (deliver.message) deliver.message = normalizeMessage(deliver.message) as unknown as Record<string, unknown>;
  }
  const caughtUp = obj.caughtUp as { cursor?: string; conversations?: object[] } | undefined;
  if (caughtUp) {
    caughtUp.cursor ??= '0';
    if (caughtUp.conversations) caughtUp.conversations = caughtUp.conversations.map(normalizeConversationCursor);
  }
  const login = obj.login as { conversations?: object[] } | undefined;
  if (login?.conversations) login.conversations = login.conversations.map(normalizeConversationCursor);
  return obj;
}

function normalizeConversationCursor(entry: object): ConversationCursor {
  const c = entry as Record<string, unknown>;
  return {
    conversationId: (c.conversationId as string) ?? '',
    seq: (c.seq as string) ?? '0',
    ...(c.expired ? { expired: true } : {}),
  };
}

export function normalizeMessage(m: Record<string, unknown>): ChatMessage {
  return {
    msgId: (m.msgId as string) ?? '0',
    conversationId: (m.conversationId as string) ?? '',
    seq: (m.seq as string) ?? '0',
    fromUserId: (m.fromUserId as string) ?? '0',
    fromUserName: (m.fromUserName as string) ?? '',
    to: (m.to as Destination) ?? { broadcast: true },
    body: (m.body as string) ?? '',
    ts: (m.ts as string) ?? '0',
    clientMsgId: (m.clientMsgId as string) ?? '',
    ...(m.recalled ? { recalled: true } : {}),
    ...(m.notice ? { notice: normalizeNotice(m.notice as Partial<MessageNotice>) } : {}),
  };
}

function normalizeNotice(n: Partial<MessageNotice>): MessageNotice {
  return { kind: n.kind ?? 'MEMBERS_ADDED', userIds: n.userIds ?? [], userNames: n.userNames ?? [] };
}

/** Encodes a `Message` alone: the part of a Deliver frame that is the same for every recipient. */
export function encodeMessage(message: ChatMessage): Uint8Array {
  return cim.Message.encode(cim.Message.fromObject(message as unknown as Record<string, unknown>)).finish();
}
