/**
 * `npm run bench` / `npm run bench:quick`: starts a real cluster on loopback (redis-server and
 * ZooKeeper when installed, a `cim route` process, one `cim server` process per scenario), drives
 * it from two generator processes, and prints a table + writes bench-results/<time>.json.
 *
 *   node --import tsx bench/run.ts [--quick] [--only b1,mqtt,b2,p2p,b3,b4] [--b3-connections 19500]
 *                                  [--b3-servers 6] [--b3-total 102000] [--b4-devices 10000]
 *                                  [--embedded] [--log-level warn] [--large-group-members 100]
 *
 * `b3` runs both B3 phases (one server, then several); `--only b3many` runs just the second.
 * `--only b3ws` (not in the default set): idle WebSocket connections, and B1 fan-out over TCP then WebSocket.
 *
 * Every count and duration is bounded; every child process and temp dir is removed at the end.
 * The exit code is 1 only if a completeness check of CIM fails (never for speed).
 */
import { scryptSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultRouteConfig } from '@cim/route';
import { startCluster, type BenchCluster } from './lib/cluster.js';
import { costOf, fmtInt, sourceAddresses, type Ctx, type ScenarioResult, type Sizes } from './lib/context.js';
import { Generator } from './lib/generator-api.js';
import { runB1 } from './scenarios/b1-fanout.js';
import { runB2 } from './scenarios/b2-private.js';
import { runB3 } from './scenarios/b3-connections.js';
import { runB3Cluster } from './scenarios/b3-many-servers.js';
import { runB3WebSocket } from './scenarios/b3-websocket.js';
import { runB4 } from './scenarios/b4-recovery.js';
import { runMosquitto } from './scenarios/yardstick-mosquitto.js';
import { runP2pYardsticks } from './scenarios/yardstick-p2p.js';
import { comparisons, YARDSTICK_IDS, type Comparison } from './lib/yardsticks.js';

/** Every scenario; `p2p` is B2's yardsticks and floors (mosquitto point-to-point, bare relay, bare Express). */
const DEFAULT_ONLY = 'b1,mqtt,b2,p2p,b3,b4';
const values = parseOptions();

function parseOptions() {
  try {
    return parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string', default: DEFAULT_ONLY },
        'b3-connections': { type: 'string' },
        /** B3 over several push server processes: servers, and connections over all of them. */
        'b3-servers': { type: 'string' },
        'b3-total': { type: 'string' },
        /** B4: devices on the push server that crashes. */
        'b4-devices': { type: 'string' },
        'b2-concurrency': { type: 'string' },
        'b2-duration-ms': { type: 'string' },
        /** open-loop rates, e.g. 1000,5000 (empty: saturation only) */
        'b2-rates': { type: 'string' },
        'b2-transports': { type: 'string', default: 'http,tcp' },
        /** B1 variants to run: broadcast,deliveries,group,route-broadcast */
        'b1-variants': { type: 'string', default: 'broadcast,deliveries,group,route-broadcast' },
        /** B1 and yardstick client counts, e.g. 1000,10000 */
        'b1-n': { type: 'string' },
        /** The route's large-group threshold (default: the route's own); groups of B1 at or above it are large. */
        'large-group-members': { type: 'string' },
        embedded: { type: 'boolean', default: false },
        'log-level': { type: 'string', default: 'warn' },
        /** Write CPU profiles of the route and the push servers into this directory. */
        profile: { type: 'string' },
        /** Run the push servers with a bench/experiments/ variant (e.g. coalesce): what-if numbers. */
        experiment: { type: 'string' },
      },
    }).values;
  } catch (err) {
    // A mistyped option gets one clear line, not a stack trace.
    console.error(
      `bench: ${(err as Error).message}; the options are listed at the top of bench/run.ts and in docs/benchmarks.md`,
    );
    process.exit(2);
  }
}
const quick = values.quick!;
const only = new Set(values.only!.split(',').map((s) => s.trim().toLowerCase()));

