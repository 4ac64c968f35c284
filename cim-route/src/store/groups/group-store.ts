export interface GroupRecord {
  groupId: string;
  name: string;
  ownerId: string;
  /** Sorted by numeric user id. */
  memberIds: string[];
  createdAt: number;
  /** Anyone may find and join a public group; a private one only lets in those a member adds. */
  public: boolean;
  /**
   * Set once the group is large (read diffusion, see `GroupOptions.largeGroupMembers`): the first
   * seq of its conversation stored once, in no member's stream. A large group stays large.
   */
  largeFromSeq?: string;
}

export interface GroupOptions {
  public?: boolean;
  /** A group created with this many members or more is large from its first message (seq 1). */
  largeGroupMembers?: number;
}

/** A user's membership of a large group (see `GroupStore.largeMembershipsOf`). */
export interface LargeMembership {
  groupId: string;
  /** The seq of the group's conversation the member joined after. */
  joinSeq: string;
  /** The first seq of the conversation stored once (see `GroupRecord.largeFromSeq`). */
  largeFromSeq: string;
}

/** How members join (see `GroupStore.addMembers`). */
export interface JoinOptions {
  /**
   * The conversation's latest seq, read before the add: the new members' join seq, and the seq
   * after which the group is large if this add makes it so. Default "0".
   */
  joinSeq?: string;
  /** The group becomes large when this add brings it to this many members or more. */
  largeGroupMembers?: number;
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
   * Adds members atomically, each new one with `joining.joinSeq` as its join seq (members already
   * in keep theirs). When the group is not large and now has `joining.largeGroupMembers` members
   * or more, it becomes large from seq joinSeq + 1, in the same step. Throws CIM_ERR_NOT_FOUND if
   * the group does not exist and CIM_ERR_GROUP_FULL if it would have more than `maxMembers`
   * (adding nobody in that case).
   */
  addMembers(groupId: string, userIds: string[], maxMembers: number, joining?: JoinOptions): Promise<GroupRecord>;
  /**
   * A member's join seq: the seq of the group's conversation it joined after (its messages from
   * the next one on are the member's). "0" for the members a group was created with; null when
   * the user is not a member (or the group does not exist).
   */
  joinSeq(groupId: string, userId: string): Promise<string | null>;
  /**
   * The large groups the user is a member of, by group id, each with the user's join seq, read
   * without the member lists: every catch-up asks it, and a large group's members are many.
   */
  largeMembershipsOf(userId: string): Promise<LargeMembership[]>;
  /** Removes one member (and its join seq); returns the group after, or null if it does not exist. */
  removeMember(groupId: string, userId: string): Promise<GroupRecord | null>;
  /** Deletes the group (its messages stay in history and sync streams). */
  delete(groupId: string): Promise<boolean>;
}
