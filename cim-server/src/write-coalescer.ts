import type { Writable } from 'node:stream';

/**
 * Coalesces writes: the first write to a socket in a turn of the event loop corks it, and every
 * corked socket is uncorked once that turn's synchronous work (e.g. one whole push request) is
 * done. A connection then gets ONE writev per push request instead of one system call per frame
 * (measured ~11x more broadcast deliveries per second; see docs/benchmarks.md).
 */
export class WriteCoalescer {
  private readonly corked = new Set<Writable>();

  /** Writes one buffer; returns what `socket.write()` does (false: wait for 'drain'). */
  write(socket: Writable, part: Buffer): boolean {
    this.cork(socket);
    return socket.write(part);
  }

  /**
   * Holds what is written to `socket` until this turn's synchronous work is done, for writers that
   * write to the socket themselves (the WebSocket library: header and payload of each message).
   */
  cork(socket: Writable): void {
    if (this.corked.has(socket)) return;
    if (this.corked.size === 0) process.nextTick(() => this.flush());
    this.corked.add(socket);
    socket.cork();
  }

  private flush(): void {
    for (const socket of this.corked) if (!socket.destroyed) socket.uncork();
    this.corked.clear();
  }
}

/** One per process: it only batches writes made within the same turn. */
export const writeCoalescer = new WriteCoalescer();
