import http from 'node:http';
import net from 'node:net';
import type { BenchCluster, PushServerHandle } from './cluster.js';
import { sleep } from './cluster.js';
import type { CollectResult, ConnectResult, Generator } from './generator-api.js';
import { LatencyHistogram, type LatencySummary } from './histogram.js';
import { ProcessSampler, type MachineUsage, type ProcessUsage } from './proc.js';
import type { SeededUser } from './seed.js';

export interface Sizes {
  b1Ns: number[];
  /** direct pushes: messages per request and requests, by N */
  b1Direct: (n: number) => { perRequest: number; requests: number };
  b1DirectTargets: (n: number) => { perRequest: number; requests: number };
  b1RouteMessages: (n: number) => number;
  b2Pairs: number;
  b2DurationMs: number;
  b2Concurrency: number;
  b2Rates: number[];
  b2Transports: ('http' | 'tcp')[];
  /** B2's yardsticks and floors (mosquitto point to point, bare relay, bare Express): each phase's length. */
  p2pDurationMs: number;
  b3Connections: number;
  b3HoldMs: number;
  b3HeartbeatMs: number;
  b3LoginSample: number;
  /** B3 over several push server processes: how many servers, and connections over all of them. */
  b3Servers: number;
  /** Heartbeat of the several-servers phase of B3. */
  b3ManyHeartbeatMs: number;
  b3Total: number;
  /** B4: devices on the crashing push server, and private messages per second sent meanwhile. */
  b4Devices: number;
  b4SendRate: number;
  bodySize: number;
}

export interface Completeness {
  expected: number;
  received: number;
  missing: number;
  duplicates: number;
  ok: boolean;
  detail?: Record<string, unknown>;
}

export interface ScenarioResult {
  id: string;
  name: string;
  params: Record<string, unknown>;
  rate: { value: number; unit: string };
  /** What the rate counts, in total (deliveries, messages, logins, connections): the CPU cost is per unit. */
  units: number;
  /** Redis commands and push requests per unit. */
  wire?: WireCounts;
  /** CPU µs per unit, by process and summed: the system under test vs the load generators. */
  cost?: Cost;
  latencyMs: LatencySummary | null;
  completeness: Completeness | null;
  processes: ProcessUsage[];
  /** The whole host during the scenario: how much CPU was ours and how much was someone else's. */
  machine?: MachineUsage;
  target?: { text: string; met: boolean | null };
  extra?: Record<string, unknown>;
  notes: string[];
}

export interface Cost {
  /** CPU µs per unit of each process. */
  perProcessUs: Record<string, number>;
  /** read + write system calls per unit of each process. */
  syscallsPerUnit: Record<string, number>;
  /** route, push server, Redis, ZooKeeper (or mosquitto). */
  systemUs: number;
  /** generators and the orchestrator. */
  generatorsUs: number;
  /**
   * cores × 1 s / (systemUs + generatorsUs): the rate if this run had had every core of the
   * machine to itself and stayed CPU-bound. An estimate, for runs on a shared machine.
   */
  ceilingPerSec: number;
}

const SYSTEM = new Set([
  'route',
  'push-server',
  'redis',
  'zookeeper',
  'mosquitto',
  'route+push-server',
  'bare-relay',
  'bare-express',
]);

export function costOf(r: ScenarioResult, cores: number): Cost | undefined {
  if (!r.units) return undefined;
  const perProcessUs: Record<string, number> = {};
  const syscallsPerUnit: Record<string, number> = {};
  let systemUs = 0;
  let generatorsUs = 0;
  for (const p of r.processes) {
    const us = (p.cpuMs * 1000) / r.units;
    perProcessUs[p.name] = Math.round(us * 100) / 100;
    syscallsPerUnit[p.name] = Math.round((p.syscalls / r.units) * 1000) / 1000;
    if (SYSTEM.has(p.name)) systemUs += us;
    else generatorsUs += us;
  }
  const total = systemUs + generatorsUs;
  return {
    perProcessUs,
    syscallsPerUnit,
    systemUs: Math.round(systemUs * 100) / 100,
    generatorsUs: Math.round(generatorsUs * 100) / 100,
    ceilingPerSec: total > 0 ? Math.round((cores * 1e6) / total) : 0,
  };
}

