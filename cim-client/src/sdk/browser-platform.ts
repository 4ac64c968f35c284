import { CimError, ErrorCodes } from '@cim/common/client';
import { FetchHttp } from './fetch-http.js';
import type { Platform } from './platform.js';
import { webSocketClass, WebSocketTransport } from './websocket-transport.js';

/** Browsers: HTTP over `fetch`, push servers over WebSocket (a page cannot open TCP sockets). */
export const browserPlatform: Platform = {
  http: (baseUrl, options) => new FetchHttp(baseUrl, options),
  defaultTransport: 'ws',
  connect(kind, server, options) {
    const WebSocketClass = webSocketClass(options.WebSocket);
    if (kind !== 'ws' || !WebSocketClass)
      return Promise.reject(
        new CimError(ErrorCodes.UNSUPPORTED, 'in a browser the SDK connects to push servers over WebSocket only'),
      );
    return WebSocketTransport.connect(server, { ...options, WebSocketClass });
  },
  watchNetwork(onChange) {
    const page = globalThis as Partial<Pick<EventTarget, 'addEventListener' | 'removeEventListener'>>;
    if (typeof page.addEventListener !== 'function' || typeof page.removeEventListener !== 'function') return () => {};
    const online = () => onChange(true);
    const offline = () => onChange(false);
    page.addEventListener('online', online);
    page.addEventListener('offline', offline);
    return () => {
      page.removeEventListener?.('online', online);
      page.removeEventListener?.('offline', offline);
    };
  },
};
