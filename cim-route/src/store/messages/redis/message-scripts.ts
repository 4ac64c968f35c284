import { CURSOR_SLOTS_PER_MS } from '../../shared/cursor.js';
import { HISTORY_TRIM_BUDGET } from '../../defaults.js';
import type { ScriptDefinitions } from '../../redis/redis-scripts.js';

/**
 * Cursors are doubles in Lua; `fmt` prints them as integers, because Lua's own `tostring` switches
 * to exponent notation above 10^14.
 */
const FMT = `local function fmt(n) return string.format('%.0f', n) end`;

/**
 * Drops stream entries older than the horizon; returns the highest cursor ever dropped, the
 * stream's last cursor, and whether it looked (false: checked recently). With a slack (appends),
 * a stream checked less than that long ago is left alone: old entries may outlive the retention
 * by that much, which only keeps them readable a little longer. Reads trim with no slack, so what
 * they answer is exact.
 */
const TRIM = `
local function trim(stream, meta, horizon, slack)
  local state = redis.call('HMGET', meta, 'last', 'trimmed', 'checked')
  local last = tonumber(state[1] or '0')
  local trimmed = tonumber(state[2] or '0')
  if slack > 0 and horizon <= tonumber(state[3] or '0') + slack then return trimmed, last, false end
  local dropped = trimmed
  if last < horizon then
    dropped = last
  else
    local older = redis.call('ZREVRANGEBYSCORE', stream, '(' .. fmt(horizon), '-inf', 'WITHSCORES', 'LIMIT', 0, 1)
    if older[2] then dropped = tonumber(older[2]) end
  end
  if slack > 0 then redis.call('HSET', meta, 'checked', fmt(horizon)) end
  if dropped <= trimmed then return trimmed, last, true end
  redis.call('ZREMRANGEBYSCORE', stream, '-inf', '(' .. fmt(horizon))
  redis.call('HSET', meta, 'trimmed', fmt(dropped))
  return dropped, last, true
end`;

/** How stale an append may leave a stream's trimming and expiry: a minute. */
const APPEND_TRIM_SLACK_MS = 60_000;
/** The same in cursor units (see cursor.ts). */
const APPEND_TRIM_SLACK = APPEND_TRIM_SLACK_MS * CURSOR_SLOTS_PER_MS;

/**
 * Appends msgId to one recipient's stream at cursor max(last + 1, now × 1024), trims the stream by
 * retention and moves the conversation to the top of the recipient's list. Appending a message
 * that is already there returns its cursor, so a resumed save is harmless.
 *
 * The stream's expiry is pushed out with its retention check, at most once a minute, to the ttl
 * plus that minute: every append made until the next check is then still covered for its full ttl,
 * without an expiry command per append.
 */
