import type { NextFunction, Request, Response } from 'express';
import { CimError, ErrorCodes, type Logger } from '@cim/common';
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
export function errorHandler(logger: Logger, onError: (code: string) => void = () => {}) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const { status, body } = describe(err, logger, req.path);
    onError(body.code);
    if (err instanceof RateLimitedError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    res.status(status).json(body);
  };
}

function describe(err: unknown, logger: Logger, path: string): { status: number; body: { code: string; message: string } } {
  if (err instanceof CimError) {
    if (err.code === ErrorCodes.UNAVAILABLE) logger.warn({ err, path }, 'backend unavailable');
    return { status: err.httpStatus, body: err.toJSON() };
  }
  const httpError = err as { status?: number; statusCode?: number; type?: string; message?: string };
  const status = httpError.status ?? httpError.statusCode;
  if (status && status >= 400 && status < 500) {
    if (httpError.type === 'entity.too.large') {
      return { status, body: { code: ErrorCodes.BODY_TOO_LARGE, message: 'request body is too large' } };
    }
    if (httpError.type === 'entity.parse.failed') {
      return { status, body: { code: ErrorCodes.INVALID_INPUT, message: 'request body is not valid JSON' } };
    }
    return { status, body: { code: ErrorCodes.INVALID_INPUT, message: httpError.message ?? 'bad request' } };
  }
  logger.error({ err, path }, 'request failed');
  return { status: 500, body: { code: ErrorCodes.INTERNAL, message: 'internal error' } };
}
