import type { Socket } from 'node:net';
import { encodeFrame, ErrorCodes, type Frame, type TokenClaims } from '@cim/common';
import { writeCoalescer } from './write-coalescer.js';

export type CloseReason =
  | 'client-closed'
  | 'logout'
  | 'kicked'
  | 'redirected'
  | 'reconnect-asked'
  | 'login-timeout'
  | 'heartbeat-timeout'
  | 'bad-frame'
  | 'bad-login'
  | 'slow-consumer'
  | 'server-stopping'
  | 'socket-error';

/**
 * One client TCP connection: its identity once logged in, when it was last heard from, and a
 * bounded outbound path. Writes honour backpressure: bytes queued in the socket beyond
 * `maxOutboundBytes` mean the client is not reading, and it is closed with SLOW_CONSUMER (its
 * stored messages come back through sync when it returns).
 */
export class Connection {
  user: TokenClaims | null = null;
  lastSeen: number;
  readonly openedAt: number;
  closed = false;
  closeReason: CloseReason | null = null;
  /**
   * Set while the route checks this connection's Login: frames that follow it are held here and
   * handled once LoginOk is sent.
   */
  held: Frame[] | null = null;

  constructor(
    readonly socket: Socket,
    /** Unique across restarts of the server: `<incarnation>.<n>`. */
    readonly id: string,
    private readonly maxOutboundBytes: number,
    now: number,
  ) {
    this.lastSeen = now;
    this.openedAt = now;
  }

  get remoteAddress(): string {
    return this.socket.remoteAddress ?? 'unknown';
  }

  /** Encodes and writes one frame. Returns false if the connection is (now) closed. */
  send(frame: Frame): boolean {
    return this.writeParts([encodeFrame(frame)]);
  }

  /** Writes pre-encoded buffers (shared across connections in a fan-out). */
  writeParts(parts: Buffer[]): boolean {
    if (this.closed) return false;
    if (this.socket.writableLength > this.maxOutboundBytes) {
      this.closeWithError(ErrorCodes.SLOW_CONSUMER, 'client is not reading its messages fast enough', 'slow-consumer');
      return false;
    }
    writeCoalescer.write(this.socket, parts);
    return true;
  }

  /** Sends a last frame, then ends the connection. */
  closeWith(frame: Frame, reason: CloseReason): void {
    if (this.closed) return;
    this.socket.write(encodeFrame(frame));
    this.close(reason);
  }

  closeWithError(code: string, message: string, reason: CloseReason): void {
    this.closeWith({ error: { code, message } }, reason);
  }

  close(reason: CloseReason): void {
    if (this.closed) return;
    this.closed = true;
    this.closeReason = reason;
    this.socket.end();
    // A peer that never reads would keep a half-closed socket forever.
    setTimeout(() => this.socket.destroy(), 2_000).unref();
  }
}
