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

/** {@inheritDoc PortableCimClient} */
export class CimClient extends PortableCimClient {
  constructor(options: CimClientOptions) {
    super(options, browserPlatform);
  }
}

/** {@inheritDoc PortableRouteApi} */
export class RouteApi extends PortableRouteApi {
  constructor(baseUrl: string, options: RouteApiOptions = {}) {
    super(baseUrl, { ...options, http: browserPlatform.http });
  }
}
