import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { CURSOR_SLOTS_PER_MS } from '../shared/cursor.js';
import { HISTORY_TRIM_BUDGET } from '../defaults.js';

export type RedisClient = Redis | Cluster;

/**
 * Lua scripts for the steps that must be atomic. Each touches only keys of one hash slot (see
 * redis-keys.ts). Cursors are doubles in Lua; `fmt` prints them as integers, because Lua's own
 * `tostring` switches to exponent notation above 10^14.
 */
const FMT = `local function fmt(n) return string.format('%.0f', n) end`;

/**
 * Drops stream entries older than the horizon; returns the highest cursor ever dropped and the
 * stream's last cursor. With a slack (appends), a stream checked less than that long ago is left
 * alone: old entries may outlive the retention by that much, which only keeps them readable a
 * little longer. Reads trim with no slack, so what they answer is exact.
 */
const TRIM = `
local function trim(stream, meta, horizon, slack)
  local state = redis.call('HMGET', meta, 'last', 'trimmed', 'checked')
  local last = tonumber(state[1] or '0')
  local trimmed = tonumber(state[2] or '0')
  if slack > 0 and horizon <= tonumber(state[3] or '0') + slack then return trimmed, last end
  local dropped = trimmed
  if last < horizon then
    dropped = last
  else
    local older = redis.call('ZREVRANGEBYSCORE', stream, '(' .. fmt(horizon), '-inf', 'WITHSCORES', 'LIMIT', 0, 1)
    if older[2] then dropped = tonumber(older[2]) end
  end
  if slack > 0 then redis.call('HSET', meta, 'checked', fmt(horizon)) end
  if dropped <= trimmed then return trimmed, last end
  redis.call('ZREMRANGEBYSCORE', stream, '-inf', '(' .. fmt(horizon))
  redis.call('HSET', meta, 'trimmed', fmt(dropped))
  return dropped, last
end`;

/** How stale an append may leave a stream's trimming: a minute, in cursor units (see cursor.ts). */
const APPEND_TRIM_SLACK = 60_000 * CURSOR_SLOTS_PER_MS;

const LIVE_COUNT = `
local function liveCount(sessions, now)
  local count = 0
  for _, json in ipairs(redis.call('HVALS', sessions)) do
    if cjson.decode(json).expiresAt > now then count = count + 1 end
  end
  return count
end`;

/** A group as one reply: its record JSON, then its member ids in numeric order; nil if it does not exist. */
const GROUP = `
local function group(record, members)
  local json = redis.call('GET', record)
  if not json then return false end
  local reply = redis.call('ZRANGE', members, 0, -1)
  table.insert(reply, 1, json)
  return reply
end`;

/**
 * Appends msgId to one recipient's stream at cursor max(last + 1, now × 1024), trims the stream by
 * retention and moves the conversation to the top of the recipient's list. Appending a message
 * that is already there returns its cursor, so a resumed save is harmless.
 */
const APPEND = `
local function append(stream, meta, conversations, msgId, nowSlot, horizon, ttl, conversationId)
  local existing = redis.call('ZSCORE', stream, msgId)
  if existing then return fmt(tonumber(existing)) end
  local _, last = trim(stream, meta, tonumber(horizon), ${APPEND_TRIM_SLACK})
  local cursor = fmt(math.max(last + 1, tonumber(nowSlot)))
  redis.call('ZADD', stream, cursor, msgId)
  redis.call('HSET', meta, 'last', cursor)
  redis.call('PEXPIRE', stream, ttl)
  redis.call('ZADD', conversations, 'GT', cursor, conversationId)
  return cursor
end`;

/**
 * Indexes a message in its conversation's history by seq (again is harmless) and drops a few of
 * the oldest entries whose messages have expired by now (members are \`<msgId>:<ts>\`).
 */
const INDEX_HISTORY = `
local function indexHistory(history, seq, member, horizonTs, ttl)
  redis.call('ZADD', history, seq, member)
  for _, old in ipairs(redis.call('ZRANGE', history, 0, ${HISTORY_TRIM_BUDGET - 1})) do
    if tonumber(string.match(old, ':(%d+)$')) >= tonumber(horizonTs) then break end
    redis.call('ZREM', history, old)
  end
  redis.call('PEXPIRE', history, ttl)
end`;

