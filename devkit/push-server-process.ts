import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { ManagedProcess } from './managed-process.js';

const cimBin = fileURLToPath(new URL('../bin/cim.js', import.meta.url));

export interface PushServerProcess {
  process: ManagedProcess;
  /** The `--id` given; without one the server names itself (`srv-127.0.0.1-<tcpPort>`). */
  id: string;
  tcpPort: number;
  httpPort: number;
  /** Starts the same command line again (same ports), e.g. after a SIGKILL. */
  restart(): Promise<void>;
}

/** Starts `cim server` as its own OS process (so it can be SIGKILLed), ready when /healthz answers. */
export async function startPushServerProcess(options: {
  /** Absent: no `--id` on the command line. */
  id?: string;
  zkConnect: string;
  routeUrl: string;
  secret: string;
  heartbeatMs?: number;
  /** Extra environment (e.g. CIM_ZK_SESSION_TIMEOUT_MS). */
  env?: NodeJS.ProcessEnv;
}): Promise<PushServerProcess> {
  const tcpPort = await freePort();
  const httpPort = await freePort();
  const args = [
    cimBin,
    'server',
    ...(options.id ? ['--id', options.id] : []),
    '--zk',
    options.zkConnect,
    '--route',
    options.routeUrl,
    `--secret=${options.secret}`,
    '--tcp-port',
    String(tcpPort),
    '--http-port',
    String(httpPort),
  ];
  if (options.heartbeatMs) args.push('--heartbeat-ms', String(options.heartbeatMs));
  const launch = async () => {
    const managed = new ManagedProcess({
      name: `cim server ${options.id ?? tcpPort}`,
      command: 'node',
      args,
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
      isReady: async () => (await fetch(`http://127.0.0.1:${httpPort}/readyz`)).ok,
    });
    await managed.start();
    return managed;
  };
  const server: PushServerProcess = {
    process: await launch(),
    id: options.id ?? `srv-127.0.0.1-${tcpPort}`,
    tcpPort,
    httpPort,
    restart: async () => {
      server.process = await launch();
    },
  };
  return server;
}
