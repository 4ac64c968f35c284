import type http from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { CimError, ErrorCodes, type ErrorCode } from './errors.js';

/** The body of every error answer of CIM's HTTP APIs, public and internal. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/**
 * The answer to an error a request caused: a CimError with its own status, or a 4xx of the body
 * parser (too large, not JSON). Anything else is a fault of the server, left to the caller.
 */
export function requestErrorAnswer(err: unknown): { status: number; body: ErrorBody } | undefined {
  if (err instanceof CimError) return { status: err.httpStatus, body: err.toJSON() };
  const httpError = err as { status?: number; statusCode?: number; type?: string; message?: string };
  const status = httpError.status ?? httpError.statusCode;
  if (!status || status < 400 || status >= 500) return undefined;
  if (httpError.type === 'entity.too.large') {
    return { status, body: { code: ErrorCodes.BODY_TOO_LARGE, message: 'request body is too large' } };
  }
  if (httpError.type === 'entity.parse.failed') {
    return { status, body: { code: ErrorCodes.INVALID_INPUT, message: 'request body is not valid JSON' } };
  }
  return { status, body: { code: ErrorCodes.INVALID_INPUT, message: httpError.message ?? 'bad request' } };
}

/** Node's parser and timer errors, with the status Node itself would answer. */
const answers: Record<string, { status: number; reason: string; code: ErrorCode; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: ErrorCodes.INVALID_INPUT,
    message: 'request headers are too large',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: ErrorCodes.TIMEOUT,
    message: 'the request was not received in time',
  },
};

const malformed = {
  status: 400,
  reason: 'Bad Request',
  code: ErrorCodes.INVALID_INPUT,
  message: 'malformed HTTP request',
};

/**
 * Answers the requests Node refuses before Express sees them (headers too large, too slow,
 * unparsable) with the API's `{code, message}` JSON instead of Node's bare status line.
 * `counted` hears the code of every such answer (for metrics).
 */
export function answerClientErrors(server: http.Server, counted: (code: ErrorCode) => void = () => {}): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    // Only when nothing of a response is on the wire yet, or the peer would read a corrupt one.
    const inFlight = (socket as Socket & { _httpMessage?: http.ServerResponse })._httpMessage;
    if (err.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
      const answer = (err.code && answers[err.code]) || malformed;
      counted(answer.code);
      writeRawErrorAnswer(socket, answer.status, answer.reason, { code: answer.code, message: answer.message });
    }
    socket.destroy();
  });
}

/**
 * Writes a whole `{code, message}` answer straight onto a socket that no `ServerResponse` owns (a
 * request Node refused, an upgrade refused before the handshake). The caller closes the socket.
 */
export function writeRawErrorAnswer(socket: Duplex, status: number, reason: string, error: ErrorBody): void {
  const body = JSON.stringify(error);
  socket.write(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
