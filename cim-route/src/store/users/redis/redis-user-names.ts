import type { RedisKeys } from '../../redis/redis-keys.js';
import type { RedisClient } from '../../redis/redis-scripts.js';
import { foldUserName } from '../user-names.js';

/** Separates name and id in the name index; sorts below every character a name can contain. */
export const NAME_ID_SEPARATOR = '\u0000';

/** Members of the name index read per call while folding the names of older data. */
const FOLD_PAGE = 1000;

/**
 * userName → userId in Redis, by folded name (see foldUserName), so names are unique in any
 * letter case. Data written before names were folded has keys by exact spelling: the first use of
 * a store folds those too (once per Redis, marked by a key), and lookups still try the exact
 * spelling first, so two older accounts that differ only in case both keep logging in.
 */
export class RedisUserNames {
  private folded: Promise<void> | undefined;

  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  /** Whether the name is taken in any letter case. */
  async isTaken(userName: string): Promise<boolean> {
    await this.foldOlderNames();
    return (await this.client.exists(this.keys.userIdByName(foldUserName(userName)))) === 1;
  }

  /** Points the name at `userId` unless it is taken; false when it was. */
  async claim(userName: string, userId: string): Promise<boolean> {
    await this.foldOlderNames();
    const claimed = await this.client.set(this.keys.userIdByName(foldUserName(userName)), userId, 'NX');
    if (claimed === null) return false;
    await this.client.zadd(this.keys.userNames, 0, `${userName}${NAME_ID_SEPARATOR}${userId}`);
    return true;
  }

  async userIdOf(userName: string): Promise<string | null> {
    await this.foldOlderNames();
    const folded = foldUserName(userName);
    const [exact, byFolded] = await Promise.all([
      folded === userName ? null : this.client.get(this.keys.userIdByName(userName)),
      this.client.get(this.keys.userIdByName(folded)),
    ]);
    return exact ?? byFolded;
  }

  private foldOlderNames(): Promise<void> {
    this.folded ??= this.foldAll().catch((err: unknown) => {
      this.folded = undefined;
      throw err;
    });
    return this.folded;
  }

  /**
   * Adds the folded key of every indexed name that lacks one. Of older accounts that differ only
   * in case, one gets the folded key; each still logs in by its exact spelling.
   */
  private async foldAll(): Promise<void> {
    if ((await this.client.exists(this.keys.userNamesFolded)) === 1) return;
    for (let start = 0; ; start += FOLD_PAGE) {
      const members = await this.client.zrange(this.keys.userNames, String(start), String(start + FOLD_PAGE - 1));
      await Promise.all(
        members.map((member) => {
          const [name, userId] = member.split(NAME_ID_SEPARATOR);
          return this.client.set(this.keys.userIdByName(foldUserName(name)), userId, 'NX');
        }),
      );
      if (members.length < FOLD_PAGE) break;
    }
    await this.client.set(this.keys.userNamesFolded, '1');
  }
}
