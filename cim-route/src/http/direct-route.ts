import type { IncomingMessage, ServerResponse } from 'node:http';

/** A handler of the shape Express runs (Connect's); an async one that rejects hands its error on. */
export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void | Promise<void>;

export type ErrorAnswer = (err: unknown, req: IncomingMessage, res: ServerResponse) => void;

/**
 * Runs `handlers` on a request in order, as Express runs the handlers of one route: each calls
 * `next` to go on, or answers; an error (thrown, rejected or passed to `next`) goes to `onError`.
 * None of Express's per-request set-up, which costs more than everything else a bare request does
 * (it swaps the prototypes of the request and the answer): for the route that carries the traffic.
 */
export function directRoute(handlers: readonly Handler[], onError: ErrorAnswer) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    let index = 0;
    const next = (err?: unknown): void => {
      if (err) return onError(err, req, res);
      const handler = handlers[index++];
      try {
        const running = handler(req, res, next);
        if (running instanceof Promise) running.catch((reason) => next(reason ?? new Error('rejected promise')));
      } catch (thrown) {
        next(thrown ?? new Error('thrown without an error'));
      }
    };
    next();
  };
}
