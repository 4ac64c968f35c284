/**
 * The SDK on Node: HTTP through Node's keep-alive agents, push servers over TCP (or WebSocket with
 * `transport: 'ws'`). Browsers get `browser.ts` instead (the package's `browser` export condition).
 */
import type { CimClientOptions } from './sdk/cim-client.js';
import { PortableCimClient } from './sdk/cim-client.js';
import { nodePlatform } from './sdk/node-platform.js';
import { PortableRouteApi, type RouteApiOptions } from './sdk/route-api.js';

export * from './sdk/public-api.js';
export { FileCursorStore } from './sdk/file-cursor-store.js';

/**
 * A CIM client on Node: logs in through the route, holds a TCP connection (or WebSocket with
 * `transport: 'ws'` and a `WebSocket` class) to its push server, reconnects and catches up by
 * itself, and emits each message once, in order. See `PortableCimClient` for the whole API.
 *
 * @example
 * const client = new CimClient({ routeUrl: 'http://127.0.0.1:8083', userName: 'bot', password: 'password-1' });
 * client.on('message', (m) => console.log(`${m.fromUserName}: ${m.body}`));
 * await client.connect();
 */
export class CimClient extends PortableCimClient {
  constructor(options: CimClientOptions) {
    super(options, nodePlatform);
  }
}

/** The route's public HTTP API over Node's keep-alive agents (see `PortableRouteApi`). */
export class RouteApi extends PortableRouteApi {
  constructor(baseUrl: string, options: RouteApiOptions = {}) {
    super(baseUrl, { ...options, http: nodePlatform.http });
  }
}
