import { describe, expect, it } from 'vitest';
import {
  CimError,
  decodeFrame,
  encodeFrame,
  encodeFrameBody,
  encodeVarint32,
  ErrorCodes,
  FrameDecoder,
  frameKind,
  type ChatMessage,
  type Destination,
  type Frame,
} from '@cim/common';
import { Prng } from './prng.js';

const FRAMING_CODES = [ErrorCodes.BAD_FRAME, ErrorCodes.FRAME_TOO_LARGE];

/** A random frame of any kind whose every field differs from its protobuf default, so it round-trips exactly. */
function randomFrame(rng: Prng): Frame {
  const str = (max = 40) => rng.string(rng.int(1, max));
  const id = () => rng.decimal();
  const destination = (): Destination =>
    rng.pick([() => ({ userId: id() }), () => ({ groupId: id() }), () => ({ broadcast: true as const })])();
  const message = (): ChatMessage => ({
    msgId: id(),
    conversationId: str(),
    seq: id(),
    fromUserId: id(),
    fromUserName: str(),
    to: destination(),
    body: str(rng.pick([10, 200, 3000])),
    ts: id(),
    clientMsgId: str(),
    ...(rng.bool() ? { recalled: true } : {}),
  });
  const bodies: (() => Frame)[] = [
    () => ({ login: { token: str(300), cursor: id(), client: str() } }),
    () => ({ ping: {} }),
    () => ({ ack: { cursor: id() } }),
    () => ({ send: { clientMsgId: str(), to: destination(), body: str(500), deliverAt: id() } }),
    () => ({ read: { conversationId: str(), seq: id() } }),
    () => ({ logout: {} }),
    () => ({
      loginOk: { userId: id(), userName: str(), sessionId: str(), serverId: str(), heartbeatMs: rng.int(1, 2 ** 31) },
    }),
    () => ({ pong: {} }),
    () => ({ deliver: { message: message(), cursor: id() } }),
    () => ({
      sendResult: {
        clientMsgId: str(),
        msgId: id(),
        conversationId: str(),
        seq: id(),
        ts: id(),
        error: { code: str(), message: str() },
      },
    }),
    () => ({
      receipt: {
        kind: rng.pick(['STORED', 'DELIVERED', 'READ'] as const),
        conversationId: str(),
        msgId: id(),
        seq: id(),
        byUserId: id(),
      },
    }),
    () => ({ recalled: { msgId: id(), conversationId: str(), seq: id(), byUserId: id() } }),
    () => ({ kick: { reason: str() } }),
    () => ({ redirect: { reason: str() } }),
    () => ({ error: { code: str(), message: str() } }),
    () => ({ caughtUp: { cursor: id() } }),
  ];
  const frame = rng.pick(bodies)();
  return rng.bool() ? { requestId: rng.int(1, 2 ** 32 - 1), ...frame } : frame;
}

/**
 * What a server does with untrusted bytes: split, decode the frames a chunk completed, then stop at
 * the chunk's framing error if it has one; every error must be a framing CimError.
 */
function feedUntrusted(
  decoder: FrameDecoder,
  chunks: Buffer[],
): { frames: Frame[]; error?: CimError; framingFailed?: boolean } {
  const frames: Frame[] = [];
  for (const chunk of chunks) {
    const { frames: bodies, error } = decoder.push(chunk);
    for (const body of bodies) {
      try {
        const frame = decodeFrame(body);
        // Whatever decodes is a frame of exactly one known kind.
        expect(typeof frameKind(frame)).toBe('string');
        frames.push(frame);
      } catch (err) {
        expectFramingError(err);
        expect((err as CimError).code).toBe(ErrorCodes.BAD_FRAME);
        return { frames, error: err as CimError };
      }
    }
    if (error) {
      expectFramingError(error);
      return { frames, error, framingFailed: true };
    }
  }
  return { frames };
}

