/**
 * The SDK in a browser: HTTP over `fetch`, push servers over WebSocket, nothing of Node. Bundlers
 * pick this entry through the package's `browser` export condition; `dist/cim-client.browser.js`
 * is this entry bundled as one ES module.
 */
import type { CimClientOptions } from './sdk/cim-client.js';
import { PortableCimClient } from './sdk/cim-client.js';
import { browserPlatform } from './sdk/browser-platform.js';
import { PortableRouteApi, type RouteApiOptions } from './sdk/route-api.js';

export * from './sdk/public-api.js';

/**
 * A CIM client in a browser: the route over `fetch`, its push server over WebSocket; reconnects
 * (at once when the page comes back online) and catches up by itself, and emits each message once,
 * in order. See `PortableCimClient` for the whole API.
 *
 * @example
 * const client = new CimClient({
 *   routeUrl: 'https://chat.example.com',
 *   userName: 'alice',
 *   token: localStorage.getItem('cim-token') ?? undefined, // resume without the password
 *   password, // or ask for it on 'sessionEnded'
 *   cursorStore: new LocalStorageCursorStore(),
 * });
 * client.on('session', (s) => localStorage.setItem('cim-token', s.token));
 * client.on('message', (m) => show(m));
 * await client.connect();
 */
export class CimClient extends PortableCimClient {
  constructor(options: CimClientOptions) {
    super(options, browserPlatform);
  }
}

/** The route's public HTTP API over `fetch` (see `PortableRouteApi`). */
export class RouteApi extends PortableRouteApi {
  constructor(baseUrl: string, options: RouteApiOptions = {}) {
    super(baseUrl, { ...options, http: browserPlatform.http });
  }
}
