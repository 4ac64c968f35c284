/** Answers of the route's public API that both the route and its clients speak of. */

/** A login (or token refresh): the session, its token, and the push server to connect to. */
export interface LoginAnswer {
  userId: string;
  userName: string;
  deviceId: string;
  sessionId: string;
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  server: {
    id: string;
    host: string;
    tcpPort: number;
    tls: boolean;
    /** `ws://host:port/` (or `wss://`) when the server has a WebSocket listener. */
    wsUrl?: string;
  };
  heartbeatMs: number;
}

/** How a device connects to its push server; asked for at login (`transport`, default "tcp"). */
export type ClientTransportName = 'tcp' | 'ws';

/** A stored (or broadcast) message: its coordinates. */
export interface SendAnswer {
  msgId: string;
  conversationId: string;
  seq: string;
  ts: string;
  clientMsgId: string;
}

/** A message scheduled for later (`deliverAt`, ms since epoch). */
export interface ScheduledAnswer {
  scheduled: true;
  clientMsgId: string;
  deliverAt: number;
}
