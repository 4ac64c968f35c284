import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './free-port.js';

/**
 * How a cut proxy treats new connections. `refuse`: reset them at once, like a host whose port is
 * closed. `hold`: accept them and stay silent, like packets lost on the way; they are dropped on
 * `heal()`.
 */
export type CutMode = 'refuse' | 'hold';

interface Pair {
  client: Socket;
  upstream?: Socket;
}

/**
 * A TCP forwarder on 127.0.0.1 between a client and a real server, to simulate partitions: `cut()`
 * breaks every connection and keeps new ones from getting through until `heal()`. Needed because
 * stopping the server instead (SIGSTOP) would also stop its session clocks.
 */
export class TcpProxy {
  private readonly pairs = new Set<Pair>();
  private cutMode: CutMode | undefined;

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
    private readonly server: Server,
  ) {}

  static async start(target: { host?: string; port: number }): Promise<TcpProxy> {
    const port = await freePort();
    const server = createServer();
    const proxy = new TcpProxy(port, { host: target.host ?? '127.0.0.1', port: target.port }, server);
    server.on('connection', (socket) => proxy.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** `127.0.0.1:<port>`, for a ZooKeeper connect string. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get isCut(): boolean {
    return this.cutMode !== undefined;
  }

  /** Connections currently open through the proxy (held ones included). */
  get connectionCount(): number {
    return this.pairs.size;
  }

  /** Destroys every open connection and keeps new ones from reaching the target. */
  cut(mode: CutMode = 'refuse'): void {
    this.cutMode = mode;
    for (const pair of this.pairs) this.drop(pair);
  }

  /** Lets connections through again; connections held during the cut are dropped. */
  heal(): void {
    this.cutMode = undefined;
    for (const pair of this.pairs) {
      if (!pair.upstream) this.drop(pair);
    }
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) this.drop(pair);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    client.on('error', () => client.destroy());
    if (this.cutMode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client };
    this.pairs.add(pair);
    client.once('close', () => this.drop(pair));
    if (this.cutMode === 'hold') {
      client.pause();
      return;
    }
    this.forward(pair);
  }

  private forward(pair: Pair): void {
    const upstream = connect(this.target);
    pair.upstream = upstream;
    upstream.on('error', () => this.drop(pair));
    upstream.once('close', () => this.drop(pair));
    pair.client.pipe(upstream);
    upstream.pipe(pair.client);
  }

  private drop(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    pair.client.destroy();
    pair.upstream?.destroy();
  }
}
