import type { JsonRequesterFactory } from './json-request.js';
import type { ClientTransportName } from '@cim/common/client';
import type { PushServerAddress, TlsTrust, Transport } from './transport.js';
import type { WebSocketConstructor } from './websocket-transport.js';

/** What a connection attempt to a push server is given. */
export interface ConnectOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** TLS trust (Node). */
  tls?: TlsTrust;
  /** The WebSocket class to use instead of `globalThis.WebSocket`. */
  WebSocket?: WebSocketConstructor;
}

/**
 * What differs between the places the SDK runs: how it speaks HTTP to the route and how it
 * connects to push servers. The package's entries bind one each: Node (`index.ts`) and browsers
 * (`browser.ts`); the rest of the SDK is the same code everywhere.
 */
export interface Platform {
  /** JSON requests to the route. */
  http: JsonRequesterFactory;
  /** The transport a client uses when its options name none. */
  defaultTransport: ClientTransportName;
  /** Opens a connection to `server` over `kind`. */
  connect(kind: ClientTransportName, server: PushServerAddress, options: ConnectOptions): Promise<Transport>;
  /**
   * Tells when the host's network goes away and comes back (a browser's `offline`/`online`
   * events), where the host says so; returns how to stop listening.
   */
  watchNetwork?(onChange: (online: boolean) => void): () => void;
}
