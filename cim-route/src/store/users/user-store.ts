export interface UserRecord {
  userId: string;
  userName: string;
  /** `scrypt$<saltBase64>$<hashBase64>`; never logged, never returned by the API. */
  passwordHash: string;
  createdAt: number;
}

/** Accounts: names unique in any letter case, ids "1", "2", … */
export interface UserStore {
  /**
   * Throws CimError CIM_ERR_USER_EXISTS if the name is taken in any letter case (`Alice` and
   * `alice` are one name); the record keeps the spelling given here. User ids are "1", "2", …
   */
  create(userName: string, passwordHash: string): Promise<UserRecord>;
  /** The user with this name in any letter case. */
  getByName(userName: string): Promise<UserRecord | null>;
  getById(userId: string): Promise<UserRecord | null>;
  /** Same order as `userIds`; null where a user does not exist. */
  getByIds(userIds: string[]): Promise<(UserRecord | null)[]>;
  /** Users whose name starts with `prefix`, sorted by name, at most `limit`. */
  findByPrefix(prefix: string, limit: number): Promise<UserRecord[]>;
}
