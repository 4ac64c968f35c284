import { EventEmitter } from 'node:events';
import { encodeVarint32, FrameDecoder } from '@cim/common';
import WebSocket from 'ws';

/**
 * A CIM client on a push server's WebSocket listener, with the face of the TCP socket the load
 * generator drives: `write()` takes length-prefixed frames and sends each as one binary message;
 * `'data'` hands over each received message with its length prefix put back, so the generator's
 * stream parser reads both transports alike (that copy is the generator's cost, not the server's).
 */
export class WsFrameSocket extends EventEmitter {
  destroyed = false;
  private readonly ws: WebSocket;
  /** Splits what `write()` is given; the frames are whole, so it holds nothing between calls. */
  private readonly outbound = new FrameDecoder({ maxFrameBytes: Infinity });

  constructor(url: string, localAddress?: string) {
    super();
    this.ws = new WebSocket(url, { perMessageDeflate: false, ...(localAddress ? { localAddress } : {}) });
    this.ws.on('open', () => this.emit('connect'));
    this.ws.on('message', (data: Buffer) => this.emit('data', Buffer.concat([encodeVarint32(data.length), data])));
    this.ws.on('error', (err) => this.emit('error', err));
    this.ws.on('close', () => {
      this.destroyed = true;
      this.emit('close');
    });
  }

  write(frames: Buffer): boolean {
    if (this.ws.readyState !== WebSocket.OPEN) return false;
    for (const body of this.outbound.push(frames).frames) this.ws.send(body, { binary: true });
    return true;
  }

  destroy(): void {
    this.ws.terminate();
  }
}
