import { nextCursor } from '../../shared/cursor.js';

export interface StreamEntry {
  cursor: number;
  msgId: string;
}

export type StreamRead = { expired: true } | { expired: false; entries: StreamEntry[]; hasMore: boolean };

/** Dropped slots are reclaimed once there are this many and they are at least half the arrays. */
const COMPACT_AT = 1024;

/**
 * One user's sync stream in memory: message ids in cursor order. Appends go to the end and
 * retention trims the front, so both are cheap; reads binary-search the start. The same rules
 * as the Redis stream script: `trimmedUpTo` is the highest cursor dropped (by retention, or with a
 * lost message), and a reader behind it has missed messages.
 */
export class SyncStream {
  private cursors: number[] = [];
  private msgIds: string[] = [];
  /** Entries before `head` have been trimmed. */
  private head = 0;
  private last = 0;
  private trimmedUpTo = 0;

  /** Highest cursor ever given out (0 when nothing was appended). */
  get latest(): number {
    return this.last;
  }

  append(msgId: string, now: number, horizon: number): number {
    this.trim(horizon);
    const cursor = nextCursor(this.last, now);
    this.cursors.push(cursor);
    this.msgIds.push(msgId);
    this.last = cursor;
    return cursor;
  }

  /** Entries with a cursor above `after`, oldest first, at most `limit`. */
  read(after: number, limit: number, horizon: number): StreamRead {
    this.trim(horizon);
    // Cursor 0 is a device with nothing yet: it takes everything still kept, which is no gap.
    if (after > 0 && after < this.trimmedUpTo) return { expired: true };
    const start = this.firstAbove(after);
    const end = Math.min(start + limit, this.cursors.length);
    const entries: StreamEntry[] = [];
    for (let i = start; i < end; i++) entries.push({ cursor: this.cursors[i], msgId: this.msgIds[i] });
    return { expired: false, entries, hasMore: end < this.cursors.length };
  }

  /**
   * Drops every entry up to and including `cursor`, as retention would, so a reader behind it is
   * told its cursor expired. For an entry whose message was lost: the loss is never skipped silently.
   */
  dropThrough(cursor: number): void {
    this.trimmedUpTo = Math.max(this.trimmedUpTo, cursor);
    const keepFrom = this.firstAbove(cursor);
    if (keepFrom > this.head) this.dropBefore(keepFrom);
  }

  private trim(horizon: number): void {
    const keepFrom = this.firstAtOrAbove(horizon);
    if (keepFrom === this.head) {
      // Nothing buffered is old, but the stream may have been empty since before the horizon.
      if (this.last < horizon) this.trimmedUpTo = Math.max(this.trimmedUpTo, this.last);
      return;
    }
    this.dropBefore(keepFrom);
  }

  /** Drops the entries before position `keepFrom` (which is past `head`). */
  private dropBefore(keepFrom: number): void {
    this.trimmedUpTo = Math.max(this.trimmedUpTo, this.cursors[keepFrom - 1]);
    this.head = keepFrom;
    if (this.head >= COMPACT_AT && this.head * 2 >= this.cursors.length) {
      this.cursors = this.cursors.slice(this.head);
      this.msgIds = this.msgIds.slice(this.head);
      this.head = 0;
    }
  }

  private firstAbove(cursor: number): number {
    return this.firstAtOrAbove(cursor + 1);
  }

  /** Position (at or after `head`) of the first entry whose cursor is at least `cursor`. */
  private firstAtOrAbove(cursor: number): number {
    let low = this.head;
    let high = this.cursors.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cursors[mid] < cursor) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
