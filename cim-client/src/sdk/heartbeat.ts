import { unref, type Timer } from './platform-basics.js';

/**
 * Pings the push server and notices when it has gone quiet: `heard()` on every frame received,
 * `onSilence` once nothing (not even a Pong) has come for two heartbeats.
 */
export class Heartbeat {
  private timer: Timer | undefined;
  private lastHeard = 0;

  constructor(
    private readonly ping: () => void,
    private readonly onSilence: () => void,
  ) {}

  heard(): void {
    this.lastHeard = Date.now();
  }

  start(heartbeatMs: number): void {
    this.stop();
    // Twice per heartbeat: the server evicts after 1.5 heartbeats of silence, so one late ping (a
    // busy event loop, a slow network) must not cost the connection and its session.
    this.timer = setInterval(() => {
      // No frame (not even a Pong) for two heartbeats: the server or the path to it is dead.
      if (Date.now() - this.lastHeard > heartbeatMs * 2) {
        this.onSilence();
        return;
      }
      this.ping();
    }, heartbeatMs / 2);
    unref(this.timer);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