/** What one unit of work costs on the wire: Redis commands and push requests (route → server). */
export interface WireCounts {
  redisCommandsPerUnit: number;
  /** The commands that make up most of it, per unit. */
  redisTopPerUnit: Record<string, number>;
  pushRequestsPerUnit: number;
}

export class WireCounter {
  private redis: Record<string, number> = {};
  private pushes = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly server: PushServerHandle,
  ) {}

  async begin(): Promise<void> {
    this.redis = await this.ctx.cluster.redisCommandStats();
    this.pushes = (await this.server.metrics()).cim_server_push_batch_frames_count ?? 0;
  }

  async end(units: number): Promise<WireCounts> {
    const after = await this.ctx.cluster.redisCommandStats();
    const pushes = (await this.server.metrics()).cim_server_push_batch_frames_count ?? 0;
    const per: Record<string, number> = {};
    let total = 0;
    for (const [cmd, calls] of Object.entries(after)) {
      const d = calls - (this.redis[cmd] ?? 0) - (cmd === 'info' ? 1 : 0);
      if (d > 0) {
        per[cmd] = d / Math.max(1, units);
        total += d;
      }
    }
    const top = Object.fromEntries(
      Object.entries(per)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => [k, Math.round(v * 100) / 100]),
    );
    return {
      redisCommandsPerUnit: Math.round((total / Math.max(1, units)) * 100) / 100,
      redisTopPerUnit: top,
      pushRequestsPerUnit: Math.round(((pushes - this.pushes) / Math.max(1, units)) * 1000) / 1000,
    };
  }
}

export interface Ctx {
  quick: boolean;
  sizes: Sizes;
  cluster: BenchCluster;
  gens: Generator[];
  localAddresses: string[];
  results: ScenarioResult[];
  /** Processes to measure besides the cluster's (generators, mosquitto). */
  extraProcs: { name: string; pid: number }[];
  log: (line: string) => void;
}

export function sampler(ctx: Ctx): ProcessSampler {
  return new ProcessSampler(() => [
    ...ctx.cluster.processes(),
    ...ctx.gens.map((g) => ({ name: g.name, pid: g.pid })),
    ...ctx.extraProcs,
  ]);
}

/** Splits users over the generators in contiguous chunks and connects them (Login → LoginOk). */
export async function connectUsers(
  ctx: Ctx,
  users: SeededUser[],
  server: PushServerHandle,
  /** `cursor`: log in with it, as devices that catch up and track their cursor (B4). */
  options: { heartbeatMs: number; concurrency?: number; transport?: 'tcp' | 'ws'; cursor?: number },
): Promise<{ results: ConnectResult[]; chunks: SeededUser[][] }> {
  const chunks = split(users, ctx.gens.length);
  const transport = options.transport ?? 'tcp';
  const results = await Promise.all(
    ctx.gens.map((g, i) =>
      g.connectCim({
        host: '127.0.0.1',
        port: transport === 'ws' ? server.wsPort : server.tcpPort,
        transport,
        users: chunks[i].map((u) => ({ uid: u.uid, token: u.token })),
        localAddresses: ctx.localAddresses,
        concurrency: options.concurrency ?? 200,
        heartbeatMs: options.heartbeatMs,
        cursor: options.cursor,
      }),
    ),
  );
  const failed = results.reduce((s, r) => s + r.failed, 0);
  if (failed > 0) {
    const errors = results.map((r) => r.errors);
    throw new Error(`${failed} of ${users.length} clients failed to log in: ${JSON.stringify(errors)}`);
  }
  return { results, chunks };
}

export function split<T>(items: T[], parts: number): T[][] {
  const out: T[][] = [];
  const size = Math.ceil(items.length / parts);
  for (let i = 0; i < parts; i++) out.push(items.slice(i * size, (i + 1) * size));
  return out;
}

/**
 * Waits until the generators have received `expected` deliveries, or nothing new arrived for
 * `stallMs`, or `timeoutMs` passed.
 */
