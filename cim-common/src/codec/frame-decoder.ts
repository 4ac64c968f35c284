import { CimError, ErrorCodes } from '../errors.js';
import { MAX_VARINT32_BYTES } from './varint.js';

export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

/** What one chunk yields. */
export interface DecodedChunk {
  /** Complete frame bodies, in order; with an error, those that came before it. */
  frames: Buffer[];
  /**
   * CIM_ERR_FRAME_TOO_LARGE or CIM_ERR_BAD_FRAME: the stream is malformed after `frames`. Handle
   * `frames` first, then the error; the decoder refuses further input.
   */
  error?: CimError;
}

/**
 * Splits a byte stream into varint32-length-prefixed frames (Netty's
 * ProtobufVarint32FrameDecoder framing).
 *
 * A small state machine over buffered bytes: it reads the length prefix one byte at a time, checks
 * it against the limit *before* allocating anything for the body, then collects the body across as
 * many chunks as it arrives in. Chunks are kept as a list and joined only once per frame, so a
 * frame split into many tiny writes costs no quadratic copying.
 */
export class FrameDecoder {
  private readonly maxFrameBytes: number;
  private state: 'length' | 'body' = 'length';
  private lengthValue = 0;
  private lengthBytes = 0;
  private expected = 0;
  private parts: Buffer[] = [];
  private collected = 0;
  /** Length-prefix bytes of the frame whose body is being collected. */
  private bodyPrefixBytes = 0;
  private failed = false;

  constructor(options: { maxFrameBytes?: number } = {}) {
    this.maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  }

  /**
   * Feeds a chunk and returns the complete frame bodies it finished. Malformed input ends the
   * stream with an `error` rather than a throw, so that valid frames which arrived in the same
   * chunk before it (e.g. a Send followed by garbage) are still handed over. After an error the
   * decoder refuses further input, because the stream can no longer be resynchronised.
   */
  push(chunk: Buffer): DecodedChunk {
    if (this.failed) return { frames: [], error: new CimError(ErrorCodes.BAD_FRAME, 'decoder already failed') };
    const frames: Buffer[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      if (this.state === 'length') {
        const byte = chunk[offset++];
        this.lengthValue += (byte & 0x7f) * 2 ** (7 * this.lengthBytes);
        this.lengthBytes++;
        if (byte & 0x80) {
          if (this.lengthBytes >= MAX_VARINT32_BYTES) {
            return this.fail(frames, new CimError(ErrorCodes.BAD_FRAME, 'frame length prefix is longer than 5 bytes'));
          }
          continue;
        }
        const length = this.lengthValue;
        this.bodyPrefixBytes = this.lengthBytes;
        this.lengthValue = 0;
        this.lengthBytes = 0;
        if (length > this.maxFrameBytes) {
          return this.fail(
            frames,
            new CimError(
              ErrorCodes.FRAME_TOO_LARGE,
              `frame of ${length} bytes exceeds the limit of ${this.maxFrameBytes} bytes`,
            ),
          );
        }
        if (length === 0) {
          frames.push(Buffer.alloc(0));
          continue;
        }
        this.state = 'body';
        this.expected = length;
        continue;
      }
      const take = Math.min(this.expected - this.collected, chunk.length - offset);
      // Zero-copy when the whole frame lies inside this chunk.
      this.parts.push(chunk.subarray(offset, offset + take));
      this.collected += take;
      offset += take;
      if (this.collected === this.expected) {
        frames.push(this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.expected));
        this.parts = [];
        this.collected = 0;
        this.bodyPrefixBytes = 0;
        this.state = 'length';
      }
    }
    return { frames };
  }

  private fail(frames: Buffer[], error: CimError): DecodedChunk {
    this.failed = true;
    return { frames, error };
  }

  /** Bytes of the unfinished frame received so far, its length prefix included (tells a truncated stream). */
  get pendingBytes(): number {
    return this.state === 'body' ? this.bodyPrefixBytes + this.collected : this.lengthBytes;
  }
}
