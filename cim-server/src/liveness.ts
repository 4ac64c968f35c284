import { ErrorCodes } from '@cim/common';
import type { Connection } from './connection.js';

/**
 * Decides which connections are dead: not logged in within `loginTimeoutMs`, or silent for
 * 1.5 × `heartbeatMs`. One periodic sweep over all connections instead of a timer per connection.
 */
export class LivenessSweeper {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connections: () => Iterable<Connection>,
    private readonly options: { heartbeatMs: number; loginTimeoutMs: number; now: () => number },
  ) {}

  start(): void {
    const interval = Math.max(
      50,
      Math.min(1_000, Math.floor(Math.min(this.options.heartbeatMs, this.options.loginTimeoutMs) / 4)),
    );
    this.timer = setInterval(() => this.sweep(), interval);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  sweep(): void {
    const now = this.options.now();
    const silenceLimit = this.options.heartbeatMs * 1.5;
    for (const conn of this.connections()) {
      if (conn.closed) continue;
      if (!conn.user) {
        if (now - conn.openedAt >= this.options.loginTimeoutMs) {
          conn.closeWithError(
            ErrorCodes.LOGIN_TIMEOUT,
            `no Login frame within ${this.options.loginTimeoutMs} ms`,
            'login-timeout',
          );
        }
      } else if (now - conn.lastSeen >= silenceLimit) {
        conn.closeWithError(
          ErrorCodes.HEARTBEAT_TIMEOUT,
          `nothing received for ${silenceLimit} ms`,
          'heartbeat-timeout',
        );
      }
    }
  }
}
