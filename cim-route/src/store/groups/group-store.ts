export interface GroupRecord {
  groupId: string;
  name: string;
  ownerId: string;
  /** Sorted by numeric user id. */
  memberIds: string[];
  createdAt: number;
  /** Anyone may find and join a public group; a private one only lets in those a member adds. */
  public: boolean;
}

export interface GroupOptions {
  public?: boolean;
}

/** Groups and their members. */
export interface GroupStore {
  /**
   * Creates a group, private unless `options.public`; the owner is always a member; members are
   * deduplicated. New group ids are random 16-digit decimals (older groups keep "1", "2", …).
   */
  create(ownerId: string, name: string, memberIds: string[], options?: GroupOptions): Promise<GroupRecord>;
  get(groupId: string): Promise<GroupRecord | null>;
  /** Groups the user is a member of, by group id. */
  groupsOf(userId: string): Promise<GroupRecord[]>;
  /** Up to `limit` public groups with ids above `afterGroupId` (all when undefined), by numeric id. */
  publicGroups(afterGroupId: string | undefined, limit: number): Promise<GroupRecord[]>;
  /**
   * Adds members atomically. Throws CIM_ERR_NOT_FOUND if the group does not exist and
   * CIM_ERR_GROUP_FULL if it would have more than `maxMembers` (adding nobody in that case).
   */
  addMembers(groupId: string, userIds: string[], maxMembers: number): Promise<GroupRecord>;
  /** Removes one member; returns the group after, or null if it does not exist. */
  removeMember(groupId: string, userId: string): Promise<GroupRecord | null>;
  /** Deletes the group (its messages stay in history and sync streams). */
  delete(groupId: string): Promise<boolean>;
}
