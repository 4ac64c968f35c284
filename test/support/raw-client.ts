import net from 'node:net';
import type { LoginInfo } from '@cim/client';
import { decodeFrame, encodeFrame, FrameDecoder, type Frame } from '@cim/common';
import { FrameRecorder } from './frame-recorder.js';

/**
 * A device that speaks the raw TCP protocol with the codec alone (no SDK, no HTTP): what an IoT
 * client does. Collects every frame and notices when the server closes.
 */
export class RawClient extends FrameRecorder {
  private constructor(readonly socket: net.Socket) {
    super();
    const decoder = new FrameDecoder();
    socket.on('data', (chunk) => {
      const { frames, error } = decoder.push(chunk);
      for (const body of frames) this.received(decodeFrame(body));
      if (error) throw error;
    });
    socket.on('close', () => this.ended());
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

  send(frame: Frame): void {
    this.socket.write(encodeFrame(frame));
  }

  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  close(): void {
    this.socket.destroy();
  }
}
