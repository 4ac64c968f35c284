import { CimError, ErrorCodes, type ConversationCursor, type LargeGroupPosition } from '@cim/common';
import type { Logger } from '@cim/common/server';
import { CURSOR_SLOTS_PER_MS } from '../store/shared/cursor.js';
import type { RouteStore } from '../store/types.js';
import type { DeviceConnection, FanOut } from '../delivery/index.js';
import { largeGroupsOf } from './large-groups.js';

const PAGE = 200;

/**
 * How far back a catch-up starts before the device's cursor. Routes push a message as soon as it is
 * stored, so a device can see a newer cursor before an older one another route is still pushing;
 * starting a little earlier re-sends such a message (the device drops what it has by msgId).
 */
export const CATCH_UP_REWIND = 10_000 * CURSOR_SLOTS_PER_MS;

/** Attempts of one catch-up before the device is told to reconnect. */
const CATCH_UP_ATTEMPTS = 3;
const CATCH_UP_RETRY_MS = 200;

/**
 * Catch-up over TCP for devices without HTTP: after a Login that carries a cursor, every stored
 * message after it is pushed to that one connection, page by page, in cursor order, then `CaughtUp`.
 * (Not to the device: a later connection of it has a catch-up of its own, and a `CaughtUp` from
 * this one would tell it too early that it has everything.)
 * Live pushes interleave with the backlog, so only `CaughtUp` tells the device that the highest
 * cursor it has seen is one it can safely resume from.
 *
 * Large groups' messages are in no stream: after the stream backlog, each large group of the user
 * is pushed by seq from where the device says it is (Login.conversations), or from where a device
 * with nothing of it starts, and `CaughtUp.conversations` tells the seq each one reached.
 */
export class DeviceSync {
  constructor(
    private readonly store: RouteStore,
    private readonly fanOut: FanOut,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Refuses a cursor this user's stream cannot have given out: beyond its newest entry and beyond now. */
  async checkCursor(userId: string, cursor: string): Promise<void> {
    const given = Number(cursor);
    if (given <= this.now() * CURSOR_SLOTS_PER_MS) return;
    if (given <= Number(await this.store.messages.latestCursor(userId))) return;
    throw new CimError(
      ErrorCodes.INVALID_INPUT,
      `cursor ${cursor} is in the future: log in with a cursor you were given (see Login in cim.proto), or 0`,
    );
  }

  /**
   * Pushes the backlog after `cursor`, then `CaughtUp`; a failure is retried, and when it persists
   * the device is closed with a coded error, so it reconnects and catches up again instead of
   * waiting for nothing. A cursor past the retention ends with CURSOR_EXPIRED instead of `CaughtUp`.
   */
  async catchUp(device: DeviceConnection, cursor: string, conversations: ConversationCursor[] = []): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const caughtUpTo = await this.pushBacklog(device, cursor);
        if (caughtUpTo === undefined) return;
        const named = new Map(conversations.map((c) => [c.conversationId, c.seq]));
        const groups = await largeGroupsOf(this.store, device.userId);
        const reached: ConversationCursor[] = [];
        // One group after the other: each connection's backlog stays in seq order per group.
        for (const group of groups)
          reached.push(await this.pushLargeGroup(device, group, named.get(group.conversationId)));
        const caughtUp = reached.length > 0 ? { cursor: caughtUpTo, conversations: reached } : { cursor: caughtUpTo };
        const told = await this.fanOut.frameToConnection(device, { caughtUp });
        if (!told) throw new Error(`push server ${device.serverId} failed to take CaughtUp`);
        return;
      } catch (err) {
        if (attempt < CATCH_UP_ATTEMPTS) {
          await new Promise((r) => setTimeout(r, CATCH_UP_RETRY_MS * attempt));
          continue;
        }
        this.logger.warn({ err, ...device }, 'device catch-up failed: closing the connection so the device reconnects');
        await this.fanOut
          .closeConnection(
            device,
            ErrorCodes.UNAVAILABLE,
            'catching up failed: reconnect and log in again with your cursor',
          )
          .catch((closeErr: unknown) =>
            this.logger.warn({ err: closeErr, ...device }, 'could not close the device after a failed catch-up'),
          );
        return;
      }
    }
  }

  /**
   * Pushes a large group's messages after the device's seq (never before its `fromSeq`) to the connection,
   * without cursors, in seq order; returns the seq reached, `expired` when the messages right
   * after the device's seq were no longer kept (the push then started at the oldest kept one).
   */
  private async pushLargeGroup(
    device: DeviceConnection,
    group: LargeGroupPosition,
    deviceSeq: string | undefined,
  ): Promise<ConversationCursor> {
    const { conversationId } = group;
    // Never before `fromSeq`: what precedes it is in the stream, or came before this member (last)
    // joined, whatever older seq a device kept from an earlier membership.
    let after = deviceSeq !== undefined && BigInt(deviceSeq) > BigInt(group.fromSeq) ? deviceSeq : group.fromSeq;
    let expired = false;
    const reached = () => (expired ? { conversationId, seq: after, expired } : { conversationId, seq: after });
    // Up to the latest seq read once the connection was taking live pushes: whatever comes after
    // it is pushed to the connection live, so the catch-up does not chase a busy group.
    while (BigInt(after) < BigInt(group.seq)) {
      const page = await this.store.messages.messagesAfter(conversationId, after, PAGE);
      if (page.expired) expired = true;
      if (page.messages.length === 0) {
        // Nothing after the device's seq is kept any more: everything up to the latest seq is gone.
        if (page.expired) after = group.seq;
        return reached();
      }
      const pushed = await this.fanOut.toConnection(
        device,
        page.messages.map((message) => ({ message })),
      );
      if (!pushed) throw new Error(`push server ${device.serverId} failed a catch-up push`);
      after = page.messages[page.messages.length - 1].seq;
    }
    return reached();
  }

  /**
   * Returns the cursor the device is caught up to (the last one pushed, never below its own), or
   * undefined when the device was told its cursor expired instead.
   */
  private async pushBacklog(device: DeviceConnection, cursor: string): Promise<string | undefined> {
    // Cursor 0 asks for everything kept; any other cursor stays above 0 when rewound, so that a
    // cursor older than the retention is still told it expired.
    const rewound = cursor === '0' ? cursor : String(Math.max(1, Number(cursor) - CATCH_UP_REWIND));
    let after = rewound;
    for (;;) {
      const page = await this.store.messages.sync(device.userId, after, PAGE);
      if (page.expired) {
        // The rewind alone may reach past the retention; the device's own cursor decides.
        if (after === rewound && rewound !== cursor) {
          after = cursor;
          continue;
        }
        await this.fanOut.frameToConnection(device, {
          error: {
            code: ErrorCodes.CURSOR_EXPIRED,
            message: `messages after cursor ${after} are no longer kept (past the retention, or lost): log in again with cursor 0`,
          },
        });
        return undefined;
      }
      if (page.entries.length > 0) {
        const pushed = await this.fanOut.toConnection(device, page.entries);
        if (!pushed) throw new Error(`push server ${device.serverId} failed a catch-up push`);
        after = page.entries[page.entries.length - 1].cursor;
      }
      // The rewind re-sends messages below the device's cursor: those do not lower what it has.
      if (page.entries.length === 0 || !page.hasMore) return BigInt(after) > BigInt(cursor) ? after : cursor;
    }
  }
}
