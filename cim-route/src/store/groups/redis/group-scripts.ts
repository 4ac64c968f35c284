import type { ScriptDefinitions } from '../../redis/redis-scripts.js';

/** A group as one reply: its record JSON, then its member ids in numeric order; nil if it does not exist. */
const GROUP = `
local function group(record, members)
  local json = redis.call('GET', record)
  if not json then return false end
  local reply = redis.call('ZRANGE', members, 0, -1)
  table.insert(reply, 1, json)
  return reply
end`;

/** Scripts of groups: a record and a member set per group, in one slot. */
export interface GroupScripts {
  createGroup(record: string, members: string, json: string, ...memberIds: string[]): Promise<number>;
  /** [record JSON, member ids…], or null when there is no such group. */
  readGroup(record: string, members: string): Promise<string[] | null>;
  /** The group after, null when there is no such group, the member count when the new ones do not fit. */
  addGroupMembers(
    record: string,
    members: string,
    maxMembers: number,
    ...userIds: string[]
  ): Promise<string[] | number | null>;
  removeGroupMember(record: string, members: string, userId: string): Promise<string[] | null>;
  /** The member ids it had, or null when there was no such group. */
  deleteGroup(record: string, members: string): Promise<string[] | null>;
}

export const groupScripts: ScriptDefinitions<GroupScripts> = {
  /** KEYS: group record, members. ARGV: record JSON, member ids. Returns 0 if the id is taken, else 1. */
  createGroup: {
    numberOfKeys: 2,
    lua: `
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
for i = 2, #ARGV do redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i]) end
return 1`,
  },
  /** KEYS: group record, members. Returns the group (see GROUP). */
  readGroup: {
    numberOfKeys: 2,
    lua: `${GROUP}
return group(KEYS[1], KEYS[2])`,
  },
  /**
   * KEYS: group record, members. ARGV: maxMembers, distinct user ids. Adds every user who is not a
   * member yet, or nobody: returns nil when the group does not exist, the member count when the
   * new members would not fit, else the group after.
   */
  addGroupMembers: {
    numberOfKeys: 2,
    lua: `${GROUP}
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local joining = {}
for i = 2, #ARGV do
  if not redis.call('ZSCORE', KEYS[2], ARGV[i]) then table.insert(joining, ARGV[i]) end
end
local count = redis.call('ZCARD', KEYS[2])
if count + #joining > tonumber(ARGV[1]) then return count end
for _, id in ipairs(joining) do redis.call('ZADD', KEYS[2], id, id) end
return group(KEYS[1], KEYS[2])`,
  },
  /** KEYS: group record, members. ARGV: user id. Returns the group after, or nil if it does not exist. */
  removeGroupMember: {
    numberOfKeys: 2,
    lua: `${GROUP}
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
redis.call('ZREM', KEYS[2], ARGV[1])
return group(KEYS[1], KEYS[2])`,
  },
  /** KEYS: group record, members. Deletes the group; returns who its members were, or nil if it did not exist. */
  deleteGroup: {
    numberOfKeys: 2,
    lua: `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local members = redis.call('ZRANGE', KEYS[2], 0, -1)
redis.call('DEL', KEYS[1], KEYS[2])
return members`,
  },
};
