import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface Backend {
  host?: string;
  port: number;
}

/** A backend that neither accepts nor refuses within this long is skipped like a refusing one. */
const CONNECT_TIMEOUT_MS = 2_000;

/**
 * A tiny TCP load balancer on loopback, the part nginx plays in front of the routes in
 * docker-compose: each new connection goes to the next backend in turn. A backend that refuses the
 * connection (its process is dead) or does not answer in time is skipped and the following one is
 * tried, so clients keep working while any backend lives. Connections are joined at the TCP level:
 * an HTTP keep-alive connection stays with the route it reached, and is closed when that route goes.
 */
export class RoundRobinProxy {
  private next = 0;
  private readonly open: Set<Socket>[];
  private readonly failed: number[];

  private constructor(
    private readonly server: Server,
    private readonly backends: Required<Backend>[],
  ) {
    this.open = backends.map(() => new Set());
    this.failed = backends.map(() => 0);
    server.on('connection', (client) => this.accept(client));
  }

  /** Listens on `port` (0: any free port) of 127.0.0.1. */
  static async start(backends: Backend[], port = 0): Promise<RoundRobinProxy> {
    if (backends.length === 0) throw new Error('a proxy needs at least one backend');
    const server = createServer();
    const proxy = new RoundRobinProxy(
      server,
      backends.map((b) => ({ host: b.host ?? '127.0.0.1', port: b.port })),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Connections open right now to backend `index`. */
  connectionsTo(index: number): number {
    return this.open[index].size;
  }

  /** Connection attempts to backend `index` that failed and were passed on to another backend. */
  failuresOf(index: number): number {
    return this.failed[index];
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const sockets of this.open) for (const socket of sockets) socket.destroy();
    await closed;
  }

  private accept(client: Socket): void {
    // Bytes the client sends before a backend is chosen wait in the socket.
    client.pause();
    client.on('error', () => client.destroy());
    const first = this.next;
    this.next = (this.next + 1) % this.backends.length;
    this.tryBackend(client, first, 0);
  }

  private tryBackend(client: Socket, index: number, attempts: number): void {
    if (client.destroyed) return;
    if (attempts === this.backends.length) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(this.backends[index]);
    const giveUp = () => {
      clearTimeout(timer);
      upstream.destroy();
      this.failed[index]++;
      this.tryBackend(client, (index + 1) % this.backends.length, attempts + 1);
    };
    const timer = setTimeout(giveUp, CONNECT_TIMEOUT_MS);
    upstream.once('error', giveUp);
    upstream.once('connect', () => {
      clearTimeout(timer);
      upstream.off('error', giveUp);
      this.join(client, upstream, index);
    });
  }

  private join(client: Socket, upstream: Socket, index: number): void {
    const sockets = this.open[index];
    sockets.add(upstream);
    const close = () => {
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', close);
    upstream.once('close', close);
    client.once('close', close);
    if (client.destroyed) {
      close();
      return;
    }
    // Without Nagle: an HTTP answer written in two pieces would otherwise wait for a delayed ACK.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  }
}
