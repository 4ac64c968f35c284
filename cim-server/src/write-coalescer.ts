import type { Socket } from 'node:net';

/**
 * Coalesces writes: the first write to a socket in a turn of the event loop corks it, and every
 * corked socket is uncorked once that turn's synchronous work (e.g. one whole push request) is
 * done. A connection then gets ONE writev per push request instead of one system call per frame
 * (measured ~11x more broadcast deliveries per second; see docs/benchmarks.md).
 */
export class WriteCoalescer {
  private readonly corked = new Set<Socket>();

  /** Writes one buffer; returns what `socket.write()` does (false: wait for 'drain'). */
  write(socket: Socket, part: Buffer): boolean {
    if (!this.corked.has(socket)) {
      if (this.corked.size === 0) process.nextTick(() => this.flush());
      this.corked.add(socket);
      socket.cork();
    }
    return socket.write(part);
  }

  private flush(): void {
    for (const socket of this.corked) if (!socket.destroyed) socket.uncork();
    this.corked.clear();
  }
}

/** One per process: it only batches writes made within the same turn. */
export const writeCoalescer = new WriteCoalescer();
