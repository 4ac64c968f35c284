import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { SelectorName } from '@cim/common/server';
import { freePort } from './free-port.js';
import { ManagedProcess } from './managed-process.js';
import { RedisServer } from './redis-server.js';
import { waitFor } from './wait-for.js';
import { ZooKeeperServer } from './zookeeper-server.js';
import { RoundRobinProxy } from './round-robin-proxy.js';

/*
 * The whole topology of docker-compose, without Docker: Redis, ZooKeeper, N `cim route` and M
 * `cim server` processes, and a round-robin proxy in front of the routes. `npm run cluster` runs
 * it for people; the multi-instance and fault tests run the very same code. It imports nothing
 * from Vitest, so a plain script can load it.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CIM_BIN = fileURLToPath(new URL('../bin/cim.js', import.meta.url));
const CIM_BUILT = fileURLToPath(new URL('../cim-cli/dist/main.js', import.meta.url));

export interface ClusterOptions {
  /** Route processes behind the proxy. Default 2. */
  routes?: number;
  /** Push server processes. Default 3. */
  servers?: number;
  /** `--selection` of every route. Default round-robin. */
  selection?: SelectorName;
  /** Port of the proxy, which is the cluster's public route URL. Default 0: any free port. */
  proxyPort?: number;
  /** `CIM_ZK_SESSION_TIMEOUT_MS` of routes and servers: how long a crashed server stays listed. */
  zkSessionTimeoutMs?: number;
  /** `--heartbeat-ms` of the push servers. */
  heartbeatMs?: number;
  /** Use this ZooKeeper (e.g. an ensemble's connect string) instead of starting one. */
  zkConnect?: string;
  /** Use this Redis instead of starting one. */
  redisUrl?: string;
  /**
   * Only the flags README "Running each part" names: push servers without `--id` (they name
   * themselves), routes without `--selection`. Default false: `--id s1…` and `--selection`.
   */
  readmeFlagsOnly?: boolean;
  /** `CIM_LOG_LEVEL` of routes and servers. Default info. */
  logLevel?: string;
  /** More environment of every route and server process, e.g. `generousLimitEnv`. */
  env?: Record<string, string>;
  /** Receives every line a route or server process writes, with its name (`route-1`, `s2`). */
  onLog?: (name: string, line: string) => void;
}

/** What every `cim` process of one cluster shares. */
export interface CimProcessSettings {
  secret: string;
  env: NodeJS.ProcessEnv;
  onLog?: (name: string, line: string) => void;
  /** Node flags before the entry module, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Each process appends its output to `<logDir>/<name>.log` instead (then `onLog` gets nothing). */
  logDir?: string;
  startTimeoutMs?: number;
}

/** One `cim …` process: started, stopped and started again with the same ports. */
abstract class CimProcess {
  private proc: ManagedProcess | undefined;

  protected constructor(
    readonly name: string,
    private readonly shared: CimProcessSettings,
  ) {}

  get running(): boolean {
    return this.proc?.running ?? false;
  }

  /** The pid of the running process, -1 when it is not running. */
  get pid(): number {
    return this.proc?.pid ?? -1;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    const onLog = this.shared.onLog;
    this.proc = new ManagedProcess({
      name: `cim ${this.name}`,
      command: process.execPath,
      args: [...(this.shared.nodeArgs ?? []), ...this.entry(), ...this.args()],
      cwd: ROOT,
      env: this.shared.env,
      onLine: onLog && ((line) => onLog(this.name, line)),
      ...(this.shared.logDir ? { logFile: join(this.shared.logDir, `${this.name}.log`) } : {}),
      ...(this.shared.startTimeoutMs ? { startTimeoutMs: this.shared.startTimeoutMs } : {}),
      isReady: () => this.isReady(),
    });
    await this.proc.start();
  }

  /** SIGTERM: graceful (a push server drains). SIGKILL: a crash. Escalates to SIGKILL after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs?: number): Promise<void> {
    await this.proc?.stop(signal, graceMs);
  }

  /** SIGSTOP: the process goes silent with its connections open, as a hung host would. */
  freeze(): void {
    this.proc?.signal('SIGSTOP');
  }

  /** SIGCONT after `freeze()`. */
  thaw(): void {
    this.proc?.signal('SIGCONT');
  }

