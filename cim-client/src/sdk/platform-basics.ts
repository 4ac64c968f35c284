/**
 * What the SDK needs of its host that Node and browsers both have, spelled so that neither needs
 * anything of the other: timers that do not hold a Node process open, and random ids.
 */

/** A timer handle: a `Timeout` object on Node, a number in a browser. */
export type Timer = ReturnType<typeof setTimeout>;

/** Lets a Node process exit while `timer` is pending (browsers have no such notion). */
export function unref<T extends Timer>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure contexts (HTTPS or
 * localhost) of a browser; `crypto.getRandomValues` exists everywhere.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
