/** What both entries of the SDK export besides their `CimClient` and `RouteApi`. */
export { PortableCimClient } from './cim-client.js';
export type { CimClientEvents, CimClientOptions, ConnectionState, SessionInfo } from './cim-client.js';
export {
  PortableRouteApi,
  type ConversationPage,
  type ConversationSummary,
  type Group,
  type LargeGroupPosition,
  type LoginInfo,
  type PublicGroup,
  type RouteApiOptions,
  type ScheduledAnswer,
  type SendAnswer,
  type SyncAnswer,
  type UserSummary,
} from './route-api.js';
export { LocalStorageCursorStore, MemoryCursorStore, type CursorStore, type KeyValueStorage } from './cursor-store.js';
export type { WebSocketConstructor, WebSocketLike } from './websocket-transport.js';
export { CimError, ErrorCodes, type ChatMessage, type ClientTransportName, type Destination } from '@cim/common/client';
/** A random UUID for a `clientMsgId`, also in a browser page served over plain HTTP. */
export { randomId } from './platform-basics.js';
