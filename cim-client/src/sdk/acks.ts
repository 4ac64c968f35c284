import type { Timer } from './platform-basics.js';

const ACK_DELAY_MS = 20;

/** Acks are coalesced: one Ack frame for everything that arrived within a few milliseconds. */
export class AckScheduler {
  private timer: Timer | undefined;

  constructor(private readonly sendAck: () => void) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sendAck();
    }, ACK_DELAY_MS);
  }

  /** Drops a pending ack; true when one was pending (the caller may then send it itself). */
  cancel(): boolean {
    if (!this.timer) return false;
    clearTimeout(this.timer);
    this.timer = undefined;
    return true;
  }
}
