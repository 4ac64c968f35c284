import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStore, type RouteStore } from '@cim/route';
import { Redis } from 'ioredis';
import { freePort } from '../../devkit/free-port.js';
import { RouteProcess, ServerProcess, type CimProcessSettings } from '../../devkit/cluster.js';
import { ManagedProcess, type ProcessSpec } from '../../devkit/managed-process.js';
import { onPath, ZOOKEEPER_JAR } from '../../devkit/prerequisites.js';
import { RedisServer } from '../../devkit/redis-server.js';
import { ZooKeeperServer } from '../../devkit/zookeeper-server.js';
import { generousLimitEnv } from '../../devkit/generous-limits.js';
import { StoreSeeder, type SeededUser, type Seeder } from './seed.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EMBEDDED = fileURLToPath(new URL('../embedded-cluster.ts', import.meta.url));

export interface ProcRef {
  name: string;
  pid: number;
}

/** The embedded cluster's child (the ManagedProcesses look after their own); killed if this process exits first. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** How long a benchmark process may take to stop after SIGTERM (a push server drains its clients). */
const STOP_GRACE_MS = 15_000;
const START_TIMEOUT_MS = 30_000;

/** A benchmark child: run from the repository root, its output in a log file. */
function benchProcess(
  name: string,
  command: string,
  args: string[],
  options: Pick<ProcessSpec, 'env' | 'isReady'> & { logFile: string },
): ManagedProcess {
  return new ManagedProcess({ name, command, args, cwd: ROOT, startTimeoutMs: START_TIMEOUT_MS, ...options });
}

export interface PushServerHandle {
  id: string;
  tcpPort: number;
  /** Its WebSocket listener (every bench server has one; idle, it costs nothing). */
  wsPort: number;
  httpPort: number;
  pid: number;
  /** Its /metrics as name → value (first sample of each name). */
  metrics(): Promise<Record<string, number>>;
  /** Crashes it (SIGKILL: no drain, no goodbye to the registry) and waits for the exit. */
  crash(): Promise<void>;
}

export interface BenchCluster {
  mode: 'real' | 'embedded';
  /** e.g. "redis-server 7.0.15 + ZooKeeper (Debian package)" or "embedded backends". */
  backends: string;
  secret: string;
  routeUrl: string;
  tmpDir: string;
  seeder: Seeder;
  processes(): ProcRef[];
  /** Calls per Redis command since Redis started (INFO commandstats); {} on embedded backends. */
  redisCommandStats(): Promise<Record<string, number>>;
  /**
   * A fresh push server (real mode: a new `cim server` process). The running ones are stopped
   * first, unless `alongside` (several servers at once; embedded mode has only its one server).
   */
  startServer(id: string, heartbeatMs: number, options?: { alongside?: boolean }): Promise<PushServerHandle>;
  /** Stops every push server started by startServer. */
  stopServer(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The push server admits at most 64 connections per address that have not logged in yet. Real
 * devices each have their own address; the bench's share a few loopback ones (8, or 29 in B3 × 6),
 * so when a crashed server's 10,000 devices come back at once (B4) that cap, not the product's
 * speed, would be measured. Raised here, and said so in docs/benchmarks.md.
 */
export const BENCH_CONNECTION_LIMITS = { CIM_MAX_PENDING_LOGINS_PER_IP: '20000' };

const CHILD_ENV = (logLevel: string, largeGroupMembers: number): NodeJS.ProcessEnv => {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('CIM_') && k !== 'NODE_OPTIONS'),
  );
  env.CIM_LOG_LEVEL = logLevel;
  env.CIM_LARGE_GROUP_MEMBERS = String(largeGroupMembers);
  // A load generator logs thousands of clients in from one address: the abuse limits would refuse it.
  return { ...env, ...generousLimitEnv, ...BENCH_CONNECTION_LIMITS };
};

export interface ClusterOptions {
  logLevel: string;
  /** The route's `--large-group-members`; seeded groups follow it too. */
  largeGroupMembers: number;
  forceEmbedded?: boolean;
  /** Write a V8 CPU profile of the route and of every push server here (node --cpu-prof). */
  profileDir?: string;
  /** Run push servers through this module instead of bin/cim.js (bench/experiments/*). */
  serverEntry?: string;
}

export async function startCluster(options: ClusterOptions): Promise<BenchCluster> {
  const tmpDir = await mkdtemp(join(tmpdir(), 'cim-bench-'));
  const realAvailable = onPath('redis-server') && onPath('java') && existsSync(ZOOKEEPER_JAR);
  if (!realAvailable || options.forceEmbedded) return startEmbedded(tmpDir, options);
  return startReal(tmpDir, options);
}

