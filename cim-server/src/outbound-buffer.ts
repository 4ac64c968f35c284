import type { ClientTransport } from './transport.js';

/**
 * A connection's outbound path with backpressure. Frames go to the socket while `write()` says it
 * has room; after that they wait here until `'drain'`. Waiting frames are whole frames that the
 * socket has not seen, so they can be dropped cleanly: a slow consumer's backlog is discarded and
 * its last frame (the Error) follows at most one socket buffer of data, instead of megabytes.
 */
export class OutboundBuffer {
  private waiting: Buffer[] = [];
  /** Index of the first frame in `waiting` not yet written (avoids shifting a long array). */
  private head = 0;
  private waitingBytes = 0;
  private ending = false;

  constructor(
    private readonly transport: ClientTransport,
    private readonly maxBytes: number,
  ) {
    transport.on('drain', () => this.flush());
  }

  /** Bytes held for this connection, in the transport and here. */
  get bufferedBytes(): number {
    return this.transport.bufferedBytes + this.waitingBytes;
  }

  /**
   * Queues frames (possibly shared with other connections). Returns false when the connection
   * holds more than its bound: the client is not reading.
   */
  write(parts: Buffer[]): boolean {
    let i = 0;
    if (this.head === this.waiting.length) {
      while (i < parts.length && this.transport.write(parts[i++]));
    }
    for (; i < parts.length; i++) {
      this.waiting.push(parts[i]);
      this.waitingBytes += parts[i].length;
    }
    return this.bufferedBytes <= this.maxBytes;
  }

  /** Drops every frame the socket has not taken yet. */
  discard(): void {
    this.waiting = [];
    this.head = 0;
    this.waitingBytes = 0;
  }

  /** Sends `last` after everything queued, then ends the connection. */
  end(last: Buffer): void {
    if (this.ending) return;
    this.ending = true;
    this.waiting.push(last);
    this.waitingBytes += last.length;
    this.flush();
  }

  private flush(): void {
    while (this.head < this.waiting.length) {
      const part = this.waiting[this.head++];
      this.waitingBytes -= part.length;
      if (!this.transport.write(part)) break;
    }
    if (this.head === this.waiting.length) {
      this.discard();
      if (this.ending) this.transport.end();
    } else if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
  }
}
