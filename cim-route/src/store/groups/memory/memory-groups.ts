import type { GroupStore, LargeMembership } from '../group-store.js';
import {
  byNumericId,
  groupFull,
  groupNotFound,
  joinSeqOf,
  newGroupId,
  reachesLarge,
  uniqueMembers,
} from '../groups.js';
import type { GroupOptions, GroupRecord, JoinOptions } from '../../types.js';
import { parseDecimal, requireLimit, requirePositiveInteger, requireUserIds } from '../../shared/validate.js';

interface StoredGroup {
  groupId: string;
  name: string;
  ownerId: string;
  createdAt: number;
  public: boolean;
  largeFromSeq?: string;
  /** Member → join seq. */
  members: Map<string, string>;
}

/**
 * Groups of the memory store, with the per-user index behind `groupsOf`. Everything runs
 * synchronously, so every change is atomic and the index always agrees with the groups.
 */
export class MemoryGroups implements GroupStore {
  private readonly groups = new Map<string, StoredGroup>();
  private readonly groupIdsByUser = new Map<string, Set<string>>();
  private readonly publicGroupIds = new Set<string>();

  constructor(private readonly now: () => number) {}

  async create(ownerId: string, name: string, memberIds: string[], options: GroupOptions = {}): Promise<GroupRecord> {
    requireUserIds([ownerId, ...memberIds]);
    let groupId = newGroupId();
    while (this.groups.has(groupId)) groupId = newGroupId();
    const group: StoredGroup = {
      groupId,
      name,
      ownerId,
      createdAt: this.now(),
      public: options.public === true,
      members: new Map(),
    };
    const members = uniqueMembers(ownerId, memberIds);
    if (reachesLarge(members.length, options.largeGroupMembers)) group.largeFromSeq = '1';
    this.groups.set(groupId, group);
    if (group.public) this.publicGroupIds.add(groupId);
    this.addTo(group, members, '0');
    return recordOf(group);
  }

  async get(groupId: string): Promise<GroupRecord | null> {
    const group = this.groups.get(groupId);
    return group === undefined ? null : recordOf(group);
  }

  async groupsOf(userId: string): Promise<GroupRecord[]> {
    const groupIds = [...(this.groupIdsByUser.get(userId) ?? [])].sort(byNumericId);
    return groupIds.map((groupId) => recordOf(this.groups.get(groupId)!));
  }

  async publicGroups(afterGroupId: string | undefined, limit: number): Promise<GroupRecord[]> {
    requireLimit(limit);
    const after = afterGroupId === undefined ? 0 : parseDecimal('afterGroupId', afterGroupId);
    const groupIds = [...this.publicGroupIds].filter((groupId) => Number(groupId) > after);
    return groupIds
      .sort(byNumericId)
      .slice(0, limit)
      .map((groupId) => recordOf(this.groups.get(groupId)!));
  }

  async addMembers(
    groupId: string,
    userIds: string[],
    maxMembers: number,
    options: JoinOptions = {},
  ): Promise<GroupRecord> {
    requireUserIds(userIds);
    requirePositiveInteger('maxMembers', maxMembers);
    const joinSeq = joinSeqOf(options);
    const group = this.groups.get(groupId);
    if (group === undefined) throw groupNotFound(groupId);
    const joining = new Set(userIds.filter((userId) => !group.members.has(userId)));
    if (group.members.size + joining.size > maxMembers) throw groupFull(groupId, maxMembers);
    this.addTo(group, [...joining], joinSeq);
    if (group.largeFromSeq === undefined && reachesLarge(group.members.size, options.largeGroupMembers)) {
      group.largeFromSeq = String(Number(joinSeq) + 1);
    }
    return recordOf(group);
  }

  async largeMembershipsOf(userId: string): Promise<LargeMembership[]> {
    const groupIds = [...(this.groupIdsByUser.get(userId) ?? [])].sort(byNumericId);
    return groupIds.flatMap((groupId) => {
      const { largeFromSeq, members } = this.groups.get(groupId)!;
      const joinSeq = members.get(userId);
      return largeFromSeq === undefined || joinSeq === undefined ? [] : [{ groupId, joinSeq, largeFromSeq }];
    });
  }

  async joinSeq(groupId: string, userId: string): Promise<string | null> {
    return this.groups.get(groupId)?.members.get(userId) ?? null;
  }

  async removeMember(groupId: string, userId: string): Promise<GroupRecord | null> {
    const group = this.groups.get(groupId);
    if (group === undefined) return null;
    if (group.members.delete(userId)) this.unindex(userId, groupId);
    return recordOf(group);
  }

  async delete(groupId: string): Promise<boolean> {
    const group = this.groups.get(groupId);
    if (group === undefined) return false;
    this.groups.delete(groupId);
    this.publicGroupIds.delete(groupId);
    for (const userId of group.members.keys()) this.unindex(userId, groupId);
    return true;
  }

  private addTo(group: StoredGroup, userIds: string[], joinSeq: string): void {
    for (const userId of userIds) {
      group.members.set(userId, joinSeq);
      let groupIds = this.groupIdsByUser.get(userId);
      if (groupIds === undefined) {
        groupIds = new Set();
        this.groupIdsByUser.set(userId, groupIds);
      }
      groupIds.add(group.groupId);
    }
  }

  private unindex(userId: string, groupId: string): void {
    const groupIds = this.groupIdsByUser.get(userId);
    groupIds?.delete(groupId);
    if (groupIds?.size === 0) this.groupIdsByUser.delete(userId);
  }
}

function recordOf(group: StoredGroup): GroupRecord {
  const { members, largeFromSeq, ...rest } = group;
  return {
    ...rest,
    memberIds: [...members.keys()].sort(byNumericId),
    ...(largeFromSeq === undefined ? {} : { largeFromSeq }),
  };
}
