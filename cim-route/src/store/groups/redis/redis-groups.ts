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
import type { RedisKeys } from '../../redis/redis-keys.js';
import type { RedisClient } from '../../redis/redis-scripts.js';
import type { GroupScripts } from './group-scripts.js';
import type { GroupOptions, GroupRecord, JoinOptions } from '../../types.js';
import { parseDecimal, requireLimit, requirePositiveInteger, requireUserIds } from '../../shared/validate.js';

/**
 * Groups in Redis. A group's record and members share a slot, so each change to a group is one
 * script. The per-user indexes behind `groupsOf` live in the users' slots and are written around
 * that script so they may list a group the user is not in, but never miss one the user is in:
 *
 * - adding writes the index entries before the change, so a route dying mid-way leaves an extra
 *   entry rather than a missing one, and again after it, restoring an entry that a concurrent
 *   clean-up removed while the change was in flight;
 * - every clean-up removes an entry first and then puts it back if the user is a member, so it
 *   either sees a concurrent add or runs before that add's second index write.
 *
 * `groupsOf` shows only groups that exist and list the user, and cleans up the other entries.
 *
 * The index of public groups is written before a group is created and cleaned after it is deleted,
 * so it too may list a group that is gone (`publicGroups` skips it), never miss a public one.
 */
