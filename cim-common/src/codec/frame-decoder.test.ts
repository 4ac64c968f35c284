import { describe, expect, it } from 'vitest';
import { CimError } from '../errors.js';
import { decodeFrame, encodeFrame } from './frame-codec.js';
import { FrameDecoder } from './frame-decoder.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('FrameDecoder (varint32 length framing)', () => {
  it('splits a Ping frame given as a hex vector', () => {
    // Frame{ping: {}} = field 11, wire type 2, length 0 → 5a 00; prefix 02.
    const { frames } = new FrameDecoder().push(hex('02 5a00'));
    expect(frames.map((f) => f.toString('hex'))).toEqual(['5a00']);
    expect(decodeFrame(frames[0])).toEqual({ ping: {} });
  });

  it('decodes CaughtUp as field 39, its cursor 0 included (proto3 leaves a zero off the wire)', () => {
    // Frame{caught_up: {}} = field 39, wire type 2 → tag varint ba 02, length 0; prefix 03.
    expect(encodeFrame({ caughtUp: { cursor: '0' } }).toString('hex')).toBe('03ba0200');
    const frames = new FrameDecoder().push(
      Buffer.concat([hex('03 ba0200'), encodeFrame({ caughtUp: { cursor: '9007199254740993' } })]),
    ).frames;
    expect(frames.map(decodeFrame)).toEqual([
      { caughtUp: { cursor: '0' } },
      { caughtUp: { cursor: '9007199254740993' } },
    ]);
  });

  it('carries the large groups of Login and CaughtUp, a seq 0 and an expired flag included', () => {
    const login = {
      login: {
        token: 't',
        cursor: '5',
        client: 'test',
        conversations: [
          { conversationId: 'g:1', seq: '0' },
          { conversationId: 'g:2', seq: '9007199254740993' },
        ],
      },
    };
    const caughtUp = {
      caughtUp: {
        cursor: '7',
        conversations: [
          { conversationId: 'g:1', seq: '3', expired: true },
          { conversationId: 'g:2', seq: '0' },
        ],
      },
    };
    const frames = new FrameDecoder().push(Buffer.concat([encodeFrame(login), encodeFrame(caughtUp)])).frames;
    expect(frames.map(decodeFrame)).toEqual([login, caughtUp]);
  });

  it('decodes several frames that arrive in one chunk', () => {
    const chunk = Buffer.concat([
      encodeFrame({ ping: {} }),
      encodeFrame({ requestId: 7, ack: { cursor: '42' } }),
      encodeFrame({ logout: {} }),
    ]);
    const frames = new FrameDecoder().push(chunk).frames.map(decodeFrame);
    expect(frames).toEqual([{ ping: {} }, { requestId: 7, ack: { cursor: '42' } }, { logout: {} }]);
  });

  it('reassembles a frame split into one-byte writes, including a two-byte length prefix', () => {
    const body = 'x'.repeat(300); // frame longer than 127 bytes: the prefix takes two bytes
    const bytes = encodeFrame({ login: { token: body, cursor: '0', client: 'test' } });
    expect(bytes[0] & 0x80).toBe(0x80);
    const decoder = new FrameDecoder();
    const out: Buffer[] = [];
    for (const byte of bytes) out.push(...decoder.push(Buffer.from([byte])).frames);
    expect(out).toHaveLength(1);
    expect(decodeFrame(out[0])).toMatchObject({ login: { token: body, client: 'test' } });
    expect(decoder.pendingBytes).toBe(0);
  });

  it('handles frames straddling chunk boundaries at every split point', () => {
    const stream = Buffer.concat([
      encodeFrame({ ping: {} }),
      encodeFrame({ send: { clientMsgId: 'c1', to: { userId: '5' }, body: 'héllo' } }),
    ]);
    for (let split = 1; split < stream.length; split++) {
      const decoder = new FrameDecoder();
      const frames = [
        ...decoder.push(stream.subarray(0, split)).frames,
        ...decoder.push(stream.subarray(split)).frames,
      ].map(decodeFrame);
      expect(frames).toEqual([{ ping: {} }, { send: { clientMsgId: 'c1', to: { userId: '5' }, body: 'héllo' } }]);
    }
  });

  it('refuses a frame over the limit from its length prefix alone, before the body arrives', () => {
    const decoder = new FrameDecoder({ maxFrameBytes: 1024 });
    // 0x80 0x08 = 1024 is allowed; 0x81 0x08 = 1025 is not.
    expect(decoder.push(hex('8108'))).toEqual({
      frames: [],
      error: expect.objectContaining({ code: 'CIM_ERR_FRAME_TOO_LARGE' }),
    });
    expect(new FrameDecoder({ maxFrameBytes: 1024 }).push(hex('8008'))).toEqual({ frames: [] });
  });

  it('refuses the default 64 KiB + 1 frame', () => {
    // 65537 = 0x10001 → varint 81 80 04
    expect(new FrameDecoder().push(hex('818004')).error).toBeInstanceOf(CimError);
  });

  it('refuses a length prefix longer than five bytes', () => {
    expect(new FrameDecoder().push(hex('ffffffffff01')).error).toMatchObject({ code: 'CIM_ERR_BAD_FRAME' });
  });

  it('stays failed after an error, since the stream cannot be resynchronised', () => {
    const decoder = new FrameDecoder({ maxFrameBytes: 10 });
    expect(decoder.push(hex('7f')).error).toBeInstanceOf(CimError);
    expect(decoder.push(hex('02 5a00'))).toEqual({
      frames: [],
      error: expect.objectContaining({ code: 'CIM_ERR_BAD_FRAME' }),
    });
  });

  it('hands over the valid frames that precede an oversized length in the same chunk, then reports the error', () => {
    const decoder = new FrameDecoder({ maxFrameBytes: 1024 });
    const ping = encodeFrame({ requestId: 1, ping: {} });
    const send = encodeFrame({ requestId: 2, send: { clientMsgId: 'c1', to: { userId: '5' }, body: 'hi' } });
    // 0x81 0x08 = 1025 > 1024, followed by bytes that must never be read as a frame.
    const { frames, error } = decoder.push(Buffer.concat([ping, send, hex('8108 02 5a00')]));
    expect(frames.map(decodeFrame)).toEqual([
      { requestId: 1, ping: {} },
      { requestId: 2, send: { clientMsgId: 'c1', to: { userId: '5' }, body: 'hi' } },
    ]);
    expect(error).toMatchObject({ code: 'CIM_ERR_FRAME_TOO_LARGE' });
    expect(decoder.push(hex('02 5a00'))).toEqual({
      frames: [],
      error: expect.objectContaining({ code: 'CIM_ERR_BAD_FRAME' }),
    });
  });

  it('hands over the valid frames that precede a malformed length prefix in the same chunk', () => {
    const { frames, error } = new FrameDecoder().push(Buffer.concat([encodeFrame({ ping: {} }), hex('ffffffffff01')]));
    expect(frames.map(decodeFrame)).toEqual([{ ping: {} }]);
    expect(error).toMatchObject({ code: 'CIM_ERR_BAD_FRAME' });
  });
});

describe('decodeFrame', () => {
  it('rejects bytes that are not a Frame with CIM_ERR_BAD_FRAME', () => {
    expect(() => decodeFrame(hex('ffffffff'))).toThrowError(expect.objectContaining({ code: 'CIM_ERR_BAD_FRAME' }));
  });

  it('rejects a frame with no body', () => {
    expect(() => decodeFrame(hex('0801'))).toThrowError(expect.objectContaining({ code: 'CIM_ERR_BAD_FRAME' }));
  });

  it('keeps 64-bit ids exact as decimal strings', () => {
    const [body] = new FrameDecoder().push(encodeFrame({ ack: { cursor: '18446744073709551615' } })).frames;
    const frame = decodeFrame(body);
    expect(frame).toEqual({ ack: { cursor: '18446744073709551615' } });
  });
});
