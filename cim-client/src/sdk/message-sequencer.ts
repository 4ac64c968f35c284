import type { ChatMessage } from '@cim/common/client';
import { unref, type Timer } from './platform-basics.js';

/**
 * Puts messages in `seq` order per conversation and drops repeats (by msgId).
 *
 * Seqs are contiguous per conversation, but two sends racing in one conversation can reach a
 * device in either order. A message ahead of the next expected seq is held until the missing ones
 * arrive, or until `holdMs` passes — then it is released anyway (a member who joined a group late,
 * or left for a while, never receives the seqs in between). Broadcasts (seq 0) pass straight on.
 */
export class MessageSequencer<Meta> {
  private readonly seen = new Set<string>();
  private readonly nextSeq = new Map<string, bigint>();
  private readonly held = new Map<string, Map<bigint, { message: ChatMessage; meta: Meta; at: number }>>();
  private timer: Timer | undefined;

  constructor(
    private readonly emit: (message: ChatMessage, meta: Meta) => void,
    private readonly options: { holdMs?: number; seenLimit?: number; now?: () => number } = {},
  ) {}

  /** Continues each conversation after the seq a previous run showed last. */
  resume(shownSeqs: ReadonlyMap<string, string>): void {
    for (const [conversationId, seq] of shownSeqs) this.nextSeq.set(conversationId, BigInt(seq) + 1n);
  }

  /** Treats these msgIds as already shown (restored from a previous run). */
  markSeen(msgIds: Iterable<string>): void {
    for (const id of msgIds) this.remember(id);
  }

  /** Whether this msgId was already emitted (or is held). */
  has(msgId: string): boolean {
    return this.seen.has(msgId);
  }

  push(message: ChatMessage, meta: Meta): void {
    if (this.seen.has(message.msgId)) return;
    this.remember(message.msgId);
    const seq = BigInt(message.seq || '0');
    const conversation = message.conversationId;
    if (seq === 0n) {
      this.emit(message, meta);
      return;
    }
    const expected = this.nextSeq.get(conversation);
    if (expected === undefined || seq === expected) {
      this.nextSeq.set(conversation, seq + 1n);
      this.emit(message, meta);
      this.releaseContiguous(conversation);
      return;
    }
    if (seq < expected) {
      // Older than what was already shown (e.g. a late sync page): show it rather than lose it.
      this.emit(message, meta);
      return;
    }
    let held = this.held.get(conversation);
    if (!held) this.held.set(conversation, (held = new Map()));
    held.set(seq, { message, meta, at: this.now() });
    this.armTimer();
  }

  /**
   * Stops waiting for seqs that will never come (the cursor expired: what was missed is gone):
   * releases what is held and takes the next message of each conversation as its new start.
   */
  forgetGaps(): void {
    this.flush();
    this.nextSeq.clear();
  }

  /** Releases everything held, in order (used on close). */
  flush(): void {
    for (const conversation of [...this.held.keys()]) this.releaseAll(conversation);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private releaseContiguous(conversation: string): void {
    const held = this.held.get(conversation);
    if (!held) return;
    let next = this.nextSeq.get(conversation)!;
    for (let entry = held.get(next); entry; entry = held.get(next)) {
      held.delete(next);
      next += 1n;
      this.nextSeq.set(conversation, next);
      this.emit(entry.message, entry.meta);
    }
    if (held.size === 0) this.held.delete(conversation);
  }

  private releaseAll(conversation: string): void {
    const held = this.held.get(conversation);
    if (!held) return;
    this.held.delete(conversation);
    const seqs = [...held.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const seq of seqs) {
      this.nextSeq.set(conversation, seq + 1n);
      const entry = held.get(seq)!;
      this.emit(entry.message, entry.meta);
    }
  }

  private armTimer(): void {
    if (this.timer) return;
    const holdMs = this.options.holdMs ?? 2_000;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = this.now();
      for (const [conversation, held] of [...this.held]) {
        const oldest = Math.min(...[...held.values()].map((e) => e.at));
        if (now - oldest >= holdMs) this.releaseAll(conversation);
      }
      if (this.held.size > 0) this.armTimer();
    }, holdMs);
    unref(this.timer);
  }

  private remember(msgId: string): void {
    this.seen.add(msgId);
    if (this.seen.size > (this.options.seenLimit ?? 50_000)) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
