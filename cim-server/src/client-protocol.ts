import type { Socket } from 'node:net';
import {
  CimError,
  ErrorCodes,
  FrameDecoder,
  frameKind,
  verifyToken,
  type EventOrigin,
  type Frame,
  type Logger,
} from '@cim/common';
import type { PushServerConfig } from './config.js';
import { Connection, type CloseReason } from './connection.js';
import type { ConnectionTable } from './connection-table.js';
import { InboundPump } from './inbound-pump.js';
import { InboundRate } from './inbound-rate.js';
import type { ServerMetrics } from './metrics.js';
import type { RouteLink } from './route-link.js';

export interface ProtocolContext {
  serverId: string;
  config: PushServerConfig;
  table: ConnectionTable;
  routeLink: RouteLink;
  metrics: ServerMetrics;
  logger: Logger;
  now: () => number;
  /** Called once per connection when it is gone. */
  onClosed: (conn: Connection) => void;
}

/**
 * The client side of the TCP protocol: framing, the login handshake, and one small handler per
 * frame kind. Upstream frames (Send, Ack, Read, Logout) are relayed to the route.
 */
export class ClientProtocol {
  private nextConnectionId = 1;

  constructor(private readonly ctx: ProtocolContext) {}

  attach(socket: Socket): Connection {
    const { config, now } = this.ctx;
    const conn = new Connection(
      socket,
      this.nextConnectionId++,
      {
        maxOutboundBytes: config.maxOutboundBytes,
        closeGraceMs: config.closeGraceMs,
        onSlowConsumer: () => this.ctx.metrics.rejected.inc({ code: ErrorCodes.SLOW_CONSUMER }),
      },
      now(),
    );
    socket.setNoDelay(true);
    new InboundPump(socket, new FrameDecoder({ maxFrameBytes: config.maxFrameBytes }), new InboundRate(config, now), {
      frame: (frame) => {
        this.ctx.metrics.framesIn.inc();
        conn.lastSeen = now();
        this.dispatch(conn, frame);
      },
      fail: (err, reason) => this.reject(conn, err, reason),
      isClosed: () => conn.closed,
      throttled: () => this.ctx.metrics.inboundThrottled.inc(),
    });
    socket.on('error', () => conn.close('socket-error'));
    socket.on('close', () => {
      if (!conn.closed) {
        conn.closed = true;
        conn.closeReason = 'client-closed';
      }
      this.ctx.onClosed(conn);
    });
    return conn;
  }

  private dispatch(conn: Connection, frame: Frame): void {
    const kind = frameKind(frame);
    if (!conn.user) {
      if (kind === 'login') this.onLogin(conn, frame as Extract<Frame, { login: unknown }>);
      else this.reject(conn, new CimError(ErrorCodes.LOGIN_REQUIRED, 'the first frame must be Login'), 'bad-login');
      return;
    }
    switch (kind) {
      case 'ping':
        conn.send({ requestId: frame.requestId, pong: {} });
        return;
      case 'send':
      case 'ack':
      case 'read':
        this.relay(conn, frame);
        return;
      case 'logout':
        void this.ctx.routeLink.submit({ type: 'logout', ...origin(conn) });
        conn.close('logout');
        return;
      case 'login':
        conn.send({
          requestId: frame.requestId,
          error: { code: ErrorCodes.INVALID_INPUT, message: 'already logged in on this connection' },
        });
        return;
      default:
        conn.send({
          requestId: frame.requestId,
          error: { code: ErrorCodes.INVALID_INPUT, message: `a client may not send ${kind} frames` },
        });
    }
  }

  private onLogin(conn: Connection, frame: Extract<Frame, { login: unknown }>): void {
    const { serverId, config, table, now } = this.ctx;
    let claims;
    try {
      claims = verifyToken(frame.login.token, config.secret, now());
    } catch (err) {
      this.reject(conn, err, 'bad-login');
      return;
    }
    // A token issued before the one holding this device is from an ended session: it must not
    // push the newer login out.
    const holder = table.ofDevice(claims.uid, claims.dev)?.user;
    if (holder && holder.sid !== claims.sid && (holder.iat ?? 0) > (claims.iat ?? 0)) {
      this.reject(
        conn,
        new CimError(ErrorCodes.BAD_TOKEN, 'a newer login holds this device: log in again'),
        'bad-login',
      );
      return;
    }
    conn.user = claims;
    const replaced = table.add(conn);
    if (replaced) {
      replaced.closeWith({ kick: { reason: 'logged in again on the same device' } }, 'kicked');
    }
    conn.send({
      requestId: frame.requestId,
      loginOk: {
        userId: conn.user.uid,
        userName: conn.user.name,
        sessionId: conn.user.sid,
        serverId,
        heartbeatMs: config.heartbeatMs,
      },
    });
    // A device that gives a cursor wants its backlog over TCP: the route pushes it to this device.
    if (frame.login.cursor !== undefined) {
      void this.ctx.routeLink.submit({ type: 'connected', ...origin(conn), cursor: frame.login.cursor });
    }
  }

  private relay(conn: Connection, frame: Frame): void {
    const from = origin(conn);
    let submitted;
    if ('send' in frame) {
      submitted = this.ctx.routeLink.submit({
        type: 'send',
        ...from,
        requestId: frame.requestId ?? 0,
        send: frame.send,
      });
    } else if ('ack' in frame) {
      submitted = this.ctx.routeLink.submit({ type: 'ack', ...from, cursor: frame.ack.cursor ?? '0' });
    } else if ('read' in frame) {
      submitted = this.ctx.routeLink.submit({
        type: 'read',
        ...from,
        conversationId: frame.read.conversationId ?? '',
        seq: frame.read.seq ?? '0',
      });
    } else {
      return;
    }
    void submitted.then((answer) => {
      if (answer) conn.send(answer);
    });
  }

  private reject(conn: Connection, err: unknown, reason: CloseReason): void {
    const code = err instanceof CimError ? err.code : ErrorCodes.BAD_FRAME;
    const message = err instanceof Error ? err.message : String(err);
    this.ctx.metrics.rejected.inc({ code });
    conn.closeWithError(code, message, reason);
  }
}

export function origin(conn: Connection): EventOrigin {
  const user = conn.user!;
  return { userId: user.uid, userName: user.name, deviceId: user.dev, sessionId: user.sid };
}