async function startReal(tmpDir: string, options: ClusterOptions): Promise<BenchCluster> {
  const nodeFlags = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [];
  const stack: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stack.splice(0).reverse()) await stop().catch(() => undefined);
    await rm(tmpDir, { recursive: true, force: true });
  };
  try {
    const [redis, zk] = await Promise.all([RedisServer.start(), ZooKeeperServer.start()]);
    stack.push(
      () => redis.stop(),
      () => zk.stop(),
    );
    const secret = randomBytes(24).toString('base64url');
    // Output to log files: reading it here would add to the orchestrator's measured CPU.
    const settings: CimProcessSettings = {
      secret,
      env: CHILD_ENV(options.logLevel, options.largeGroupMembers),
      nodeArgs: nodeFlags,
      logDir: tmpDir,
      startTimeoutMs: START_TIMEOUT_MS,
    };
    const route = new RouteProcess(
      'route',
      await freePort(),
      { redisUrl: redis.url, zkConnect: zk.connectString },
      undefined,
      settings,
    );
    const routeUrl = route.url;
    await route.start();
    stack.push(() => route.stop('SIGTERM', STOP_GRACE_MS));
    const store: RouteStore = createStore({ redisUrl: redis.url });
    stack.push(() => store.close());
    const statsClient = new Redis(redis.url, { lazyConnect: true });
    stack.push(async () => void statsClient.disconnect());

    const servers: { proc: ServerProcess; handle: PushServerHandle }[] = [];
    /** `untilRouteSeesNone`: before the next scenario, not at the very end (a crashed server's entry lingers ~10 s). */
    const stopServer = async (untilRouteSeesNone = true) => {
      if (!servers.length) return;
      await Promise.all(servers.splice(0).map((s) => s.proc.stop('SIGTERM', STOP_GRACE_MS)));
      // After Ctrl-C the route may be gone as well: then there is nothing to wait for.
      if (untilRouteSeesNone && route.running) await waitForRouteServers(routeUrl, 0, 15_000).catch(() => undefined);
    };
    stack.push(() => stopServer(false));

    return {
      mode: 'real',
      backends: `redis-server ${version('redis-server', ['--version'], /v=(\S+)/)} + ZooKeeper (${ZOOKEEPER_JAR}), real processes`,
      secret,
      routeUrl,
      tmpDir,
      seeder: new StoreSeeder(store, secret, options.largeGroupMembers),
      async redisCommandStats() {
        const text = await statsClient.info('commandstats');
        const out: Record<string, number> = {};
        for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out[m[1]] = Number(m[2]);
        return out;
      },
      processes: () =>
        [
          { name: 'orchestrator', pid: process.pid },
          { name: 'route', pid: route.pid },
          { name: 'redis', pid: redis.pid },
          { name: 'zookeeper', pid: zk.pid },
          ...servers.map((s) => ({ name: 'push-server', pid: s.handle.pid })),
        ].filter((p) => p.pid > 0),
      async startServer(id, heartbeatMs, startOptions) {
        if (!startOptions?.alongside) await stopServer();
        const tcpPort = await freePort();
        const httpPort = await freePort();
        const wsPort = await freePort();
        const links = { zkConnect: zk.connectString, routeUrl, heartbeatMs, wsPort, entry: options.serverEntry };
        const proc = new ServerProcess(tcpPort, httpPort, links, settings, id);
        await proc.start();
        const handle: PushServerHandle = {
          id,
          tcpPort,
          wsPort,
          httpPort,
          pid: proc.pid,
          metrics: () => scrapeMetrics(httpPort),
          crash: async () => {
            const at = servers.findIndex((s) => s.handle === handle);
            if (at >= 0) servers.splice(at, 1);
            await proc.stop('SIGKILL');
          },
        };
        servers.push({ proc, handle });
        await waitForRouteServers(routeUrl, servers.length);
        return handle;
      },
      stopServer: () => stopServer(),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** Embedded backends: `startLocalCluster` (route + one push server, in-memory store and registry) in one child process. */
async function startEmbedded(tmpDir: string, options: ClusterOptions): Promise<BenchCluster> {
  const { logLevel } = options;
  const child = fork(EMBEDDED, [], {
    execArgv: ['--import', 'tsx'],
    env: CHILD_ENV(logLevel, options.largeGroupMembers),
    stdio: ['ignore', 'ignore', openSync(join(tmpDir, 'embedded.log'), 'a'), 'ipc'],
  });
  children.add(child);
  let nextId = 1;
  const pending = new Map<number, (msg: { ok: boolean; result?: unknown; error?: string }) => void>();
  const info = await new Promise<{
    routeUrl: string;
    secret: string;
    serverId: string;
    tcpPort: number;
    wsPort: number;
    httpPort: number;
  }>((resolve, reject) => {
    child.on('message', (msg: { ready?: unknown; id?: number; ok: boolean; result?: unknown; error?: string }) => {
      if (msg.ready) resolve(msg.ready as never);
      else if (msg.id !== undefined) pending.get(msg.id)?.(msg);
    });
    child.once('exit', (code) =>
      reject(new Error(`embedded cluster exited (code ${code}); see ${tmpDir}/embedded.log`)),
    );
  });
  const call = <T>(cmd: string, args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (msg) => {
        pending.delete(id);
        if (msg.ok) resolve(msg.result as T);
        else reject(new Error(msg.error));
      });
      child.send({ id, cmd, args });
    });
  const handle: PushServerHandle = {
    id: info.serverId,
    tcpPort: info.tcpPort,
    wsPort: info.wsPort,
    httpPort: info.httpPort,
    pid: child.pid!,
    metrics: () => scrapeMetrics(info.httpPort),
    crash: () => Promise.reject(new Error('embedded backends: the push server shares the route process')),
  };
  return {
    mode: 'embedded',
    backends: 'embedded backends (in-memory store and registry; route and push server share one process)',
    secret: info.secret,
    routeUrl: info.routeUrl,
    tmpDir,
    seeder: {
      users: (prefix, count, _serverId) => call<SeededUser[]>('users', [prefix, count, info.serverId]),
      mintedSessions: (users, _serverId) => call<void>('minted', [users, info.serverId]),
      group: (owner, members) => call<string>('group', [owner, members]),
    },
    processes: () => [
      { name: 'orchestrator', pid: process.pid },
      { name: 'route+push-server', pid: child.pid! },
    ],
    redisCommandStats: async () => ({}),
    async startServer() {
      return handle;
    },
    async stopServer() {},
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      await rm(tmpDir, { recursive: true, force: true });
    },
  };
}

