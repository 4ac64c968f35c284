import { randomBytes } from 'node:crypto';
import {
  CimError,
  ErrorCodes,
  signToken,
  verifyToken,
  type EventOrigin,
  type LoginAnswer,
  type TokenClaims,
} from '@cim/common';
import type { Logger } from '@cim/common/server';
import type { RouteConfig } from '../config.js';
import type { RouteMetrics } from '../metrics.js';
import { decoyHash, hashPassword, requirePasswordPolicy, verifyPassword } from '../passwords.js';
import type { PushDispatcher, ServerDirectory } from '../delivery/index.js';
import { TtlMap } from '../store/shared/ttl-map.js';
import { nameTaken } from '../store/users/user-names.js';
import type { RouteStore } from '../store/types.js';

/**
 * How long this route trusts a session it found current without asking the store again. A device
 * sending many messages then costs one session lookup per second, not one per message. A session
 * ended through this route is forgotten at once; one ended through another route instance is
 * refused here within this time.
 */
export const SESSION_CHECK_CACHE_MS = 1000;

/** Registration, login (with push-server choice), logout and token authentication. */
export class Accounts {
  /** `<userId>\0<deviceId>` → the session id found current (see SESSION_CHECK_CACHE_MS). */
  private readonly currentSessions = new TtlMap<string, string>(SESSION_CHECK_CACHE_MS);
  /**
   * Tokens verified lately → their claims: a client sends the same token with every request, and
   * its signature needs checking once, not per request. Expiry is still checked every time.
   */
  private readonly verifiedTokens = new TtlMap<string, Readonly<TokenClaims>>(SESSION_CHECK_CACHE_MS);

  constructor(
    private readonly store: RouteStore,
    private readonly directory: ServerDirectory,
    private readonly dispatcher: PushDispatcher,
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

  async login(userName: string, password: string, deviceId: string): Promise<LoginAnswer> {
    const user = await this.store.users.getByName(userName);
    // Same cost whether or not the user exists, so timing does not reveal names.
    const ok = await verifyPassword(password, user?.passwordHash ?? decoyHash);
    if (!user || !ok) throw new CimError(ErrorCodes.BAD_CREDENTIALS, 'wrong user name or password');
    return this.startSession(user.userId, user.userName, deviceId, 'password');
  }

  /**
   * A new session for the device of a still-current session, without the password: what a client
   * uses to reconnect (its push server went away, or its token nears expiry). It costs no password
   * hash, so a whole server's worth of clients can come back at once. The old session ends.
   */
  async refresh(token: string | undefined): Promise<LoginAnswer> {
    const claims = await this.authenticate(token);
    return this.startSession(claims.uid, claims.name, claims.dev, 'refresh');
  }

  /** Picks a push server, stores the device's new session (ending the one it replaces) and signs its token. */
  private async startSession(
    userId: string,
    userName: string,
    deviceId: string,
    kind: 'password' | 'refresh',
  ): Promise<LoginAnswer> {
    const server = this.directory.pick(userId);
    if (!server) throw new CimError(ErrorCodes.NO_SERVER, 'no push server is available: try again shortly');

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
    const replaced = await this.store.sessions.put({
      userId,
      userName,
      deviceId,
      sessionId,
      serverId: server.id,
      createdAt: now,
      expiresAt,
    });
    if (replaced)
      this.kickReplaced(
        replaced.serverId,
        userId,
        deviceId,
        replaced.sessionId,
        kind === 'refresh' ? 'session refreshed' : undefined,
      );

    const claims: TokenClaims = {
      uid: userId,
      name: userName,
      dev: deviceId,
      sid: sessionId,
      exp: expiresAt,
      iat: now,
    };
    this.logger.info({ userId, deviceId, serverId: server.id, kind }, 'login');
    this.metrics.logins.inc({ kind });
    return {
      userId,
      userName,
      deviceId,
      sessionId,
      token: signToken(claims, this.config.secret),
      expiresAt,
      server: { id: server.id, host: server.host, tcpPort: server.tcpPort, tls: server.tls === true },
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
    const session = await this.store.sessions.get(userId, deviceId);
    if (!session || session.sessionId !== sessionId) throw sessionEnded();
    if (session.detachedAt !== undefined && session.detachedAt < this.graceHorizon()) {
      await this.store.sessions.removeIf(userId, deviceId, sessionId);
      throw sessionEnded();
    }
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

function sessionEnded(): CimError {
  return new CimError(
    ErrorCodes.SESSION_ENDED,
    'this session has ended (logged out, replaced by a newer login, or offline too long): log in again',
  );
}

function deviceKey(userId: string, deviceId: string): string {
  return `${userId}\u0000${deviceId}`;
}
