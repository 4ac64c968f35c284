import type { NextFunction, Request, Response } from 'express';
import { CimError, ErrorCodes, type Logger } from '@cim/common';
import { z } from 'zod';

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
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (err instanceof CimError) {
      res.status(err.httpStatus).json(err.toJSON());
      return;
    }
    const httpError = err as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = httpError.status ?? httpError.statusCode;
    if (status && status >= 400 && status < 500) {
      const code =
        httpError.type === 'entity.too.large'
          ? ErrorCodes.BODY_TOO_LARGE
          : httpError.type === 'entity.parse.failed'
            ? ErrorCodes.INVALID_INPUT
            : ErrorCodes.INVALID_INPUT;
      const message = httpError.type === 'entity.parse.failed' ? 'request body is not valid JSON' : (httpError.message ?? 'bad request');
      res.status(status).json({ code, message });
      return;
    }
    if (isBackendDown(err)) {
      logger.warn({ err, path: req.path }, 'backend unavailable');
      res.status(503).json({ code: ErrorCodes.UNAVAILABLE, message: 'storage is unavailable: retry shortly' });
      return;
    }
    logger.error({ err, path: req.path }, 'request failed');
    res.status(500).json({ code: ErrorCodes.INTERNAL, message: 'internal error' });
  };
}

function isBackendDown(err: unknown): boolean {
  const message = (err as Error)?.message ?? '';
  return /Connection is closed|ECONNREFUSED|Stream isn't writeable|max retries|MaxRetriesPerRequest/i.test(message);
}