export interface ServerChild {
  port: number;
  pid: number;
  version: string;
  stop(): Promise<void>;
}

/**
 * mosquitto on a free loopback port: no persistence, QoS 0 never dropped for a slow subscriber.
 * `tcpNoDelay` sets its `set_tcp_nodelay` (off by default: Nagle's algorithm on its sockets).
 */
export async function startMosquitto(
  tmpDir: string,
  options: { tcpNoDelay?: boolean } = {},
): Promise<ServerChild | undefined> {
  const bin = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => existsSync(p));
  if (!bin) return undefined;
  const port = await freePort();
  const conf = join(tmpDir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence false',
      'max_queued_messages 0',
      `set_tcp_nodelay ${options.tcpNoDelay ? 'true' : 'false'}`,
      'connection_messages false',
      'log_type error',
      'log_type warning',
      'log_dest stderr',
      '',
    ].join('\n'),
  );
  const proc = benchProcess('mosquitto', bin, ['-c', conf], {
    logFile: join(tmpDir, 'mosquitto.log'),
    isReady: () => canConnect(port),
  });
  await proc.start();
  return {
    port,
    pid: proc.pid,
    version: version(bin, ['-h'], /mosquitto version (\S+)/),
    stop: () => proc.stop('SIGTERM', STOP_GRACE_MS),
  };
}

/**
 * One of the bench's own floor servers (bench/relay-server.ts, bench/express-floor-server.ts) as a
 * process of its own on a free loopback port.
 */
export async function startFloorServer(
  script: 'relay-server' | 'express-floor-server',
  tmpDir: string,
): Promise<ServerChild> {
  const port = await freePort();
  const file = fileURLToPath(new URL(`../${script}.ts`, import.meta.url));
  const proc = benchProcess(script, process.execPath, ['--import', 'tsx', file, String(port)], {
    logFile: join(tmpDir, `${script}.log`),
    isReady: () => canConnect(port),
  });
  await proc.start();
  return { port, pid: proc.pid, version: process.version, stop: () => proc.stop('SIGTERM', STOP_GRACE_MS) };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

async function waitForRouteServers(routeUrl: string, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const body = (await (await fetch(`${routeUrl}/readyz`)).json()) as { servers?: number };
      if (body.servers === count) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the route did not see ${count} push server(s) within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Prometheus text → first value of each metric name. */
async function scrapeMetrics(httpPort: number): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (m && !(m[1] in out)) out[m[1]] = Number(m[3]);
  }
  return out;
}

function version(command: string, args: string[], pattern: RegExp): string {
  try {
    const r = spawnSyncText(command, args);
    return pattern.exec(r)?.[1] ?? '?';
  } catch {
    return '?';
  }
}

function spawnSyncText(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 5_000 });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
