import type { ScriptDefinitions } from '../../redis/redis-scripts.js';

/**
 * A group as one reply: its record JSON, its largeFromSeq ('' while small), then its member ids in
 * numeric order; nil if it does not exist. KEYS of every group script: record, members, join seqs,
 * largeFromSeq (all in the group's slot).
 */
const GROUP = `
local function group(record, members, large)
  local json = redis.call('GET', record)
  if not json then return false end
  local reply = redis.call('ZRANGE', members, 0, -1)
  table.insert(reply, 1, redis.call('GET', large) or '')
  table.insert(reply, 1, json)
  return reply
end`;

/** Scripts of groups: a record, a member set, join seqs and largeFromSeq per group, in one slot. */
export interface GroupScripts {
  createGroup(
    record: string,
    members: string,
    joins: string,
    large: string,
    json: string,
    largeFromSeq: string,
    ...memberIds: string[]
  ): Promise<number>;
  /** [record JSON, largeFromSeq or '', member ids…], or null when there is no such group. */
  readGroup(record: string, members: string, joins: string, large: string): Promise<string[] | null>;
  /** The group after, null when there is no such group, the member count when the new ones do not fit. */
  addGroupMembers(
    record: string,
    members: string,
    joins: string,
    large: string,
    maxMembers: number,
    joinSeq: string,
    largeGroupMembers: number | '',
    ...userIds: string[]
  ): Promise<string[] | number | null>;
  /** The member's join seq, or null when it is not a member. */
  readJoinSeq(record: string, members: string, joins: string, large: string, userId: string): Promise<string | null>;
  /** [join seq, largeFromSeq] when the group is large and the user a member, else null. */
  readLargeMembership(
    record: string,
    members: string,
    joins: string,
    large: string,
    userId: string,
  ): Promise<[string, string] | null>;
  removeGroupMember(
    record: string,
    members: string,
    joins: string,
    large: string,
    userId: string,
  ): Promise<string[] | null>;
  /** The member ids it had, or null when there was no such group. */
  deleteGroup(record: string, members: string, joins: string, large: string): Promise<string[] | null>;
}

export const groupScripts: ScriptDefinitions<GroupScripts> = {
  /**
   * ARGV: record JSON, largeFromSeq ('' for a small group), member ids (who join at seq 0, which
   * needs no entry). Returns 0 if the id is taken, else 1.
   */
  createGroup: {
    numberOfKeys: 4,
    lua: `
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
if ARGV[2] ~= '' then redis.call('SET', KEYS[4], ARGV[2]) end
for i = 3, #ARGV do redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i]) end
return 1`,
  },
  /** Returns the group (see GROUP). */
  readGroup: {
    numberOfKeys: 4,
    lua: `${GROUP}
return group(KEYS[1], KEYS[2], KEYS[4])`,
  },
  /**
   * ARGV: maxMembers, join seq, large-group threshold ('' for none), distinct user ids. Adds every user
   * who is not a member yet, at that join seq, or nobody: returns nil when the group does not
   * exist, the member count when the new members would not fit, else the group after. A small
   * group that now reaches the threshold becomes large from join seq + 1, in the same step.
   */
  addGroupMembers: {
    numberOfKeys: 4,
    lua: `${GROUP}
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local joining = {}
for i = 4, #ARGV do
  if not redis.call('ZSCORE', KEYS[2], ARGV[i]) then table.insert(joining, ARGV[i]) end
end
local count = redis.call('ZCARD', KEYS[2])
if count + #joining > tonumber(ARGV[1]) then return count end
for _, id in ipairs(joining) do
  redis.call('ZADD', KEYS[2], id, id)
  if ARGV[2] ~= '0' then redis.call('HSET', KEYS[3], id, ARGV[2]) end
end
if ARGV[3] ~= '' and count + #joining >= tonumber(ARGV[3]) and redis.call('EXISTS', KEYS[4]) == 0 then
  redis.call('SET', KEYS[4], string.format('%.0f', tonumber(ARGV[2]) + 1))
end
return group(KEYS[1], KEYS[2], KEYS[4])`,
  },
  /** ARGV: user id. Returns the member's join seq ('0' without an entry), or nil if it is not a member. */
  readJoinSeq: {
    numberOfKeys: 4,
    lua: `
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then return false end
return redis.call('HGET', KEYS[3], ARGV[1]) or '0'`,
  },
  /** ARGV: user id. Reads neither the record nor the member list. */
  readLargeMembership: {
    numberOfKeys: 4,
    lua: `
local large = redis.call('GET', KEYS[4])
if not large or large == '' then return false end
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then return false end
return {redis.call('HGET', KEYS[3], ARGV[1]) or '0', large}`,
  },
  /** ARGV: user id. Returns the group after, or nil if it does not exist. */
  removeGroupMember: {
    numberOfKeys: 4,
    lua: `${GROUP}
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return group(KEYS[1], KEYS[2], KEYS[4])`,
  },
  /** Deletes the group; returns who its members were, or nil if it did not exist. */
  deleteGroup: {
    numberOfKeys: 4,
    lua: `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local members = redis.call('ZRANGE', KEYS[2], 0, -1)
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
return members`,
  },
};
