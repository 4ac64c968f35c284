import type { ChatMessage } from '@cim/common/client';
import { LargeGroupPositions } from './large-group-positions.js';

/**
 * How far before its cursor a client re-reads after a reconnect, in cursor units. Cursors encode
 * time (ms × 1024), so this is 10 seconds: a message stored just before another one can reach the
 * device after it (pushes of different sends race), and a device that disconnected in between
 * would otherwise skip it. What the rewind fetches again is dropped by msgId.
 */
export const SYNC_REWIND = 10_000n * 1024n;
const RECENT_LIMIT = 5_000;
const SHOWN_LIMIT = 2_000;

/** A message received through the stream, remembered by msgId (where it is, to keep it while needed). */
interface RecentMessage {
  msgId: string;
  cursor: bigint;
  conversationId?: string;
  seq?: bigint;
}

/**
 * A device's position in its sync stream, persisted so a restarted client shows nothing twice and
 * skips nothing.
 *
 * Two positions are kept apart. `cursor` is how far the device has everything: it only moves
 * contiguously (through catch-up pages, which are read in order from it, or through live pushes
 * once a catch-up has completed on the current connection), and it is what is saved and
 * acknowledged. Live pushes that arrive while a catch-up has not yet succeeded may lie past a range
 * still missing: they are remembered by msgId (so the catch-up does not show them again) but do
 * not move the cursor, or a client that quit before the catch-up succeeded would never fetch the
 * range.
 *
 * Large groups' messages are not in the stream: `largeGroups` keeps the device's position in each
 * of them, saved with the cursor (an old saved state without it loads as none).
 */
export class SyncState {
  readonly largeGroups = new LargeGroupPositions();
  private synced = 0n;
  private recent: RecentMessage[] = [];
  private readonly recentIds = new Set<string>();
  private caughtUpOnThisConnection = false;
  /** Highest seq shown per conversation (most recently used last), so a restart keeps seq order. */
  private shown = new Map<string, string>();

  /** Everything up to this cursor has been received: the cursor to save and acknowledge. */
  get cursor(): string {
    return this.synced.toString();
  }

  /** Whether a catch-up has completed since the last (re)connect. */
  get caughtUp(): boolean {
    return this.caughtUpOnThisConnection;
  }

  /** Where a catch-up starts: a little before the cursor. */
  get syncFrom(): string {
    const from = this.synced - SYNC_REWIND;
    return (from > 0n ? from : 0n).toString();
  }

  /** A (re)connect: live pushes may be past a gap again until the next catch-up completes. */
  catchUpNeeded(): void {
    this.caughtUpOnThisConnection = false;
  }

  /**
   * A catch-up read the stream to its end: everything received live since the connection came up
   * is now contiguous with it, and so is every later push on this connection.
   */
  catchUpDone(): void {
    this.caughtUpOnThisConnection = true;
    for (const r of this.recent) if (r.cursor > this.synced) this.synced = r.cursor;
  }

  /** The msgIds a catch-up may bring again, which a restarted client must not show twice. */
  recentMsgIds(): string[] {
    return [...this.recent.map((r) => r.msgId), ...this.largeGroups.aheadMsgIds()];
  }

  shownSeqs(): ReadonlyMap<string, string> {
    return this.shown;
  }

  /** Remembers that `seq` of a conversation was shown (kept for the most recent conversations). */
  recordShown(conversationId: string, seq: string): void {
    const previous = this.shown.get(conversationId);
    if (previous !== undefined && BigInt(previous) >= BigInt(seq)) return;
    this.shown.delete(conversationId);
    this.shown.set(conversationId, seq);
    if (this.shown.size > SHOWN_LIMIT) this.shown.delete(this.shown.keys().next().value!);
  }

