import { decodeFrame, frameKind, type DecodedChunk, type Frame } from '@cim/common';
import type { CloseReason } from './connection.js';
import type { InboundRate } from './inbound-rate.js';
import type { ClientTransport } from './transport.js';

/** A reason to stop reading a connection, queued behind the frames that came before it. */
interface Failure {
  failure: unknown;
  reason: CloseReason;
}

export interface InboundHandlers {
  /** One frame the connection is allowed to have handled now. */
  frame(frame: Frame): void;
  /** The stream ends here (bad framing, an undecodable frame, a Ping flood): close with `error`. */
  fail(error: unknown, reason: CloseReason): void;
  /** True once the connection is closed: nothing more is handled. */
  isClosed(): boolean;
  /** The connection is over its frame rate: its reading is paused for a while. */
  throttled(): void;
}

/**
 * Turns a connection's bytes into frames and hands them over at the rate the connection is
 * allowed. While frames wait for their turn the socket is paused, so what a client sends faster
 * than that stays in the kernel (and then in the client) instead of in this process: a
 * connection never holds more unhandled input than one read from its socket.
 */
export class InboundPump {
  private backlog: (Frame | Failure)[] = [];
  /** Index of the next item of `backlog` (avoids shifting a long array). */
  private next = 0;
  private resumeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly transport: ClientTransport,
    private readonly rate: InboundRate,
    private readonly handlers: InboundHandlers,
  ) {
    transport.on('frames', (chunk) => this.onFrames(chunk));
    transport.once('close', () => clearTimeout(this.resumeTimer));
  }

  private onFrames({ frames: bodies, error }: DecodedChunk): void {
    if (this.handlers.isClosed()) return;
    for (const body of bodies) {
      try {
        this.backlog.push(decodeFrame(body));
      } catch (err) {
        this.backlog.push({ failure: err, reason: 'bad-frame' });
        break;
      }
    }
    // The frames that arrived whole before a framing error are handled first (a Send is still
    // relayed, a Ping still answered): only then is the connection refused.
    if (error) this.backlog.push({ failure: error, reason: 'bad-frame' });
    this.pump();
  }

  private pump(): void {
    if (this.resumeTimer) return;
    while (this.next < this.backlog.length && !this.handlers.isClosed()) {
      const item = this.backlog[this.next];
      if ('failure' in item) return this.fail(item);
      const admission = this.rate.admit(frameKind(item));
      if ('waitMs' in admission) {
        this.transport.pause();
        this.handlers.throttled();
        this.resumeTimer = setTimeout(() => {
          this.resumeTimer = undefined;
          this.pump();
        }, admission.waitMs);
        return;
      }
      this.next++;
      if ('refuse' in admission) return this.fail({ failure: admission.refuse, reason: 'rate-limited' });
      this.handlers.frame(item);
    }
    this.backlog = [];
    this.next = 0;
    if (this.transport.paused && !this.handlers.isClosed()) this.transport.resume();
  }

  private fail(item: Failure): void {
    this.backlog = [];
    this.next = 0;
    this.handlers.fail(item.failure, item.reason);
  }
}
