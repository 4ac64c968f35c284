import { randomBytes } from 'node:crypto';
import {
  CimError,
  ErrorCodes,
  signToken,
  verifyToken,
  wsUrlOf,
  type ClientTransportName,
  type EventOrigin,
  type LoginAnswer,
  type ServerInfo,
  type TokenClaims,
} from '@cim/common';
import type { Logger } from '@cim/common/server';
import type { RouteConfig } from '../config.js';
import type { RouteMetrics } from '../metrics.js';
import { decoyHash, hashPassword, requirePasswordPolicy, verifyPassword } from '../passwords.js';
import type { PushSender, ServerDirectory } from '../delivery/index.js';
import { TtlMap } from '../store/shared/ttl-map.js';
import { TurnBatch } from './turn-batch.js';
import { nameTaken } from '../store/users/user-names.js';
import type { RouteStore, SessionRecord } from '../store/types.js';

/**
 * How long this route trusts a session it found current without asking the store again. A device
 * sending many messages then costs one session lookup per second, not one per message. A session
 * ended through this route is forgotten at once; one ended through another route instance is
 * refused here within this time.
 */
export const SESSION_CHECK_CACHE_MS = 1000;

/**
 * How long a verified token's claims are kept. A token never changes and its expiry is checked on
 * every use, so this only bounds memory: a client's every request after its first costs no HMAC.
 */
const VERIFIED_TOKEN_CACHE_MS = 60_000;

/** Registration, login (with push-server choice), logout and token authentication. */
export class Accounts {
  /** `<userId>\0<deviceId>` → the session id found current (see SESSION_CHECK_CACHE_MS). */
  private readonly currentSessions = new TtlMap<string, string>(SESSION_CHECK_CACHE_MS);
  /**
   * Tokens verified lately → their claims: a client sends the same token with every request, and
   * its signature needs checking once, not per request. Expiry is still checked every time.
   */
  private readonly verifiedTokens = new TtlMap<string, Readonly<TokenClaims>>(VERIFIED_TOKEN_CACHE_MS);
  /**
   * Session look-ups of one turn of the event loop, read together: each HTTP request arrives in a
   * turn of its own, and read one by one they would cost a round trip (two syscalls) each.
   */
  private readonly sessionReads = new TurnBatch<{ userId: string; deviceId: string }, SessionRecord | null>((keys) =>
    Promise.allSettled(keys.map(({ userId, deviceId }) => this.store.sessions.get(userId, deviceId))),
  );

  constructor(
    private readonly store: RouteStore,
    private readonly directory: ServerDirectory,
    private readonly dispatcher: PushSender,
    private readonly config: RouteConfig,
    private readonly logger: Logger,
    private readonly metrics: RouteMetrics,
    private readonly now: () => number = Date.now,
  ) {}

  async register(userName: string, password: string): Promise<{ userId: string; userName: string }> {
    // A taken name is answered first: cheaper than a hash, and right for someone who mistyped their password.
    if (await this.store.users.getByName(userName)) throw nameTaken(userName);
    requirePasswordPolicy(password);
    const user = await this.store.users.create(userName, await hashPassword(password));
    this.logger.info({ userId: user.userId, userName }, 'user registered');
    return { userId: user.userId, userName: user.userName };
  }

  async login(
    userName: string,
    password: string,
    deviceId: string,
    transport: ClientTransportName = 'tcp',
  ): Promise<LoginAnswer> {
    const user = await this.store.users.getByName(userName);
    // Same cost whether or not the user exists, so timing does not reveal names.
    const ok = await verifyPassword(password, user?.passwordHash ?? decoyHash);
    if (!user || !ok) throw new CimError(ErrorCodes.BAD_CREDENTIALS, 'wrong user name or password');
    return this.startSession(user.userId, user.userName, deviceId, 'password', transport);
  }

  /**
   * A new session for the device of a still-current session, without the password: what a client
   * uses to reconnect (its push server went away, or its token nears expiry). It costs no password
   * hash, so a whole server's worth of clients can come back at once. The old session ends, but
   * its token may still repeat this refresh for a while (see refreshAgain).
   */
  async refresh(token: string | undefined, transport: ClientTransportName = 'tcp'): Promise<LoginAnswer> {
    let claims: TokenClaims;
    try {
      claims = await this.authenticate(token);
    } catch (err) {
      const replaced = err instanceof CimError && err.code === ErrorCodes.SESSION_ENDED && token !== undefined;
      const again = replaced ? await this.refreshAgain(token, transport) : null;
      if (again) return again;
      throw err;
    }
    return this.startSession(claims.uid, claims.name, claims.dev, 'refresh', transport, claims.sid);
  }

