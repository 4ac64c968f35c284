import { encodeFrame, ErrorCodes, type ErrorCode, type Frame, type TokenClaims } from '@cim/common';
import { OutboundBuffer } from './outbound-buffer.js';
import type { ClientTransport } from './transport.js';

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
  | 'rate-limited'
  | 'server-stopping'
  | 'socket-error';

export interface ConnectionSettings {
  /** Bytes held for the connection before it is closed as a slow consumer. */
  maxOutboundBytes: number;
  /** How long a closing connection's last frames wait for a client that is not reading. */
  closeGraceMs: number;
  /** Told when the connection is found to be a slow consumer (before its close completes). */
  onSlowConsumer?: () => void;
}

/**
 * One client connection (TCP or WebSocket): its identity once logged in, when it was last heard from, and a
 * bounded outbound path. Writes honour backpressure: more than `maxOutboundBytes` held for it
 * means the client is not reading, and it is closed with SLOW_CONSUMER (its stored messages come
 * back through sync when it returns).
 */
export class Connection {
  user: TokenClaims | null = null;
  lastSeen: number;
  readonly openedAt: number;
  /** Read once: a socket forgets its peer's address when it is destroyed. */
  readonly remoteAddress: string;
  closed = false;
  closeReason: CloseReason | null = null;
  private readonly outbound: OutboundBuffer;
  /**
   * Set while the route checks this connection's Login: frames that follow it are held here and
   * handled once LoginOk is sent.
   */
  held: Frame[] | null = null;

  constructor(
    readonly transport: ClientTransport,
    /** Unique across restarts of the server: `<incarnation>.<n>`. */
    readonly id: string,
    private readonly settings: ConnectionSettings,
    now: number,
  ) {
    this.lastSeen = now;
    this.openedAt = now;
    this.remoteAddress = transport.remoteAddress ?? 'unknown';
    this.outbound = new OutboundBuffer(transport, settings.maxOutboundBytes);
  }

  /** Encodes and writes one frame. Returns false if the connection is (now) closed. */
  send(frame: Frame): boolean {
    return this.writeParts([encodeFrame(frame)]);
  }

  /** Writes pre-encoded buffers (shared across connections in a fan-out). */
  writeParts(parts: Buffer[]): boolean {
    if (this.closed) return false;
    if (this.outbound.write(parts)) return true;
    // The client reads nothing: what it has not been sent yet is dropped (it is in storage), so
    // that the Error reaches it right behind what the socket already holds.
    this.outbound.discard();
    this.settings.onSlowConsumer?.();
    this.closeWithError(ErrorCodes.SLOW_CONSUMER, 'client is not reading its messages fast enough', 'slow-consumer');
    return false;
  }

  /** Sends a last frame after what is queued, then ends the connection. */
  closeWith(frame: Frame, reason: CloseReason): void {
    if (this.closed) return;
    this.markClosed(reason);
    this.outbound.end(encodeFrame(frame));
  }

  closeWithError(code: ErrorCode, message: string, reason: CloseReason): void {
    this.closeWith({ error: { code, message } }, reason);
  }

  close(reason: CloseReason): void {
    if (this.closed) return;
    this.markClosed(reason);
    this.transport.end();
  }

  private markClosed(reason: CloseReason): void {
    this.closed = true;
    this.closeReason = reason;
    // A peer that never reads would keep a half-closed connection forever.
    setTimeout(() => this.transport.destroy(), this.settings.closeGraceMs).unref();
  }
}
