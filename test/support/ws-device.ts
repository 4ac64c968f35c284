import type { IncomingMessage } from 'node:http';
import type { LoginInfo } from '@cim/client';
import { decodeFrame, encodeFrameBody, type Frame } from '@cim/common';
import WebSocket from 'ws';
import { FrameRecorder } from './frame-recorder.js';

export interface WsDeviceOptions {
  /** The `Origin` header a browser would send. */
  origin?: string;
  /** CA to trust for `wss://`. */
  ca?: Buffer;
  /** Source address (e.g. 127.0.0.2: another client address on loopback). */
  localAddress?: string;
}

/**
 * A device on the push server's WebSocket listener, speaking Frames as a browser would: one binary
 * message per Frame. Collects every frame and notices when the server closes.
 */
export class WsDevice extends FrameRecorder {
  /** The close code the connection ended with (1000 normal, 1009 message too big, 1006 dropped). */
  closeCode: number | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  private constructor(readonly ws: WebSocket) {
    super();
    ws.on('message', (data: Buffer, isBinary) => {
      if (isBinary) this.received(decodeFrame(data));
    });
    ws.on('close', (code) => {
      clearInterval(this.heartbeat);
      this.closeCode = code;
      this.ended();
    });
    ws.on('error', () => undefined);
  }

  static connect(url: string, options: WsDeviceOptions = {}): Promise<WsDevice> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, clientOptions(options));
      ws.once('open', () => resolve(new WsDevice(ws)));
      ws.once('error', reject);
    });
  }

  /** Opens the WebSocket a route login named and sends Login with its token; the caller waits for the answer. */
  static async loginWith(login: LoginInfo, options: WsDeviceOptions = {}, cursor = '0'): Promise<WsDevice> {
    if (!login.server.wsUrl) throw new Error(`the login named no WebSocket: ${JSON.stringify(login.server)}`);
    const device = await WsDevice.connect(login.server.wsUrl, options);
    device.send({ requestId: 1, login: { token: login.token, cursor, client: 'test-ws-device' } });
    return device;
  }

  /** The HTTP answer to an upgrade the server refuses (status and JSON body). */
  static refusal(url: string, options: WsDeviceOptions = {}): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, clientOptions(options));
      ws.once('open', () => {
        ws.terminate();
        reject(new Error('the upgrade was accepted'));
      });
      ws.once('unexpected-response', (_req, res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined }),
        );
      });
      ws.once('error', reject);
    });
  }

  send(frame: Frame): void {
    this.ws.send(encodeFrameBody(frame), { binary: true });
  }

  /** Sends a message as is: a string goes as a text message. */
  sendRaw(data: Buffer | string): void {
    this.ws.send(data, { binary: typeof data !== 'string' });
  }

  /** Sends a Ping frame every `intervalMs`, as a client keeping its connection alive does. */
  keepAlive(intervalMs: number): void {
    let requestId = 1_000;
    this.heartbeat = setInterval(() => this.send({ requestId: requestId++, ping: {} }), intervalMs);
  }

  /** Drops the connection without a closing handshake, as a vanished browser tab would. */
  drop(): void {
    clearInterval(this.heartbeat);
    this.ws.terminate();
  }

  close(): void {
    this.drop();
  }
}

function clientOptions(options: WsDeviceOptions): WebSocket.ClientOptions {
  return {
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    perMessageDeflate: false,
  };
}
