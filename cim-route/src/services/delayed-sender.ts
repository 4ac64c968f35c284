import { CimError, ErrorCodes, type ErrorCode } from '@cim/common';
import type { Logger } from '@cim/common/server';
import type { RouteStore } from '../store/types.js';
import type { Messages } from './messages.js';

const POLL_INTERVAL_MS = 500;
const BATCH = 100;
const PERMANENT = new Set<ErrorCode>([ErrorCodes.NOT_FOUND, ErrorCodes.NOT_A_MEMBER, ErrorCodes.USER_NOT_FOUND]);

/**
 * Sends scheduled messages when they come due. Schedules live in the store, so they survive the
 * sender quitting and any route restarting. Every route polls; two routes sending the same due
 * message store it once, because sends are idempotent on (sender, clientMsgId).
 */
export class DelayedSender {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly store: RouteStore,
    private readonly messages: Messages,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), POLL_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Sends what is due now. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const due = await this.store.schedule.due(this.now(), BATCH);
      for (const m of due) {
        try {
          await this.messages.deliverNow({ uid: m.senderId, name: m.senderName }, m.to, m.body, m.clientMsgId);
        } catch (err) {
          // Anything but a destination that is gone for good (group dissolved, user removed) is
          // retried on the next tick.
          if (!(err instanceof CimError && PERMANENT.has(err.code))) throw err;
          this.logger.warn(
            { err, clientMsgId: m.clientMsgId },
            'scheduled message has no destination any more: dropped',
          );
        }
        await this.store.schedule.remove(m.senderId, m.clientMsgId);
      }
    } catch (err) {
      this.logger.warn({ err }, 'scheduled messages unavailable');
    } finally {
      this.running = false;
    }
  }
}
