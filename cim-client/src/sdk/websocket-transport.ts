import { CimError, decodeFrame, encodeFrameBody, ErrorCodes, type Frame } from '@cim/common/client';
import { unref } from './platform-basics.js';
import { openWithin, Transport, type PushServerAddress } from './transport.js';

/** The part of the WebSocket API used here: the browser's `WebSocket`, or the `ws` package's class on Node. */
export interface WebSocketLike {
  binaryType: string;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
}

/**
 * A WebSocket class: `globalThis.WebSocket` in browsers (and Node 22+), or e.g. the `ws` package's
 * `WebSocket` on Node 20. The third argument is passed only on Node, with TLS trust for `wss` (the
 * `ws` package's options).
 */
export type WebSocketConstructor = new (url: string, protocols?: string | string[], options?: object) => WebSocketLike;

/** The WebSocket class to use: the one given, else the host's own (browsers, Node 22+), if any. */
export function webSocketClass(given?: WebSocketConstructor): WebSocketConstructor | undefined {
  return given ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
}

const ignore = () => {};

/** Close code of a connection this side ended on purpose. */
const NORMAL_CLOSURE = 1000;

/**
 * A WebSocket connection to a push server: one binary message carries exactly one `Frame`, with
 * no length prefix. Runs in browsers and on Node.
 */
export class WebSocketTransport extends Transport {
  /**
   * What the socket reported before whoever opened this transport could listen: the upgrade answer
   * and the server's first frames (an Error, a Redirect of a draining server) and even its close
   * can come in one read, all before `connect()`'s caller runs again. They are replayed on the next
   * turn of the event loop, once that caller has added its listeners.
   */
  private held: (() => void)[] | undefined = [];

  private constructor(private readonly socket: WebSocketLike) {
    super();
    socket.onmessage = (event) =>
      this.whenListened(() => {
        try {
          if (!(event.data instanceof ArrayBuffer))
            throw new CimError(ErrorCodes.BAD_FRAME, 'the push server sent a text WebSocket message');
          this.emit('frame', decodeFrame(new Uint8Array(event.data)));
        } catch (err) {
          this.destroy(err as Error);
        }
      });
    socket.onerror = () =>
      this.whenListened(() => this.destroy(new CimError(ErrorCodes.UNAVAILABLE, 'WebSocket error')));
    socket.onclose = (event) =>
      this.whenListened(() =>
        this.destroy(
          event.code === NORMAL_CLOSURE
            ? undefined
            : new CimError(
                ErrorCodes.UNAVAILABLE,
                `WebSocket closed (${event.code}${event.reason ? `: ${event.reason}` : ''})`,
              ),
        ),
      );
    setTimeout(() => {
      const held = this.held ?? [];
      this.held = undefined;
      // Nothing after this side closed it itself.
      for (const replay of held) if (!this.isClosed) replay();
    }, 0);
  }

  private whenListened(handle: () => void): void {
    if (this.held) this.held.push(handle);
    else handle();
  }

  /** Opens the server's WebSocket URL (from the login answer) with `WebSocketClass`. */
  static connect(
    server: PushServerAddress,
    options: { timeoutMs: number; signal?: AbortSignal; WebSocketClass: WebSocketConstructor; socketOptions?: object },
  ): Promise<WebSocketTransport> {
    const url = server.wsUrl;
    if (!url)
      return Promise.reject(
        new CimError(
          ErrorCodes.UNAVAILABLE,
          `push server ${server.id} has no WebSocket listener (no wsUrl in the login answer)`,
        ),
      );
    return openWithin(url, options.timeoutMs, options.signal, (ready, fail) => {
      const socket = options.socketOptions
        ? new options.WebSocketClass(url, undefined, options.socketOptions)
        : new options.WebSocketClass(url);
      socket.binaryType = 'arraybuffer';
      socket.onopen = () => ready(new WebSocketTransport(socket));
      socket.onerror = () => fail(new Error('WebSocket error'));
      socket.onclose = (event) => fail(new Error(`closed (${event.code})`));
      return () => {
        socket.onopen = socket.onclose = null;
        // The ws package reports a handshake given up on as an error event, which must have a listener.
        socket.onerror = ignore;
        socket.close();
      };
    });
  }

  protected write(frame: Frame): void {
    this.socket.send(encodeFrameBody(frame));
  }

  /** A WebSocket sends what was queued before its closing handshake. */
  end(): void {
    if (this.isClosed) return;
    this.socket.close(NORMAL_CLOSURE);
    unref(setTimeout(() => this.destroy(), 1_000));
  }

  protected abort(): void {
    this.socket.onmessage = this.socket.onclose = null;
    this.socket.onerror = ignore;
    this.socket.close(NORMAL_CLOSURE);
  }
}
