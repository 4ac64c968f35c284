import type { ScriptDefinitions } from '../../redis/redis-scripts.js';

const LIVE_COUNT = `
local function liveCount(sessions, now)
  local count = 0
  for _, json in ipairs(redis.call('HVALS', sessions)) do
    if cjson.decode(json).expiresAt > now then count = count + 1 end
  end
  return count
end`;

/** Scripts of the session hashes (one hash of device → session JSON per user). */
export interface SessionScripts {
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
  markSessionUsed(sessions: string, deviceId: string, sessionId: string): Promise<number>;
  sessionsOf(sessionKeys: string[]): Promise<string[][]>;
}

export const sessionScripts: ScriptDefinitions<SessionScripts> = {
  /**
   * KEYS: sessions. ARGV: deviceId, session JSON, ttlMs. Stores the session, returns the JSON it
   * replaced (or nil) and makes the hash live at least as long as its newest session.
   */
  putSession: {
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
  removeSessionIf: {
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
  moveSession: {
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
  session.refreshOf = nil
else
  if session.connectionId ~= ARGV[5] then return false end
  session.connectionId = nil
  session.detachedAt = now
end
json = cjson.encode(session)
redis.call('HSET', KEYS[1], ARGV[1], json)
return json`,
  },
  /**
   * KEYS: sessions. ARGV: deviceId, sessionId. Drops the session's refreshOf while it is still that
   * sessionId; returns 1 when it dropped one, else 0.
   */
  markSessionUsed: {
    numberOfKeys: 1,
    lua: `
local json = redis.call('HGET', KEYS[1], ARGV[1])
if not json then return 0 end
local session = cjson.decode(json)
if session.sessionId ~= ARGV[2] or not session.refreshOf then return 0 end
session.refreshOf = nil
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(session))
return 1`,
  },
  /** KEYS: session hashes, all in one slot. Returns each hash's session JSONs (HVALS), in order. */
  sessionsOf: {
    lua: `
local found = {}
for i, key in ipairs(KEYS) do found[i] = redis.call('HVALS', key) end
return found`,
  },
};
