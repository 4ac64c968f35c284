import type { UserStore } from '../user-store.js';
import type { RedisKeys } from '../../redis/redis-keys.js';
import type { RedisClient } from '../../redis/redis-scripts.js';
import type { UserRecord } from '../../types.js';
import { requireLimit } from '../../shared/validate.js';
import { nameTaken } from '../user-names.js';
import { NAME_ID_SEPARATOR, RedisUserNames } from './redis-user-names.js';

/** Accounts in Redis: a JSON record per user id, found by name through RedisUserNames. */
export class RedisUsers implements UserStore {
  private readonly names: RedisUserNames;

  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
    private readonly now: () => number,
  ) {
    this.names = new RedisUserNames(client, keys);
  }

  async create(userName: string, passwordHash: string): Promise<UserRecord> {
    // Checked first so that registering a taken name does not use up a user id.
    if (await this.names.isTaken(userName)) throw nameTaken(userName);
    const userId = String(await this.client.incr(this.keys.userIdCounter));
    const user: UserRecord = { userId, userName, passwordHash, createdAt: this.now() };
    // The record is written before the name points at it, so a found name always has a record.
    await this.client.set(this.keys.user(userId), JSON.stringify(user));
    if (!(await this.names.claim(userName, userId))) {
      await this.client.del(this.keys.user(userId));
      throw nameTaken(userName);
    }
    return user;
  }

  async getByName(userName: string): Promise<UserRecord | null> {
    const userId = await this.names.userIdOf(userName);
    return userId === null ? null : this.getById(userId);
  }

  async getById(userId: string): Promise<UserRecord | null> {
    const json = await this.client.get(this.keys.user(userId));
    return json === null ? null : (JSON.parse(json) as UserRecord);
  }

  async getByIds(userIds: string[]): Promise<(UserRecord | null)[]> {
    // One GET per user (each in its own cluster slot); auto-pipelining sends them together.
    return Promise.all(userIds.map((userId) => this.getById(userId)));
  }

  async findByPrefix(prefix: string, limit: number): Promise<UserRecord[]> {
    requireLimit(limit);
    // Every member starting with the prefix sorts below prefix + 0xff: no UTF-8 text has that byte.
    const [min, max] =
      prefix === '' ? ['-', '+'] : [`[${prefix}`, Buffer.concat([Buffer.from(`[${prefix}`), Buffer.from([0xff])])];
    const members = await this.client.zrangebylex(this.keys.userNames, min, max, 'LIMIT', 0, limit);
    const users = await this.getByIds(members.map((m) => m.slice(m.lastIndexOf(NAME_ID_SEPARATOR) + 1)));
    return users.filter((user) => user !== null);
  }
}