function expectFramingError(err: unknown): void {
  if (!(err instanceof CimError)) throw new Error(`expected a CimError, got ${String(err)}`, { cause: err });
  expect(FRAMING_CODES).toContain(err.code);
}

describe('fuzzing the frame decoder and decodeFrame (seeded, fixed size)', () => {
  it('decodes every stream of valid frames exactly, however it is split into chunks', () => {
    const rng = new Prng(0xc1a0);
    for (let i = 0; i < 400; i++) {
      const frames = Array.from({ length: rng.int(1, 8) }, () => randomFrame(rng));
      const stream = Buffer.concat(frames.map((f) => encodeFrame(f)));
      const decoder = new FrameDecoder();
      const out: Frame[] = [];
      for (const chunk of rng.split(stream, rng.pick([1, 7, 64, 4096, stream.length])))
        out.push(...decoder.push(chunk).frames.map(decodeFrame));
      expect(out, `iteration ${i}`).toEqual(frames);
      expect(decoder.pendingBytes).toBe(0);
    }
  });

  it('answers random bytes only with CIM_ERR_BAD_FRAME or CIM_ERR_FRAME_TOO_LARGE, never another exception', () => {
    const rng = new Prng(0xbad);
    let errors = 0;
    let decoded = 0;
    for (let i = 0; i < 3_000; i++) {
      const decoder = new FrameDecoder({ maxFrameBytes: rng.pick([16, 1024, 64 * 1024]) });
      const chunks = Array.from({ length: rng.int(1, 5) }, () => rng.bytes(rng.int(0, 300)));
      const result = feedUntrusted(decoder, chunks);
      // Bodies that reached decodeFrame (and decoded or were refused by it).
      decoded += result.frames.length + (result.error && !result.framingFailed ? 1 : 0);
      if (result.error) errors++;
      if (result.framingFailed) {
        // A failed stream cannot be resynchronised: the decoder refuses anything more, with a coded error.
        expect(decoder.push(Buffer.from([0]))).toEqual({ frames: [], error: expect.any(CimError) });
      }
    }
    // The generator reaches both outcomes, so the invariant was checked on both paths.
    expect(errors).toBeGreaterThan(100);
    expect(decoded).toBeGreaterThan(10);
  });

  it('answers mutated valid frames (flipped, inserted, deleted bytes) with frames or framing errors only', () => {
    const rng = new Prng(0x5eed);
    for (let i = 0; i < 2_000; i++) {
      const stream = Buffer.from(
        Buffer.concat(Array.from({ length: rng.int(1, 4) }, () => encodeFrame(randomFrame(rng)))),
      );
      let mutated: Buffer = stream;
      for (let m = rng.int(1, 4); m > 0; m--) {
        const at = rng.int(0, mutated.length - 1);
        const op = rng.int(0, 2);
        if (op === 0) mutated[at] ^= 1 << rng.int(0, 7);
        else if (op === 1)
          mutated = Buffer.concat([mutated.subarray(0, at), rng.bytes(rng.int(1, 3)), mutated.subarray(at)]);
        else mutated = Buffer.concat([mutated.subarray(0, at), mutated.subarray(at + 1)]);
      }
      feedUntrusted(new FrameDecoder({ maxFrameBytes: rng.pick([512, 64 * 1024]) }), rng.split(mutated, 97));
    }
  });

  it('keeps the complete frames of a truncated stream and waits for the rest without an error', () => {
    const rng = new Prng(0x7a11);
    for (let i = 0; i < 500; i++) {
      const encoded = Array.from({ length: rng.int(1, 6) }, () => randomFrame(rng)).map((f) => ({
        frame: f,
        bytes: encodeFrame(f),
      }));
      const stream = Buffer.concat(encoded.map((e) => e.bytes));
      const cut = rng.int(0, stream.length - 1);
      const complete: Frame[] = [];
      let end = 0;
      for (const e of encoded) {
        if (end + e.bytes.length > cut) break;
        end += e.bytes.length;
        complete.push(e.frame);
      }
      const decoder = new FrameDecoder();
      const out = rng
        .split(stream.subarray(0, cut), 50)
        .flatMap((c) => decoder.push(c).frames)
        .map(decodeFrame);
      expect(out).toEqual(complete);
      expect(decoder.pendingBytes).toBe(cut - end);
    }
  });

  it('refuses an oversized length as soon as its prefix is complete, before any of the body arrives', () => {
    const rng = new Prng(0x0b16);
    for (let i = 0; i < 500; i++) {
      const max = rng.int(1, 64 * 1024);
      const length = rng.bool(0.2) ? max + 1 : rng.int(max + 1, 2 ** 32 - 1);
      const prefix = encodeVarint32(length);
      const decoder = new FrameDecoder({ maxFrameBytes: max });
      for (let b = 0; b < prefix.length - 1; b++)
        expect(decoder.push(prefix.subarray(b, b + 1))).toEqual({ frames: [] });
      const { error } = decoder.push(prefix.subarray(prefix.length - 1));
      expect(error).toBeInstanceOf(CimError);
      expect(error?.code).toBe(ErrorCodes.FRAME_TOO_LARGE);
    }
    // At the limit exactly, a frame is accepted.
    const atLimit: Frame = { login: { token: 'x'.repeat(1000), client: 'c' } };
    const exact = new FrameDecoder({ maxFrameBytes: encodeFrameBody(atLimit).length });
    expect(exact.push(encodeFrame(atLimit)).frames.map(decodeFrame)).toEqual([atLimit]);
    // A length prefix that never ends (more than five continuation bytes) is malformed.
    expect(new FrameDecoder().push(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x01])).error).toMatchObject({
      code: ErrorCodes.BAD_FRAME,
    });
  });

  it('keeps interleaved connections apart: two decoders fed alternating chunks each get exactly their own frames', () => {
    const rng = new Prng(0x1e4f);
    for (let i = 0; i < 300; i++) {
      const framesA = Array.from({ length: rng.int(1, 6) }, () => randomFrame(rng));
      const framesB = Array.from({ length: rng.int(1, 6) }, () => randomFrame(rng));
      const chunksA = rng.split(Buffer.concat(framesA.map((f) => encodeFrame(f))), 33);
      const chunksB = rng.split(Buffer.concat(framesB.map((f) => encodeFrame(f))), 33);
      const a = new FrameDecoder();
      const b = new FrameDecoder();
      const outA: Frame[] = [];
      const outB: Frame[] = [];
      while (chunksA.length || chunksB.length) {
        const takeA = chunksB.length === 0 || (chunksA.length > 0 && rng.bool());
        if (takeA) outA.push(...a.push(chunksA.shift()!).frames.map(decodeFrame));
        else outB.push(...b.push(chunksB.shift()!).frames.map(decodeFrame));
      }
      expect(outA).toEqual(framesA);
      expect(outB).toEqual(framesB);
    }
  });

  // A chunk that completes valid frames and then fails still yields those frames, so every frame
  // before the garbage comes back, however the stream is split.
  it('gives back every valid frame in order before garbage spliced into a stream, then frames or a framing error only', () => {
    const rng = new Prng(0x9a4b);
    for (let i = 0; i < 1_000; i++) {
      const before = Array.from({ length: rng.int(0, 4) }, () => randomFrame(rng));
      const after = Array.from({ length: rng.int(0, 4) }, () => randomFrame(rng));
      const garbage = rng.bytes(rng.int(1, 40));
      const stream = Buffer.concat([
        ...before.map((f) => encodeFrame(f)),
        garbage,
        ...after.map((f) => encodeFrame(f)),
      ]);
      const result = feedUntrusted(new FrameDecoder({ maxFrameBytes: 8 * 1024 }), rng.split(stream, 64));
      expect(result.frames.slice(0, before.length), `iteration ${i}`).toEqual(before);
    }
  });
});