const definitions = {
  /**
   * KEYS: sessions. ARGV: deviceId, session JSON, ttlMs. Stores the session, returns the JSON it
   * replaced (or nil) and makes the hash live at least as long as its newest session.
   */
  cimStorePutSession: {
    numberOfKeys: 1,
    lua: `
local replaced = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local ttl = tonumber(ARGV[3])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return replaced`,
  },
  /**
   * KEYS: sessions. ARGV: deviceId, sessionId, now. Deletes the device's session only if it is
   * still that sessionId; returns -1 when it was not, else how many unexpired sessions remain.
   */
  cimStoreRemoveSessionIf: {
    numberOfKeys: 1,
    lua: `${LIVE_COUNT}
local json = redis.call('HGET', KEYS[1], ARGV[1])
if not json or cjson.decode(json).sessionId ~= ARGV[2] then return -1 end
redis.call('HDEL', KEYS[1], ARGV[1])
return liveCount(KEYS[1], tonumber(ARGV[3]))`,
  },
  /**
   * KEYS: sessions. ARGV: deviceId, sessionId, now, 'attach' | 'detach', connectionId, serverId,
   * endedIfDetachedBefore. Moves the device's session to a connection (attach) or off its current
   * one (detach) while it is still that sessionId and unexpired; returns the session JSON after the
   * move, or nil when nothing moved (see RouteStore.moveSession).
   */
  cimStoreMoveSession: {
    numberOfKeys: 1,
    lua: `
local json = redis.call('HGET', KEYS[1], ARGV[1])
if not json then return false end
local session = cjson.decode(json)
local now = tonumber(ARGV[3])
if session.sessionId ~= ARGV[2] or session.expiresAt <= now then return false end
if ARGV[4] == 'attach' then
  if session.detachedAt and session.detachedAt < tonumber(ARGV[7]) then return false end
  session.serverId = ARGV[6]
  session.connectionId = ARGV[5]
  session.detachedAt = nil
else
  if session.connectionId ~= ARGV[5] then return false end
  session.connectionId = nil
  session.detachedAt = now
end
json = cjson.encode(session)
redis.call('HSET', KEYS[1], ARGV[1], json)
return json`,
  },
  /** KEYS: key. ARGV: value, ttlMs. Returns the value already there, or sets it and returns nil. */
  cimStoreClaim: {
    numberOfKeys: 1,
    lua: `
local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`,
  },
  /**
   * KEYS: conversation seq counter, seq-of-this-message. ARGV: ttlMs. Gives the message the next
   * seq once; asked again for the same message, returns the same seq.
   */
  cimStoreAssignSeq: {
    numberOfKeys: 2,
    lua: `
local seq = redis.call('GET', KEYS[2])
if seq then return seq end
seq = redis.call('INCR', KEYS[1])
redis.call('SET', KEYS[2], seq, 'PX', ARGV[1])
return tostring(seq)`,
  },
  /**
   * KEYS: (stream, stream meta, conversation list) per recipient, all in one slot. ARGV: msgId,
   * now × 1024, horizon, stream ttlMs, conversationId. Appends the message to every stream (see
   * APPEND); returns the cursors in the order of the recipients.
   */
  cimStoreAppendMany: {
    lua: `${FMT}${TRIM}${APPEND}
local cursors = {}
for i = 1, #KEYS, 3 do
  cursors[#cursors + 1] = append(KEYS[i], KEYS[i + 1], KEYS[i + 2], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5])
end
return cursors`,
  },
  /**
   * The whole save of a message in one atomic step, for a single Redis (the keys span slots).
   * KEYS: sent record, message, conversation seq, history, the sender's read seqs, then (stream,
   * stream meta, conversation list) per recipient. ARGV: msgId, message JSON without seq, idempotency ttlMs, message ttlMs,
   * now × 1024, stream horizon, history member, history horizon ts, conversationId, then the
   * recipients' user ids.
   * Returns {'duplicate', sent record} when the clientMsgId was used before, else
   * {'stored', seq, cursor per recipient…}.
   */
  cimStoreSaveMessage: {
    lua: `${FMT}${TRIM}${APPEND}${INDEX_HISTORY}
local earlier = redis.call('GET', KEYS[1])
if earlier then return {'duplicate', earlier} end
local seq = tostring(redis.call('INCR', KEYS[3]))
local message = '{"seq":"' .. seq .. '",' .. string.sub(ARGV[2], 2)
redis.call('SET', KEYS[2], message, 'PX', ARGV[4])
indexHistory(KEYS[4], seq, ARGV[7], ARGV[8], ARGV[4])
redis.call('HSET', KEYS[5], ARGV[9], seq)
local reply = {'stored', seq}
local cursors = {}
for i = 6, #KEYS, 3 do
  local cursor = append(KEYS[i], KEYS[i + 1], KEYS[i + 2], ARGV[1], ARGV[5], ARGV[6], ARGV[4], ARGV[9])
  reply[#reply + 1] = cursor
  cursors[#cursors + 1] = cjson.encode(ARGV[10 + (i - 6) / 3]) .. ':"' .. cursor .. '"'
end
redis.call('SET', KEYS[1], '{"answer":{"message":' .. message .. ',"cursors":{' .. table.concat(cursors, ',') .. '}}}', 'PX', ARGV[3])
return reply`,
  },
  /**
   * KEYS: stream, stream meta. ARGV: after, count, horizon. Trims by retention, then returns nil
   * when entries after `after` were dropped (never for after = 0: a device with nothing yet takes
   * everything still kept), else [msgId, cursor, …] of up to count entries.
   */
  cimStoreReadStream: {
    numberOfKeys: 2,
    lua: `${FMT}${TRIM}
local trimmed = trim(KEYS[1], KEYS[2], tonumber(ARGV[3]), 0)
if tonumber(ARGV[1]) > 0 and tonumber(ARGV[1]) < trimmed then return false end
local rows = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf', 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[2]))
for i = 2, #rows, 2 do rows[i] = fmt(tonumber(rows[i])) end
return rows`,
  },
  /**
   * KEYS: stream, stream meta. ARGV: cursor. Drops the entries up to and including the cursor and
   * records them as trimmed, as retention would: readers behind it are told their cursor expired.
   */
  cimStoreDropThrough: {
    numberOfKeys: 2,
    lua: `${FMT}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local trimmed = tonumber(redis.call('HGET', KEYS[2], 'trimmed') or '0')
if tonumber(ARGV[1]) > trimmed then redis.call('HSET', KEYS[2], 'trimmed', fmt(tonumber(ARGV[1]))) end`,
  },
  /** KEYS: history. ARGV: seq, member, horizon ts, ttlMs (see INDEX_HISTORY). */
  cimStoreIndexHistory: {
    numberOfKeys: 1,
    lua: `${INDEX_HISTORY}
indexHistory(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])`,
  },
  /** KEYS: session hashes, all in one slot. Returns each hash's session JSONs (HVALS), in order. */
  cimStoreSessionsOf: {
    lua: `
local found = {}
for i, key in ipairs(KEYS) do found[i] = redis.call('HVALS', key) end
return found`,
  },
  /** KEYS: hash. ARGV: field, value. Raises the field to value if that is higher; returns the value before ("0"). */
  cimStoreRaise: {
    numberOfKeys: 1,
    lua: `
local previous = redis.call('HGET', KEYS[1], ARGV[1]) or '0'
if tonumber(ARGV[2]) > tonumber(previous) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return previous`,
  },
  /** KEYS: group record, members. ARGV: record JSON, member ids. Returns 0 if the id is taken, else 1. */
  cimStoreCreateGroup: {
    numberOfKeys: 2,
    lua: `
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
for i = 2, #ARGV do redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i]) end
return 1`,
  },
  /** KEYS: group record, members. Returns the group (see GROUP). */
  cimStoreReadGroup: {
    numberOfKeys: 2,
    lua: `${GROUP}
return group(KEYS[1], KEYS[2])`,
  },
  /**
   * KEYS: group record, members. ARGV: maxMembers, distinct user ids. Adds every user who is not a
   * member yet, or nobody: returns nil when the group does not exist, the member count when the
   * new members would not fit, else the group after.
   */
  cimStoreAddGroupMembers: {
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
  cimStoreRemoveGroupMember: {
    numberOfKeys: 2,
    lua: `${GROUP}
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
redis.call('ZREM', KEYS[2], ARGV[1])
return group(KEYS[1], KEYS[2])`,
  },
  /** KEYS: group record, members. Deletes the group; returns who its members were, or nil if it did not exist. */
  cimStoreDeleteGroup: {
    numberOfKeys: 2,
    lua: `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local members = redis.call('ZRANGE', KEYS[2], 0, -1)
redis.call('DEL', KEYS[1], KEYS[2])
return members`,
  },
  /**
   * KEYS: bucket. ARGV: burst, tokens per ms, cost, now. A token bucket (the same arithmetic as
   * memory-token-buckets.ts): returns {1, 0} when it took `cost` tokens (a negative cost gives
   * them back), else {0, ms until there are enough}. The key lives until the bucket is full again.
   */
  cimStoreTakeTokens: {
    numberOfKeys: 1,
    lua: `
local burst, perMs, cost, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens, at = burst, now
if state[1] then
  at = math.max(now, tonumber(state[2]))
  tokens = math.min(burst, tonumber(state[1]) + (at - tonumber(state[2])) * perMs)
end
if cost > 0 and tokens < cost then return {0, math.ceil((cost - tokens) / perMs)} end
tokens = math.min(burst, tokens - cost)
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', at))
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((burst - tokens) / perMs)))
return {1, 0}`,
  },
  /** KEYS: queue, messages. ARGV: key, deliverAt, JSON. Returns 0 if the key is already scheduled, else 1. */
  cimStoreSchedule: {
    numberOfKeys: 2,
    lua: `
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[3]) == 0 then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
return 1`,
  },
  /** KEYS: queue, messages. ARGV: now, count. JSON of up to count messages due by now, soonest first. */
  cimStoreDueScheduled: {
    numberOfKeys: 2,
    lua: `
local due = {}
for i, key in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))) do
  due[i] = redis.call('HGET', KEYS[2], key)
end
return due`,
  },
  /** KEYS: queue, messages. ARGV: key. */
  cimStoreUnschedule: {
    numberOfKeys: 2,
    lua: `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])`,
  },
} as const;

type ScriptName = keyof typeof definitions;

const shas = new Map<string, string>();
function shaOf(lua: string): string {
  let sha = shas.get(lua);
  if (sha === undefined) shas.set(lua, (sha = createHash('sha1').update(lua).digest('hex')));
  return sha;
}
type ScriptCall = (...keysAndArgs: (string | number)[]) => Promise<unknown>;

/** Typed calls of the store's scripts; ioredis runs them with EVALSHA, falling back to EVAL. */
export interface StoreScripts {
  putSession(sessions: string, deviceId: string, json: string, ttlMs: number): Promise<string | null>;
  removeSessionIf(sessions: string, deviceId: string, sessionId: string, now: number): Promise<number>;
  moveSession(
    sessions: string,
    deviceId: string,
    sessionId: string,
    now: number,
    kind: 'attach' | 'detach',
    connectionId: string,
    serverId: string,
    endedIfDetachedBefore: number,
  ): Promise<string | null>;
  claim(key: string, value: string, ttlMs: number): Promise<string | null>;
  assignSeq(counter: string, seqOfMessage: string, ttlMs: number): Promise<string>;
  /** `streamKeys`: (stream, stream meta, conversation list) per recipient, in one slot. */
  appendMany(
    streamKeys: string[],
    msgId: string,
    nowSlot: number,
    horizon: number,
    ttlMs: number,
    conversationId: string,
  ): Promise<string[]>;
  /** See cimStoreSaveMessage. */
  saveMessage(
    keys: string[],
    args: (string | number)[],
  ): Promise<['duplicate', string] | ['stored', string, ...string[]]>;
  sessionsOf(sessionKeys: string[]): Promise<string[][]>;
  readStream(stream: string, meta: string, after: string, count: number, horizon: number): Promise<string[] | null>;
  dropThrough(stream: string, meta: string, cursor: string): Promise<null>;
  indexHistory(history: string, seq: string, member: string, horizonTs: number, ttlMs: number): Promise<null>;
  raise(hash: string, field: string, value: string): Promise<string>;
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
  schedule(queue: string, messages: string, key: string, deliverAt: number, json: string): Promise<number>;
  dueScheduled(queue: string, messages: string, now: number, count: number): Promise<(string | null)[]>;
  unschedule(queue: string, messages: string, key: string): Promise<null>;
  /** [1, 0] when taken, [0, ms to wait] when not. */
  takeTokens(bucket: string, burst: number, perMs: number, cost: number, now: number): Promise<[number, number]>;
}

/**
 * Registers the scripts on the client (names prefixed `cimStore`, so they do not collide with a
 * caller's own commands on a shared client) and returns typed functions that call them.
 */
export function defineStoreScripts(client: RedisClient): StoreScripts {
  const commands = client as unknown as Record<ScriptName, ScriptCall>;
  const run = <T>(name: ScriptName, ...keysAndArgs: (string | number)[]) =>
    commands[name].apply(client, keysAndArgs) as Promise<T>;
  for (const [name, definition] of Object.entries(definitions)) {
    if ('numberOfKeys' in definition) client.defineCommand(name, definition);
  }
  // Scripts with a variable number of keys go through EVALSHA itself: ioredis's own script
  // commands would route them on a cluster by their first argument, which is the key count.
  const runWithKeys = async <T>(name: ScriptName, keys: string[], args: (string | number)[]): Promise<T> => {
    const { lua } = definitions[name];
    try {
      return (await client.evalsha(shaOf(lua), keys.length, ...keys, ...args)) as T;
    } catch (err) {
      if (!(err as Error).message.includes('NOSCRIPT')) throw err;
      return (await client.eval(lua, keys.length, ...keys, ...args)) as T;
    }
  };
  return {
    putSession: (...a) => run('cimStorePutSession', ...a),
    removeSessionIf: (...a) => run('cimStoreRemoveSessionIf', ...a),
    moveSession: (...a) => run('cimStoreMoveSession', ...a),
    claim: (...a) => run('cimStoreClaim', ...a),
    assignSeq: (...a) => run('cimStoreAssignSeq', ...a),
    appendMany: (keys, ...args) => runWithKeys('cimStoreAppendMany', keys, args),
    saveMessage: (keys, args) => runWithKeys('cimStoreSaveMessage', keys, args),
    sessionsOf: (keys) => runWithKeys('cimStoreSessionsOf', keys, []),
    readStream: (...a) => run('cimStoreReadStream', ...a),
    dropThrough: (...a) => run('cimStoreDropThrough', ...a),
    indexHistory: (...a) => run('cimStoreIndexHistory', ...a),
    raise: (...a) => run('cimStoreRaise', ...a),
    createGroup: (...a) => run('cimStoreCreateGroup', ...a),
    readGroup: (...a) => run('cimStoreReadGroup', ...a),
    addGroupMembers: (...a) => run('cimStoreAddGroupMembers', ...a),
    removeGroupMember: (...a) => run('cimStoreRemoveGroupMember', ...a),
    deleteGroup: (...a) => run('cimStoreDeleteGroup', ...a),
    schedule: (...a) => run('cimStoreSchedule', ...a),
    dueScheduled: (...a) => run('cimStoreDueScheduled', ...a),
    unschedule: (...a) => run('cimStoreUnschedule', ...a),
    takeTokens: (...a) => run('cimStoreTakeTokens', ...a),
  };
}
