import type { ChatMessage } from '@cim/common/client';
import { unref, type Timer } from './platform-basics.js';

/** Where a message came from: pushed live on the connection, or read by a catch-up. */
export type Arrival = 'live' | 'catchUp';

interface Held<Meta> {
  message: ChatMessage;
  meta: Meta;
  /** When its hold time started; undefined while it waits for a catch-up to end. */
  since: number | undefined;
}

/**
 * Puts messages in `seq` order per conversation and drops repeats (by msgId).
 *
 * A message is shown when its seq is the next one expected for its conversation: one after the
 * seq shown last (in this run or, through `resume`, a previous one). Others are held:
 * - While a catch-up runs (`catchUpStarted` until `catchUpDone`), older messages may still come
 *   from it, so every message that is not the next expected one is held, and a live push of a
 *   conversation with no seq shown yet too. A catch-up message of such a conversation starts it
 *   (after any held live ones with lower seqs): the catch-up reads in order. Nothing is released by
 *   time while a catch-up runs, unless an attempt failed (`catchUpFailed`): then what is held waits
 *   at most `holdMs` more, so that an outage of the route does not hide live messages.
 * - When the catch-up is done, everything this device will get from before it has arrived: a
 *   conversation with no seq shown yet starts at its lowest held seq, and what still waits past a
 *   gap is released after `holdMs` unless the gap fills first.
 * - Otherwise, a message ahead of the next expected seq waits for the missing ones at most
 *   `holdMs`: two sends racing in one conversation can reach a device in either order, but a gap
 *   may also never fill (a member who joined a group late, a recalled message). So does a live
 *   push past seq 1 of a conversation with no seq shown yet: it may be the second message of a new
 *   conversation, pushed before the first (unless the cursor expired: see `forgetGaps`).
 * A message older than the seq shown last is shown rather than lost. Broadcasts (seq 0) pass straight on.
 */
export class MessageSequencer<Meta> {
  private readonly seen = new Set<string>();
  private readonly nextSeq = new Map<string, bigint>();
  private readonly held = new Map<string, Map<bigint, Held<Meta>>>();
  private catchingUp = false;
  /** The cursor expired: what was missed is gone, so conversations start at whatever comes next. */
  private gapsForgotten = false;
  private timer: Timer | undefined;

  constructor(
    private readonly emit: (message: ChatMessage, meta: Meta) => void,
    private readonly options: { holdMs?: number; seenLimit?: number; now?: () => number } = {},
  ) {}

  /** Continues each conversation after the seq a previous run showed last. */
  resume(shownSeqs: ReadonlyMap<string, string>): void {
    for (const [conversationId, seq] of shownSeqs) this.nextSeq.set(conversationId, BigInt(seq) + 1n);
  }

  /**
   * Everything of a conversation up to `seq` has been received (a large group's catch-up read it
   * to there): what it holds up to `seq` is shown first, in order (live pushes that came while the
   * catch-up ran, whose copies in its pages were dropped by msgId); then, unless something of it
   * was shown already, it continues after `seq`.
   */
  continueAfter(conversationId: string, seq: string): void {
    const position = BigInt(seq);
    this.releaseBelow(conversationId, position + 1n);
    if (!this.nextSeq.has(conversationId)) this.nextSeq.set(conversationId, position + 1n);
    this.releaseContiguous(conversationId);
  }

  /** Treats these msgIds as already shown (restored from a previous run). */
  markSeen(msgIds: Iterable<string>): void {
    for (const id of msgIds) this.remember(id);
  }

  /** Whether this msgId was already emitted (or is held). */
  has(msgId: string): boolean {
    return this.seen.has(msgId);
  }

  /** A (re)connect: a catch-up will bring what was missed, so live pushes may be ahead of it. */
  catchUpStarted(): void {
    this.catchingUp = true;
    // What is held may be waiting for exactly what the catch-up brings.
    for (const held of this.held.values()) for (const entry of held.values()) entry.since = undefined;
  }

