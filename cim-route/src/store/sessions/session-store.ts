/** One logged-in device of a user. At most one per (userId, deviceId). */
export interface SessionRecord {
  userId: string;
  userName: string;
  deviceId: string;
  sessionId: string;
  /** The push server holding the device's connection (or, before it connects, the one it was sent to). */
  serverId: string;
  /** The connection on `serverId` that logged in with this session; absent before the first and after a drop. */
  connectionId?: string;
  /** When the session's connection closed (ms since epoch); absent while connected or never connected. */
  detachedAt?: number;
  createdAt: number;
  expiresAt: number;
}

/**
 * A change of the connection that holds a session. `attach`: a connection logged in with it; a
 * session detached before `endedIfDetachedBefore` (its grace ran out) is not current any more.
 * `detach`: the connection closed; only the session's current connection can detach it.
 */
export type SessionMove =
  | { attach: { serverId: string; connectionId: string }; endedIfDetachedBefore: number }
  | { detach: { connectionId: string }; at: number };

/** Sessions and the routes to the devices that hold them. */
export interface SessionStore {
  /** Stores the session, replacing the one of the same (userId, deviceId); returns the replaced one. */
  put(session: SessionRecord): Promise<SessionRecord | null>;
  get(userId: string, deviceId: string): Promise<SessionRecord | null>;
  /** Unexpired sessions of each user (userId → sessions; users without sessions map to []). */
  getOf(userIds: string[]): Promise<Map<string, SessionRecord[]>>;
  /**
   * Removes the session of (userId, deviceId) only if its sessionId is still `sessionId`, so a
   * late "connection closed" never removes a newer login. Returns whether it removed it.
   */
  removeIf(userId: string, deviceId: string, sessionId: string): Promise<boolean>;
  /**
   * Applies `move` to the device's session, atomically, only while its sessionId is `sessionId` and
   * it has not expired. Returns the session after the move, or null when nothing moved (the session
   * ended, or a detach named a connection that no longer holds it).
   */
  move(userId: string, deviceId: string, sessionId: string, move: SessionMove): Promise<SessionRecord | null>;
  /** User ids with at least one session, in a stable order, paged by an opaque numeric offset. */
  listOnline(offset: number, limit: number): Promise<{ userIds: string[]; nextOffset: number | null }>;
}
