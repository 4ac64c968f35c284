/**
 * The Redis key layout. Keys that a script or transaction touches together share a hash tag, so
 * every multi-key operation stays in one Redis Cluster slot:
 *
 * - `{u:<userId>}` — the user's record, sessions, sync stream and sent-message answers;
 * - `{c:<conversationId>}` — the conversation's seq counter and the seq given to each message.
 *
 * Everything else (id counters, the name index, the online set, message bodies) is one key used on
 * its own. A `prefix` containing its own `{…}` would put every key into one slot: correct, but it
 * undoes the spreading over a cluster.
 */
export class RedisKeys {
  constructor(private readonly prefix: string) {}

  /** Counter behind user ids "1", "2", … */
  get userIdCounter(): string {
    return `${this.prefix}users:lastId`;
  }

  /** userName → userId; `SET NX` on it is what makes names unique. */
  userIdByName(userName: string): string {
    return `${this.prefix}users:byName:${userName}`;
  }

  /** Sorted set of `<userName>\0<userId>` (all score 0) for prefix search by ZRANGEBYLEX. */
  get userNames(): string {
    return `${this.prefix}users:names`;
  }

  /** JSON UserRecord. */
  user(userId: string): string {
    return `${this.prefix}{u:${userId}}:user`;
  }

  /** Hash deviceId → JSON SessionRecord. */
  sessions(userId: string): string {
    return `${this.prefix}{u:${userId}}:sessions`;
  }

  /** Sorted set of user ids with at least one session, all score 0, so ordered by id text. */
  get online(): string {
    return `${this.prefix}online`;
  }

  /** Sorted set score = cursor, member = msgId. */
  stream(userId: string): string {
    return `${this.prefix}{u:${userId}}:stream`;
  }

  /** Hash with `last` (highest cursor given out) and `trimmed` (highest cursor dropped by retention). */
  streamMeta(userId: string): string {
    return `${this.prefix}{u:${userId}}:streamMeta`;
  }

  /** The first answer to a send, for idempotent retries. */
  sent(fromUserId: string, clientMsgId: string): string {
    return `${this.prefix}{u:${fromUserId}}:sent:${clientMsgId}`;
  }

  get msgIdCounter(): string {
    return `${this.prefix}msgs:lastId`;
  }

  /** JSON ChatMessage. */
  message(msgId: string): string {
    return `${this.prefix}msg:${msgId}`;
  }

  conversationSeq(conversationId: string): string {
    return `${this.prefix}{c:${conversationId}}:seq`;
  }

  /** The seq a message got, so a resumed save reuses it instead of taking a new one. */
  conversationSeqOf(conversationId: string, msgId: string): string {
    return `${this.prefix}{c:${conversationId}}:seqOf:${msgId}`;
  }
}
