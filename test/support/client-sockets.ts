import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

const CHANNEL = 'net.client.socket';

/**
 * The TCP connections this process opens to the given ports (push servers), seen through Node's
 * `net.client.socket` diagnostics channel, so a test can reset the connection of a client it does
 * not own the socket of (an SDK client) the way a lost network does.
 */
export class ClientSockets {
  private readonly sockets = new Set<Socket>();
  private readonly onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  };

  constructor(private readonly ports: ReadonlySet<number>) {
    subscribe(CHANNEL, this.onSocket);
  }

  /** Resets (TCP RST) one connected socket, chosen at random among those `include` accepts; false when there is none. */
  resetOne(include: (socket: Socket) => boolean = () => true): boolean {
    const candidates = [...this.sockets].filter(
      (s) => !s.destroyed && s.remotePort !== undefined && this.ports.has(s.remotePort) && include(s),
    );
    if (candidates.length === 0) return false;
    candidates[Math.floor(Math.random() * candidates.length)].resetAndDestroy();
    return true;
  }

  close(): void {
    unsubscribe(CHANNEL, this.onSocket);
    this.sockets.clear();
  }
}