  protected get secret(): string {
    return this.shared.secret;
  }

  /** What node runs: the built `cim` command. */
  protected entry(): string[] {
    return [CIM_BIN];
  }

  protected abstract args(): string[];
  protected abstract isReady(): Promise<boolean>;
}

export class RouteProcess extends CimProcess {
  constructor(
    name: string,
    readonly port: number,
    private readonly backends: { redisUrl: string; zkConnect: string },
    /** Absent: no `--selection` on the command line (the route's default). */
    public selection: SelectorName | undefined,
    shared: CimProcessSettings,
  ) {
    super(name, shared);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The route's `/readyz` answer, or undefined when it does not answer. */
  async readiness(): Promise<RouteReadiness | undefined> {
    try {
      const res = await fetch(`${this.url}/readyz`);
      return { httpStatus: res.status, ...((await res.json()) as Omit<RouteReadiness, 'httpStatus'>) };
    } catch {
      return undefined;
    }
  }

  /** Stops the route and starts it again on the same port, with another selection if given. */
  async restart(changes: { selection?: SelectorName } = {}): Promise<void> {
    await this.stop();
    this.selection = changes.selection ?? this.selection;
    await this.start();
  }

  protected args(): string[] {
    return [
      'route',
      '--redis',
      this.backends.redisUrl,
      '--zk',
      this.backends.zkConnect,
      `--secret=${this.secret}`,
      '--port',
      String(this.port),
      ...(this.selection ? ['--selection', this.selection] : []),
    ];
  }

  protected async isReady(): Promise<boolean> {
    return (await fetch(`${this.url}/healthz`)).ok;
  }
}

export interface RouteReadiness {
  httpStatus: number;
  status: string;
  checks: Record<string, boolean>;
  /** Push servers the route sees. */
  servers?: number;
}

export class ServerProcess extends CimProcess {
  /** The `--id` given, or the name the server gives itself without one (`srv-127.0.0.1-<tcpPort>`). */
  readonly id: string;

  constructor(
    readonly tcpPort: number,
    readonly httpPort: number,
    private readonly links: {
      zkConnect: string;
      routeUrl: string;
      heartbeatMs?: number;
      /** `--ws-port`: a WebSocket listener on this port too. */
      wsPort?: number;
      /** A module node runs with tsx instead of the `cim` command (bench/experiments/*). */
      entry?: string;
    },
    shared: CimProcessSettings,
    /** Absent: no `--id` on the command line. */
    private readonly idFlag?: string,
  ) {
    const id = idFlag ?? `srv-127.0.0.1-${tcpPort}`;
    super(id, shared);
    this.id = id;
  }

  protected entry(): string[] {
    return this.links.entry ? ['--import', 'tsx', this.links.entry] : super.entry();
  }

  protected args(): string[] {
    const args = [
      'server',
      ...(this.idFlag ? ['--id', this.idFlag] : []),
      '--zk',
      this.links.zkConnect,
      '--route',
      this.links.routeUrl,
      `--secret=${this.secret}`,
      '--tcp-port',
      String(this.tcpPort),
      '--http-port',
      String(this.httpPort),
    ];
    if (this.links.heartbeatMs) args.push('--heartbeat-ms', String(this.links.heartbeatMs));
    if (this.links.wsPort !== undefined) args.push('--ws-port', String(this.links.wsPort));
    return args;
  }

