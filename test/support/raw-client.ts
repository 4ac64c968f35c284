import net from 'node:net';
import type { LoginInfo } from '@cim/client';
import { decodeFrame, encodeFrame, FrameDecoder, frameKind, type Frame, type FrameKind } from '@cim/common';

type Deliver = Extract<Frame, { deliver: unknown }>['deliver'];

/**
 * A device that speaks the raw TCP protocol with the codec alone (no SDK, no HTTP): what an IoT
 * client does. Collects every frame and notices when the server closes.
 */
export class RawClient {
  readonly frames: Frame[] = [];
  closed = false;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: net.Socket) {
    const decoder = new FrameDecoder();
    socket.on('data', (chunk) => {
      const { frames, error } = decoder.push(chunk);
      for (const body of frames) this.frames.push(decodeFrame(body));
      this.notify();
      if (error) throw error;
    });
    socket.on('close', () => {
      this.closed = true;
      this.notify();
    });
    socket.on('error', () => undefined);
  }

  /** `localAddress` picks the source address (e.g. 127.0.0.2: another client address on loopback). */
  static connect(port: number, host = '127.0.0.1', localAddress?: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host, localAddress }, () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  /**
   * Connects to the push server a route login named and sends Login with its token and `cursor`;
   * the caller waits for the answer it expects (LoginOk, or an Error).
   */
  static async loginWith(login: LoginInfo, cursor = '0'): Promise<RawClient> {
    const device = await RawClient.connect(login.server.tcpPort, login.server.host);
    device.send({ requestId: 1, login: { token: login.token, cursor, client: 'test-device' } });
    return device;
  }

  /** The Deliver frames received so far, in arrival order. */
  delivers(): Deliver[] {
    return this.frames.flatMap((f) => ('deliver' in f ? [f.deliver] : []));
  }

  send(frame: Frame): void {
    this.socket.write(encodeFrame(frame));
  }

  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Resolves with the first frame of `kind` (already received or still to come). */
  async next<K extends FrameKind>(kind: K, timeoutMs = 5_000): Promise<Extract<Frame, Record<K, unknown>>> {
    const found = await this.until(() => this.frames.find((f) => frameKind(f) === kind), timeoutMs, `a ${kind} frame`);
    return found as Extract<Frame, Record<K, unknown>>;
  }

  /** Resolves once the server has closed the connection. */
  async closedByServer(timeoutMs = 5_000): Promise<void> {
    await this.until(() => (this.closed ? true : undefined), timeoutMs, 'the connection to close');
  }

  close(): void {
    this.socket.destroy();
  }

  private until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(this.frames)}`));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
