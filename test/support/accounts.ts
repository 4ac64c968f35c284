import { RouteApi } from '@cim/client';

/** A registered user logged in at the route, with an API client that carries its token. */
export interface SignedUpUser {
  api: RouteApi;
  userId: string;
  userName: string;
  password: string;
  /** The session token of the login on `deviceId`. */
  token: string;
}

/**
 * Registers `userName` (password `password-<userName>` unless given) and logs in on `deviceId`
 * (default "http": no push server connection unless a device connects with the token).
 */
export async function signUp(
  routeUrl: string,
  userName: string,
  options: { deviceId?: string; password?: string } = {},
): Promise<SignedUpUser> {
  const password = options.password ?? `password-${userName}`;
  const api = new RouteApi(routeUrl);
  const { userId } = await api.register(userName, password);
  api.token = (await api.login(userName, password, options.deviceId ?? 'http')).token;
  return { api, userId, userName, password, token: api.token };
}
