import { sleep } from '../lib/cluster.js';
import {
  collectAll,
  completenessOf,
  connectUsers,
  fmtInt,
  sampler,
  WireCounter,
  type Ctx,
  type ScenarioResult,
} from '../lib/context.js';
import type { PushServerHandle } from '../lib/cluster.js';
import type { SendResult } from '../lib/generator-api.js';
import { LatencyHistogram } from '../lib/histogram.js';

/**
 * B2: private messages between many pairs, through the route: HTTP POST /api/v1/messages (keep-
 * alive) → store → push request → push server → the recipient's TCP connection. Each generator
 * holds whole pairs, so a message is sent and received in the same process (one clock).
 *  - saturation: closed loop, a fixed number of requests in flight;
 *  - fixed offered rates: open loop, sends on schedule without waiting for answers; latency is
 *    taken from the scheduled send time, so a stalled system cannot hide its queue.
 * Two transports: HTTP POST /api/v1/messages (one request per message, as the brief asks), and
 * Send frames on the clients' own TCP connections, which the push server relays to the route in
 * batches (up to 500 events per request) — the path a device without HTTP uses.
 * The route's per-user send limit (20/s, burst 50) is not configurable from `cim route`, so the
 * load is spread round-robin over all 2 × pairs users.
 */
export async function runB2(ctx: Ctx): Promise<void> {
  const { cluster, sizes } = ctx;
  const pairs = sizes.b2Pairs;
  ctx.log(`B2 private chat: ${fmtInt(pairs)} pairs, seeding and logging in…`);
  const server = await cluster.startServer('b2', 30_000);
  const users = await cluster.seeder.users('b2u', pairs * 2, server.id);
  const { chunks } = await connectUsers(ctx, users, server, { heartbeatMs: 30_000 });
  const pairsOf = chunks.map((chunk) =>
    Array.from({ length: Math.floor(chunk.length / 2) }, (_, k) => [2 * k, 2 * k + 1] as [number, number]),
  );
  const maxSenderRate = pairs * 2 * 20;

  for (const transport of sizes.b2Transports) {
    ctx.results.push(
      await phase(ctx, server, pairsOf, transport, { mode: 'closed', concurrency: sizes.b2Concurrency }, maxSenderRate),
    );
    for (const rate of sizes.b2Rates)
      ctx.results.push(await phase(ctx, server, pairsOf, transport, { mode: 'open', rate }, maxSenderRate));
  }
  await Promise.all(ctx.gens.map((g) => g.closeAll()));
}

async function phase(
  ctx: Ctx,
  server: PushServerHandle,
  pairsOf: [number, number][][],
  transport: 'http' | 'tcp',
  load: { mode: 'closed'; concurrency: number } | { mode: 'open'; rate: number },
  maxSenderRate: number,
): Promise<ScenarioResult> {
  const { sizes } = ctx;
  const how = transport === 'http' ? 'HTTP POST' : 'TCP Send';
  const label =
    load.mode === 'closed'
      ? `${how}, saturation (${load.concurrency} in flight)`
      : `${how}, offered ${fmtInt(load.rate)} msg/s`;
  ctx.log(`  B2 ${label}, ${sizes.b2DurationMs / 1000} s`);
  const capacity =
    Math.ceil(((load.mode === 'open' ? load.rate * 1.1 : 60_000) / ctx.gens.length) * (sizes.b2DurationMs / 1000)) +
    1_000;
  await Promise.all(ctx.gens.map((g) => g.expect({ kind: 'pairs', messages: capacity })));
  const wire = new WireCounter(ctx, server);
  await wire.begin();
  const s = sampler(ctx);
  s.begin();
  const runId = `${load.mode}${load.mode === 'open' ? load.rate : load.concurrency}-${Date.now()}`;
  const sends: SendResult[] = await Promise.all(
    ctx.gens.map((g, i) =>
      g.send({
        routeUrl: ctx.cluster.routeUrl,
        pairs: pairsOf[i],
        mode: load.mode,
        transport,
        concurrency: load.mode === 'closed' ? Math.ceil(load.concurrency / ctx.gens.length) : 256,
        rate: load.mode === 'open' ? load.rate / ctx.gens.length : undefined,
        durationMs: sizes.b2DurationMs,
        bodySize: sizes.bodySize,
        runId: `${transport}${runId}-${i}`,
      }),
    ),
  );
  // Every accepted message must arrive at its recipient (and at the sender's own connection).
  const deadline = Date.now() + 30_000;
  for (;;) {
    const progress = await Promise.all(ctx.gens.map((g) => g.progress()));
    if (
      progress.every((p) => p.pairsReceived >= p.pairsAccepted && p.pairsEchoed >= p.pairsAccepted) ||
      Date.now() > deadline
    )
      break;
    await sleep(50);
  }
  await sleep(300); // echoes and duplicates, if any, arrive too
  const processes = s.end();
  const c = await collectAll(ctx);
  const accepted = sends.reduce((a, r) => a + r.accepted, 0);
  const wireCounts = await wire.end(accepted);
  const attempted = sends.reduce((a, r) => a + r.attempted, 0);
  const statuses: Record<string, number> = {};
  const http = new LatencyHistogram();
  for (const r of sends) {
    http.merge(r.http);
    for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  }
  const startUs = Math.min(...sends.map((r) => r.startUs));
  const endUs = Math.max(...sends.map((r) => r.endUs));
  const rate = accepted / ((endUs - startUs) / 1e6);
  const notes: string[] = [];
  const overloaded = sends.map((r) => r.overloadedAfterMs).filter((x) => x !== undefined);
  if (overloaded.length)
    notes.push(
      `not sustained: over a second of sends unanswered after ${Math.min(...overloaded)} ms, sending stopped early`,
    );
  if (statuses['429']) notes.push(`${statuses['429']} sends were rate limited (429)`);
  const failedSends = attempted - accepted;
  if (failedSends)
    notes.push(`${failedSends} of ${attempted} sends were not answered 200: ${JSON.stringify(statuses)}`);
  const latency = load.mode === 'open' ? c.latencyCo : c.latency;
  const result: ScenarioResult = {
    id: 'B2',
    name: `private chat, ${label}`,
    params: {
      transport,
      pairs: sizes.b2Pairs,
      durationMs: sizes.b2DurationMs,
      ...load,
      bodyBytes: sizes.bodySize,
      senderUsers: sizes.b2Pairs * 2,
      maxRateWithinSendLimit: maxSenderRate,
    },
    rate: { value: Math.round(rate), unit: load.mode === 'closed' ? 'msg/s' : 'msg/s achieved' },
    units: accepted,
    wire: wireCounts,
    latencyMs: latency.summary(),
    completeness: completenessOf(c),
    processes,
    machine: s.machine,
    extra: {
      attempted,
      accepted,
      statuses,
      answerMs: http.summary(),
      ...(overloaded.length ? { overloadedAfterMs: Math.min(...overloaded) } : {}),
      ...(load.mode === 'open' ? { latencyFromActualSendMs: c.latency.summary() } : {}),
    },
    notes,
  };
  // HTTP's target is a ratio to the bare Express floor, printed with the yardsticks.
  if (transport === 'tcp' && load.mode === 'closed') result.target = { text: '≥ 10,000 msg/s', met: rate >= 10_000 };
  else if (transport === 'tcp' && load.mode === 'open' && load.rate === 1_000) {
    result.target = {
      text: 'p99 ≤ 10 ms at 1,000 msg/s',
      met: !overloaded.length && (latency.summary().p99 ?? Infinity) <= 10 && rate >= 950,
    };
  }
  return result;
}
