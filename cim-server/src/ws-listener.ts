import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ErrorCodes, type ErrorCode } from '@cim/common';
import { writeRawErrorAnswer, type TlsMaterial } from '@cim/common/server';
import { WebSocketServer } from 'ws';
import type { ServerMetrics } from './metrics.js';
import { WsTransport } from './ws-transport.js';

export interface WsListenerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** `wss` with the server's certificate when given. */
  tls?: TlsMaterial;
  maxFrameBytes: number;
  /** Origins allowed to upgrade; any origin when absent. */
  origins?: readonly string[];
  metrics: ServerMetrics;
  /** Each accepted WebSocket, ready for the protocol. */
  onTransport: (transport: WsTransport) => void;
}

/** The path WebSocket clients upgrade on. */
export const WS_PATH = '/';

interface UpgradeRefusal {
  status: number;
  code: ErrorCode;
  message: string;
  reason: 'origin' | 'path';
}

/**
 * The push server's optional WebSocket listener (for browsers): an HTTP(S) server of its own that
 * only upgrades, on `/`, from an allowed `Origin`. What it refuses is answered before the
 * handshake with a coded JSON body; what it accepts is a transport like a TCP socket.
 */
export class WsListener {
  private readonly server: http.Server | https.Server;
  private readonly sockets: WebSocketServer;

  constructor(private readonly options: WsListenerOptions) {
    const { tls } = options;
    this.sockets = new WebSocketServer({
      noServer: true,
      // `ws` refuses a longer message from its header, before buffering any of it.
      maxPayload: options.maxFrameBytes,
      perMessageDeflate: false,
      clientTracking: false,
    });
    this.server = tls ? https.createServer({ cert: tls.cert, key: tls.key }) : http.createServer();
    this.server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      options.metrics.wsUpgradesRefused.inc({ reason: 'not-upgrade' });
      res.writeHead(426, { 'Content-Type': 'application/json; charset=utf-8', Upgrade: 'websocket' });
      res.end(
        JSON.stringify({
          code: ErrorCodes.INVALID_INPUT,
          message: `this port speaks WebSocket only: upgrade on ${WS_PATH}`,
        }),
      );
    });
    this.server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) =>
      this.onUpgrade(req, socket, head),
    );
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Stops accepting; open WebSockets are closed by their connections. */
  close(): void {
    this.server.close();
  }

  private onUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => undefined);
    const refusal = this.refusal(req);
    if (refusal) {
      this.options.metrics.wsUpgradesRefused.inc({ reason: refusal.reason });
      writeRawErrorAnswer(socket, refusal.status, http.STATUS_CODES[refusal.status] ?? '', {
        code: refusal.code,
        message: refusal.message,
      });
      socket.end();
      return;
    }
    // The address is read now: a socket forgets it once destroyed.
    const remoteAddress = req.socket.remoteAddress;
    this.sockets.handleUpgrade(req, socket, head, (ws) =>
      this.options.onTransport(new WsTransport(ws, socket, remoteAddress, this.options.maxFrameBytes)),
    );
  }

  private refusal(req: http.IncomingMessage): UpgradeRefusal | undefined {
    const path = new URL(req.url ?? '/', 'ws://placeholder').pathname;
    if (path !== WS_PATH) {
      return {
        status: 404,
        code: ErrorCodes.NOT_FOUND,
        message: `WebSocket upgrades are on ${WS_PATH}`,
        reason: 'path',
      };
    }
    const { origins } = this.options;
    const origin = req.headers.origin;
    if (origins && !(origin !== undefined && origins.includes(origin))) {
      return {
        status: 403,
        code: ErrorCodes.FORBIDDEN,
        message: `origin ${origin ?? '(none)'} may not open WebSockets here`,
        reason: 'origin',
      };
    }
    return undefined;
  }
}