  /** The catch-up read the stream to its end: starts the conversations it left open and the hold clocks. */
  catchUpDone(): void {
    this.catchingUp = false;
    const now = this.now();
    for (const [conversation, held] of [...this.held]) {
      for (const entry of held.values()) entry.since = now;
      if (!this.nextSeq.has(conversation)) this.nextSeq.set(conversation, lowest(held.keys()));
      this.releaseContiguous(conversation);
    }
    if (this.held.size > 0) this.armTimer();
  }

  /**
   * A catch-up attempt failed while the connection stays up (another follows): what is held now is
   * released after `holdMs` unless the retry shows what precedes it first.
   */
  catchUpFailed(): void {
    const now = this.now();
    for (const held of this.held.values()) for (const entry of held.values()) entry.since ??= now;
    if (this.held.size > 0) this.armTimer();
  }

  /** Shows `message` now (with what it was holding back) or holds it: see the rules above. */
  push(message: ChatMessage, meta: Meta, arrival: Arrival): void {
    if (this.seen.has(message.msgId)) return;
    this.remember(message.msgId);
    const seq = BigInt(message.seq || '0');
    const conversation = message.conversationId;
    if (seq === 0n) {
      this.emit(message, meta);
      return;
    }
    let expected = this.nextSeq.get(conversation);
    const mayFollowUnseen = arrival === 'live' && (this.catchingUp || (seq > 1n && !this.gapsForgotten));
    if (expected === undefined && !mayFollowUnseen) {
      this.releaseBelow(conversation, seq);
      expected = seq;
    }
    if (seq === expected) {
      this.nextSeq.set(conversation, seq + 1n);
      this.emit(message, meta);
      this.releaseContiguous(conversation);
      return;
    }
    if (expected !== undefined && seq < expected) {
      // Older than what was already shown (e.g. a late sync page): show it rather than lose it.
      this.emit(message, meta);
      return;
    }
    let held = this.held.get(conversation);
    if (!held) this.held.set(conversation, (held = new Map()));
    held.set(seq, { message, meta, since: this.catchingUp ? undefined : this.now() });
    if (!this.catchingUp) this.armTimer();
  }

  /**
   * Stops waiting for seqs that will never come (the cursor expired: what was missed is gone):
   * takes the next message of each conversation as its new start. What is held is released now,
   * or, during a catch-up, in seq order with what the catch-up still brings.
   */
  forgetGaps(): void {
    if (!this.catchingUp) this.flush();
    this.nextSeq.clear();
    this.gapsForgotten = true;
  }

  /**
   * Stops waiting for the seqs of one conversation that will never come (what followed the seq
   * shown last is no longer kept): its next message starts it again, after what is held below it.
   */
  forgetGap(conversationId: string): void {
    this.nextSeq.delete(conversationId);
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

  /** Releases, in order, what is held of a conversation below `seq` (it is about to be shown). */
  private releaseBelow(conversation: string, seq: bigint): void {
    const held = this.held.get(conversation);
    if (!held) return;
    for (const heldSeq of sortedSeqs(held.keys())) {
      if (heldSeq >= seq) break;
      const entry = held.get(heldSeq)!;
      held.delete(heldSeq);
      this.nextSeq.set(conversation, heldSeq + 1n);
      this.emit(entry.message, entry.meta);
    }
    if (held.size === 0) this.held.delete(conversation);
  }

  private releaseAll(conversation: string): void {
    const held = this.held.get(conversation);
    if (!held) return;
    this.held.delete(conversation);
    for (const seq of sortedSeqs(held.keys())) {
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
        const clocks = [...held.values()].flatMap((e) => (e.since === undefined ? [] : [e.since]));
        if (clocks.length > 0 && now - Math.min(...clocks) >= holdMs) this.releaseAll(conversation);
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

function sortedSeqs(seqs: Iterable<bigint>): bigint[] {
  return [...seqs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function lowest(seqs: Iterable<bigint>): bigint {
  return sortedSeqs(seqs)[0];
}
