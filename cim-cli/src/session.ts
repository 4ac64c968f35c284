import { CimError, ErrorCodes } from '@cim/common/client';
import { RouteApi, type CimClient } from '@cim/client';
import { describeError } from './format.js';
import type { SessionKey, SessionStore } from './session-store.js';

/**
 * Connects, creating the account on first use so `cim chat <name>` just works for a newcomer.
 * The route answers CIM_ERR_BAD_CREDENTIALS alike for an unknown name and a wrong password (so
 * names cannot be probed); trying to register tells the two apart.
 */
export async function connectOrRegister(
  client: CimClient,
  userName: string,
  password: string,
  signal?: AbortSignal,
): Promise<{ registered: boolean }> {
  try {
    await client.connect(signal);
    return { registered: false };
  } catch (err) {
    if (!(err instanceof CimError) || err.code !== ErrorCodes.BAD_CREDENTIALS) throw err;
  }
  try {
    await client.api.register(userName, password, signal);
  } catch (err) {
    if (err instanceof CimError && err.code === ErrorCodes.USER_EXISTS) {
      throw new CimError(ErrorCodes.BAD_CREDENTIALS, `wrong password for ${userName}`);
    }
    throw err;
  }
  await client.connect(signal);
  return { registered: true };
}

/** What the route answers for a token whose session is over: only the password helps then. */
const SESSION_OVER = new Set<string>([
  ErrorCodes.SESSION_ENDED,
  ErrorCodes.BAD_TOKEN,
  ErrorCodes.TOKEN_EXPIRED,
  ErrorCodes.UNAUTHORIZED,
]);

export function sessionIsOver(err: unknown): boolean {
  return err instanceof CimError && SESSION_OVER.has(err.code);
}

/** Keeps the newest token of `client`'s session in `sessions`, and forgets it once the session has ended. */
export function keepSession(client: CimClient, sessions: SessionStore, key: SessionKey): void {
  client.on('session', ({ token, userId, deviceId, expiresAt }) => {
    void sessions.save(key, { token, userId, deviceId, expiresAt }).catch(() => undefined);
  });
  client.on('sessionEnded', () => void sessions.forget(key).catch(() => undefined));
}

/**
 * Connects `client` (made with the stored token of `key`) without a password. Undefined when there
 * is no stored session, or the route says it is over (then it is forgotten): the caller asks for
 * the password. Other failures (the route unreachable) are thrown.
 */
export async function resumeStored(
  sessions: SessionStore,
  key: SessionKey,
  clientWithToken: (token: string) => CimClient,
): Promise<CimClient | undefined> {
  const stored = await sessions.load(key);
  if (!stored) return undefined;
  const client = clientWithToken(stored.token);
  try {
    await client.connect();
    return client;
  } catch (err) {
    await client.close({ logout: false }).catch(() => undefined);
    if (!sessionIsOver(err)) throw err;
    await sessions.forget(key);
    return undefined;
  }
}

/**
 * Ends the stored session of `key` at the route and forgets it here. Forgotten even when the route
 * cannot be told (it is down, or unreachable from here): `toldRoute` is then false, with why.
 */
export async function logoutStored(
  sessions: SessionStore,
  key: SessionKey,
): Promise<{ hadSession: boolean; toldRoute: boolean; problem?: string }> {
  const stored = await sessions.load(key);
  if (!stored) return { hadSession: false, toldRoute: false };
  const api = new RouteApi(key.routeUrl);
  api.token = stored.token;
  let problem: string | undefined;
  try {
    await api.logout();
  } catch (err) {
    // A session that is over already needs no telling.
    if (!sessionIsOver(err)) problem = describeError(err);
  }
  await sessions.forget(key);
  return { hadSession: true, toldRoute: problem === undefined, problem };
}
