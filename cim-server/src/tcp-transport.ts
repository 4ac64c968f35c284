import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { FrameDecoder } from '@cim/common';
import type { ClientTransport } from './transport.js';
import { writeCoalescer } from './write-coalescer.js';

/** A client on raw TCP (or TLS): varint32-length-prefixed frames on a byte stream. */
export class TcpTransport extends EventEmitter implements ClientTransport {
  readonly kind = 'tcp';
  readonly remoteAddress: string | undefined;

  constructor(
    private readonly socket: Socket,
    maxFrameBytes: number,
  ) {
    super();
    this.remoteAddress = socket.remoteAddress;
    socket.setNoDelay(true);
    const decoder = new FrameDecoder({ maxFrameBytes });
    socket.on('data', (chunk: Buffer) => this.emit('frames', decoder.push(chunk)));
    socket.on('drain', () => this.emit('drain'));
    socket.on('error', (err) => this.emit('error', err));
    socket.on('close', () => this.emit('close'));
  }

  get bufferedBytes(): number {
    return this.socket.writableLength;
  }

  write(frames: Buffer): boolean {
    return writeCoalescer.write(this.socket, frames);
  }

  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  get paused(): boolean {
    return this.socket.isPaused();
  }
}
