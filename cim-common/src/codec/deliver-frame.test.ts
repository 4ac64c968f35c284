import { describe, expect, it } from 'vitest';
import { SharedDeliver } from './deliver-frame.js';
import { decodeFrame, encodeFrame } from './frame-codec.js';
import { FrameDecoder } from './frame-decoder.js';
import type { ChatMessage } from './types.js';

const message: ChatMessage = {
  msgId: '9007199254740993',
  conversationId: 'p:1:2',
  seq: '3',
  fromUserId: '1',
  fromUserName: 'alice',
  to: { userId: '2' },
  body: 'x'.repeat(200),
  ts: '1764115200000',
  clientMsgId: 'c-1',
};

describe('SharedDeliver (encode-once fan-out)', () => {
  it('produces exactly the bytes of a normally encoded Deliver frame, for any cursor', () => {
    const shared = new SharedDeliver(message);
    for (const cursor of ['1', '127', '128', '1807478169600000', '18446744073709551615']) {
      expect(shared.frameFor(cursor).equals(encodeFrame({ deliver: { message, cursor } }))).toBe(true);
    }
  });

  it('omits the cursor for broadcasts (cursor 0) and still decodes', () => {
    const bytes = new SharedDeliver(message).frameFor('0');
    const [body] = new FrameDecoder().push(bytes).frames;
    expect(decodeFrame(body)).toEqual({ deliver: { message, cursor: '0' } });
  });

  it('gives each recipient its own frame, whatever came before', () => {
    const shared = new SharedDeliver(message);
    const first = shared.frameFor('1807478169600000');
    const second = shared.frameFor('5');
    expect(decodeFrame(new FrameDecoder().push(first).frames[0])).toEqual({
      deliver: { message, cursor: '1807478169600000' },
    });
    expect(decodeFrame(new FrameDecoder().push(second).frames[0])).toEqual({ deliver: { message, cursor: '5' } });
  });
});
