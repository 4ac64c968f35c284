import type { Connection } from './connection.js';

/** The logged-in connections of this server, by user and by (user, device). */
export class ConnectionTable {
  private readonly byUser = new Map<string, Map<string, Connection>>();
  private connections = 0;

  /** Adds a logged-in connection; returns the one it replaces on the same device, if any. */
  add(conn: Connection): Connection | undefined {
    const user = conn.user!;
    let devices = this.byUser.get(user.uid);
    if (!devices) {
      devices = new Map();
      this.byUser.set(user.uid, devices);
    }
    const previous = devices.get(user.dev);
    devices.set(user.dev, conn);
    if (!previous) this.connections++;
    return previous === conn ? undefined : previous;
  }

  /** Removes the connection if it is still the one registered for its device. */
  remove(conn: Connection): boolean {
    const user = conn.user;
    if (!user) return false;
    const devices = this.byUser.get(user.uid);
    if (!devices || devices.get(user.dev) !== conn) return false;
    devices.delete(user.dev);
    this.connections--;
    if (devices.size === 0) this.byUser.delete(user.uid);
    return true;
  }

  ofUser(userId: string): Iterable<Connection> {
    return this.byUser.get(userId)?.values() ?? [];
  }

  ofDevice(userId: string, deviceId: string): Connection | undefined {
    return this.byUser.get(userId)?.get(deviceId);
  }

  *all(): Iterable<Connection> {
    for (const devices of this.byUser.values()) yield* devices.values();
  }

  /** Logged-in connections, one per (user, device). */
  get size(): number {
    return this.connections;
  }

  get userCount(): number {
    return this.byUser.size;
  }
}
