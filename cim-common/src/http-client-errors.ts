import type http from 'node:http';
import type { Socket } from 'node:net';
import { ErrorCodes, type ErrorCode } from './errors.js';

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

const malformed = { status: 400, reason: 'Bad Request', code: ErrorCodes.INVALID_INPUT, message: 'malformed HTTP request' };

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
      const body = JSON.stringify({ code: answer.code, message: answer.message });
      socket.write(
        `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
          'Content-Type: application/json; charset=utf-8\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\n` +
          'Connection: close\r\n\r\n' +
          body,
      );
    }
    socket.destroy();
  });
}
