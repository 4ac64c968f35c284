import type { ChatMessage } from '@cim/common/client';

/** A private message of `conversationId` at `seq`, for SDK unit tests; its msgId says both unless given. */
export function chatMessage(conversationId: string, seq: number, msgId = `${conversationId}-${seq}`): ChatMessage {
  return {
    msgId,
    conversationId,
    seq: String(seq),
    fromUserId: '1',
    fromUserName: 'ann',
    to: { userId: '2' },
    body: `m${seq}`,
    ts: '0',
    clientMsgId: msgId,
  };
}
