import type { NextFunction, Request, Response } from 'express';
import { CimError, ErrorCodes, type ErrorCode } from '@cim/common';
import { requestErrorAnswer, type ErrorBody, type Logger } from '@cim/common/server';
import { z } from 'zod';
import { RateLimitedError } from '../abuse-limits.js';

/** Parses `value` with `schema`, or throws CIM_ERR_INVALID_INPUT naming the first bad field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new CimError(ErrorCodes.INVALID_INPUT, `${where}${issue?.message ?? 'invalid input'}`);
}

export function notFound(_req: Request, res: Response): void {
  res.status(404).json({ code: ErrorCodes.NOT_FOUND, message: 'no such endpoint' });
}

/**
 * Turns every error into `{code, message}` with a fitting status. Client mistakes (bad JSON, too
 * large, invalid fields) are 4xx; only genuine faults are 500, and their details stay in the log.
 */
export function errorHandler(logger: Logger, onError: (code: ErrorCode) => void = () => {}) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const { status, body } = describe(err, logger, req.path);
    onError(body.code);
    if (err instanceof RateLimitedError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    res.status(status).json(body);
  };
}

function describe(err: unknown, logger: Logger, path: string): { status: number; body: ErrorBody } {
  if (err instanceof CimError && err.code === ErrorCodes.UNAVAILABLE) logger.warn({ err, path }, 'backend unavailable');
  const answer = requestErrorAnswer(err);
  if (answer) return answer;
  logger.error({ err, path }, 'request failed');
  return { status: 500, body: { code: ErrorCodes.INTERNAL, message: 'internal error' } };
}
