import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../devkit/free-port.js';
import { ManagedProcess } from '../../devkit/managed-process.js';
import { waitFor } from '../../devkit/wait-for.js';
import { RoundRobinProxy } from '../../devkit/round-robin-proxy.js';
import { generousLimitEnv } from '../../devkit/generous-limits.js';

/*
 * A cluster started the way README "Running each part" tells a new user to: `node bin/cim.js route
 * …` and `node bin/cim.js server …` as separate processes, with only the flags the README names
 * (no `--id`: a push server is whatever the README makes of it), a load balancer in front of the
 * routes as in "Running a cluster". Each process is restarted with the very same command line.
 */

const CIM_BIN = fileURLToPath(new URL('../../bin/cim.js', import.meta.url));

/**
 * The environment of every process: the caller's without its CIM_* settings, plus these. The
 * command lines stay the README's; the limits a load test would hit (per-user sends, logins and
 * registrations from one address, group creation) are lifted here, in one place, by their env
 * vars: those limits have their own tests.
 */
const TEST_ENV: Readonly<Record<string, string>> = {
  CIM_LOG_LEVEL: 'warn',
  CIM_SEND_RATE: '100000',
  CIM_SEND_BURST: '100000',
  ...generousLimitEnv,
};

/** One `node bin/cim.js …` process with a fixed command line. */
export class CimCommand {
  private proc: ManagedProcess | undefined;

  constructor(
    readonly name: string,
    readonly args: readonly string[],
    private readonly readyUrl: string,
    private readonly onLog?: (name: string, line: string) => void,
  ) {}

  async start(): Promise<void> {
    const onLog = this.onLog;
    this.proc = new ManagedProcess({
      name: this.name,
      command: process.execPath,
      args: [CIM_BIN, ...this.args],
      env: childEnv(),
      onLine: onLog && ((line) => onLog(this.name, line)),
      isReady: async () => (await fetch(this.readyUrl)).ok,
    });
    await this.proc.start();
  }

  /** SIGTERM: a graceful stop. SIGKILL: a crash. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.proc?.stop(signal);
  }

  /** Stops with `signal`, then starts the same command line again. */
  async restart(signal: NodeJS.Signals): Promise<void> {
    await this.stop(signal);
    await this.start();
  }
}

export interface ReadmeCluster {
  /** The load balancer in front of the routes: what clients and push servers use. */
  routeUrl: string;
  routes: CimCommand[];
  servers: (CimCommand & { tcpPort: number })[];
  stop(): Promise<void>;
}

/**
 * Starts `routes` routes behind a round-robin proxy and `servers` push servers on the given Redis
 * and ZooKeeper, and waits until every route sees every push server.
 */
export async function startReadmeCluster(options: {
  redisUrl: string;
  zkConnect: string;
  routes: number;
  servers: number;
  onLog?: (name: string, line: string) => void;
}): Promise<ReadmeCluster> {
  const secret = randomBytes(24).toString('base64url');
  const routePorts = await Promise.all(Array.from({ length: options.routes }, () => freePort()));
  const proxy = await RoundRobinProxy.start(routePorts.map((port) => ({ port })));
  const routes = routePorts.map(
    (port, i) =>
      new CimCommand(
        `route-${i + 1}`,
        ['route', '--redis', options.redisUrl, '--zk', options.zkConnect, `--secret=${secret}`, '--port', String(port)],
        `http://127.0.0.1:${port}/healthz`,
        options.onLog,
      ),
  );
  const servers: ReadmeCluster['servers'] = [];
  for (let i = 0; i < options.servers; i++) {
    const [tcpPort, httpPort] = [await freePort(), await freePort()];
    const args = [
      'server',
      '--zk',
      options.zkConnect,
      '--route',
      proxy.url,
      `--secret=${secret}`,
      '--tcp-port',
      String(tcpPort),
      '--http-port',
      String(httpPort),
    ];
    const server = new CimCommand(`server-${i + 1}`, args, `http://127.0.0.1:${httpPort}/readyz`, options.onLog);
    servers.push(Object.assign(server, { tcpPort }));
  }
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    await Promise.all(routes.map((r) => r.stop().catch(() => undefined)));
    await proxy.close();
  };
  try {
    await Promise.all([...routes, ...servers].map((p) => p.start()));
    await waitFor(
      async () => {
        const seen = await Promise.all(
          routePorts.map(
            async (port) =>
              ((await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()) as { servers?: number }).servers,
          ),
        );
        return seen.every((n) => n === options.servers);
      },
      { timeoutMs: 15_000, intervalMs: 100, message: `every route to see ${options.servers} push servers` },
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { routeUrl: proxy.url, routes, servers, stop };
}

function childEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CIM_')));
  return { ...env, ...TEST_ENV };
}