export class RedisGroups implements GroupStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
    private readonly scripts: GroupScripts,
    private readonly now: () => number,
  ) {}

  async create(ownerId: string, name: string, memberIds: string[], options: GroupOptions = {}): Promise<GroupRecord> {
    requireUserIds([ownerId, ...memberIds]);
    const members = uniqueMembers(ownerId, memberIds).sort(byNumericId);
    for (;;) {
      const record = { groupId: newGroupId(), name, ownerId, createdAt: this.now(), public: options.public === true };
      const { groupId } = record;
      if (record.public) await this.client.zadd(this.keys.publicGroups, groupId, groupId);
      await this.index(groupId, members);
      const largeFromSeq = reachesLarge(members.length, options.largeGroupMembers) ? '1' : '';
      const created = await this.scripts.createGroup(
        ...this.groupKeys(groupId),
        JSON.stringify(record),
        largeFromSeq,
        ...members,
      );
      if (created === 1) {
        await this.index(groupId, members);
        return { ...record, memberIds: members, ...(largeFromSeq ? { largeFromSeq } : {}) };
      }
      // The random id is taken (rare): undo the index entries this attempt added, then draw again.
      await this.unindexUnlessMember(groupId, members);
      if (record.public) await this.unlistUnlessPublic(groupId);
    }
  }

  async get(groupId: string): Promise<GroupRecord | null> {
    const reply = await this.scripts.readGroup(...this.groupKeys(groupId));
    return reply === null ? null : groupOf(reply);
  }

  async groupsOf(userId: string): Promise<GroupRecord[]> {
    const groupIds = await this.client.zrange(this.keys.groupsOf(userId), 0, '-1');
    const groups = await Promise.all(groupIds.map((groupId) => this.get(groupId)));
    const listsUser = groups.map((group) => group !== null && group.memberIds.includes(userId));
    const stale = groupIds.filter((_, i) => !listsUser[i]);
    await Promise.all(stale.map((groupId) => this.unindexUnlessMember(groupId, [userId])));
    return groups.filter((group, i): group is GroupRecord => listsUser[i]);
  }

  async publicGroups(afterGroupId: string | undefined, limit: number): Promise<GroupRecord[]> {
    requireLimit(limit);
    let after = afterGroupId === undefined ? '-inf' : `(${parseDecimal('afterGroupId', afterGroupId)}`;
    const page: GroupRecord[] = [];
    // A listed group may be gone (see above): read on until the page is full or the index ends.
    while (page.length < limit) {
      const groupIds = await this.client.zrangebyscore(
        this.keys.publicGroups,
        after,
        '+inf',
        'LIMIT',
        0,
        limit - page.length,
      );
      if (groupIds.length === 0) break;
      const groups = await Promise.all(groupIds.map((groupId) => this.get(groupId)));
      page.push(...groups.filter((group): group is GroupRecord => group !== null));
      after = `(${groupIds[groupIds.length - 1]}`;
    }
    return page;
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
    const joining = [...new Set(userIds)];
    await this.index(groupId, joining);
    const reply = await this.scripts.addGroupMembers(
      ...this.groupKeys(groupId),
      maxMembers,
      joinSeq,
      largeThreshold(options.largeGroupMembers),
      ...joining,
    );
    if (reply === null || typeof reply === 'number') {
      await this.unindexUnlessMember(groupId, joining);
      throw reply === null ? groupNotFound(groupId) : groupFull(groupId, maxMembers);
    }
    await this.index(groupId, joining);
    return groupOf(reply);
  }

  async largeMembershipsOf(userId: string): Promise<LargeMembership[]> {
    const groupIds = await this.client.zrange(this.keys.groupsOf(userId), 0, '-1');
    const replies = await Promise.all(
      groupIds.map((groupId) => this.scripts.readLargeMembership(...this.groupKeys(groupId), userId)),
    );
    return groupIds.flatMap((groupId, i) => {
      const reply = replies[i];
      return reply === null ? [] : [{ groupId, joinSeq: reply[0], largeFromSeq: reply[1] }];
    });
  }

  joinSeq(groupId: string, userId: string): Promise<string | null> {
    return this.scripts.readJoinSeq(...this.groupKeys(groupId), userId);
  }

  async removeMember(groupId: string, userId: string): Promise<GroupRecord | null> {
    const reply = await this.scripts.removeGroupMember(...this.groupKeys(groupId), userId);
    await this.unindexUnlessMember(groupId, [userId]);
    return reply === null ? null : groupOf(reply);
  }

  async delete(groupId: string): Promise<boolean> {
    const memberIds = await this.scripts.deleteGroup(...this.groupKeys(groupId));
    if (memberIds === null) return false;
    await this.client.zrem(this.keys.publicGroups, groupId);
    await this.unindexUnlessMember(groupId, memberIds);
    return true;
  }

  /** The keys of one group, in the order every group script takes them. */
  private groupKeys(groupId: string): [string, string, string, string] {
    return [
      this.keys.group(groupId),
      this.keys.groupMembers(groupId),
      this.keys.groupJoins(groupId),
      this.keys.groupLargeFrom(groupId),
    ];
  }

  private async index(groupId: string, userIds: string[]): Promise<void> {
    // Each user's index is in its own cluster slot; auto-pipelining sends these together.
    await Promise.all(userIds.map((userId) => this.client.zadd(this.keys.groupsOf(userId), groupId, groupId)));
  }

  private async unlistUnlessPublic(groupId: string): Promise<void> {
    await this.client.zrem(this.keys.publicGroups, groupId);
    if ((await this.get(groupId))?.public) await this.client.zadd(this.keys.publicGroups, groupId, groupId);
  }

  private async unindexUnlessMember(groupId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await Promise.all(userIds.map((userId) => this.client.zrem(this.keys.groupsOf(userId), groupId)));
    const scores = await this.client.zmscore(this.keys.groupMembers(groupId), ...userIds);
    const members = userIds.filter((_, i) => scores[i] !== null);
    await this.index(groupId, members);
  }
}

/**
 * A group from a script's reply: its record JSON, its largeFromSeq ('' while small), then its
 * member ids in numeric order. Records written before groups could be public have no `public`
 * field: they are private.
 */
function groupOf([json, largeFromSeq, ...memberIds]: string[]): GroupRecord {
  const record = JSON.parse(json) as Omit<GroupRecord, 'memberIds'>;
  return { ...record, public: record.public === true, memberIds, ...(largeFromSeq ? { largeFromSeq } : {}) };
}

/** The large-group threshold as the add script takes it: '' when there is none (undefined, or infinite). */
function largeThreshold(largeGroupMembers: number | undefined): number | '' {
  return largeGroupMembers !== undefined && Number.isFinite(largeGroupMembers) ? largeGroupMembers : '';
}