  /**
   * A refresh answer can be lost on its way (timeout, connection reset) after the old session was
   * replaced. The device then retries with the old token, which must not cost it its login: until
   * the new session is first used, and for refreshRetryMs at most, the old token gets the new
   * session again (the same token). Past that, or after a logout or a password login on the
   * device, it gets nothing, so a stolen old token stays useless. Null when this does not apply.
   */
  private async refreshAgain(token: string, transport: ClientTransportName): Promise<LoginAnswer | null> {
    const claims = verifyToken(token, this.config.secret, this.now());
    const session = await this.store.sessions.get(claims.uid, claims.dev);
    const refreshOf = session?.refreshOf;
    if (!session || refreshOf?.sessionId !== claims.sid || refreshOf.until <= this.now()) return null;
    // The device has not logged in on its server yet; if that server went away since (or does not
    // speak the device's transport), it takes another.
    const named = this.directory.get(session.serverId);
    const server =
      named && (transport !== 'ws' || named.wsPort !== undefined)
        ? named
        : this.directory.pick(session.userId, transport);
    if (!server) throw noServer(transport);
    this.logger.info({ userId: session.userId, deviceId: session.deviceId }, 'refresh answered again');
    return this.loginAnswer(session, server);
  }

  /**
   * Picks a push server that speaks the device's transport, stores the device's new session (ending
   * the one it replaces) and signs its token.
   */
  private async startSession(
    userId: string,
    userName: string,
    deviceId: string,
    kind: 'password' | 'refresh',
    transport: ClientTransportName,
    refreshedSessionId?: string,
  ): Promise<LoginAnswer> {
    const server = this.directory.pick(userId, transport);
    if (!server) throw noServer(transport);

    if (this.config.duplicateLogin === 'reject' && kind === 'password') {
      const existing = await this.store.sessions.get(userId, deviceId);
      if (existing && existing.detachedAt === undefined && this.directory.isLive(existing.serverId)) {
        throw new CimError(ErrorCodes.ALREADY_LOGGED_IN, `${userName} is already logged in on device "${deviceId}"`);
      }
    }

    const now = this.now();
    const sessionId = randomBytes(12).toString('base64url');
    const expiresAt = now + this.config.tokenTtlMs;
    this.currentSessions.delete(deviceKey(userId, deviceId));
    const session: SessionRecord = {
      userId,
      userName,
      deviceId,
      sessionId,
      serverId: server.id,
      createdAt: now,
      expiresAt,
    };
    if (refreshedSessionId !== undefined && this.config.refreshRetryMs > 0) {
      session.refreshOf = { sessionId: refreshedSessionId, until: now + this.config.refreshRetryMs };
    }
    const replaced = await this.store.sessions.put(session);
    if (replaced)
      this.kickReplaced(
        replaced.serverId,
        userId,
        deviceId,
        replaced.sessionId,
        kind === 'refresh' ? 'session refreshed' : undefined,
      );

    this.logger.info({ userId, deviceId, serverId: server.id, kind }, 'login');
    this.metrics.logins.inc({ kind });
    return this.loginAnswer(session, server);
  }

  /** The answer that sends the device to `server` with the session's token (signed from the session alone). */
  private loginAnswer(session: SessionRecord, server: ServerInfo): LoginAnswer {
    const claims: TokenClaims = {
      uid: session.userId,
      name: session.userName,
      dev: session.deviceId,
      sid: session.sessionId,
      exp: session.expiresAt,
      iat: session.createdAt,
    };
    return {
      userId: session.userId,
      userName: session.userName,
      deviceId: session.deviceId,
      sessionId: session.sessionId,
      token: signToken(claims, this.config.secret),
      expiresAt: session.expiresAt,
      server: {
        id: server.id,
        host: server.host,
        tcpPort: server.tcpPort,
        tls: server.tls === true,
        ...(server.wsPort !== undefined ? { wsUrl: wsUrlOf(server) } : {}),
      },
      heartbeatMs: this.config.heartbeatMs,
    };
  }

