import { sleep } from '../lib/cluster.js';
import { fmtInt, sampler, type Ctx } from '../lib/context.js';
import { heldClients, holdCompleteness, mintSessionsPerGenerator, sumConnects } from '../lib/held-connections.js';
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

  const minted = await mintSessionsPerGenerator(ctx, server.id, {
    count: target,
    uidFrom: UID_BASE,
    namePrefix: 'b3w',
  });
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
  const { connected, handshake, errors } = sumConnects(connects);
  ctx.log(`  ${fmtInt(connected)} connected; holding ${sizes.b3HoldMs / 1000} s with heartbeats`);
  await sleep(sizes.b3HoldMs);
  const { open, pongs, closeReasons } = await heldClients(ctx.gens);
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
    completeness: holdCompleteness(target, open, closeReasons),
    processes,
    machine: s.machine,
    target: { text: 'the TCP target, ≤ 8 KiB per connection, for comparison', met: perConn <= PER_CONNECTION_TARGET },
    extra: {
      connectRatePerSec: Math.round((connected / connectMs) * 1000),
      rssBaselineMB: mb(baseline.rss),
      rssHeldMB: mb(held.rss),
      bytesPerConnection: Math.round(perConn),
      serverSeesConnections: metrics.cim_server_connections,
      pongsDuringHold: pongs,
      errors,
    },
    notes: connected < target ? [`only ${connected} of ${target} connected: ${JSON.stringify(errors)}`] : [],
  });
  ctx.log(`  server RSS ${mb(baseline.rss)} → ${mb(held.rss)} MB: ${fmtInt(perConn)} bytes per WebSocket connection`);
  await Promise.all(ctx.gens.map((g) => g.closeAll()));
}