export async function waitForDeliveries(
  ctx: Ctx,
  expected: number,
  /** `quiet`: waiting for the deliveries to stop is the point, not worth a line. */
  options: { stallMs?: number; timeoutMs?: number; quiet?: boolean } = {},
): Promise<void> {
  const stallMs = options.stallMs ?? 5_000;
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const progress = await Promise.all(ctx.gens.map((g) => g.progress()));
    const delivered = progress.reduce((s, p) => s + p.delivered, 0);
    if (delivered >= expected) return;
    if (delivered !== last) {
      last = delivered;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > stallMs || Date.now() > deadline) {
      if (!options.quiet) ctx.log(`    (stopped waiting: ${delivered} of ${expected} deliveries)`);
      return;
    }
    await sleep(50);
  }
}

export interface Collected {
  results: CollectResult[];
  latency: LatencyHistogram;
  latencyCo: LatencyHistogram;
  expected: number;
  delivered: number;
  missing: number;
  duplicates: number;
  echoMissing: number;
  echoDuplicates: number;
  unexpected: number;
  firstRecvUs: number;
  lastRecvUs: number;
  closeReasons: Record<string, number>;
}

export async function collectAll(ctx: Ctx): Promise<Collected> {
  const results = await Promise.all(ctx.gens.map((g) => g.collect()));
  const latency = new LatencyHistogram();
  const latencyCo = new LatencyHistogram();
  const closeReasons: Record<string, number> = {};
  for (const r of results) {
    latency.merge(r.latency);
    latencyCo.merge(r.latencyCo);
    for (const [k, v] of Object.entries(r.closeReasons)) closeReasons[k] = (closeReasons[k] ?? 0) + v;
  }
  const sum = (f: (r: CollectResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const firsts = results.map((r) => r.firstRecvUs).filter((t) => t > 0);
  return {
    results,
    latency,
    latencyCo,
    expected: sum((r) => r.expected),
    delivered: sum((r) => r.delivered),
    missing: sum((r) => r.missing),
    duplicates: sum((r) => r.duplicates),
    echoMissing: sum((r) => r.echoMissing),
    echoDuplicates: sum((r) => r.echoDuplicates),
    unexpected: sum((r) => r.unexpectedIndex + r.unrequested),
    firstRecvUs: firsts.length ? Math.min(...firsts) : 0,
    lastRecvUs: Math.max(0, ...results.map((r) => r.lastRecvUs)),
    closeReasons,
  };
}

export function completenessOf(c: Collected): Completeness {
  const ok =
    c.missing === 0 && c.duplicates === 0 && c.unexpected === 0 && c.echoMissing === 0 && c.echoDuplicates === 0;
  const detail: Record<string, unknown> = {};
  if (c.echoMissing || c.echoDuplicates)
    Object.assign(detail, { echoMissing: c.echoMissing, echoDuplicates: c.echoDuplicates });
  if (c.unexpected) detail.unexpected = c.unexpected;
  if (Object.keys(c.closeReasons).length) detail.closeReasons = c.closeReasons;
  return {
    expected: c.expected,
    received: c.expected - c.missing,
    missing: c.missing,
    duplicates: c.duplicates,
    ok,
    ...(Object.keys(detail).length ? { detail } : {}),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/**
 * A JSON request over a keep-alive agent; resolves with the status and parsed body. A request
 * that fails with ECONNRESET on a reused keep-alive socket (the server closed it while idle) is
 * sent again on a new one, as Node's documentation recommends: it never reached the server.
 */
export function httpJson<T = unknown>(
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return attempt<T>(method, new URL(url), payload, headers, 0);
}

function attempt<T>(
  method: string,
  u: URL,
  payload: string | undefined,
  headers: Record<string, string>,
  tries: number,
): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: u.hostname,
        port: u.port,
        method,
        path: u.pathname + u.search,
        headers: {
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...headers,
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T });
        });
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error(`${method} ${u} timed out`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (req.reusedSocket && err.code === 'ECONNRESET' && tries < 2)
        attempt<T>(method, u, payload, headers, tries + 1).then(resolve, reject);
      else reject(err);
    });
    req.end(payload);
  });
}

/**
 * Loopback source addresses the generators can bind, 127.0.0.2 onwards (more 4-tuples, as many
 * hosts would give): `count` of them, fewer if some cannot be bound.
 */
export async function sourceAddresses(count: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 2; i < 2 + count; i++) {
    const address = `127.0.0.${i}`;
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(0, address, () => s.close(() => resolve(true)));
    });
    if (ok) out.push(address);
  }
  return out;
}

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
