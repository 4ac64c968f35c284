import { randomBytes, scrypt } from 'node:crypto';
import { signToken, type TokenClaims } from '@cim/common';
import type { RouteStore } from '@cim/route';

export interface SeededUser {
  uid: number;
  name: string;
  token: string;
}

/** Users a generator mints tokens for itself (B3): uids `uidFrom` … `uidFrom + count - 1`, no account. */
export interface MintedUsers {
  uidFrom: number;
  count: number;
  namePrefix: string;
  ttlMs: number;
}

/** The claims of a minted user's token; `StoreSeeder.mintedSessions` stores the matching sessions. */
export function mintedClaims(uid: number, namePrefix: string, exp: number): TokenClaims {
  return { uid: String(uid), name: `${namePrefix}${uid}`, dev: 'bench', sid: `bench-${uid}`, exp };
}

/** Makes users, sessions and groups for a benchmark without going through the HTTP API. */
export interface Seeder {
  users(prefix: string, count: number, serverId: string): Promise<SeededUser[]>;
  /**
   * The sessions of minted users: a push server asks the route at every TCP Login whether the
   * token's session is current, so minted tokens need stored sessions too.
   */
  mintedSessions(users: MintedUsers, serverId: string): Promise<void>;
  group(ownerUid: number, memberUids: number[]): Promise<string>;
}

const SEED_BATCH = 500;

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
    /** The route's large-group threshold: a seeded group of this many members is large, as the route would make it. */
    private readonly largeGroupMembers: number,
  ) {}

  async users(prefix: string, count: number, serverId: string): Promise<SeededUser[]> {
    this.hash ??= passwordHash('bench-password');
    const hash = await this.hash;
    const out: SeededUser[] = new Array(count);
    const now = Date.now();
    for (let from = 0; from < count; from += SEED_BATCH) {
      await Promise.all(
        Array.from({ length: Math.min(SEED_BATCH, count - from) }, async (_, k) => {
          const i = from + k;
          const name = `${prefix}${i}`;
          const user = await this.store.users.create(name, hash);
          const sessionId = randomBytes(12).toString('base64url');
          const expiresAt = now + TOKEN_TTL_MS;
          await this.store.sessions.put({
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

  async mintedSessions(users: MintedUsers, serverId: string): Promise<void> {
    const now = Date.now();
    for (let from = 0; from < users.count; from += SEED_BATCH) {
      await Promise.all(
        Array.from({ length: Math.min(SEED_BATCH, users.count - from) }, async (_, k) => {
          const claims = mintedClaims(users.uidFrom + from + k, users.namePrefix, now + users.ttlMs);
          await this.store.sessions.put({
            userId: claims.uid,
            userName: claims.name,
            deviceId: claims.dev,
            sessionId: claims.sid,
            serverId,
            createdAt: now,
            expiresAt: claims.exp,
          });
        }),
      );
    }
  }

  async group(ownerUid: number, memberUids: number[]): Promise<string> {
    const group = await this.store.groups.create(String(ownerUid), `bench-${Date.now()}`, memberUids.map(String), {
      largeGroupMembers: this.largeGroupMembers,
    });
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