  /** Verifies a bearer token and that its session has not been logged out or replaced. */
  async authenticate(token: string | undefined): Promise<TokenClaims> {
    if (!token) throw new CimError(ErrorCodes.UNAUTHORIZED, 'log in first: send "Authorization: Bearer <token>"');
    const now = this.now();
    let claims = this.verifiedTokens.get(token, now);
    if (claims === undefined || claims.exp <= now) {
      claims = Object.freeze(verifyToken(token, this.config.secret, now));
      this.verifiedTokens.set(token, claims, now);
    }
    await this.requireSession(claims.uid, claims.dev, claims.sid);
    return claims;
  }

  /**
   * Throws CIM_ERR_SESSION_ENDED unless the session is still the device's current one: not logged
   * out, not replaced by a newer login, not expired, and not detached from its connection for longer
   * than the grace period. Push servers verify tokens without Redis, so what a device relays is
   * checked here.
   */
  async requireSession(userId: string, deviceId: string, sessionId: string): Promise<void> {
    const key = deviceKey(userId, deviceId);
    const known = this.currentSessions.get(key, this.now());
    if (known !== undefined && known === sessionId) return;
    const session = await this.sessionReads.add({ userId, deviceId });
    if (!session || session.sessionId !== sessionId) throw sessionEnded();
    if (session.detachedAt !== undefined && session.detachedAt < this.graceHorizon()) {
      await this.store.sessions.removeIf(userId, deviceId, sessionId);
      throw sessionEnded();
    }
    // Its first use: the token this session replaced may no longer get it (see refreshAgain).
    if (session.refreshOf !== undefined) await this.store.sessions.markUsed(userId, deviceId, sessionId);
    this.currentSessions.set(key, sessionId, this.now());
  }

  /**
   * A device logged in over TCP with this session on `connectionId` of `serverId`: the session now
   * points there (wherever the login had sent it), so pushes follow the connection. Throws
   * CIM_ERR_SESSION_ENDED when the session is not current.
   */
  async attachConnection(device: EventOrigin, serverId: string, connectionId: string): Promise<void> {
    this.currentSessions.delete(deviceKey(device.userId, device.deviceId));
    const moved = await this.store.sessions.move(device.userId, device.deviceId, device.sessionId, {
      attach: { serverId, connectionId },
      endedIfDetachedBefore: this.graceHorizon(),
    });
    if (!moved) throw sessionEnded();
  }

  /**
   * The device's connection closed: its session stays usable for the grace period (to refresh or
   * log in again with the token). A connection the session has already left changes nothing.
   */
  async detachConnection(device: EventOrigin, connectionId: string): Promise<void> {
    await this.store.sessions.move(device.userId, device.deviceId, device.sessionId, {
      detach: { connectionId },
      at: this.now(),
    });
  }

  /** Ends a session (logout) unless a newer login replaced it. */
  async endSession(userId: string, deviceId: string, sessionId: string): Promise<boolean> {
    this.currentSessions.delete(deviceKey(userId, deviceId));
    return this.store.sessions.removeIf(userId, deviceId, sessionId);
  }

  /** Sessions detached before this time have ended. */
  private graceHorizon(): number {
    return this.now() - this.config.sessionGraceMs;
  }

  async logout(claims: TokenClaims): Promise<void> {
    const session = await this.store.sessions.get(claims.uid, claims.dev);
    const removed = await this.endSession(claims.uid, claims.dev, claims.sid);
    if (removed && session) this.kickReplaced(session.serverId, claims.uid, claims.dev, claims.sid, 'logged out');
  }

  private kickReplaced(
    serverId: string,
    userId: string,
    deviceId: string,
    sessionId: string,
    reason = 'logged in on another connection',
  ): void {
    const server = this.directory.get(serverId);
    if (!server) return;
    void this.dispatcher.kick(server, { userId, deviceId, sessionId, reason });
  }
}

function noServer(transport: ClientTransportName): CimError {
  return new CimError(
    ErrorCodes.NO_SERVER,
    transport === 'ws'
      ? 'no push server offers WebSocket: try again shortly, or connect over TCP'
      : 'no push server is available: try again shortly',
  );
}

function sessionEnded(): CimError {
  return new CimError(
    ErrorCodes.SESSION_ENDED,
    'this session has ended (logged out, replaced by a newer login, or offline too long): log in again',
  );
}

function deviceKey(userId: string, deviceId: string): string {
  return `${userId}\u0000${deviceId}`;
}
