import { readFileSync } from 'node:fs';
import os from 'node:os';
import { sleep, type PushServerHandle } from '../lib/cluster.js';
import { fmtInt, sourceAddresses, type Ctx } from '../lib/context.js';
import { Generator, type ConnectResult } from '../lib/generator-api.js';
import { LatencyHistogram } from '../lib/histogram.js';
import { memory, openFds, ProcessSampler } from '../lib/proc.js';
import { hardLimit, mb, PER_CONNECTION_TARGET } from './b3-connections.js';

/** Sockets per generator process: under the open-file limit (20,000 here) with room for its own fds. */
const MAX_SOCKETS_PER_GENERATOR = 17_000;
const HANDSHAKES_IN_FLIGHT = 100;
/** Above the single-server phase's uids (50,000,000 + …): no user is logged in twice. */
const UID_BASE = 60_000_000;

/** A run of consecutive connections that one generator makes to one server. */
interface Chunk {
  gen: number;
  server: number;
  from: number;
  count: number;
}

/**
 * B3 over several push server processes: `sizes.b3Total` idle connections spread evenly over
 * `sizes.b3Servers` `cim server` processes, from as many generator processes as it takes to keep
 * each under MAX_SOCKETS_PER_GENERATOR (the open-file limit is per process on both sides), held
 * with heartbeats. Memory per connection = Σ over servers (RSS held − RSS baseline) / connections.
 */
