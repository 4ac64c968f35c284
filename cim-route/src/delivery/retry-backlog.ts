import type { PushDelivery } from '@cim/common';

/** First wait after a failed push; it doubles with every failure in a row, up to the cap. */
const FIRST_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 4_000;

/**
 * The deliveries one push server failed to take, waiting to be pushed to it again, from the first
 * failure of a run of failures until the server takes a push (or the run lasts too long).
 *
 * Bounded: past `capacity` deliveries the oldest are dropped and handed back to the caller to
 * count, so a server that stays unreachable cannot grow the route's memory.
 */
export class RetryBacklog {
  private deliveries: PushDelivery[] = [];
  private rounds = 0;
  /** The pending retry, if one is scheduled. */
  timer: NodeJS.Timeout | undefined;

  constructor(
    /** When the first push of this run of failures failed. */
    readonly failingSince: number,
    private readonly capacity: number,
  ) {}

  get size(): number {
    return this.deliveries.length;
  }

  /** Adds deliveries of a failed push; returns those dropped to stay within capacity (oldest first). */
  add(failed: PushDelivery[]): PushDelivery[] {
    this.deliveries.push(...failed);
    const excess = this.deliveries.length - this.capacity;
    return excess > 0 ? this.deliveries.splice(0, excess) : [];
  }

  /** Everything waiting, leaving the backlog empty. */
  take(): PushDelivery[] {
    const taken = this.deliveries;
    this.deliveries = [];
    return taken;
  }

  /** The wait before the next retry: 0.5 s for the first, then 1 s, 2 s, 4 s, 4 s … */
  nextDelayMs(): number {
    return Math.min(FIRST_RETRY_DELAY_MS * 2 ** this.rounds++, MAX_RETRY_DELAY_MS);
  }
}

/** Devices a delivery addresses: its listed sessions, or one per user (or device) it names. */
export function sessionsOf(deliveries: PushDelivery[]): number {
  return deliveries.reduce(
    (sum, d) => sum + d.targets.reduce((n, t) => n + (t.sessionIds ? t.sessionIds.length : 1), 0),
    0,
  );
}