  protected async isReady(): Promise<boolean> {
    return (await fetch(`http://127.0.0.1:${this.httpPort}/readyz`)).ok;
  }
}

export interface CimCluster {
  /** The proxy in front of the routes: what clients use. */
  routeUrl: string;
  redisUrl: string;
  zkConnect: string;
  secret: string;
  /** Started by the cluster; undefined when `zkConnect` was given. */
  zookeeper: ZooKeeperServer | undefined;
  /** Started by the cluster; undefined when `redisUrl` was given. */
  redis: RedisServer | undefined;
  proxy: RoundRobinProxy;
  routes: RouteProcess[];
  servers: ServerProcess[];
  /** Resolves once every running route sees every running push server. */
  settled(timeoutMs?: number): Promise<void>;
  /** Stops everything it started, push servers first. */
  stop(): Promise<void>;
}

/**
 * Starts one `cim server` process on free ports against a route and ZooKeeper the caller runs;
 * ready when its /readyz answers. `start()` brings it back on the same ports after a `stop()`.
 */
export async function startPushServerProcess(options: {
  /** Absent: no `--id` on the command line. */
  id?: string;
  zkConnect: string;
  routeUrl: string;
  secret: string;
  heartbeatMs?: number;
  /** Extra environment (e.g. CIM_ZK_SESSION_TIMEOUT_MS). */
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const links = { zkConnect: options.zkConnect, routeUrl: options.routeUrl, heartbeatMs: options.heartbeatMs };
  const shared: CimProcessSettings = { secret: options.secret, env: childEnv({ env: options.env }) };
  const server = new ServerProcess(await freePort(), await freePort(), links, shared, options.id);
  await server.start();
  return server;
}

/** Starts a cluster; on failure, stops whatever part of it had started and rethrows. */
export async function startCluster(options: ClusterOptions = {}): Promise<CimCluster> {
  if (!existsSync(CIM_BUILT)) throw new Error('the cim command is not built: run "npx tsc -b" first');
  const stack: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stack.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    return await launch(options, stack, stopAll);
  } catch (err) {
    await stopAll();
    throw err;
  }
}

async function launch(
  options: ClusterOptions,
  stack: Array<() => Promise<void>>,
  stopAll: () => Promise<void>,
): Promise<CimCluster> {
  const [redis, zookeeper] = await Promise.all([
    options.redisUrl ? undefined : RedisServer.start(),
    options.zkConnect ? undefined : ZooKeeperServer.start(),
  ]);
  if (redis) stack.push(() => redis.stop());
  if (zookeeper) stack.push(() => zookeeper.stop());
  const zkConnect = options.zkConnect ?? zookeeper!.connectString;
  const redisUrl = options.redisUrl ?? redis!.url;

  const shared: CimProcessSettings = {
    secret: randomBytes(24).toString('base64url'),
    env: childEnv(options),
    onLog: options.onLog,
  };
  const backends = { redisUrl, zkConnect };
  const routes: RouteProcess[] = [];
  for (let i = 1; i <= (options.routes ?? 2); i++) {
    const selection = options.readmeFlagsOnly ? options.selection : (options.selection ?? 'round-robin');
    routes.push(new RouteProcess(`route-${i}`, await freePort(), backends, selection, shared));
  }
  const proxy = await RoundRobinProxy.start(
    routes.map((r) => ({ port: r.port })),
    options.proxyPort ?? 0,
  );
  stack.push(() => proxy.close());

  stack.push(() => Promise.all(routes.map((r) => r.stop())).then(() => undefined));
  await Promise.all(routes.map((r) => r.start()));

  const servers: ServerProcess[] = [];
  for (let i = 1; i <= (options.servers ?? 3); i++) {
    const links = { zkConnect, routeUrl: proxy.url, heartbeatMs: options.heartbeatMs };
    const id = options.readmeFlagsOnly ? undefined : `s${i}`;
    servers.push(new ServerProcess(await freePort(), await freePort(), links, shared, id));
  }
  stack.push(() => Promise.all(servers.map((s) => s.stop())).then(() => undefined));
  await Promise.all(servers.map((s) => s.start()));

  const settled = async (timeoutMs = 15_000) => {
    const expected = servers.filter((s) => s.running).length;
    await waitFor(
      async () => {
        const answers = await Promise.all(routes.filter((r) => r.running).map((r) => r.readiness()));
        return answers.every((a) => a?.httpStatus === 200 && a.servers === expected);
      },
      { timeoutMs, intervalMs: 100, message: `every route to see ${expected} push servers` },
    );
  };
  await settled();

  return {
    routeUrl: proxy.url,
    redisUrl,
    zkConnect,
    secret: shared.secret,
    zookeeper,
    redis,
    proxy,
    routes,
    servers,
    settled,
    stop: stopAll,
  };
}

/** The caller's environment without its CIM_* settings, plus the cluster's. */
function childEnv(options: ClusterOptions): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CIM_')));
  env.CIM_LOG_LEVEL = options.logLevel ?? 'info';
  if (options.zkSessionTimeoutMs) env.CIM_ZK_SESSION_TIMEOUT_MS = String(options.zkSessionTimeoutMs);
  return { ...env, ...options.env };
}
