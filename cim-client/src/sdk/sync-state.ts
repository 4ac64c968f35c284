import type { ChatMessage } from '@cim/common';

/**
 * How far before its cursor a client re-reads after a reconnect, in cursor units. Cursors encode
 * time (ms × 1024), so this is 10 seconds: a message stored just before another one can reach the
 * device after it (pushes of different sends race), and a device that disconnected in between
 * would otherwise skip it. What the rewind fetches again is dropped by msgId.
 */
export const SYNC_REWIND = 10_000n * 1024n;
const RECENT_LIMIT = 5_000;
const SHOWN_LIMIT = 2_000;

/**
 * A device's position in its sync stream: the highest cursor it has, plus the msgIds it received
 * within the rewind window, persisted together so a restarted client shows nothing twice.
 */
export class SyncState {
  private highest = 0n;
  private recent: { msgId: string; cursor: bigint }[] = [];
  /** Highest seq shown per conversation (most recently used last), so a restart keeps seq order. */
  private shown = new Map<string, string>();

  get cursor(): string {
    return this.highest.toString();
  }

  /** Where a catch-up starts: a little before the cursor. */
  get syncFrom(): string {
    const from = this.highest - SYNC_REWIND;
    return (from > 0n ? from : 0n).toString();
  }

  recentMsgIds(): string[] {
    return this.recent.map((r) => r.msgId);
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

  /** Records a received message; returns true if the cursor moved forward. */
  record(msgId: string, cursor: string): boolean {
    const c = BigInt(cursor);
    if (c === 0n) return false;
    this.recent.push({ msgId, cursor: c });
    if (this.recent.length > RECENT_LIMIT) this.prune();
    if (c <= this.highest) return false;
    this.highest = c;
    return true;
  }

  reset(): void {
    this.highest = 0n;
    this.recent = [];
    this.shown.clear();
  }

  serialize(): string {
    this.prune();
    return JSON.stringify({
      cursor: this.cursor,
      recent: this.recent.map((r) => [r.msgId, r.cursor.toString()]),
      shown: [...this.shown],
    });
  }

  /** Restores a serialized state (a bare cursor string is accepted too). */
  load(serialized: string | undefined): void {
    this.reset();
    if (!serialized) return;
    if (/^\d+$/.test(serialized)) {
      this.highest = BigInt(serialized);
      return;
    }
    try {
      const parsed = JSON.parse(serialized) as { cursor?: string; recent?: [string, string][]; shown?: [string, string][] };
      this.highest = BigInt(parsed.cursor ?? '0');
      this.recent = (parsed.recent ?? []).map(([msgId, cursor]) => ({ msgId, cursor: BigInt(cursor) }));
      this.shown = new Map(parsed.shown ?? []);
    } catch {
      this.reset();
    }
  }

  private prune(): void {
    const floor = this.highest - SYNC_REWIND;
    this.recent = this.recent.filter((r) => r.cursor > floor).slice(-RECENT_LIMIT);
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
