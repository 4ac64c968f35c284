import { CimError, ErrorCodes } from '@cim/common';
import type { Logger } from '@cim/common/server';
import { groupNotFound } from '../store/groups/groups.js';
import type { GroupRecord, RouteStore } from '../store/types.js';

/**
 * Group management. Groups are private unless created public:
 *
 * - a private group is invisible to non-members: every request about it answers CIM_ERR_NOT_FOUND,
 *   the same as for a group that does not exist, so its existence does not leak. Only a member
 *   lets someone in, by adding (inviting) them; any member may;
 * - a public group is listed and anyone may join it, but only members read its history and members
 *   or send to it (others get CIM_ERR_NOT_A_MEMBER: join first).
 *
 * A member may leave; only the owner removes others or dissolves it (the owner dissolves rather
 * than leaves).
 */
export class Groups {
  constructor(
    private readonly store: RouteStore,
    private readonly maxMembers: number,
    private readonly logger: Logger,
  ) {}

  async create(ownerId: string, name: string, memberIds: string[], isPublic = false): Promise<GroupRecord> {
    await this.requireUsers(memberIds);
    const unique = new Set([ownerId, ...memberIds]);
    if (unique.size > this.maxMembers) {
      throw new CimError(ErrorCodes.GROUP_FULL, `a group has at most ${this.maxMembers} members`);
    }
    const group = await this.store.groups.create(ownerId, name, [...unique], { public: isPublic });
    this.logger.info(
      { groupId: group.groupId, ownerId, members: group.memberIds.length, public: isPublic },
      'group created',
    );
    return group;
  }

  /** The group, if `userId` is a member. */
  async getAsMember(userId: string, groupId: string): Promise<GroupRecord> {
    const group = await this.requireVisible(userId, groupId);
    if (!isMember(group, userId)) {
      throw new CimError(ErrorCodes.NOT_A_MEMBER, `you are not a member of group ${groupId}: join it first`);
    }
    return group;
  }

  mine(userId: string): Promise<GroupRecord[]> {
    return this.store.groups.groupsOf(userId);
  }

  publicGroups(afterGroupId: string | undefined, limit: number): Promise<GroupRecord[]> {
    return this.store.groups.publicGroups(afterGroupId, limit);
  }

  /**
   * Adds users; with no one named, the caller joins. Joining needs a public group (or is a no-op
   * for a member); adding others (inviting) requires membership.
   */
  async add(callerId: string, groupId: string, userIds: string[]): Promise<GroupRecord> {
    const group = await this.requireVisible(callerId, groupId);
    const joining = userIds.length === 0 || (userIds.length === 1 && userIds[0] === callerId);
    if (!joining && !isMember(group, callerId)) {
      throw new CimError(ErrorCodes.NOT_A_MEMBER, `only members of group ${groupId} can add people: join it first`);
    }
    const adding = joining ? [callerId] : userIds;
    await this.requireUsers(adding);
    return this.store.groups.addMembers(groupId, adding, this.maxMembers);
  }

  async remove(callerId: string, groupId: string, userId: string): Promise<GroupRecord> {
    const group = await this.requireVisible(callerId, groupId);
    if (userId === group.ownerId) {
      throw new CimError(ErrorCodes.FORBIDDEN, 'the owner cannot leave the group: dissolve it instead');
    }
    if (callerId !== userId && callerId !== group.ownerId) {
      throw new CimError(ErrorCodes.FORBIDDEN, 'only the owner can remove other members');
    }
    if (!isMember(group, userId)) throw new CimError(ErrorCodes.NOT_A_MEMBER, `user ${userId} is not a member`);
    return (await this.store.groups.removeMember(groupId, userId)) ?? group;
  }

  async dissolve(callerId: string, groupId: string): Promise<void> {
    const group = await this.requireVisible(callerId, groupId);
    if (group.ownerId !== callerId) throw new CimError(ErrorCodes.FORBIDDEN, 'only the owner can dissolve the group');
    await this.store.groups.delete(groupId);
    this.logger.info({ groupId }, 'group dissolved');
  }

  /** The group, if it exists and `userId` may know it does: a member, or anyone for a public group. */
  private async requireVisible(userId: string, groupId: string): Promise<GroupRecord> {
    const group = await this.store.groups.get(groupId);
    if (!group || !(group.public || isMember(group, userId))) throw groupNotFound(groupId);
    return group;
  }

  private async requireUsers(userIds: string[]): Promise<void> {
    const users = await this.store.users.getByIds(userIds);
    const missing = userIds.filter((_, i) => !users[i]);
    if (missing.length) throw new CimError(ErrorCodes.USER_NOT_FOUND, `no user with id ${missing.join(', ')}`);
  }
}

function isMember(group: GroupRecord, userId: string): boolean {
  return group.memberIds.includes(userId);
}