  /**
   * Records a received message, from a catch-up page (`fromSync`) or pushed live; returns true if
   * the cursor moved forward. A message seen before is recorded again, since a catch-up page that
   * re-reads it is what makes the range up to it contiguous. `at` says where it is in its
   * conversation: a group that has just become large can send a message both in the stream and
   * after where a device starts reading that group, so such a message is remembered until the
   * device's position in the group has passed it.
   */
  record(msgId: string, cursor: string, fromSync: boolean, at?: { conversationId: string; seq: string }): boolean {
    const c = BigInt(cursor);
    if (c === 0n) return false;
    if (!this.recentIds.has(msgId)) {
      this.recent.push({ msgId, cursor: c, conversationId: at?.conversationId, seq: at ? BigInt(at.seq) : undefined });
      this.recentIds.add(msgId);
      if (this.recent.length > RECENT_LIMIT) this.prune();
    }
    if (c <= this.synced || !(fromSync || this.caughtUpOnThisConnection)) return false;
    this.synced = c;
    return true;
  }

  /**
   * Forgets the stream position: the cursor, the recent msgIds, the shown seqs. The positions in
   * large groups stay: they do not depend on the stream.
   */
  reset(): void {
    this.synced = 0n;
    this.recent = [];
    this.recentIds.clear();
    this.shown.clear();
  }

  serialize(): string {
    this.prune();
    return JSON.stringify({
      cursor: this.cursor,
      recent: this.recent.map((r) =>
        r.conversationId !== undefined && this.largeGroups.has(r.conversationId)
          ? [r.msgId, r.cursor.toString(), r.conversationId, String(r.seq)]
          : [r.msgId, r.cursor.toString()],
      ),
      shown: [...this.shown],
      largeGroups: this.largeGroups.serialize(),
    });
  }

  /** Restores a serialized state (a bare cursor string is accepted too). */
  load(serialized: string | undefined): void {
    this.reset();
    this.largeGroups.clear();
    if (!serialized) return;
    if (/^\d+$/.test(serialized)) {
      this.synced = BigInt(serialized);
      return;
    }
    try {
      const parsed = JSON.parse(serialized) as {
        cursor?: string;
        recent?: ([string, string] | [string, string, string, string])[];
        shown?: [string, string][];
        largeGroups?: unknown;
      };
      this.synced = BigInt(parsed.cursor ?? '0');
      this.recent = (parsed.recent ?? []).map(([msgId, cursor, conversationId, seq]) => ({
        msgId,
        cursor: BigInt(cursor),
        conversationId,
        seq: seq === undefined ? undefined : BigInt(seq),
      }));
      for (const r of this.recent) this.recentIds.add(r.msgId);
      this.shown = new Map(parsed.shown ?? []);
      this.largeGroups.load(parsed.largeGroups);
    } catch {
      this.reset();
      this.largeGroups.clear();
    }
  }

  /**
   * Keeps the msgIds a catch-up can return again (from `syncFrom`, or from a large group's
   * position), the newest ones when too many.
   */
  private prune(): void {
    const floor = this.synced - SYNC_REWIND;
    this.recent = this.recent
      .filter(
        (r) =>
          r.cursor > floor ||
          (r.conversationId !== undefined && this.largeGroups.mayReadAgain(r.conversationId, r.seq!)),
      )
      .slice(-RECENT_LIMIT);
    this.recentIds.clear();
    for (const r of this.recent) this.recentIds.add(r.msgId);
  }
}

/**
 * Reorders a sync page so that each conversation's messages are in seq order, keeping the slots
 * the conversations occupy (two sends in one conversation can land in a user's stream in either
 * order).
 */
export function inSeqOrder<T extends { message: ChatMessage }>(entries: T[]): T[] {
  const byConversation = new Map<string, T[]>();
  for (const e of entries) {
    const list = byConversation.get(e.message.conversationId) ?? [];
    list.push(e);
    byConversation.set(e.message.conversationId, list);
  }
  for (const list of byConversation.values()) list.sort((a, b) => compareSeq(a.message.seq, b.message.seq));
  const next = new Map<string, number>();
  return entries.map((e) => {
    const id = e.message.conversationId;
    const i = next.get(id) ?? 0;
    next.set(id, i + 1);
    return byConversation.get(id)![i];
  });
}

function compareSeq(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
