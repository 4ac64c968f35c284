import type { Emitter } from './emitter.js';
import { CimError, ErrorCodes, type ChatMessage } from '@cim/common/client';
import type { AckScheduler } from './acks.js';
import { Backoff, delay } from './backoff.js';
import type { CimClientEvents } from './client-options.js';
import type { Arrival, MessageSequencer } from './message-sequencer.js';
import type { LargeGroupPosition, PortableRouteApi } from './route-api.js';
import type { Transport } from './transport.js';
import { inSeqOrder, type SyncState } from './sync-state.js';

/** How often, and how far apart, a gap in a large group is read again while its message is still being written (within the 2 s hold). */
const GAP_READS = 3;
const GAP_READ_PAUSE_MS = 400;

/**
 * The receive path: live pushes and the catch-up over HTTP after each (re)connect, both fed to
 * the sync state (which moves the cursor and asks for acks) and the sequencer (which shows each
 * message once, in order).
 */
export class CatchUp {
  /** Stops the catch-up loop of the current connection (it also stops when that connection closes). */
  private stopCurrent: AbortController | undefined;
  /** The connection of the latest catch-up. */
  private connection: Transport | undefined;
  /** The large groups the running catch-up attempt reads, once the stream's last page listed them. */
  private listed: Set<string> | undefined;
  /** A large group appeared after the running catch-up listed its groups: it reads again before it is done. */
  private readAgain = false;
  /** Large groups whose gap is being read. */
  private readonly fillingGaps = new Set<string>();

  constructor(
    private readonly deps: {
      api: PortableRouteApi;
      syncState: SyncState;
      sequencer: MessageSequencer<{ cursor: string; synced: boolean }>;
      acks: AckScheduler;
      events: Emitter<CimClientEvents>;
      pageSize: number;
      retryMinMs: number;
      retryMaxMs: number;
      saveSyncState: () => Promise<void>;
    },
  ) {}

  /** A new connection: pushes on it may lie past what was missed while away, until a catch-up succeeds. */
  begin(): void {
    this.deps.syncState.catchUpNeeded();
    this.deps.sequencer.catchUpStarted();
  }

  /**
   * A live push (the sequencer holds it while it may be ahead of what the catch-up still brings).
   * One of a large group this device has no position in (it has just been added to the group, or
   * the group has just become large) starts a catch-up: it says where the device starts in that
   * group and brings, in order, what was sent there before this push but not pushed to this device
   * (a message racing the add).
   */
  deliver(message: ChatMessage, cursor: string): void {
    const largeGroup = cursor === '0' && message.seq !== '0';
    const { largeGroups } = this.deps.syncState;
    if (largeGroup && !largeGroups.has(message.conversationId)) this.catchUpAgain(message.conversationId);
    this.accept(message, cursor, 'live');
    if (largeGroup && largeGroups.hasGap(message.conversationId)) void this.fillGap(message.conversationId);
  }

  /**
   * A large group's live pushes left a gap (a push that failed and is retried later, or one that
   * overtook another): unlike the stream's, it can be read at once, by seq, from where the device
   * has everything. What the sequencer holds past the gap then follows it in order. A message still
   * being written is not there yet: it is read again a few times within the sequencer's hold time.
   * A read that fails is left to the next catch-up.
   */
  private async fillGap(conversationId: string): Promise<void> {
    const { connection } = this;
    const { largeGroups } = this.deps.syncState;
    if (!connection || this.stopCurrent || this.fillingGaps.has(conversationId)) return;
    this.fillingGaps.add(conversationId);
    let emptyReads = 0;
    try {
      while (largeGroups.hasGap(conversationId) && this.connection === connection) {
        const after = largeGroups.seq(conversationId)!;
        const page = await this.deps.api.messagesAfter(conversationId, after, this.deps.pageSize);
        // Gone while it was read (closed, or a new connection, whose catch-up reads it).
        if (this.connection !== connection || this.stopCurrent) return;
        if (page.expired) this.groupExpired(conversationId);
        for (const message of page.messages) this.accept(message, '0', 'catchUp');
        if (page.messages.length > 0) continue;
        if (++emptyReads > GAP_READS) return;
        await delay(GAP_READ_PAUSE_MS);
      }
    } catch {
      // The next catch-up reads it.
    } finally {
      this.fillingGaps.delete(conversationId);
    }
  }

  /** Catches up again on the current connection, or has the running catch-up read once more if it has to. */
  private catchUpAgain(conversationId: string): void {
    if (this.stopCurrent) {
      if (this.listed && !this.listed.has(conversationId)) this.readAgain = true;
    } else if (this.deps.syncState.caughtUp && this.connection) {
      // caughtUp: the last catch-up succeeded on the connection still in use (a new one resets it).
      this.begin();
      void this.run(this.connection);
    }
  }

  /** Stops the running catch-up, if any. */
  stop(): void {
    this.stopCurrent?.abort();
    this.connection = undefined;
  }

