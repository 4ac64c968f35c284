import { randomUUID } from 'node:crypto';
import { CimError, ErrorCodes, type LargeGroupPosition } from '@cim/common';
import type { Logger } from '@cim/common/server';
import type { FanOut } from '../delivery/index.js';
import { groupNotFound } from '../store/groups/groups.js';
import type { GroupRecord, RouteStore, UserRecord } from '../store/types.js';
import { groupConversationId } from './conversation-ids.js';
import type { Sender } from './messages.js';
import { saveAndPushToGroup } from './save-and-push.js';
import { largeGroupsOf } from './large-groups.js';

/** A notice names this many of the users added; the rest are counted. */
const NAMES_IN_NOTICE = 5;

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
 *
 * Whoever adds people (also by creating a group with them) is said to have done so in the group's
 * conversation: a stored notice ("alice added bob"), so members offline at the time, the added
 * among them, get it when they sync.
 */
export class Groups {
  constructor(
    private readonly store: RouteStore,
    private readonly fanOut: FanOut,
    private readonly maxMembers: number,
    private readonly logger: Logger,
    /** Groups of this many members or more are large (see RouteConfig.largeGroupMembers). */
    private readonly largeGroupMembers = Number.POSITIVE_INFINITY,
  ) {}

  async create(owner: Sender, name: string, memberIds: string[], isPublic = false): Promise<GroupRecord> {
    const ownerId = owner.uid;
    const members = await this.requireUsers(memberIds);
    const memberSet = new Set([ownerId, ...memberIds]);
    if (memberSet.size > this.maxMembers) {
      throw new CimError(ErrorCodes.GROUP_FULL, `a group has at most ${this.maxMembers} members`);
    }
    const group = await this.store.groups.create(ownerId, name, [...memberSet], {
      public: isPublic,
      largeGroupMembers: this.largeGroupMembers,
    });
    this.logger.info(
      { groupId: group.groupId, ownerId, members: group.memberIds.length, public: isPublic },
      'group created',
    );
    await this.announceAdded(
      owner,
      group,
      distinct(members).filter((user) => user.userId !== ownerId),
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

  /** The large groups the user is a member of, with where a device pages each one from (see large-groups.ts). */
  largeGroupsOf(userId: string): Promise<LargeGroupPosition[]> {
    return largeGroupsOf(this.store, userId);
  }

  publicGroups(afterGroupId: string | undefined, limit: number): Promise<GroupRecord[]> {
    return this.store.groups.publicGroups(afterGroupId, limit);
  }

  /**
   * Adds users; with no one named, the caller joins. Joining needs a public group (or is a no-op
   * for a member); adding others (inviting) requires membership.
   */
  async add(caller: Sender, groupId: string, userIds: string[]): Promise<GroupRecord> {
    const callerId = caller.uid;
    const group = await this.requireVisible(callerId, groupId);
    const joining = userIds.length === 0 || (userIds.length === 1 && userIds[0] === callerId);
    if (!joining && !isMember(group, callerId)) {
      throw new CimError(ErrorCodes.NOT_A_MEMBER, `only members of group ${groupId} can add people: join it first`);
    }
    const adding = joining ? [callerId] : userIds;
    const users = await this.requireUsers(adding);
    // The join seq is read BEFORE the add, so a message racing with it (seq above the join seq,
    // pushed to the members read before the add) is one the new members still get by syncing the
    // conversation, never one they skip; a copy that also reaches them live is dropped by msgId.
    //
    // The same read makes this add the switch to a large group when it reaches the threshold:
    // largeFromSeq = join seq + 1. A send that reads the group after the switch stores its message
    // once, with a seq above the join seq, so at or past largeFromSeq. A send that read the group
    // just before the switch appends to the streams of the members it read, possibly with a seq at
    // or past largeFromSeq too. Nothing is skipped either way: a device with nothing of the group
    // syncs its conversation after max(join seq, largeFromSeq - 1), which covers every seq from
    // largeFromSeq on, and whatever came before is in its stream (or was before it joined). A
    // message may then reach a device both ways: it keeps the first and drops the second by msgId.
    const joinSeq = await this.store.messages.latestSeq(groupConversationId(groupId));
    const updated = await this.store.groups.addMembers(groupId, adding, this.maxMembers, {
      joinSeq,
      largeGroupMembers: this.largeGroupMembers,
    });
    // Only people who were not in it yet are news (a repeated add tells nobody anything).
    if (!joining)
      await this.announceAdded(
        caller,
        updated,
        distinct(users).filter((u) => !isMember(group, u.userId)),
      );
    return updated;
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

  private async requireUsers(userIds: string[]): Promise<UserRecord[]> {
    const users = await this.store.users.getByIds(userIds);
    const missing = userIds.filter((_, i) => !users[i]);
    if (missing.length) throw new CimError(ErrorCodes.USER_NOT_FOUND, `no user with id ${missing.join(', ')}`);
    return users as UserRecord[];
  }

  /** Stores "adder added …" in the group's conversation and pushes it to every member, the added too. */
  private async announceAdded(adder: Sender, group: GroupRecord, added: UserRecord[]): Promise<void> {
    if (added.length === 0) return;
    await saveAndPushToGroup(
      this.store,
      this.fanOut,
      {
        conversationId: groupConversationId(group.groupId),
        fromUserId: adder.uid,
        fromUserName: adder.name,
        to: { groupId: group.groupId },
        body: membersAddedText(adder.name, added),
        clientMsgId: `notice:${randomUUID()}`,
        notice: {
          kind: 'MEMBERS_ADDED',
          userIds: added.map((user) => user.userId),
          userNames: added.map((user) => user.userName),
        },
      },
      group,
    );
  }
}

/** "alice added bob, carol", naming the first few and counting the rest. */
export function membersAddedText(adderName: string, added: UserRecord[]): string {
  const names = added.slice(0, NAMES_IN_NOTICE).map((user) => user.userName);
  const more = added.length - names.length;
  return `${adderName} added ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function distinct(users: UserRecord[]): UserRecord[] {
  return [...new Map(users.map((user) => [user.userId, user])).values()];
}

function isMember(group: GroupRecord, userId: string): boolean {
  return group.memberIds.includes(userId);
}
