import { randomBytes, scrypt } from 'node:crypto';
import { signToken } from '@cim/common';
import type { RouteStore } from '@cim/route';

export interface SeededUser {
  uid: number;
  name: string;
  token: string;
}

/** Makes users, sessions and groups for a benchmark without going through the HTTP API. */
export interface Seeder {
  users(prefix: string, count: number, serverId: string): Promise<SeededUser[]>;
  group(ownerUid: number, memberUids: number[]): Promise<string>;
}

const TOKEN_TTL_MS = 6 * 60 * 60 * 1000;

/**
 * Seeds through the route's own store API: the user record (with one precomputed scrypt hash
 * shared by all bench users), then the session exactly as `Accounts.login` stores it, and a
 * token signed with the cluster secret as the route signs it. This skips only the per-login
 * scrypt (≈ 170 ms of CPU each on the bench machine), which would make 10,000 logins take
 * minutes; the login path itself is measured on its own in B3.
 */
export class StoreSeeder implements Seeder {
  private hash: Promise<string> | undefined;

  constructor(
    private readonly store: RouteStore,
    private readonly secret: string,
  ) {}

  async users(prefix: string, count: number, serverId: string): Promise<SeededUser[]> {
    this.hash ??= passwordHash('bench-password');
    const hash = await this.hash;
    const out: SeededUser[] = new Array(count);
    const now = Date.now();
    const batch = 500;
    for (let from = 0; from < count; from += batch) {
      await Promise.all(
        Array.from({ length: Math.min(batch, count - from) }, async (_, k) => {
          const i = from + k;
          const name = `${prefix}${i}`;
          const user = await this.store.createUser(name, hash);
          const sessionId = randomBytes(12).toString('base64url');
          const expiresAt = now + TOKEN_TTL_MS;
          await this.store.putSession({
            userId: user.userId,
            userName: name,
            deviceId: 'bench',
            sessionId,
            serverId,
            createdAt: now,
            expiresAt,
          });
          const token = signToken(
            { uid: user.userId, name, dev: 'bench', sid: sessionId, exp: expiresAt },
            this.secret,
          );
          out[i] = { uid: Number(user.userId), name, token };
        }),
      );
    }
    return out;
  }

  async group(ownerUid: number, memberUids: number[]): Promise<string> {
    const group = await this.store.createGroup(String(ownerUid), `bench-${Date.now()}`, memberUids.map(String));
    return group.groupId;
  }
}

/** The same `scrypt$salt$hash` format as cim-route's passwords.ts. */
function passwordHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(password, salt, 32, (err, key) =>
      err ? reject(err) : resolve(`scrypt$${salt.toString('base64')}$${key.toString('base64')}`),
    ),
  );
}
