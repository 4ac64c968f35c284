import { EventEmitter } from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import { CimError, decodeFrame, encodeFrame, ErrorCodes, FrameDecoder, type Frame } from '@cim/common';

/**
 * One TCP connection to a push server: framing in and out. Emits `frame` for every decoded frame
 * and `close` once (with the error that ended it, if any).
 */
export class ServerConnection extends EventEmitter<{ frame: [Frame]; close: [Error | undefined] }> {
  private readonly socket: net.Socket;
  private readonly decoder = new FrameDecoder();
  private closed = false;

  private constructor(socket: net.Socket) {
    super();
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      try {
        // Frames that arrived before a framing error are delivered first; then the error ends the connection.
        const { frames, error } = this.decoder.push(chunk);
        for (const body of frames) this.emit('frame', decodeFrame(body));
        if (error) throw error;
      } catch (err) {
        this.destroy(err as Error);
      }
    });
    socket.on('error', (err) => this.destroy(err));
    socket.on('close', () => this.destroy());
  }

  /** Connects over plain TCP, or TLS when `tlsOptions` is given (it then waits for the handshake). */
  static connect(
    host: string,
    port: number,
    timeoutMs: number,
    signal?: AbortSignal,
    tlsOptions?: { ca?: string | Buffer; rejectUnauthorized?: boolean },
  ): Promise<ServerConnection> {
    return new Promise((resolve, reject) => {
      const socket = tlsOptions
        ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, ...tlsOptions })
        : net.connect({ host, port });
      const ready = tlsOptions ? 'secureConnect' : 'connect';
      const fail = (err: Error) => {
        cleanup();
        socket.destroy();
        reject(new CimError(ErrorCodes.UNAVAILABLE, `cannot connect to push server ${host}:${port}: ${err.message}`));
      };
      const timer = setTimeout(() => fail(new Error('timed out')), timeoutMs);
      const onAbort = () => fail(new Error('aborted'));
      const cleanup = () => {
        clearTimeout(timer);
        socket.off('error', fail);
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort);
      socket.once('error', fail);
      socket.once(ready, () => {
        cleanup();
        resolve(new ServerConnection(socket));
      });
    });
  }

  send(frame: Frame): void {
    if (!this.closed) this.socket.write(encodeFrame(frame));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Closes after flushing what was written. */
  end(): void {
    if (this.closed) return;
    this.socket.end();
    setTimeout(() => this.destroy(), 1_000).unref();
  }

  destroy(err?: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.emit('close', err);
  }
}
