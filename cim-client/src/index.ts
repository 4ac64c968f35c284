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

/** {@inheritDoc PortableCimClient} */
export class CimClient extends PortableCimClient {
  constructor(options: CimClientOptions) {
    super(options, nodePlatform);
  }
}

/** {@inheritDoc PortableRouteApi} */
export class RouteApi extends PortableRouteApi {
  constructor(baseUrl: string, options: RouteApiOptions = {}) {
    super(baseUrl, { ...options, http: nodePlatform.http });
  }
}
