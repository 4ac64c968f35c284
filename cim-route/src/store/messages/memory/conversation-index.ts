/** Dropped slots are reclaimed once there are this many and they are at least half the array. */
const COMPACT_AT = 1024;

/**
 * One conversation's message ids by seq, for the memory store's history. The memory store gives
 * out seqs 1, 2, 3, … without gaps, so a message's position is its seq minus the seq of the first
 * kept entry. Retention drops entries from the front, like SyncStream.
 */
export class ConversationIndex {
  private msgIds: string[] = [];
  /** Entries before `head` have been dropped. */
  private head = 0;
  /** The seq of `msgIds[0]`. */
  private baseSeq = 1;

  /** Records the message with the next seq; `seq` must be exactly that. */
  append(seq: number, msgId: string): void {
    if (seq !== this.baseSeq + this.msgIds.length) {
      throw new Error(`conversation index expected seq ${this.baseSeq + this.msgIds.length}, got ${seq}`);
    }
    this.msgIds.push(msgId);
  }

  /** Drops up to `budget` of the oldest entries for which `isGone` holds, stopping at the first kept one. */
  dropOldest(isGone: (msgId: string) => boolean, budget: number): void {
    while (budget-- > 0 && this.head < this.msgIds.length && isGone(this.msgIds[this.head])) this.head++;
    if (this.head >= COMPACT_AT && this.head * 2 >= this.msgIds.length) {
      this.msgIds = this.msgIds.slice(this.head);
      this.baseSeq += this.head;
      this.head = 0;
    }
  }

  /** The seq of the oldest entry kept (null when none is). */
  get oldestSeq(): number | null {
    return this.head < this.msgIds.length ? this.baseSeq + this.head : null;
  }

  /** Entries with a seq above `afterSeq`, oldest first. */
  *oldestFirst(afterSeq: number): Generator<{ seq: number; msgId: string }> {
    for (let i = Math.max(this.head, afterSeq + 1 - this.baseSeq); i < this.msgIds.length; i++) {
      yield { seq: this.baseSeq + i, msgId: this.msgIds[i] };
    }
  }

  /** Message ids with a seq below `beforeSeq` (all when null), newest first. */
  *newestFirst(beforeSeq: number | null): Generator<string> {
    const end = this.msgIds.length;
    const start = beforeSeq === null ? end - 1 : Math.min(end - 1, beforeSeq - 1 - this.baseSeq);
    for (let i = start; i >= this.head; i--) yield this.msgIds[i];
  }
}
