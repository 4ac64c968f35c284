import { CimError, errorFromWire, ErrorCodes, type Destination, type Frame } from '@cim/common/client';
import type { SendAnswer } from './route-api.js';
import type { Transport } from './transport.js';

/**
 * Answers to a send over the connection after which the same send is retried over HTTP: the
 * connection went away or went quiet, the server could not reach the route, or the session moved on.
 */
const RETRY_OVER_HTTP = new Set<string>([
  ErrorCodes.CLOSED,
  ErrorCodes.TIMEOUT,
  ErrorCodes.UNAVAILABLE,
  ErrorCodes.BAD_TOKEN,
  ErrorCodes.SESSION_ENDED,
]);

/** How long a send over the connection waits for its SendResult before trying HTTP. */
const SEND_TIMEOUT_MS = 10_000;

/** Whether a send that failed over the connection goes over HTTP next (not when the caller aborted). */
export function retryOverHttp(err: unknown, signal?: AbortSignal): boolean {
  return !signal?.aborted && err instanceof CimError && RETRY_OVER_HTTP.has(err.code);
}

/**
 * Sends over the push server's connection: each waits for the SendResult with its requestId, or
 * fails on a timeout, an abort, or the connection going away.
 */
export class ConnectionSends {
  /** Sends waiting for their SendResult, by requestId. */
  private readonly inFlight = new Map<number, (outcome: SendAnswer | Error) => void>();
  private nextRequestId = 1;

  send(
    connection: Transport,
    send: { clientMsgId: string; to: Destination; body: string },
    signal?: AbortSignal,
  ): Promise<SendAnswer> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const settle = (outcome: SendAnswer | Error) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.inFlight.delete(requestId);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const onAbort = () => settle(new CimError(ErrorCodes.CLOSED, 'aborted'));
      const timer = setTimeout(
        () => settle(new CimError(ErrorCodes.TIMEOUT, 'the push server did not answer the send')),
        SEND_TIMEOUT_MS,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      this.inFlight.set(requestId, settle);
      connection.send({ requestId, send });
    });
  }

  /** Settles the send a SendResult frame answers. */
  answer(frame: Extract<Frame, { sendResult: unknown }>): void {
    const { error, ...answer } = frame.sendResult;
    this.inFlight.get(frame.requestId ?? 0)?.(error ? errorFromWire(error) : (answer as SendAnswer));
  }

  /** Fails every send still waiting for its SendResult (the connection went away). */
  failAll(): void {
    for (const settle of [...this.inFlight.values()])
      settle(new CimError(ErrorCodes.CLOSED, 'the connection closed before the send was answered'));
  }
}
