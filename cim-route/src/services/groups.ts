import { CimError, ErrorCodes, type Logger } from '@cim/common';
import type { GroupRecord, RouteStore } from '../store/types.js';

/**
 * Group management. Anyone may create a group or join one by id; members may add others; a member
 * may leave; only the owner removes others or dissolves it (the owner dissolves rather than leaves).
 */
export class Groups {
  constructor(
    private readonly store: RouteStore,
    private readonly maxMembers: number,
    private readonly logger: Logger,
  ) {}

  async create(ownerId: string, name: string, memberIds: string[]): Promise<GroupRecord> {
    await this.requireUsers(memberIds);
    const unique = new Set([ownerId, ...memberIds]);
    if (unique.size > this.maxMembers) {
      throw new CimError(ErrorCodes.GROUP_FULL, `a group has at most ${this.maxMembers} members`);
    }
    const group = await this.store.createGroup(ownerId, name, [...unique]);
    this.logger.info({ groupId: group.groupId, ownerId, members: group.memberIds.length }, 'group created');
    return group;
  }

  /** The group, if `userId` is a member. */
  async getAsMember(userId: string, groupId: string): Promise<GroupRecord> {
    const group = await this.require(groupId);
    if (!group.memberIds.includes(userId)) {
      throw new CimError(ErrorCodes.NOT_A_MEMBER, `you are not a member of group ${groupId}`);
    }
    return group;
  }

  mine(userId: string): Promise<GroupRecord[]> {
    return this.store.groupsOf(userId);
  }

  /** Adds users; with no one named, the caller joins. Adding others requires membership. */
  async add(callerId: string, groupId: string, userIds: string[]): Promise<GroupRecord> {
    const group = await this.require(groupId);
    const joining = userIds.length === 0 || (userIds.length === 1 && userIds[0] === callerId);
    if (!joining && !group.memberIds.includes(callerId)) {
      throw new CimError(ErrorCodes.NOT_A_MEMBER, `only members of group ${groupId} can add people`);
    }
    const adding = joining ? [callerId] : userIds;
    await this.requireUsers(adding);
    return this.store.addGroupMembers(groupId, adding, this.maxMembers);
  }

  async remove(callerId: string, groupId: string, userId: string): Promise<GroupRecord> {
    const group = await this.require(groupId);
    if (userId === group.ownerId) {
      throw new CimError(ErrorCodes.FORBIDDEN, 'the owner cannot leave the group: dissolve it instead');
    }
    if (callerId !== userId && callerId !== group.ownerId) {
      throw new CimError(ErrorCodes.FORBIDDEN, 'only the owner can remove other members');
    }
    if (!group.memberIds.includes(userId)) throw new CimError(ErrorCodes.NOT_A_MEMBER, `user ${userId} is not a member`);
    return (await this.store.removeGroupMember(groupId, userId)) ?? group;
  }

  async dissolve(callerId: string, groupId: string): Promise<void> {
    const group = await this.require(groupId);
    if (group.ownerId !== callerId) throw new CimError(ErrorCodes.FORBIDDEN, 'only the owner can dissolve the group');
    await this.store.deleteGroup(groupId);
    this.logger.info({ groupId }, 'group dissolved');
  }

  async require(groupId: string): Promise<GroupRecord> {
    const group = await this.store.getGroup(groupId);
    if (!group) throw new CimError(ErrorCodes.NOT_FOUND, `no group with id ${groupId}`);
    return group;
  }

  private async requireUsers(userIds: string[]): Promise<void> {
    const users = await this.store.getUsersByIds(userIds);
    const missing = userIds.filter((_, i) => !users[i]);
    if (missing.length) throw new CimError(ErrorCodes.USER_NOT_FOUND, `no user with id ${missing.join(', ')}`);
  }
}