const sizes: Sizes = quick
  ? {
      // CI smoke: every path end to end, small and short; no speed verdicts are meaningful here.
      b1Ns: [1_000],
      b1Direct: () => ({ perRequest: 20, requests: 3 }),
      b1DirectTargets: () => ({ perRequest: 10, requests: 2 }),
      b1RouteMessages: () => 5,
      b2Pairs: 200,
      b2DurationMs: 2_000,
      b2Concurrency: 32,
      b2Rates: [200],
      b2Transports: ['http', 'tcp'],
      p2pDurationMs: 1_000,
      b3Connections: 1_000,
      b3HoldMs: 3_000,
      b3HeartbeatMs: 3_000,
      b3LoginSample: 3,
      b3Servers: 2,
      b3Total: 2_000,
      b3ManyHeartbeatMs: 3_000,
      b4Devices: 300,
      b4SendRate: 50,
      bodySize: 64,
    }
  : {
      b1Ns: [1_000, 10_000],
      b1Direct: (n) => (n <= 1_000 ? { perRequest: 50, requests: 20 } : { perRequest: 20, requests: 5 }),
      b1DirectTargets: (n) => (n <= 1_000 ? { perRequest: 50, requests: 10 } : { perRequest: 20, requests: 3 }),
      b1RouteMessages: (n) => (n <= 1_000 ? 40 : 20),
      b2Pairs: 1_000,
      b2DurationMs: 10_000,
      b2Concurrency: 128,
      // 100 msg/s: the latency of the pipeline when nothing queues; 1,000 and 5,000: the targets.
      b2Rates: [100, 1_000, 5_000],
      b2Transports: ['http', 'tcp'],
      p2pDurationMs: 10_000,
      b3Connections: 19_900,
      b3HoldMs: 25_000,
      b3HeartbeatMs: 10_000,
      b3LoginSample: 24,
      // ≥ 100,000 connections: 17,000 per server, under the 20,000 open files of one process.
      b3Servers: 6,
      b3Total: 102_000,
      // The product's default: 102,000 clients at a 10 s heartbeat send 20,400 pings/s, which alone
      // fills both cores of a small machine; the earliest clients outlive 1.5 heartbeats anyway.
      b3ManyHeartbeatMs: 30_000,
      b4Devices: 10_000,
      b4SendRate: 200,
      bodySize: 64,
    };
if (values['b3-connections']) sizes.b3Connections = Number(values['b3-connections']);
if (values['b3-servers']) sizes.b3Servers = Number(values['b3-servers']);
if (values['b3-total']) sizes.b3Total = Number(values['b3-total']);
if (values['b4-devices']) sizes.b4Devices = Number(values['b4-devices']);
if (values['b1-n']) sizes.b1Ns = values['b1-n'].split(',').map(Number);
const largeGroupMembers = Number(values['large-group-members'] ?? defaultRouteConfig.largeGroupMembers);
if (values['b2-duration-ms']) sizes.b2DurationMs = sizes.p2pDurationMs = Number(values['b2-duration-ms']);
if (values['b2-rates'] !== undefined) sizes.b2Rates = values['b2-rates'].split(',').filter(Boolean).map(Number);
sizes.b2Transports = values['b2-transports']!.split(',') as ('http' | 'tcp')[];
if (values['b2-concurrency']) sizes.b2Concurrency = Number(values['b2-concurrency']);

const log = (line: string) => console.log(line);
const started = new Date();
const loadStart = os.loadavg();

function machine() {
  const cpus = os.cpus();
  let cgroupCpu: string | undefined;
  try {
    cgroupCpu = readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim();
  } catch {
    // no cgroup v2 limit file
  }
  const limits = readFileSync('/proc/self/limits', 'utf8');
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model ?? '?',
    cgroupCpuMax: cgroupCpu,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    openFilesLimit: /Max open files\s+(\d+)\s+(\d+)/.exec(limits)?.slice(1).join(' soft / ') + ' hard',
    loadAverageAtStart: loadStart.map((x) => Math.round(x * 100) / 100),
  };
}

/**
 * How fast one core of this machine is right now, in two fixed single-threaded workloads: one
 * scrypt as the route's password hashing runs it, and a tight integer loop. Recorded with the
 * results so runs on different (or differently loaded) machines can be compared.
 */
async function calibrate(): Promise<{ scryptMs: number; loop1e8Ms: number; httpRequestCpuUs: number }> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    scryptSync('calibration', 'salt-salt-salt-1', 32);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const t = performance.now();
  let x = 1;
  for (let i = 0; i < 1e8; i++) x = (x * 1103515245 + 12345) | 0;
  const loop = performance.now() - t;
  if (x === 42) console.log('');
  return { scryptMs: Math.round(times[1]), loop1e8Ms: Math.round(loop), httpRequestCpuUs: await helloWorldCpuUs() };
}

/** CPU µs of one keep-alive HTTP request to a hello-world node:http server, client and server together. */
async function helloWorldCpuUs(): Promise<number> {
  const http = await import('node:http');
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true });
  const get = () =>
    new Promise<void>((r) => http.get({ host: '127.0.0.1', port, agent }, (res) => res.resume().on('end', r)));
  for (let i = 0; i < 200; i++) await get();
  const before = process.cpuUsage();
  for (let i = 0; i < 1000; i++) await get();
  const used = process.cpuUsage(before);
  agent.destroy();
  server.close();
  return Math.round((used.user + used.system) / 1000);
}

