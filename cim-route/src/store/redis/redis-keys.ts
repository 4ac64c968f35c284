/**
 * The Redis key layout. Keys that a script or transaction touches together share a hash tag, so
 * every multi-key operation stays in one Redis Cluster slot:
 *
 * - `{u:<userId>}` — the user's record, sessions, sync stream, sent-message answers, conversation
 *   list, read seqs, acknowledged cursors and the index of their groups;
 * - `{c:<conversationId>}` — the conversation's seq counter, the seq given to each message and the
 *   history index;
 * - `{g:<groupId>}` — the group's record and members;
 * - `{scheduled}` — every delayed message, with the queue that orders them by delivery time.
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

  /** Folded userName → userId; `SET NX` on it is what makes names unique (see redis-user-names.ts). */
  userIdByName(userName: string): string {
    return `${this.prefix}users:byName:${userName}`;
  }

  /** Sorted set of `<userName>\0<userId>` (all score 0) for prefix search by ZRANGEBYLEX. */
  get userNames(): string {
    return `${this.prefix}users:names`;
  }

  /** Set once every name in `userNames` has its folded key. */
  get userNamesFolded(): string {
    return `${this.prefix}users:namesFolded`;
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

  /** Sorted set score = cursor of the latest message, member = conversationId: the conversation list. */
  conversationsOf(userId: string): string {
    return `${this.prefix}{u:${userId}}:conversations`;
  }

  /** Hash conversationId → seq the user has read up to. */
  readSeqs(userId: string): string {
    return `${this.prefix}{u:${userId}}:read`;
  }

  /** Hash deviceId → highest cursor the device acknowledged. */
  acks(userId: string): string {
    return `${this.prefix}{u:${userId}}:acks`;
  }

  /**
   * Sorted set score = groupId, member = groupId: the groups the user may be in. It can list more
   * groups than the user is in (see redis-groups.ts), never fewer.
   */
  groupsOf(userId: string): string {
    return `${this.prefix}{u:${userId}}:groups`;
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

  /** Sorted set score = seq, member = `<msgId>:<ts>` (see redis-history.ts). */
  conversationHistory(conversationId: string): string {
    return `${this.prefix}{c:${conversationId}}:history`;
  }

  /** Sorted set score = groupId, member = groupId: the public groups (see redis-groups.ts). */
  get publicGroups(): string {
    return `${this.prefix}groups:public`;
  }

  /** JSON GroupRecord without its members. */
  group(groupId: string): string {
    return `${this.prefix}{g:${groupId}}:group`;
  }

  /** Sorted set score = userId, member = userId, so members list in numeric order. */
  groupMembers(groupId: string): string {
    return `${this.prefix}{g:${groupId}}:members`;
  }

  /** Hash userId → join seq (see GroupStore.joinSeq); a member without an entry joined at "0". */
  groupJoins(groupId: string): string {
    return `${this.prefix}{g:${groupId}}:joins`;
  }

  /** The seq a large group's conversation is stored once from (see GroupRecord.largeFromSeq); absent while small. */
  groupLargeFrom(groupId: string): string {
    return `${this.prefix}{g:${groupId}}:large`;
  }

  /** Hash `tokens`, `at`: one token bucket of the abuse limits (see abuse-limits.ts). */
  tokenBucket(bucket: string): string {
    return `${this.prefix}limits:${bucket}`;
  }

  /** Sorted set score = deliverAt, member = `<senderId>:<clientMsgId>`. */
  get scheduledQueue(): string {
    return `${this.prefix}{scheduled}:queue`;
  }

  /** Hash `<senderId>:<clientMsgId>` → JSON ScheduledMessage. */
  get scheduledMessages(): string {
    return `${this.prefix}{scheduled}:messages`;
  }
}
