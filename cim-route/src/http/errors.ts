import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction } from 'express';
import { CimError, ErrorCodes, type ErrorCode } from '@cim/common';
import { requestErrorAnswer, type ErrorBody, type Logger } from '@cim/common/server';
import { z } from 'zod';
import { RateLimitedError } from '../abuse-limits.js';
import type { ErrorAnswer } from './direct-route.js';
import { writeJson } from './json-answer.js';

/** Parses `value` with `schema`, or throws CIM_ERR_INVALID_INPUT naming the first bad field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new CimError(ErrorCodes.INVALID_INPUT, `${where}${issue?.message ?? 'invalid input'}`);
}

export function notFound(_req: IncomingMessage, res: ServerResponse): void {
  writeJson(res, 404, { code: ErrorCodes.NOT_FOUND, message: 'no such endpoint' });
}

/**
 * Turns every error into `{code, message}` with a fitting status. Client mistakes (bad JSON, too
 * large, invalid fields) are 4xx; only genuine faults are 500, and their details stay in the log.
 */
export function errorAnswer(logger: Logger, onError: (code: ErrorCode) => void = () => {}): ErrorAnswer {
  return (err, req, res) => {
    const { status, body } = describe(err, logger, req.url);
    onError(body.code);
    // Failed after the answer started: nothing coded can follow, so the client sees the cut.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (err instanceof RateLimitedError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    writeJson(res, status, body);
  };
}

/** `errorAnswer` as Express's error handler. */
export function errorHandler(logger: Logger, onError?: (code: ErrorCode) => void) {
  const answer = errorAnswer(logger, onError);
  return (err: unknown, req: IncomingMessage, res: ServerResponse, _next: NextFunction): void => answer(err, req, res);
}

function describe(err: unknown, logger: Logger, url: string | undefined): { status: number; body: ErrorBody } {
  const path = url?.split('?', 1)[0];
  if (err instanceof CimError && err.code === ErrorCodes.UNAVAILABLE) logger.warn({ err, path }, 'backend unavailable');
  const answer = requestErrorAnswer(err);
  if (answer) return answer;
  logger.error({ err, path }, 'request failed');
  return { status: 500, body: { code: ErrorCodes.INTERNAL, message: 'internal error' } };
}