const APPEND = `
local function append(stream, meta, conversations, msgId, nowSlot, horizon, ttl, conversationId)
  local existing = redis.call('ZSCORE', stream, msgId)
  if existing then return fmt(tonumber(existing)) end
  local _, last, checked = trim(stream, meta, tonumber(horizon), ${APPEND_TRIM_SLACK})
  local cursor = fmt(math.max(last + 1, tonumber(nowSlot)))
  redis.call('ZADD', stream, cursor, msgId)
  redis.call('HSET', meta, 'last', cursor)
  if checked then redis.call('PEXPIRE', stream, tonumber(ttl) + ${APPEND_TRIM_SLACK_MS}) end
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

/**
 * Saves one message, its keys from KEYS[k] and its arguments from ARGV[a], with n recipients.
 * KEYS: sent record, message, conversation seq, history, the sender's read seqs, then (stream,
 * stream meta, conversation list) per recipient. ARGV: msgId, message JSON without seq,
 * idempotency ttlMs, message ttlMs, now × 1024, stream horizon, history member, history horizon
 * ts, conversationId, then the recipients' user ids.
 */
const SAVE_ONE = `${FMT}${TRIM}${APPEND}${INDEX_HISTORY}
local function saveOne(k, a, n)
  local earlier = redis.call('GET', KEYS[k])
  if earlier then return {'duplicate', earlier} end
  local seq = tostring(redis.call('INCR', KEYS[k + 2]))
  local message = '{"seq":"' .. seq .. '",' .. string.sub(ARGV[a + 1], 2)
  redis.call('SET', KEYS[k + 1], message, 'PX', ARGV[a + 3])
  indexHistory(KEYS[k + 3], seq, ARGV[a + 6], ARGV[a + 7], ARGV[a + 3])
  redis.call('HSET', KEYS[k + 4], ARGV[a + 8], seq)
  local reply = {'stored', seq}
  local cursors = {}
  for r = 0, n - 1 do
    local i = k + 5 + 3 * r
    local cursor = append(KEYS[i], KEYS[i + 1], KEYS[i + 2], ARGV[a], ARGV[a + 4], ARGV[a + 5], ARGV[a + 3], ARGV[a + 8])
    reply[#reply + 1] = cursor
    cursors[#cursors + 1] = cjson.encode(ARGV[a + 9 + r]) .. ':"' .. cursor .. '"'
  end
  redis.call('SET', KEYS[k], '{"answer":{"message":' .. message .. ',"cursors":{' .. table.concat(cursors, ',') .. '}}}', 'PX', ARGV[a + 2])
  return reply
end`;

/** What one atomic save answers: the earlier sent record, or the seq and each recipient's cursor. */
export type AtomicSaveReply = ['duplicate', string] | ['stored', string, ...string[]];

/** Scripts of the message log: idempotent saves, seqs, sync streams and conversation history. */
export interface MessageScripts {
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
  /** See `saveMessage` in messageScripts. */
  saveMessage(keys: string[], ...args: (string | number)[]): Promise<AtomicSaveReply>;
  /** See `saveMessages` in messageScripts. */
  saveMessages(keys: string[], ...args: (string | number)[]): Promise<AtomicSaveReply[]>;
  readStream(stream: string, meta: string, after: string, count: number, horizon: number): Promise<string[] | null>;
  dropThrough(stream: string, meta: string, cursor: string): Promise<null>;
  indexHistory(history: string, seq: string, member: string, horizonTs: number, ttlMs: number): Promise<null>;
}

export const messageScripts: ScriptDefinitions<MessageScripts> = {
  /** KEYS: key. ARGV: value, ttlMs. Returns the value already there, or sets it and returns nil. */
  claim: {
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
  assignSeq: {
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
  appendMany: {
    lua: `${FMT}${TRIM}${APPEND}
local cursors = {}
for i = 1, #KEYS, 3 do
  cursors[#cursors + 1] = append(KEYS[i], KEYS[i + 1], KEYS[i + 2], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5])
end
return cursors`,
  },
  /**
   * The whole save of a message in one atomic step, for a single Redis (the keys span slots).
   * KEYS and ARGV: see SAVE_ONE. Returns {'duplicate', sent record} when the clientMsgId was used
   * before, else {'stored', seq, cursor per recipient…}.
   */
  saveMessage: {
    lua: `${SAVE_ONE}
return saveOne(1, 1, #ARGV - 9)`,
  },
  /**
   * Several saves (see SAVE_ONE), one after another in one atomic step, for a single Redis. KEYS:
   * each message's keys in turn. ARGV: the number of messages, then per message its number of
   * recipients and its arguments. Returns the reply of each save.
   */
  saveMessages: {
    lua: `${SAVE_ONE}
local replies = {}
local k, a = 1, 2
for m = 1, tonumber(ARGV[1]) do
  local n = tonumber(ARGV[a])
  replies[m] = saveOne(k, a + 1, n)
  k = k + 5 + 3 * n
  a = a + 10 + n
end
return replies`,
  },
  /**
   * KEYS: stream, stream meta. ARGV: after, count, horizon. Trims by retention, then returns nil
   * when entries after `after` were dropped (never for after = 0: a device with nothing yet takes
   * everything still kept), else [msgId, cursor, …] of up to count entries.
   */
  readStream: {
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
   * The next append checks the stream again, so a stream this emptied (and Redis deleted) gets
   * its expiry back at once.
   */
  dropThrough: {
    numberOfKeys: 2,
    lua: `${FMT}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('HDEL', KEYS[2], 'checked')
local trimmed = tonumber(redis.call('HGET', KEYS[2], 'trimmed') or '0')
if tonumber(ARGV[1]) > trimmed then redis.call('HSET', KEYS[2], 'trimmed', fmt(tonumber(ARGV[1]))) end`,
  },
  /** KEYS: history. ARGV: seq, member, horizon ts, ttlMs (see INDEX_HISTORY). */
  indexHistory: {
    numberOfKeys: 1,
    lua: `${INDEX_HISTORY}
indexHistory(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])`,
  },
};
