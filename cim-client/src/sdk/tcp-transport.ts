import net from 'node:net';
import tls from 'node:tls';
import { decodeFrame, encodeFrame, FrameDecoder, type Frame } from '@cim/common';
import { toNodeTrust } from './node-trust.js';
import { openWithin, Transport, type PushServerAddress, type TlsTrust } from './transport.js';

/**
 * A TCP (or TLS) connection to a push server: each frame is prefixed with its length as a varint32.
 * Node only.
 */
export class TcpTransport extends Transport {
  private readonly decoder = new FrameDecoder();

  private constructor(private readonly socket: net.Socket) {
    super();
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

  /**
   * Connects to the server's TCP port: plain, or TLS when the server speaks it (then it waits for
   * the handshake, trusting `trust`).
   */
  static connect(
    server: PushServerAddress,
    options: { timeoutMs: number; signal?: AbortSignal; tls?: TlsTrust },
  ): Promise<TcpTransport> {
    const { host, tcpPort: port } = server;
    return openWithin(`${host}:${port}`, options.timeoutMs, options.signal, (ready, fail) => {
      const socket = server.tls
        ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, ...toNodeTrust(options.tls) })
        : net.connect({ host, port });
      socket.once('error', fail);
      socket.once(server.tls ? 'secureConnect' : 'connect', () => {
        socket.off('error', fail);
        ready(new TcpTransport(socket));
      });
      return () => socket.destroy();
    });
  }

  protected write(frame: Frame): void {
    this.socket.write(encodeFrame(frame));
  }

  end(): void {
    if (this.isClosed) return;
    this.socket.end();
    setTimeout(() => this.destroy(), 1_000).unref();
  }

  protected abort(): void {
    this.socket.destroy();
  }
}
