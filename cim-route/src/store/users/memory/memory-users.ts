import type { UserStore } from '../user-store.js';
import { SortedStrings } from '../../shared/sorted-strings.js';
import type { UserRecord } from '../../types.js';
import { requireLimit } from '../../shared/validate.js';
import { foldUserName, nameTaken } from '../user-names.js';

/** Accounts in memory: records by id, and names folded to one letter case for lookups. */
export class MemoryUsers implements UserStore {
  private readonly usersById = new Map<string, UserRecord>();
  /** Folded name (see foldUserName) → userId. */
  private readonly userIdByName = new Map<string, string>();
  private readonly names = new SortedStrings();
  private lastUserId = 0;

  constructor(private readonly now: () => number) {}

  async create(userName: string, passwordHash: string): Promise<UserRecord> {
    if (this.userIdByName.has(foldUserName(userName))) throw nameTaken(userName);
    const user: UserRecord = { userId: String(++this.lastUserId), userName, passwordHash, createdAt: this.now() };
    this.usersById.set(user.userId, user);
    this.userIdByName.set(foldUserName(userName), user.userId);
    this.names.add(userName);
    return { ...user };
  }

  async getByName(userName: string): Promise<UserRecord | null> {
    const userId = this.userIdByName.get(foldUserName(userName));
    return userId === undefined ? null : this.getById(userId);
  }

  async getById(userId: string): Promise<UserRecord | null> {
    return this.copyOf(userId);
  }

  async getByIds(userIds: string[]): Promise<(UserRecord | null)[]> {
    return userIds.map((userId) => this.copyOf(userId));
  }

  async findByPrefix(prefix: string, limit: number): Promise<UserRecord[]> {
    requireLimit(limit);
    return this.names.withPrefix(prefix, limit).map((name) => this.copyOf(this.userIdByName.get(foldUserName(name))!)!);
  }

  private copyOf(userId: string): UserRecord | null {
    const user = this.usersById.get(userId);
    return user === undefined ? null : { ...user };
  }
}
