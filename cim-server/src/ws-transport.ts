import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { CimError, ErrorCodes, FrameDecoder } from '@cim/common';
import type { RawData, WebSocket } from 'ws';
import type { ClientTransport } from './transport.js';
import { writeCoalescer } from './write-coalescer.js';

/**
 * Bytes a WebSocket may hold unsent before `write()` asks the caller to wait (what a TCP socket's
 * default high-water mark is on current Node versions).
 */
const HIGH_WATER_BYTES = 64 * 1024;

/** The error `ws` raises for a message over `maxPayload`, before reading its payload. */
const MESSAGE_TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

/**
 * A client on WebSocket: one binary message is one `Frame`, without the length prefix (the
 * message carries the length). Text messages are not frames.
 *
 * Backpressure: `ws` queues whatever is sent; `bufferedAmount` says how much is still unsent, and a
 * send's callback runs when its bytes reach the kernel, which is when `'drain'` is told.
 */
export class WsTransport extends EventEmitter implements ClientTransport {
  readonly kind = 'ws';
  /** Splits the length-prefixed frames handed to `write()`; they are whole, so it never buffers. */
  private readonly outboundFrames = new FrameDecoder({ maxFrameBytes: Infinity });
  private waitingForDrain = false;
  private readonly onSent = (): void => {
    if (this.waitingForDrain && this.ws.bufferedAmount <= HIGH_WATER_BYTES) {
      this.waitingForDrain = false;
      this.emit('drain');
    }
  };

  constructor(
    private readonly ws: WebSocket,
    /** The upgraded connection under `ws`: corked per turn, as TCP sockets are (see WriteCoalescer). */
    private readonly socket: Duplex,
    readonly remoteAddress: string | undefined,
    maxFrameBytes: number,
  ) {
    super();
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) this.emit('frames', { frames: [messageBytes(data)] });
      else
        this.emit('frames', {
          frames: [],
          error: new CimError(
            ErrorCodes.BAD_FRAME,
            'text messages are not frames: send each Frame as one binary message',
          ),
        });
    });
    this.reportOversizedMessages(maxFrameBytes);
    ws.on('error', (err) => this.emit('error', err));
    ws.on('close', () => this.emit('close'));
  }

  get bufferedBytes(): number {
    return this.ws.bufferedAmount;
  }

  write(frames: Buffer): boolean {
    writeCoalescer.cork(this.socket);
    for (const body of this.outboundFrames.push(frames).frames) this.ws.send(body, { binary: true }, this.onSent);
    if (this.ws.bufferedAmount <= HIGH_WATER_BYTES) return true;
    this.waitingForDrain = true;
    return false;
  }

  end(): void {
    this.ws.close(1000);
  }

  destroy(): void {
    this.ws.terminate();
  }

  pause(): void {
    this.ws.pause();
  }

  resume(): void {
    this.ws.resume();
  }

  get paused(): boolean {
    return this.ws.isPaused;
  }

  /**
   * `ws` refuses a message over `maxPayload` from its header alone (nothing of it is buffered) and
   * starts closing right after telling its parser's listeners, so the client's coded Error has to be
   * sent from the parser's own error event, ahead of `ws`: its public `'error'` comes after the close
   * frame. Without access to the parser, the client still gets close code 1009.
   */
  private reportOversizedMessages(maxFrameBytes: number): void {
    const parser = (this.ws as unknown as { _receiver?: EventEmitter })._receiver;
    parser?.prependListener('error', (err: Error & { code?: string }) => {
      if (err.code !== MESSAGE_TOO_LARGE) return;
      this.emit('frames', {
        frames: [],
        error: new CimError(ErrorCodes.FRAME_TOO_LARGE, `a message exceeds the frame limit of ${maxFrameBytes} bytes`),
      });
    });
  }
}

function messageBytes(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}
