import type { DecodedChunk } from '@cim/common';

/** How a client is connected: raw TCP (varint-prefixed frames) or WebSocket (one frame per message). */
export type TransportKind = 'tcp' | 'ws';

export interface TransportEvents {
  /** Frame bodies that arrived; with an `error`, the stream is malformed after them. */
  frames: (chunk: DecodedChunk) => void;
  /** Room again after `write()` returned false. */
  drain: () => void;
  /** The connection is gone (closed by either side, or destroyed). */
  close: () => void;
  error: (err: Error) => void;
}

/**
 * What the protocol code needs from a client connection, whatever carries it. Frames are handed
 * over as length-prefixed buffers (the TCP wire form, which fan-out encodes once for every
 * recipient); a transport that frames differently takes them apart.
 */
export interface ClientTransport {
  readonly kind: TransportKind;
  /** The peer's address, read when the connection opened. */
  readonly remoteAddress: string | undefined;
  /** Bytes accepted by `write()` and not yet handed to the kernel. */
  readonly bufferedBytes: number;
  /** Writes one or more whole length-prefixed frames. False: wait for `'drain'` before writing more. */
  write(frames: Buffer): boolean;
  /** Closes once everything written has been sent. */
  end(): void;
  /** Closes at once, dropping what is unsent. */
  destroy(): void;
  /** Stops reading (the peer's further input stays in the kernel). */
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this;
  once<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this;
}
