import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort } from '../../devkit/free-port.js';

/**
 * How a cut proxy treats new connections. `refuse`: reset them at once, like a host whose port is
 * closed. `hold`: accept them and stay silent, like packets lost on the way; they are dropped on
 * `heal()`.
 */
export type CutMode = 'refuse' | 'hold';

interface Pair {
  client: Socket;
  upstream?: Socket;
  /** Kept open but carrying nothing, see `stall()`. */
  stalled?: boolean;
}

/**
 * A TCP forwarder on 127.0.0.1 between a client and a real server, to simulate partitions: `cut()`
 * breaks every connection and keeps new ones from getting through until `heal()`; `stall()` makes
 * the open connections go silent. Needed because stopping the server instead (SIGSTOP) would also
 * stop its session clocks.
 */
export class TcpProxy {
  private readonly pairs = new Set<Pair>();
  private cutMode: CutMode | undefined;
  private answersLost = false;

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

  /**
   * Makes every open connection go silent without closing it: nothing passes in either direction,
   * not even a close, while new connections get through as usual. That is what a NAT or firewall
   * that forgot a connection does, and neither end notices unless it expects an answer in time.
   */
  stall(): void {
    for (const pair of this.pairs) {
      if (!pair.upstream) continue;
      pair.stalled = true;
      pair.client.unpipe(pair.upstream);
      pair.upstream.unpipe(pair.client);
      pair.client.pause();
      pair.upstream.pause();
    }
  }

  /**
   * New connections carry the client's requests to the server, but the server's answers are lost:
   * the first byte of an answer resets the client's connection instead. The server has done the
   * work; the client only sees its connection reset, as when a reply dies on the way.
   */
  loseAnswers(lost = true): void {
    this.answersLost = lost;
  }

  /** Lets connections through again; connections held during a cut, or stalled, are dropped. */
  heal(): void {
    this.cutMode = undefined;
    for (const pair of this.pairs) {
      if (!pair.upstream || pair.stalled) this.drop(pair);
    }
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) this.drop(pair);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.cutMode === 'refuse') {
      client.on('error', () => client.destroy());
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client };
    this.pairs.add(pair);
    client.on('error', () => this.lost(pair));
    client.once('close', () => this.lost(pair));
    if (this.cutMode === 'hold') {
      client.pause();
      return;
    }
    this.forward(pair);
  }

  private forward(pair: Pair): void {
    const upstream = connect(this.target);
    pair.upstream = upstream;
    upstream.on('error', () => this.lost(pair));
    upstream.once('close', () => this.lost(pair));
    pair.client.pipe(upstream);
    if (!this.answersLost) {
      upstream.pipe(pair.client);
      return;
    }
    upstream.once('data', () => {
      pair.client.resetAndDestroy();
      this.drop(pair);
    });
  }

  /** One end closed: close the other too, unless the pair is stalled (then nothing may pass). */
  private lost(pair: Pair): void {
    if (!pair.stalled) this.drop(pair);
  }

  private drop(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    pair.client.destroy();
    pair.upstream?.destroy();
  }
}
