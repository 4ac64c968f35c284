/** How many messages received past a gap are remembered per large group (their msgIds, for restarts). */
const AHEAD_LIMIT = 2_000;

interface Position {
  /** Every seq up to this one has been received; undefined while no catch-up has said where the device starts. */
  have: bigint | undefined;
  /** Messages received past `have` (live, past a gap), by seq: msgIds a later catch-up reads again. */
  ahead: Map<bigint, string>;
}

/** The serialized form: [conversationId, have ("" when unknown), [[seq, msgId], …]]. */
export type SerializedPositions = [string, string, [string, string][]][];

/**
 * A device's position in each large group (read-diffused: its messages are not in the sync stream,
 * a catch-up reads them from the conversation by seq). Per group, the highest seq the device has
 * contiguously: a catch-up page moves it (pages are read in order from it), a live push only when it
 * is the next seq. What arrives past a gap is remembered by msgId, so that a restarted client whose
 * catch-up reads it again does not show it twice.
 */
export class LargeGroupPositions {
  private groups = new Map<string, Position>();

  /** The seq this device has everything of `conversationId` up to, if known. */
  seq(conversationId: string): string | undefined {
    return this.groups.get(conversationId)?.have?.toString();
  }

  /** Whether this device has a position in `conversationId` (a large group). */
  has(conversationId: string): boolean {
    return this.groups.has(conversationId);
  }

  /** Whether the device has received messages of this group past a seq it is still missing. */
  hasGap(conversationId: string): boolean {
    const position = this.groups.get(conversationId);
    return position !== undefined && position.have !== undefined && position.ahead.size > 0;
  }

  /** Whether the device has every message of this group up to `seq` (so that one again is a repeat). */
  covers(conversationId: string, seq: string): boolean {
    const have = this.groups.get(conversationId)?.have;
    return have !== undefined && BigInt(seq) <= have;
  }

  /** Whether a catch-up of this group may read `seq` again: the device's position has not passed it. */
  mayReadAgain(conversationId: string, seq: bigint): boolean {
    const position = this.groups.get(conversationId);
    return position !== undefined && (position.have === undefined || seq > position.have);
  }

  /** Every large group this device has a position in. */
  conversationIds(): string[] {
    return [...this.groups.keys()];
  }

  /**
   * Where a catch-up of this group reads after: past what the device has, and never before
   * `fromSeq` (what precedes it is in the stream, or was sent before this user joined). The device
   * then has everything up to that point.
   */
  startCatchUp(conversationId: string, fromSeq: string): string {
    const position = this.position(conversationId);
    const from = BigInt(fromSeq);
    if (position.have === undefined || position.have < from) position.have = from;
    this.absorb(position);
    return position.have.toString();
  }

  /**
   * A received message of a large group. A catch-up page (`fromCatchUp`) is read in order from
   * where the device was, so everything up to it is now received; a live push only extends the
   * range when it is the next seq.
   */
  record(conversationId: string, seq: string, msgId: string, fromCatchUp: boolean): void {
    const position = this.position(conversationId);
    const s = BigInt(seq);
    if (fromCatchUp) {
      this.reached(conversationId, seq);
      return;
    }
    if (position.have === undefined || s > position.have + 1n) {
      position.ahead.set(s, msgId);
      if (position.ahead.size > AHEAD_LIMIT) position.ahead.delete(lowest(position.ahead.keys()));
      return;
    }
    if (s === position.have + 1n) {
      position.have = s;
      this.absorb(position);
    }
  }

  /** The device has every message of this group up to `seq` (read in order from its position up to it). */
  reached(conversationId: string, seq: string): void {
    const position = this.position(conversationId);
    const s = BigInt(seq);
    if (position.have === undefined || s > position.have) position.have = s;
    this.absorb(position);
  }

  /** Keeps only these groups, the user's large groups now: the device left the others (or they are gone). */
  keepOnly(conversationIds: Iterable<string>): void {
    const keep = new Set(conversationIds);
    for (const id of [...this.groups.keys()]) if (!keep.has(id)) this.groups.delete(id);
  }

  /** The msgIds received past a gap, which a catch-up may bring again. */
  aheadMsgIds(): string[] {
    return [...this.groups.values()].flatMap((p) => [...p.ahead.values()]);
  }

  clear(): void {
    this.groups.clear();
  }

  serialize(): SerializedPositions {
    return [...this.groups].map(([id, p]) => [
      id,
      p.have?.toString() ?? '',
      [...p.ahead].map(([seq, msgId]) => [seq.toString(), msgId]),
    ]);
  }

  /** Restores serialized positions; anything malformed is dropped (a catch-up reads it again). */
  load(serialized: unknown): void {
    this.groups.clear();
    if (!Array.isArray(serialized)) return;
    for (const entry of serialized) {
      try {
        const [id, have, ahead] = entry as SerializedPositions[number];
        this.groups.set(String(id), {
          have: have === '' ? undefined : BigInt(have),
          ahead: new Map((ahead ?? []).map(([seq, msgId]) => [BigInt(seq), String(msgId)])),
        });
      } catch {
        // A malformed entry: that group starts over from its fromSeq, repeats dropped by msgId.
      }
    }
  }

  private position(conversationId: string): Position {
    let position = this.groups.get(conversationId);
    if (!position) this.groups.set(conversationId, (position = { have: undefined, ahead: new Map() }));
    return position;
  }

  /** Moves `have` over what arrived ahead and is now contiguous; forgets what it has passed. */
  private absorb(position: Position): void {
    if (position.have === undefined) return;
    while (position.ahead.has(position.have + 1n)) position.have += 1n;
    for (const seq of position.ahead.keys()) if (seq <= position.have) position.ahead.delete(seq);
  }
}

function lowest(seqs: Iterable<bigint>): bigint {
  let min: bigint | undefined;
  for (const s of seqs) if (min === undefined || s < min) min = s;
  return min!;
}