export async function runB3Cluster(ctx: Ctx): Promise<void> {
  const { cluster, sizes } = ctx;
  const total = sizes.b3Total;
  const k = sizes.b3Servers;
  if (cluster.mode === 'embedded') {
    ctx.log('B3 over several servers: skipped (embedded backends have a single push server)');
    return;
  }
  const genCount = Math.max(ctx.gens.length, Math.ceil(total / MAX_SOCKETS_PER_GENERATOR));
  // A client socket bound to a source address (the generators bind one) takes a port of that
  // address whatever its destination, and bind() tries the odd ports of the lower half of the
  // ephemeral range first: a quarter of it (7,058 here). Past them every bind scans them all in
  // the kernel (measured: ~6 ms of system time per bind instead of ~0.1 ms) and with tens of
  // thousands of connects the whole host stalls and heartbeats go missing. Half of that quarter
  // per address leaves room for the TIME_WAIT ports of earlier phases.
  const firstTriedPorts = Math.floor(portRange() / 4) || 7_000;
  const addressCount = Math.min(253, Math.ceil(total / (firstTriedPorts / 2)));
  const addresses = addressCount > ctx.localAddresses.length ? await sourceAddresses(addressCount) : ctx.localAddresses;
  ctx.log(
    `B3 connections: ${fmtInt(total)} over ${k} push servers from ${genCount} generators, heartbeat ${sizes.b3ManyHeartbeatMs} ms`,
  );
  const phaseStart = performance.now();
  const extra: Generator[] = [];
  const servers: PushServerHandle[] = [];
  try {
    // Started one at a time, so a failed start leaves nothing behind that `finally` does not see.
    for (let i = ctx.gens.length; i < genCount; i++) extra.push(await Generator.start(`generator-${i + 1}`));
    const gens = [...ctx.gens, ...extra];
    // The first start also stops the server of the previous scenario.
    for (let i = 0; i < k; i++)
      servers.push(await cluster.startServer(`b3m-${i + 1}`, sizes.b3ManyHeartbeatMs, { alongside: i > 0 }));
    await sleep(1_000);
    const baseline = servers.map((s) => memory(s.pid)!.rss);
    const baseMetrics = await Promise.all(servers.map((s) => s.metrics()));

    const chunks = plan(total, evenly(total, k), evenly(total, genCount));
    const mintedOf = (chunk: Chunk) => ({
      uidFrom: UID_BASE + chunk.from,
      count: chunk.count,
      namePrefix: 'b3m',
      ttlMs: 3_600_000,
    });
    for (const chunk of chunks) await cluster.seeder.mintedSessions(mintedOf(chunk), servers[chunk.server].id);
    const s = new ProcessSampler(() => [...cluster.processes(), ...gens.map((g) => ({ name: g.name, pid: g.pid }))]);
    s.begin();
    const t0 = performance.now();
    // Each generator works through its chunks in turn: at most HANDSHAKES_IN_FLIGHT handshakes each.
    const connects: { chunk: Chunk; result: ConnectResult }[] = [];
    await Promise.all(
      gens.map(async (g, gi) => {
        for (const chunk of chunks.filter((c) => c.gen === gi)) {
          const result = await g.connectCim({
            host: '127.0.0.1',
            port: servers[chunk.server].tcpPort,
            mint: { secret: cluster.secret, ...mintedOf(chunk) },
            localAddresses: addresses,
            concurrency: HANDSHAKES_IN_FLIGHT,
            heartbeatMs: sizes.b3ManyHeartbeatMs,
          });
          connects.push({ chunk, result });
        }
      }),
    );
    const connectMs = performance.now() - t0;
    const connected = connects.reduce((a, c) => a + c.result.connected, 0);
    const connectedPerServer = servers.map((_, i) =>
      connects.filter((c) => c.chunk.server === i).reduce((a, c) => a + c.result.connected, 0),
    );
    const handshake = new LatencyHistogram();
    const errors: Record<string, number> = {};
    for (const { result } of connects) {
      handshake.merge(result.handshakes);
      for (const [key, v] of Object.entries(result.errors)) errors[key] = (errors[key] ?? 0) + v;
    }
    ctx.log(
      `  ${fmtInt(connected)} connected in ${(connectMs / 1000).toFixed(1)} s; holding ${sizes.b3HoldMs / 1000} s with heartbeats`,
    );

    const peak = servers.map(() => 0);
    const holdEnd = Date.now() + sizes.b3HoldMs;
    while (Date.now() < holdEnd) {
      servers.forEach((server, i) => (peak[i] = Math.max(peak[i], memory(server.pid)?.rss ?? 0)));
      await sleep(250);
    }
    const progress = await Promise.all(gens.map((g) => g.progress()));
    const open = progress.reduce((a, p) => a + p.open, 0);
    const pongs = progress.reduce((a, p) => a + p.pongs, 0);
    const closeReasons: Record<string, number> = {};
    for (const p of progress)
      for (const [key, v] of Object.entries(p.closeReasons)) closeReasons[key] = (closeReasons[key] ?? 0) + v;
    const held = servers.map((server) => memory(server.pid)!.rss);
    // Empty if a server's HTTP port could not take one more socket.
    const metrics = await Promise.all(
      servers.map((server) => server.metrics().catch(() => ({}) as Record<string, number>)),
    );
    const heapGrowth = metrics.reduce(
      (a, m, i) => a + (m.nodejs_heap_size_used_bytes ?? NaN) - (baseMetrics[i].nodejs_heap_size_used_bytes ?? NaN),
      0,
    );
    const fds = servers.map((server) => openFds(server.pid));
    const processes = s.end();
    const growth = held.reduce((a, rss, i) => a + rss - baseline[i], 0);
    const perConn = growth / Math.max(1, connected);
    const perGen = evenly(total, genCount);
    const perAddress = Math.ceil(total / Math.max(1, addresses.length));

    const notes: string[] = [];
    if (connected < total) notes.push(`only ${connected} of ${total} connected: ${JSON.stringify(errors)}`);
    notes.push(
      `open files: ulimit -n ${hardLimit()} per process — at most ${fmtInt(Math.max(...fds.map((f) => f ?? 0)))} fds in a ` +
        `server; ${fmtInt(Math.max(...perGen))} sockets in a generator (≤ ${fmtInt(MAX_SOCKETS_PER_GENERATOR)} each, hence ${genCount} generators)`,
      `ephemeral ports: a bound client socket takes a port of its source address whatever the destination, and bind() ` +
        `turns slow past the first ${fmtInt(firstTriedPorts)} of the ${fmtInt(portRange())}: ${fmtInt(perAddress)} per address ` +
        `over ${addresses.length} addresses (${addresses[0]}–${addresses.at(-1)}), plus TIME_WAIT of earlier phases (60 s)`,
      `memory: servers ${fmtInt(mb(held.reduce((a, b) => a + b, 0)))} MB in all, generators ${fmtInt(
        processes.filter((p) => p.name.startsWith('generator')).reduce((a, p) => a + p.rssMB, 0),
      )} MB, of ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      // Every client pings twice per heartbeat (bench/generator.ts), and each ping is answered.
      `CPU: host ${s.machine?.busyPct ?? '?'} % busy (${s.machine?.othersCores ?? '?'} cores of it not ours), ` +
        `CPU pressure ${s.machine?.cpuPressurePct ?? '?'} %: ` +
        `${fmtInt((open * 2 * 1000) / sizes.b3ManyHeartbeatMs)} pings/s and as many pongs on ${os.cpus().length} cores ` +
        `shared by ${k} servers, ${genCount} generators and the rest of the cluster`,
    );
    ctx.results.push({
      id: 'B3',
      name: `idle connections on ${k} servers (heartbeat ${sizes.b3ManyHeartbeatMs / 1000} s)`,
      params: {
        target: total,
        servers: k,
        generators: genCount,
        sourceAddresses: addresses.length,
        handshakesInFlightPerGenerator: HANDSHAKES_IN_FLIGHT,
        holdMs: sizes.b3HoldMs,
      },
      rate: { value: open, unit: 'connections held' },
      units: connected,
      latencyMs: handshake.summary(),
      completeness: {
        expected: total,
        received: open,
        missing: total - open,
        duplicates: 0,
        ok: open === total && Object.keys(closeReasons).length === 0,
        ...(Object.keys(closeReasons).length ? { detail: { closeReasons } } : {}),
      },
      processes,
      machine: s.machine,
      target: {
        text: '≥ 100,000 connections over several processes at ≤ 8 KiB each',
        met: k > 1 && open >= 100_000 && perConn <= PER_CONNECTION_TARGET,
      },
      extra: {
        connectRatePerSec: Math.round((connected / connectMs) * 1000),
        connectSeconds: Math.round(connectMs) / 1000,
        phaseSeconds: Math.round(performance.now() - phaseStart) / 1000,
        bytesPerConnection: Math.round(perConn),
        heapBytesPerConnection: Math.round(heapGrowth / Math.max(1, connected)),
        connectedPerServer,
        serverSeesConnections: metrics.map((m) => m.cim_server_connections),
        bytesPerConnectionPerServer: held.map((rss, i) =>
          Math.round((rss - baseline[i]) / Math.max(1, connectedPerServer[i])),
        ),
        rssBaselineMB: baseline.map(mb),
        rssHeldMB: held.map(mb),
        rssPeakMB: held.map((rss, i) => mb(Math.max(rss, peak[i]))),
        serverFds: fds,
        socketsPerGenerator: perGen,
        pongsDuringHold: pongs,
        errors,
      },
      notes,
    });
    ctx.log(
      `  servers' RSS ${mb(baseline.reduce((a, b) => a + b, 0))} → ${mb(held.reduce((a, b) => a + b, 0))} MB: ${fmtInt(perConn)} bytes per connection`,
    );
  } finally {
    await Promise.all(ctx.gens.map((g) => g.closeAll().catch(() => undefined)));
    await Promise.all(extra.map((g) => g.stop().catch(() => undefined)));
    await cluster.stopServer();
  }
}

/** `total` in `parts` sizes that differ by at most one. */
function evenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/**
 * Cuts connections [0, total) at every boundary of both partitions: each piece then belongs to one
 * server and one generator.
 */
function plan(total: number, perServer: number[], perGen: number[]): Chunk[] {
  const ends = (sizes: number[]) => sizes.map((_, i) => sizes.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const serverEnds = ends(perServer);
  const genEnds = ends(perGen);
  const cuts = [...new Set([0, ...serverEnds, ...genEnds])].sort((a, b) => a - b);
  const chunks: Chunk[] = [];
  for (let i = 0; i + 1 < cuts.length && cuts[i] < total; i++) {
    const from = cuts[i];
    chunks.push({
      gen: genEnds.findIndex((end) => from < end),
      server: serverEnds.findIndex((end) => from < end),
      from,
      count: cuts[i + 1] - from,
    });
  }
  return chunks;
}

/** Ports in the kernel's ephemeral range (ip_local_port_range). */
function portRange(): number {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return high - low + 1;
  } catch {
    return NaN;
  }
}
