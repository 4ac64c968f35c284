import { sleep } from '../lib/cluster.js';
import { fmtInt, sampler, split, type Ctx } from '../lib/context.js';
import { LatencyHistogram } from '../lib/histogram.js';
import { memory } from '../lib/proc.js';
import { runB1 } from './b1-fanout.js';
import { mb, PER_CONNECTION_TARGET } from './b3-connections.js';

/** Above the uids of B3's phases (50,000,000 and 60,000,000 + …): no user is logged in twice. */
const UID_BASE = 70_000_000;
const HANDSHAKES_IN_FLIGHT = 100;

/**
 * The WebSocket listener against TCP, on the same machine in the same run:
 *  1. idle WebSocket connections on one push server process, held with `Ping` heartbeats: server
 *     memory per connection, as B3 measures it for TCP;
 *  2. B1's direct fan-out (broadcast, and deliveries with per-user cursors) to N clients on TCP,
 *     then to N clients on WebSocket: deliveries per second and CPU per delivery on each.
 */
export async function runB3WebSocket(ctx: Ctx): Promise<void> {
  await idleWebSockets(ctx);
  const n = ctx.sizes.b1Ns.at(-1)!;
  const variants = new Set(['broadcast', 'deliveries']);
  for (const transport of ['tcp', 'ws'] as const) {
    const before = ctx.results.length;
    await runB1(ctx, n, variants, { transport, tag: transport });
    for (const result of ctx.results.slice(before)) {
      result.name += transport === 'ws' ? ' over WebSocket' : ' over TCP';
      result.params.transport = transport;
    }
  }
}

async function idleWebSockets(ctx: Ctx): Promise<void> {
  const { cluster, sizes } = ctx;
  const target = sizes.b3Connections;
  ctx.log(`B3 WebSocket: ${fmtInt(target)} idle WebSocket connections on one push server`);
  const server = await cluster.startServer('b3-ws', sizes.b3HeartbeatMs);
  await sleep(1_000);
  const baseline = memory(server.pid)!;

  const perGen = split(
    Array.from({ length: target }, (_, i) => i),
    ctx.gens.length,
  ).map((p) => p.length);
  const minted = perGen.map((count, i) => ({
    uidFrom: UID_BASE + perGen.slice(0, i).reduce((a, b) => a + b, 0),
    count,
    namePrefix: 'b3w',
    ttlMs: 3_600_000,
  }));
  for (const users of minted) await cluster.seeder.mintedSessions(users, server.id);
  const s = sampler(ctx);
  s.begin();
  const t0 = performance.now();
  const connects = await Promise.all(
    ctx.gens.map((g, i) =>
      g.connectCim({
        host: '127.0.0.1',
        port: server.wsPort,
        transport: 'ws',
        mint: { secret: cluster.secret, ...minted[i] },
        localAddresses: ctx.localAddresses,
        concurrency: HANDSHAKES_IN_FLIGHT,
        heartbeatMs: sizes.b3HeartbeatMs,
      }),
    ),
  );
  const connectMs = performance.now() - t0;
  const connected = connects.reduce((a, r) => a + r.connected, 0);
  const handshake = new LatencyHistogram();
  const errors: Record<string, number> = {};
  for (const r of connects) {
    handshake.merge(r.handshakes);
    for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
  }
  ctx.log(`  ${fmtInt(connected)} connected; holding ${sizes.b3HoldMs / 1000} s with heartbeats`);
  await sleep(sizes.b3HoldMs);
  const progress = await Promise.all(ctx.gens.map((g) => g.progress()));
  const open = progress.reduce((a, p) => a + p.open, 0);
  const closeReasons: Record<string, number> = {};
  for (const p of progress)
    for (const [k, v] of Object.entries(p.closeReasons)) closeReasons[k] = (closeReasons[k] ?? 0) + v;
  const held = memory(server.pid)!;
  const metrics = await server.metrics();
  const processes = s.end();
  const perConn = (held.rss - baseline.rss) / Math.max(1, connected);
  ctx.results.push({
    id: 'B3',
    name: `idle WebSocket connections on one server (heartbeat ${sizes.b3HeartbeatMs / 1000} s)`,
    params: { target, transport: 'ws', generators: ctx.gens.length, holdMs: sizes.b3HoldMs },
    rate: { value: open, unit: 'connections held' },
    units: connected,
    latencyMs: handshake.summary(),
    completeness: {
      expected: target,
      received: open,
      missing: target - open,
      duplicates: 0,
      ok: open === target && Object.keys(closeReasons).length === 0,
      ...(Object.keys(closeReasons).length ? { detail: { closeReasons } } : {}),
    },
    processes,
    machine: s.machine,
    target: { text: 'the TCP target, ≤ 8 KiB per connection, for comparison', met: perConn <= PER_CONNECTION_TARGET },
    extra: {
      connectRatePerSec: Math.round((connected / connectMs) * 1000),
      rssBaselineMB: mb(baseline.rss),
      rssHeldMB: mb(held.rss),
      bytesPerConnection: Math.round(perConn),
      serverSeesConnections: metrics.cim_server_connections,
      pongsDuringHold: progress.reduce((a, p) => a + p.pongs, 0),
      errors,
    },
    notes: connected < target ? [`only ${connected} of ${target} connected: ${JSON.stringify(errors)}`] : [],
  });
  ctx.log(`  server RSS ${mb(baseline.rss)} → ${mb(held.rss)} MB: ${fmtInt(perConn)} bytes per WebSocket connection`);
  await Promise.all(ctx.gens.map((g) => g.closeAll()));
}