let cluster: BenchCluster | undefined;
const gens: Generator[] = [];
let cleaning: Promise<void> | undefined;
/** Stops generators and the cluster once; every caller waits for the same cleanup to finish. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(gens.map((g) => g.stop().catch(() => undefined)));
    await cluster?.stop().catch((err) => console.error('cleanup:', err));
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping everything…`);
    void cleanup().finally(() => process.exit(130));
  });
}

const results: ScenarioResult[] = [];
const notes: string[] = [];
const calibration = await calibrate();
let exitCode = 0;
try {
  const m = machine();
  log(`CIM-TS benchmark (${quick ? 'quick' : 'full'}) — ${started.toISOString()}`);
  log(
    `machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.kernel}, open files ${m.openFilesLimit}, load average ${m.loadAverageAtStart.join(' ')}`,
  );
  log(
    `one core now: scrypt (N=16384, r=8) ${calibration.scryptMs} ms, 1e8-step integer loop ${calibration.loop1e8Ms} ms, ` +
      `hello-world HTTP request ${calibration.httpRequestCpuUs} µs CPU (client + server)`,
  );
  const t0 = performance.now();
  const serverEntry = values.experiment
    ? fileURLToPath(new URL(`./experiments/${values.experiment}-server.ts`, import.meta.url))
    : undefined;
  if (serverEntry)
    notes.push(
      `EXPERIMENT: push servers run bench/experiments/${values.experiment}-server.ts (product code patched at run time)`,
    );
  cluster = await startCluster({
    logLevel: values['log-level']!,
    largeGroupMembers,
    forceEmbedded: values.embedded,
    profileDir: values.profile,
    serverEntry,
  });
  notes.push(
    `route --large-group-members ${largeGroupMembers}: B1 groups of N ≥ ${largeGroupMembers} are large (stored once, pushed without cursors)`,
  );
  log(`backends: ${cluster.backends} (started in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  if (cluster.mode === 'embedded') {
    const why = values.embedded
      ? 'asked for with --embedded'
      : 'redis-server or ZooKeeper (java + zookeeper.jar) is not installed';
    notes.push(`embedded backends (${why}): in-memory store and registry, route and push server share one process`);
  }
  gens.push(...(await Promise.all([Generator.start('generator-1'), Generator.start('generator-2')])));
  const localAddresses = await sourceAddresses(8);
  const ctx: Ctx = { quick, sizes, cluster, gens, localAddresses, results, extraProcs: [], log };

  if (only.has('b1')) for (const n of sizes.b1Ns) await runB1(ctx, n, new Set(values['b1-variants']!.split(',')));
  if (only.has('mqtt')) {
    const mq = await runMosquitto(ctx, sizes.b1Ns);
    if (typeof mq === 'string') notes.push(mq);
    else results.push(...mq);
  }
  if (only.has('b2')) await runB2(ctx);
  if (only.has('p2p')) notes.push(...(await runP2pYardsticks(ctx)));
  if (only.has('b3')) await runB3(ctx);
  if (only.has('b3') || only.has('b3many')) await runB3Cluster(ctx);
  if (only.has('b3ws')) await runB3WebSocket(ctx);
  if (only.has('b4')) {
    const skipped = await runB4(ctx);
    if (skipped) notes.push(skipped);
  }
} catch (err) {
  console.error('benchmark failed:', err);
  notes.push(`FAILED: ${(err as Error).message}`);
  exitCode = 2;
} finally {
  await cleanup();
}

// ---- report ----
for (const r of results) {
  if (r.id !== 'B3') r.cost = costOf(r, os.cpus().length);
  // The quick run is a smoke test (small, short): its figures are not judged against the targets.
  if (quick && r.target) r.target = { text: `${r.target.text} (not judged in a quick run)`, met: null };
}
const ratios = comparisons(results, !quick);
printTable(results, ratios);
for (const note of notes) log(`note: ${note}`);
const failedCompleteness = results.filter((r) => !YARDSTICK_IDS.has(r.id) && r.completeness && !r.completeness.ok);
if (failedCompleteness.length) {
  exitCode ||= 1;
  log(`COMPLETENESS FAILED: ${failedCompleteness.map((r) => r.name).join('; ')}`);
}
const outDir = fileURLToPath(new URL('../bench-results/', import.meta.url));
mkdirSync(outDir, { recursive: true });
const partial = values.only !== DEFAULT_ONLY || values['b1-variants'] !== 'broadcast,deliveries,group,route-broadcast';
const label = `${quick ? 'quick' : 'full'}${values.experiment ? `-${values.experiment}` : ''}${partial ? '-partial' : ''}`;
const file = join(outDir, `${started.toISOString().replace(/[:.]/g, '-')}-${label}.json`);
const report = {
  version: 1,
  mode: quick ? 'quick' : 'full',
  experiment: values.experiment ?? null,
  startedAt: started.toISOString(),
  durationSec: Math.round(process.uptime()),
  machine: {
    ...machine(),
    calibration,
    loadAverageAtStart: loadStart.map((x) => Math.round(x * 100) / 100),
    loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
  },
  backends: cluster?.backends,
  sizes: {
    ...sizes,
    b1Direct: sizes.b1Ns.map((n) => ({ n, ...sizes.b1Direct(n) })),
    b1DirectTargets: sizes.b1Ns.map((n) => ({ n, ...sizes.b1DirectTargets(n) })),
    b1RouteMessages: sizes.b1Ns.map((n) => ({ n, messages: sizes.b1RouteMessages(n) })),
  },
  scenarios: results,
  ratios,
  notes,
};
writeFileSync(file, JSON.stringify(report, null, 2));
writeFileSync(join(outDir, `latest-${label}.json`), JSON.stringify(report, null, 2));
log(`results: ${file}`);
process.exit(exitCode);

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function printTable(rs: ScenarioResult[], rat: Comparison[]): void {
  const rows = rs.map((r) => {
    const lat = r.latencyMs;
    const f = (x: number | undefined) =>
      x === undefined || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : fmtInt(x);
    const c = r.completeness;
    const complete = c
      ? c.ok
        ? `ok ${fmtInt(c.expected)}`
        : `FAIL -${fmtInt(c.missing)} +${fmtInt(c.duplicates)}`
      : '–';
    const target = r.target
      ? `${r.target.met ? 'MET ' : r.target.met === false ? 'MISS' : '    '} ${r.target.text}`
      : '';
    const cost = r.cost ? `${f(r.cost.systemUs)} + ${f(r.cost.generatorsUs)}` : '–';
    const ceiling = r.cost ? fmtInt(r.cost.ceilingPerSec) : '–';
    return [
      r.id,
      r.name,
      `${fmtInt(r.rate.value)} ${r.rate.unit}`,
      f(lat?.p50),
      f(lat?.p99),
      f(lat?.p999),
      complete,
      cost,
      ceiling,
      target,
    ];
  });
  const head = [
    '',
    'scenario',
    'rate',
    'p50 ms',
    'p99 ms',
    'p999 ms',
    'complete',
    'CPU µs/unit sys+gen',
    'idle-host ceiling/s',
    'target',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => pad(c, widths[i], (i >= 3 && i <= 5) || i === 7 || i === 8)).join('  ');
  log('');
  log(line(head));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) log(line(r));
  log('CPU µs/unit: CPU time per delivery / message / login of the system under test (route, push server, Redis,');
  log('ZooKeeper or mosquitto) + of the load generators. Idle-host ceiling: cores / that total, i.e. the rate had');
  log('the run had the whole machine (see "others" below) — an estimate, not a measurement.');
  log('');
  log('CPU (% of one core over the scenario) and peak RSS per process:');
  for (const r of rs) {
    const parts = r.processes
      .filter((p) => p.cpuMs > 0 || p.name === 'push-server')
      .map((p) => `${p.name} ${p.cpuPctOfCore}% ${p.peakRssMB} MB`);
    const m = r.machine;
    const host = m
      ? ` | host busy ${m.busyPct}%, others ${m.othersCores} cores${m.cpuPressurePct !== undefined ? `, CPU pressure ${m.cpuPressurePct}%` : ''}`
      : '';
    log(`  ${pad(r.name, widths[1])}  ${parts.join(' · ')}${host}`);
  }
  if (rat.length) {
    log('');
    log('CIM-TS against its peers and floors (rate ratio; p50/p99 ms; system CPU µs per unit):');
    const whatWidth = Math.max(...rat.map((x) => x.what.length));
    for (const x of rat) {
      const verdict = x.met === true ? 'MET ' : x.met === false ? 'MISS' : '    ';
      const target = x.target !== undefined ? `target ≥ ${x.target}` : 'context';
      const figures = (s: Comparison['ours']) =>
        `${fmtInt(s.rate)} (${s.p50?.toFixed(1) ?? '–'}/${s.p99?.toFixed(1) ?? '–'} ms, ${s.systemUs?.toFixed(1) ?? '–'} µs)`;
      log(
        `  ${verdict} ${pad(x.what, whatWidth)}  ${pad(x.ratio.toFixed(3), 7, true)}  ${figures(x.ours)} / ${figures(x.peer)}  ${target}`,
      );
    }
  }
  const extraLines = rs.filter((r) => r.notes.length || r.id === 'B3');
  if (extraLines.length) log('');
  for (const r of extraLines) {
    if (r.id === 'B3' && r.extra) log(`  ${r.name}: ${JSON.stringify(r.extra)}`);
    for (const n of r.notes) log(`  ${r.name}: ${n}`);
  }
  log('');
}
