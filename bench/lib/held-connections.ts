import { split, type Completeness, type Ctx } from './context.js';
import type { ConnectResult, Generator } from './generator-api.js';
import { LatencyHistogram } from './histogram.js';
import type { MintedUsers } from './seed.js';

/** The generators' connect results together: how many logged in, their handshake times, failures by code. */
export function sumConnects(results: ConnectResult[]): {
  connected: number;
  handshake: LatencyHistogram;
  errors: Record<string, number>;
} {
  const handshake = new LatencyHistogram();
  const errors: Record<string, number> = {};
  for (const r of results) {
    handshake.merge(r.handshakes);
    for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
  }
  return { connected: results.reduce((a, r) => a + r.connected, 0), handshake, errors };
}

/** What the generators hold after a hold: open clients, pongs received, and why any others closed. */
export async function heldClients(
  gens: Generator[],
): Promise<{ open: number; pongs: number; closeReasons: Record<string, number> }> {
  const progress = await Promise.all(gens.map((g) => g.progress()));
  const closeReasons: Record<string, number> = {};
  for (const p of progress)
    for (const [k, v] of Object.entries(p.closeReasons)) closeReasons[k] = (closeReasons[k] ?? 0) + v;
  return {
    open: progress.reduce((a, p) => a + p.open, 0),
    pongs: progress.reduce((a, p) => a + p.pongs, 0),
    closeReasons,
  };
}

/** A hold is complete when every connection asked for is still open and none was closed. */
export function holdCompleteness(expected: number, open: number, closeReasons: Record<string, number>): Completeness {
  const closed = Object.keys(closeReasons).length > 0;
  return {
    expected,
    received: open,
    missing: expected - open,
    duplicates: 0,
    ok: open === expected && !closed,
    ...(closed ? { detail: { closeReasons } } : {}),
  };
}

/**
 * Sessions for `count` users from `uidFrom` on, stored for `server`, split over the generators:
 * each generator signs its share's tokens itself (what the route's login would return).
 */
export async function mintSessionsPerGenerator(
  ctx: Ctx,
  serverId: string,
  options: { count: number; uidFrom: number; namePrefix: string },
): Promise<MintedUsers[]> {
  const perGen = split(
    Array.from({ length: options.count }, (_, i) => i),
    ctx.gens.length,
  ).map((p) => p.length);
  const minted = perGen.map((count, i) => ({
    uidFrom: options.uidFrom + perGen.slice(0, i).reduce((a, b) => a + b, 0),
    count,
    namePrefix: options.namePrefix,
    ttlMs: 3_600_000,
  }));
  for (const users of minted) await ctx.cluster.seeder.mintedSessions(users, serverId);
  return minted;
}
