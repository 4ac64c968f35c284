import { readFileSync } from 'node:fs';
import { sleep } from '../lib/cluster.js';
import { fmtInt, httpJson, sampler, type Ctx } from '../lib/context.js';
import { LatencyHistogram, nowUs } from '../lib/histogram.js';
import { heldClients, holdCompleteness, mintSessionsPerGenerator, sumConnects } from '../lib/held-connections.js';
import { memory, openFds } from '../lib/proc.js';

export const PER_CONNECTION_TARGET = 8 * 1024;

/**
 * B3: idle connections on one push server process with heartbeats running.
 *  1. The real login path on a small sample: register and log in through the route's HTTP API,
 *     then connect (Login → LoginOk): registrations/s, logins/s, login+connect/s.
 *  2. The bulk: tokens signed with the cluster secret (what the route's login returns), spread over
 *     two generator processes and several 127.0.0.x source addresses, a bounded number of
 *     handshakes in flight (the ramp); then held with every client pinging once per heartbeat.
 *  Memory per connection = growth of the server's resident set / connections.
 */
export async function runB3(ctx: Ctx): Promise<void> {
  const { cluster, sizes } = ctx;
  const target = sizes.b3Connections;
  ctx.log(`B3 connections: ${fmtInt(target)} on one push server, heartbeat ${sizes.b3HeartbeatMs} ms`);
  const server = await cluster.startServer('b3', sizes.b3HeartbeatMs);
  await sleep(1_000);
  const baseline = memory(server.pid)!;
  const baseMetrics = await server.metrics();

  // 1. The login path through the route (each registration and each login costs one scrypt).
  const sample = sizes.b3LoginSample;
  const tag = Date.now().toString(36);
  const names = Array.from({ length: sample }, (_, i) => `b3l${tag}_${i}`);
  const regStart = performance.now();
  await pool(names, 8, async (name) => {
    const res = await httpJson('POST', `${cluster.routeUrl}/api/v1/accounts`, {
      userName: name,
      password: 'bench-password-1',
    });
    if (res.status !== 201) throw new Error(`register answered ${res.status}: ${JSON.stringify(res.body)}`);
  });
  const regMs = performance.now() - regStart;
  const loginHist = new LatencyHistogram();
  const s0 = sampler(ctx);
  s0.begin();
  const loginStart = performance.now();
  const logins = await pool(names, 8, async (name) => {
    const t = nowUs();
    const res = await httpJson<{ userId: string; token: string; server: { tcpPort: number } }>(
      'POST',
      `${cluster.routeUrl}/api/v1/sessions`,
      {
        userName: name,
        password: 'bench-password-1',
      },
    );
    loginHist.record(nowUs() - t);
    if (res.status !== 200) throw new Error(`login answered ${res.status}: ${JSON.stringify(res.body)}`);
    return { uid: Number(res.body.userId), token: res.body.token, port: res.body.server.tcpPort };
  });
  const loginMs = performance.now() - loginStart;
  const sampleConnect = await ctx.gens[0].connectCim({
    host: '127.0.0.1',
    port: server.tcpPort,
    users: logins.map((l) => ({ uid: l.uid, token: l.token })),
    localAddresses: [],
    concurrency: 8,
    heartbeatMs: 0,
  });
  const loginConnectMs = performance.now() - loginStart;
  const loginProcesses = s0.end();
  if (logins.some((l) => l.port !== server.tcpPort)) throw new Error('the route sent a login to another push server');
  ctx.results.push({
    id: 'B3',
    name: `login through the route (sample of ${sample})`,
    params: { users: sample, concurrency: 8 },
    rate: { value: Math.round((sample / loginMs) * 1000 * 10) / 10, unit: 'logins/s' },
    units: sample,
    latencyMs: loginHist.summary(),
    completeness: null,
    processes: loginProcesses,
    machine: s0.machine,
    extra: {
      registrationsPerSec: Math.round((sample / regMs) * 1000 * 10) / 10,
      loginPlusConnectPerSec: Math.round((sample / loginConnectMs) * 1000 * 10) / 10,
      tcpLoginFailures: sampleConnect.failed,
    },
    notes: ['every registration and every login runs one scrypt (N=16384, r=8) on the route'],
  });
  await ctx.gens[0].closeAll();
  await sleep(500);

  // 2. The bulk, with tokens minted as the route mints them.
  const minted = await mintSessionsPerGenerator(ctx, server.id, {
    count: target,
    uidFrom: 50_000_000,
    namePrefix: 'b3u',
  });
  const s = sampler(ctx);
  s.begin();
  const t0 = performance.now();
  const connects = await Promise.all(
    ctx.gens.map((g, i) => {
      return g.connectCim({
        host: '127.0.0.1',
        port: server.tcpPort,
        mint: { secret: cluster.secret, ...minted[i] },
        localAddresses: ctx.localAddresses,
        concurrency: 100,
        heartbeatMs: sizes.b3HeartbeatMs,
      });
    }),
  );
  const connectMs = performance.now() - t0;
  const { connected, handshake, errors } = sumConnects(connects);
  ctx.log(
    `  ${fmtInt(connected)} connected in ${(connectMs / 1000).toFixed(1)} s; holding ${sizes.b3HoldMs / 1000} s with heartbeats`,
  );
  let peakRss = 0;
  const holdEnd = Date.now() + sizes.b3HoldMs;
  while (Date.now() < holdEnd) {
    peakRss = Math.max(peakRss, memory(server.pid)?.rss ?? 0);
    await sleep(250);
  }
  const { open, pongs, closeReasons } = await heldClients(ctx.gens);
  const held = memory(server.pid)!;
  let metricsError: string | undefined;
  const metrics = await server.metrics().catch((err: Error) => {
    metricsError = (err.cause as Error | undefined)?.message ?? err.message;
    return {} as Record<string, number>;
  });
  const fds = openFds(server.pid);
  const processes = s.end();
  const perConn = (held.rss - baseline.rss) / Math.max(1, connected);
  const heapPerConn =
    ((metrics.nodejs_heap_size_used_bytes ?? 0) - (baseMetrics.nodejs_heap_size_used_bytes ?? 0)) /
    Math.max(1, connected);
  const notes: string[] = [];
  if (connected < target) notes.push(`only ${connected} of ${target} connected: ${JSON.stringify(errors)}`);
  if (metricsError)
    notes.push(
      `the server's internal HTTP port (push API, /metrics) refused a new connection while holding the clients: ${metricsError}`,
    );
  notes.push(
    `limit: the open-file limit (ulimit -n ${hardLimit()}) of the server process — ${fds ?? '?'} fds open with ${fmtInt(open)} clients; ` +
      `each generator process held ≤ ${fmtInt(Math.max(...minted.map((m) => m.count)))} sockets`,
  );
  ctx.results.push({
    id: 'B3',
    name: `idle connections on one server (heartbeat ${sizes.b3HeartbeatMs / 1000} s)`,
    params: {
      target,
      generators: ctx.gens.length,
      sourceAddresses: ctx.localAddresses.length,
      handshakesInFlightPerGenerator: 100,
      holdMs: sizes.b3HoldMs,
    },
    rate: { value: open, unit: 'connections held' },
    units: connected,
    latencyMs: handshake.summary(),
    completeness: holdCompleteness(target, open, closeReasons),
    processes,
    machine: s.machine,
    target: { text: '≥ 19,000 connections at ≤ 8 KiB each', met: open >= 19_000 && perConn <= PER_CONNECTION_TARGET },
    extra: {
      connectRatePerSec: Math.round((connected / connectMs) * 1000),
      connectSeconds: Math.round(connectMs) / 1000,
      rssBaselineMB: mb(baseline.rss),
      rssHeldMB: mb(held.rss),
      rssPeakMB: mb(Math.max(peakRss, held.rss)),
      bytesPerConnection: Math.round(perConn),
      heapBytesPerConnection: Math.round(heapPerConn),
      serverSeesConnections: metrics.cim_server_connections,
      pongsDuringHold: pongs,
      serverFds: fds,
      errors,
    },
    notes,
  });
  ctx.log(`  server RSS ${mb(baseline.rss)} → ${mb(held.rss)} MB: ${fmtInt(perConn)} bytes per connection`);
  await Promise.all(ctx.gens.map((g) => g.closeAll()));
}

async function pool<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

export function mb(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

/** The open-file limit of a process (soft/hard): every socket is one descriptor. */
export function hardLimit(): string {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    return /Max open files\s+(\d+)\s+(\d+)/.exec(limits)?.slice(1).join('/') ?? '?';
  } catch {
    return '?';
  }
}
