import { CimError, ErrorCodes, type Frame } from '@cim/common';
import type { LoginInfo, RouteApi } from './route-api.js';
import type { ServerConnection } from './server-connection.js';

/** Answers to a session refresh that mean "log in with the password instead". */
const SESSION_ENDED = new Set<string>([
  ErrorCodes.BAD_TOKEN,
  ErrorCodes.TOKEN_EXPIRED,
  ErrorCodes.SESSION_ENDED,
  ErrorCodes.UNAUTHORIZED,
]);

/**
 * A reconnect first refreshes the session it had: no password hash on the route, so every client
 * of a push server that went away can come back at once. Only a session that has ended (logged
 * out elsewhere, replaced, expired) needs the password again.
 */
export async function startSession(
  api: RouteApi,
  credentials: { userName: string; password: string; deviceId: string },
  signal?: AbortSignal,
): Promise<LoginInfo> {
  if (api.token) {
    try {
      return await api.refresh(signal);
    } catch (err) {
      if (!(err instanceof CimError) || !SESSION_ENDED.has(err.code)) throw err;
    }
  }
  return api.login(credentials.userName, credentials.password, credentials.deviceId, signal);
}

/**
 * LoginOk, or the server's Error, or a timeout: a server that accepted the TCP connection but
 * never answers (a stopped process still has its listening socket) must not hold the client.
 */
export function loginAnswer(connection: ServerConnection, timeoutMs: number): Promise<{ heartbeatMs?: number }> {
  return new Promise((resolve, reject) => {
    const finish = (outcome: { heartbeatMs?: number } | Error) => {
      clearTimeout(timer);
      connection.off('frame', onFrame);
      connection.off('close', onClose);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onFrame = (frame: Frame) => {
      if ('loginOk' in frame) finish(frame.loginOk);
      else if ('error' in frame) finish(new CimError(frame.error.code as never, frame.error.message));
    };
    const onClose = (err?: Error) =>
      finish(err ?? new CimError(ErrorCodes.CLOSED, 'push server closed the connection during login'));
    const timer = setTimeout(
      () => finish(new CimError(ErrorCodes.TIMEOUT, 'push server did not answer the login')),
      timeoutMs,
    );
    connection.on('frame', onFrame);
    connection.once('close', onClose);
  });
}
