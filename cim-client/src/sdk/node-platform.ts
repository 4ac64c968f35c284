import { CimError, ErrorCodes } from '@cim/common/client';
import { JsonHttp } from './json-http.js';
import type { Platform } from './platform.js';
import { toNodeTrust } from './node-trust.js';
import { TcpTransport } from './tcp-transport.js';
import { webSocketClass, WebSocketTransport } from './websocket-transport.js';

/**
 * Node: HTTP through Node's own keep-alive agents, TCP to push servers by default, WebSocket when
 * asked for (with the `WebSocket` class of the options, e.g. the `ws` package's: Node 20 has none
 * of its own).
 */
export const nodePlatform: Platform = {
  http: (baseUrl, options) => new JsonHttp(baseUrl, options),
  defaultTransport: 'tcp',
  connect(kind, server, options) {
    if (kind === 'tcp') return TcpTransport.connect(server, options);
    const WebSocketClass = webSocketClass(options.WebSocket);
    if (!WebSocketClass)
      return Promise.reject(
        new CimError(
          ErrorCodes.UNSUPPORTED,
          "this Node has no WebSocket: pass a WebSocket class (e.g. the ws package's) in the options",
        ),
      );
    return WebSocketTransport.connect(server, {
      ...options,
      WebSocketClass,
      // The ws package takes Node's TLS options for wss.
      socketOptions: server.tls && options.WebSocket ? toNodeTrust(options.tls) : undefined,
    });
  },
};
