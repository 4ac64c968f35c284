/**
 * Every error CIM reports to a user carries a stable, machine-readable code. The same codes appear
 * in TCP `Error` frames, HTTP `{code, message}` bodies and SDK exceptions.
 */
export const ErrorCodes = {
  FRAME_TOO_LARGE: 'CIM_ERR_FRAME_TOO_LARGE',
  BAD_FRAME: 'CIM_ERR_BAD_FRAME',
  LOGIN_REQUIRED: 'CIM_ERR_LOGIN_REQUIRED',
  LOGIN_TIMEOUT: 'CIM_ERR_LOGIN_TIMEOUT',
  BAD_TOKEN: 'CIM_ERR_BAD_TOKEN',
  TOKEN_EXPIRED: 'CIM_ERR_TOKEN_EXPIRED',
  /** The token's session is over: logged out, replaced by a newer login, or its grace after a dropped connection ran out. */
  SESSION_ENDED: 'CIM_ERR_SESSION_ENDED',
  HEARTBEAT_TIMEOUT: 'CIM_ERR_HEARTBEAT_TIMEOUT',
  SLOW_CONSUMER: 'CIM_ERR_SLOW_CONSUMER',
  TOO_MANY_CONNECTIONS: 'CIM_ERR_TOO_MANY_CONNECTIONS',
  /** A push server that is shutting down closes new connections (with a Redirect back to the route). */
  DRAINING: 'CIM_ERR_DRAINING',
  INVALID_INPUT: 'CIM_ERR_INVALID_INPUT',
  BODY_TOO_LARGE: 'CIM_ERR_BODY_TOO_LARGE',
  UNAUTHORIZED: 'CIM_ERR_UNAUTHORIZED',
  FORBIDDEN: 'CIM_ERR_FORBIDDEN',
  NOT_FOUND: 'CIM_ERR_NOT_FOUND',
  USER_EXISTS: 'CIM_ERR_USER_EXISTS',
  BAD_CREDENTIALS: 'CIM_ERR_BAD_CREDENTIALS',
  ALREADY_LOGGED_IN: 'CIM_ERR_ALREADY_LOGGED_IN',
  USER_NOT_FOUND: 'CIM_ERR_USER_NOT_FOUND',
  CURSOR_EXPIRED: 'CIM_ERR_CURSOR_EXPIRED',
  GROUP_FULL: 'CIM_ERR_GROUP_FULL',
  NOT_A_MEMBER: 'CIM_ERR_NOT_A_MEMBER',
  RECALL_TOO_LATE: 'CIM_ERR_RECALL_TOO_LATE',
  RATE_LIMITED: 'CIM_ERR_RATE_LIMITED',
  NO_SERVER: 'CIM_ERR_NO_SERVER',
  UNAVAILABLE: 'CIM_ERR_UNAVAILABLE',
  UNSUPPORTED: 'CIM_ERR_UNSUPPORTED',
  INTERNAL: 'CIM_ERR_INTERNAL',
  CLOSED: 'CIM_ERR_CLOSED',
  TIMEOUT: 'CIM_ERR_TIMEOUT',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** HTTP status that fits each code; codes not listed map to 400. */
const httpStatusByCode: Partial<Record<ErrorCode, number>> = {
  CIM_ERR_UNAUTHORIZED: 401,
  CIM_ERR_BAD_TOKEN: 401,
  CIM_ERR_TOKEN_EXPIRED: 401,
  CIM_ERR_SESSION_ENDED: 401,
  CIM_ERR_BAD_CREDENTIALS: 401,
  CIM_ERR_FORBIDDEN: 403,
  CIM_ERR_NOT_FOUND: 404,
  CIM_ERR_USER_NOT_FOUND: 404,
  CIM_ERR_USER_EXISTS: 409,
  CIM_ERR_ALREADY_LOGGED_IN: 409,
  CIM_ERR_GROUP_FULL: 409,
  CIM_ERR_NOT_A_MEMBER: 403,
  CIM_ERR_RECALL_TOO_LATE: 409,
  CIM_ERR_CURSOR_EXPIRED: 410,
  CIM_ERR_BODY_TOO_LARGE: 413,
  CIM_ERR_RATE_LIMITED: 429,
  CIM_ERR_TOO_MANY_CONNECTIONS: 429,
  CIM_ERR_INTERNAL: 500,
  CIM_ERR_NO_SERVER: 503,
  CIM_ERR_DRAINING: 503,
  CIM_ERR_UNAVAILABLE: 503,
  CIM_ERR_TIMEOUT: 504,
};

export class CimError extends Error {
  override name = 'CimError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  get httpStatus(): number {
    return httpStatusByCode[this.code] ?? 400;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isCimError(err: unknown): err is CimError {
  return err instanceof CimError;
}

const knownCodes = new Set<string>(Object.values(ErrorCodes));

export function isErrorCode(code: string): code is ErrorCode {
  return knownCodes.has(code);
}

/**
 * The CimError for a `{code, message}` a peer sent (an Error frame, a failed SendResult). A code
 * this version does not know becomes CIM_ERR_INTERNAL, with the peer's code kept in the message.
 */
export function errorFromWire(error: { code: string; message: string }): CimError {
  if (isErrorCode(error.code)) return new CimError(error.code, error.message);
  return new CimError(ErrorCodes.INTERNAL, `${error.code}: ${error.message}`);
}
