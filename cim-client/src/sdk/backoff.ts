import { CimError, ErrorCodes } from '@cim/common/client';

/**
 * Reconnect delays: exponential with full jitter (a random delay between 0 and the cap), so a
 * crowd of clients that lost the same server does not come back in lock-step.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly minMs = 200,
    private readonly maxMs = 10_000,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const cap = Math.min(this.maxMs, this.minMs * 2 ** this.attempt);
    this.attempt++;
    return Math.round(this.minMs / 2 + this.random() * (cap - this.minMs / 2));
  }

  reset(): void {
    this.attempt = 0;
  }
}

/** Waits `ms`; rejects with CLOSED as soon as `signal` aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CimError(ErrorCodes.CLOSED, 'aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