  /**
   * Catches up from the cursor, retrying with backoff until a catch-up succeeds or the connection
   * goes away (or `signal`, the caller's of `connect()`, aborts). Live pushes that may be ahead of
   * what the catch-up brings are held until one succeeds (an attempt that failed can have stopped
   * short of older messages of their conversations), or for the sequencer's hold time after an
   * attempt failed on a connection that stays up (the route may be out for long). They move the
   * saved cursor only once a catch-up has succeeded (see SyncState): a client that quits before
   * then fetches the missed range on its next start.
   */
  async run(connection: Transport, signal?: AbortSignal): Promise<void> {
    const { syncState, events } = this.deps;
    const stop = new AbortController();
    const onEnd = () => stop.abort();
    this.stopCurrent = stop;
    this.connection = connection;
    connection.once('close', onEnd);
    signal?.addEventListener('abort', onEnd, { once: true });
    const retry = new Backoff(this.deps.retryMinMs, this.deps.retryMaxMs);
    try {
      for (;;) {
        try {
          this.readAgain = false;
          await this.catchUpOnce(stop.signal);
          // Pushes are contiguous with the catch-up only on the connection they both belong to.
          if (stop.signal.aborted) return;
          if (this.readAgain) continue;
          syncState.catchUpDone();
          this.deps.sequencer.catchUpDone();
          this.deps.acks.schedule();
          events.emit('caughtUp', { cursor: syncState.cursor });
          return;
        } catch (err) {
          // Without the connection, what is held waits for the catch-up of the next one.
          if (stop.signal.aborted) return;
          this.deps.sequencer.catchUpFailed();
          events.emit('error', err as Error);
          await delay(retry.next(), stop.signal).catch(() => undefined);
          if (stop.signal.aborted) return;
        }
      }
    } finally {
      connection.off('close', onEnd);
      signal?.removeEventListener('abort', onEnd);
      if (this.stopCurrent === stop) this.stopCurrent = undefined;
      await this.deps.saveSyncState();
    }
  }

  /**
   * One catch-up attempt: everything after the cursor (from a little before it: see SYNC_REWIND),
   * page by page, to the end of the stream; then each large group the stream's last page lists,
   * by seq from where the device is in it.
   */
  private async catchUpOnce(signal: AbortSignal): Promise<void> {
    const progress = { fetched: 0 };
    this.listed = undefined;
    const largeGroups = await this.catchUpStream(progress, signal);
    // An older route lists none (and pushes no large group's messages).
    this.listed = largeGroups && new Set(largeGroups.map((g) => g.conversationId));
    if (largeGroups) {
      // A group no longer listed was left (or dissolved): its position goes.
      this.deps.syncState.largeGroups.keepOnly(largeGroups.map((g) => g.conversationId));
      for (const group of largeGroups) await this.catchUpLargeGroup(group, progress, signal);
    }
    this.deps.events.emit('sync', { fetched: progress.fetched, done: true });
  }

  /** The sync stream to its end; answers the large groups its last page lists (none from an older route). */
  private async catchUpStream(
    progress: { fetched: number },
    signal: AbortSignal,
  ): Promise<LargeGroupPosition[] | undefined> {
    const { api, syncState, events } = this.deps;
    let after = syncState.syncFrom;
    for (;;) {
      let page;
      try {
        page = await api.sync(after, this.deps.pageSize, signal);
      } catch (err) {
        if (!(err instanceof CimError && err.code === ErrorCodes.CURSOR_EXPIRED) || after === '0') throw err;
        if (BigInt(after) < BigInt(syncState.cursor)) {
          // Only the rewind reached past the retention; the cursor itself may still be fine.
          after = syncState.cursor;
          continue;
        }
        // Older than the retention: say so, then take everything still kept.
        events.emit('cursorExpired');
        syncState.reset();
        this.deps.sequencer.forgetGaps();
        after = '0';
        continue;
      }
      for (const entry of inSeqOrder(page.messages)) this.accept(entry.message, entry.cursor, 'catchUp');
      progress.fetched += page.messages.length;
      if (!page.hasMore || page.messages.length === 0) return page.largeGroups;
      events.emit('sync', { fetched: progress.fetched, done: false });
      after = page.cursor;
    }
  }

  /**
   * One large group, page by page from where the device is in it, up to the seq the route listed.
   * Messages no longer kept right after that point are reported (`cursorExpired` naming the group)
   * and the group goes on from the oldest kept one.
   */
  private async catchUpLargeGroup(
    group: LargeGroupPosition,
    progress: { fetched: number },
    signal: AbortSignal,
  ): Promise<void> {
    const { api, syncState, events } = this.deps;
    const { conversationId } = group;
    let after = syncState.largeGroups.startCatchUp(conversationId, group.fromSeq);
    while (BigInt(after) < BigInt(group.seq)) {
      const page = await api.messagesAfter(conversationId, after, this.deps.pageSize, signal);
      if (page.expired) this.groupExpired(conversationId);
      for (const message of page.messages) this.accept(message, '0', 'catchUp');
      if (page.messages.length === 0) break;
      progress.fetched += page.messages.length;
      events.emit('sync', { fetched: progress.fetched, done: false });
      after = page.messages[page.messages.length - 1].seq;
    }
    // The position is where the pages ended, not `group.seq`: that counts messages still being
    // written, which their push (or a later read) brings. The next live push after the position is
    // shown at once, even when nothing of the group was shown yet.
    this.deps.sequencer.continueAfter(conversationId, syncState.largeGroups.seq(conversationId)!);
  }

  /** What followed the device's position in a large group is no longer kept: it goes on from the oldest kept. */
  private groupExpired(conversationId: string): void {
    this.deps.events.emit('cursorExpired', { conversationId });
    this.deps.sequencer.forgetGap(conversationId);
  }

  /**
   * A received message: one of the stream moves the cursor (and is acknowledged); one of a large
   * group (no cursor, a seq) moves the device's position in that group, never the cursor.
   */
  private accept(message: ChatMessage, cursor: string, arrival: Arrival): void {
    const synced = arrival === 'catchUp';
    const { syncState } = this.deps;
    if (cursor === '0' && message.seq !== '0') {
      // Pushed again (a retried send is) after this device had it, maybe in an earlier run.
      if (syncState.largeGroups.covers(message.conversationId, message.seq)) return;
      syncState.largeGroups.record(message.conversationId, message.seq, message.msgId, synced);
    } else if (syncState.record(message.msgId, cursor, synced, message)) this.deps.acks.schedule();
    this.deps.sequencer.push(message, { cursor, synced }, arrival);
  }
}
