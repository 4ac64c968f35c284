import { CimError, ErrorCodes, type Frame, type LoginAnswer } from '@cim/common/client';
import { Emitter } from './emitter.js';

/** The push server a login or refresh named. */
export type PushServerAddress = LoginAnswer['server'];

/** Trust for TLS on Node (browsers use their own). */
export interface TlsTrust {
  ca?: string | Uint8Array;
  rejectUnauthorized?: boolean;
}

export interface TransportEvents {
  /** A frame arrived. */
  frame: [frame: Frame];
  /** The connection ended, once: with the error that ended it, or none when it was closed on purpose. */
  close: [error: Error | undefined];
}

/**
 * One open connection to a push server, whatever carries it: frames out with `send`, frames in as
 * `frame` events, `close` once at the end. The SDK's connection life cycle (login, heartbeat,
 * reconnect) sits on top and does not know which transport it has.
 */
export abstract class Transport extends Emitter<TransportEvents> {
  private closed = false;

  get isClosed(): boolean {
    return this.closed;
  }

  /** Writes one frame; does nothing once closed. */
  send(frame: Frame): void {
    if (!this.closed) this.write(frame);
  }

  /** Closes after flushing what was written. */
  abstract end(): void;

  /** Closes at once; emits `close` with `err` (the first time only). */
  destroy(err?: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.abort();
    this.emit('close', err);
  }

  protected abstract write(frame: Frame): void;

  /** Drops the underlying connection without ceremony. */
  protected abstract abort(): void;
}

/**
 * Waits for a connection attempt to open, at most `timeoutMs` and until `signal` aborts. `start`
 * begins the attempt and returns how to give it up; its `ready`/`fail` settle the wait. A failure
 * is a CIM_ERR_UNAVAILABLE naming `where`, so the caller goes back through the route.
 */
export function openWithin<T>(
  where: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  start: (ready: (connection: T) => void, fail: (err: Error) => void) => () => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let giveUp = () => {};
    const settle = () => {
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (err: Error) => {
      if (settled) return;
      settle();
      giveUp();
      reject(new CimError(ErrorCodes.UNAVAILABLE, `cannot connect to push server ${where}: ${err.message}`));
    };
    const onAbort = () => fail(new Error('aborted'));
    const timer = setTimeout(() => fail(new Error('timed out')), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) return onAbort();
    try {
      giveUp = start((connection) => {
        if (settled) return;
        settle();
        resolve(connection);
      }, fail);
    } catch (err) {
      fail(err as Error);
    }
  });
}
