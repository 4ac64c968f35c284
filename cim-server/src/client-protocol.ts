import { randomBytes } from 'node:crypto';
import {
  CimError,
  type ConversationCursor,
  errorFromWire,
  ErrorCodes,
  frameKind,
  verifyToken,
  type EventOrigin,
  type Frame,
  type TokenClaims,
} from '@cim/common';
import type { Logger } from '@cim/common/server';
import type { PushServerConfig } from './config.js';
import { Connection, type CloseReason } from './connection.js';
import type { ConnectionTable } from './connection-table.js';
import { InboundPump } from './inbound-pump.js';
import { InboundRate } from './inbound-rate.js';
import type { ServerMetrics } from './metrics.js';
import type { RouteLink } from './route-link.js';
import type { ClientTransport } from './transport.js';

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

type LoginFrame = Extract<Frame, { login: unknown }>;

/**
 * The client side of the protocol (over TCP or WebSocket): the login handshake, and one small handler per
 * frame kind. Upstream frames (Send, Ack, Read, Logout) are relayed to the route.
 */
export class ClientProtocol {
  /** Makes connection ids unique across restarts of a server that keeps its id. */
  private readonly incarnation = randomBytes(4).toString('hex');
  private nextConnectionId = 1;

  constructor(private readonly ctx: ProtocolContext) {}

  attach(transport: ClientTransport): Connection {
    const { config, now } = this.ctx;
    const conn = new Connection(
      transport,
      `${this.incarnation}.${this.nextConnectionId++}`,
      {
        maxOutboundBytes: config.maxOutboundBytes,
        closeGraceMs: config.closeGraceMs,
        onSlowConsumer: () => this.ctx.metrics.rejected.inc({ code: ErrorCodes.SLOW_CONSUMER }),
      },
      now(),
    );
    new InboundPump(transport, new InboundRate(config, now), {
      frame: (frame) => {
        this.ctx.metrics.framesIn.inc();
        conn.lastSeen = now();
        this.dispatch(conn, frame);
      },
      fail: (err, reason) => this.reject(conn, err, reason),
      isClosed: () => conn.closed,
      throttled: () => this.ctx.metrics.inboundThrottled.inc(),
    });
    transport.on('error', () => conn.close('socket-error'));
    transport.on('close', () => {
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
    if (conn.held) {
      const { maxHeldFrames } = this.ctx.config;
      if (conn.held.length < maxHeldFrames) conn.held.push(frame);
      else
        this.reject(
          conn,
          new CimError(ErrorCodes.INVALID_INPUT, `at most ${maxHeldFrames} frames may follow Login before LoginOk`),
          'bad-frame',
        );
      return;
    }
    if (!conn.user) {
      if (kind === 'login') this.onLogin(conn, frame as LoginFrame);
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

  /**
   * Checks the token here (cheap refusals stay local), then asks the route whether its session is
   * still current; LoginOk goes out only once the route has moved the session to this connection.
   */
  private onLogin(conn: Connection, frame: LoginFrame): void {
    const { config, table, now } = this.ctx;
    let claims: TokenClaims;
    try {
      claims = verifyToken(frame.login.token, config.secret, now());
    } catch (err) {
      this.reject(conn, err, 'bad-login', frame.requestId);
      return;
    }
    // A token issued before the one holding this device is from an ended session: it must not
    // push the newer login out.
    const holder = table.ofDevice(claims.uid, claims.dev)?.user;
    if (holder && holder.sid !== claims.sid && (holder.iat ?? 0) > (claims.iat ?? 0)) {
      this.reject(
        conn,
        new CimError(ErrorCodes.SESSION_ENDED, 'a newer login holds this device: log in again'),
        'bad-login',
        frame.requestId,
      );
      return;
    }
    conn.held = [];
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      this.reject(
        conn,
        new CimError(ErrorCodes.UNAVAILABLE, 'the route did not confirm the session in time: retry shortly'),
        'bad-login',
        frame.requestId,
      );
    }, config.loginCheckTimeoutMs);
    timer.unref();
    const cursor = frame.login.cursor;
    void this.ctx.routeLink
      .submit({
        type: 'login',
        ...originOf(claims),
        connectionId: conn.id,
        ...(cursor !== undefined ? { cursor } : {}),
        ...conversationsOf(frame),
      })
      .then((answer) => {
        clearTimeout(timer);
        if (conn.closed || gaveUp) {
          // The route may have moved the session here (even an answer that was lost or late): tell
          // it this connection is gone. For a session that is not here, that changes nothing.
          void this.ctx.routeLink.submit({ type: 'closed', ...originOf(claims), connectionId: conn.id });
          return;
        }
        const refusal = refusalOf(answer);
        if (refusal) this.reject(conn, refusal, 'bad-login', frame.requestId);
        else this.completeLogin(conn, frame, claims);
      });
  }

  private completeLogin(conn: Connection, frame: LoginFrame, claims: TokenClaims): void {
    const { serverId, config, table } = this.ctx;
    conn.user = claims;
    const replaced = table.add(conn);
    if (replaced) {
      replaced.closeWith({ kick: { reason: 'logged in again on the same device' } }, 'kicked');
    }
    conn.send({
      requestId: frame.requestId,
      loginOk: {
        userId: claims.uid,
        userName: claims.name,
        sessionId: claims.sid,
        serverId,
        heartbeatMs: config.heartbeatMs,
      },
    });
    // A device that gives a cursor wants its backlog over TCP: the route pushes it to this device.
    if (frame.login.cursor !== undefined) {
      void this.ctx.routeLink.submit({
        type: 'connected',
        ...origin(conn),
        connectionId: conn.id,
        cursor: frame.login.cursor,
        ...conversationsOf(frame),
      });
    }
    const held = conn.held ?? [];
    conn.held = null;
    for (const next of held) {
      if (conn.closed) return;
      this.dispatch(conn, next);
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

  /** Closes with `Error{code}`; `requestId` is the frame it answers (a Login), as for any answer. */
  private reject(conn: Connection, err: unknown, reason: CloseReason, requestId?: number): void {
    const code = err instanceof CimError ? err.code : ErrorCodes.BAD_FRAME;
    const message = err instanceof Error ? err.message : String(err);
    this.ctx.metrics.rejected.inc({ code });
    conn.closeWith({ ...(requestId ? { requestId } : {}), error: { code, message } }, reason);
  }
}

export function origin(conn: Connection): EventOrigin {
  return originOf(conn.user!);
}

function originOf(user: TokenClaims): EventOrigin {
  return { userId: user.uid, userName: user.name, deviceId: user.dev, sessionId: user.sid };
}

/** The route's refusal of a Login, if it refused. */
function refusalOf(answer: Frame | null): CimError | undefined {
  if (answer === null || !('error' in answer)) return undefined;
  const { code, message } = answer.error ?? {};
  return errorFromWire({ code: code ?? ErrorCodes.INTERNAL, message: message ?? 'the route refused the login' });
}

/** The Login's large-group positions, relayed to the route as they came (only when there are some). */
function conversationsOf(frame: LoginFrame): { conversations?: ConversationCursor[] } {
  const conversations = frame.login.conversations ?? [];
  return conversations.length > 0
    ? { conversations: conversations.map(({ conversationId, seq }) => ({ conversationId, seq })) }
    : {};
}
