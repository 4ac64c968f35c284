import { CimError, ErrorCodes, type FrameKind } from '@cim/common';
import { TokenBucket } from './token-bucket.js';

export interface InboundRateSettings {
  inboundFramesPerSec: number;
  inboundFrameBurst: number;
}

/** What to do with the next frame of a connection. */
export type Admission = { ok: true } | { waitMs: number } | { refuse: CimError };

/**
 * How fast one connection may send. Pings and the other frames have a bucket each, of the same
 * size: a frame past its bucket waits (the server stops reading the socket until a token is
 * there, so nothing is lost and the client feels TCP backpressure), while a Ping past its bucket
 * closes the connection — a heartbeat needs one Ping per half heartbeat, and answering a flood
 * of them would take the event loop from every other connection.
 */
export class InboundRate {
  private readonly frames: TokenBucket;
  private readonly pings: TokenBucket;

  constructor(
    private readonly settings: InboundRateSettings,
    now: () => number,
  ) {
    this.frames = new TokenBucket(settings.inboundFramesPerSec, settings.inboundFrameBurst, now);
    this.pings = new TokenBucket(settings.inboundFramesPerSec, settings.inboundFrameBurst, now);
  }

  admit(kind: FrameKind): Admission {
    if (kind === 'ping') {
      if (this.pings.take()) return { ok: true };
      const { inboundFramesPerSec, inboundFrameBurst } = this.settings;
      return {
        refuse: new CimError(
          ErrorCodes.RATE_LIMITED,
          `more than ${inboundFramesPerSec} Pings a second (burst ${inboundFrameBurst}): send one per half heartbeat`,
        ),
      };
    }
    if (this.frames.take()) return { ok: true };
    return { waitMs: this.frames.msUntilToken() };
  }
}
