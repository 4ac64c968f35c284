import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP server that holds every request until the test lets it answer: for tests of a client
 * that must bound its requests in flight against a slow peer. Records each request's JSON body and
 * the most requests it held at once; `answer` makes the JSON reply to a body.
 */
export class HeldHttpServer {
  readonly bodies: unknown[] = [];
  maxInFlight = 0;
  private inFlight = 0;
  private readonly held: (() => void)[] = [];
  private readonly server = http.createServer((req, res) => this.hold(req, res));

  private constructor(private readonly answer: (body: unknown) => unknown) {}

  static async start(answer: (body: unknown) => unknown): Promise<HeldHttpServer> {
    const held = new HeldHttpServer(answer);
    await new Promise<void>((resolve) => held.server.listen(0, '127.0.0.1', resolve));
    return held;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Requests waiting for release(). */
  get waiting(): number {
    return this.held.length;
  }

  /** Answers every request held so far. */
  release(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private hold(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      this.bodies.push(body);
      this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
      this.held.push(() => {
        this.inFlight--;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.answer(body)));
      });
    });
  }
}
