import type { Destination } from '@cim/common';
import type { RouteApi } from '@cim/client';

/** Who `cim send <to>` addresses, before any name is looked up. */
export type Recipient = { broadcast: true } | { userId: string } | { userName: string };

/**
 * `lobby` or `all` is the broadcast lobby, a bare number a user id (as in CIM's `id;;text`),
 * `@name` or any other word a user name. `@` forces a name, for users called "all" or "42".
 */
export function parseRecipient(to: string): Recipient {
  if (to.startsWith('@')) return { userName: to.slice(1) };
  if (to === 'lobby' || to === 'all') return { broadcast: true };
  if (/^[1-9]\d*$/.test(to)) return { userId: to };
  return { userName: to };
}

/** Turns a recipient into a wire destination, looking a name up on the route. */
export async function resolveRecipient(
  recipient: Recipient,
  api: RouteApi,
  signal?: AbortSignal,
): Promise<Destination> {
  if ('userName' in recipient) return { userId: (await api.userByName(recipient.userName, signal)).userId };
  return recipient;
}
