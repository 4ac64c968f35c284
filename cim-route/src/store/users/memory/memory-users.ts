import { SortedStrings } from '../../shared/sorted-strings.js';
import type { UserRecord } from '../../types.js';
import { requireLimit } from '../../shared/validate.js';
import { foldUserName, nameTaken } from '../user-names.js';

/** Accounts in memory: records by id, and names folded to one letter case for lookups. */
export class MemoryUsers {
  private readonly usersById = new Map<string, UserRecord>();
  /** Folded name (see foldUserName) → userId. */
  private readonly userIdByName = new Map<string, string>();
  private readonly names = new SortedStrings();
  private lastUserId = 0;

  constructor(private readonly now: () => number) {}

  create(userName: string, passwordHash: string): UserRecord {
    if (this.userIdByName.has(foldUserName(userName))) throw nameTaken(userName);
    const user: UserRecord = { userId: String(++this.lastUserId), userName, passwordHash, createdAt: this.now() };
    this.usersById.set(user.userId, user);
    this.userIdByName.set(foldUserName(userName), user.userId);
    this.names.add(userName);
    return { ...user };
  }

  getByName(userName: string): UserRecord | null {
    const userId = this.userIdByName.get(foldUserName(userName));
    return userId === undefined ? null : this.getById(userId);
  }

  getById(userId: string): UserRecord | null {
    const user = this.usersById.get(userId);
    return user === undefined ? null : { ...user };
  }

  getByIds(userIds: string[]): (UserRecord | null)[] {
    return userIds.map((userId) => this.getById(userId));
  }

  findByPrefix(prefix: string, limit: number): UserRecord[] {
    requireLimit(limit);
    return this.names
      .withPrefix(prefix, limit)
      .map((name) => this.getById(this.userIdByName.get(foldUserName(name))!)!);
  }
}
