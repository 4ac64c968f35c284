import { fileURLToPath } from 'node:url';
import { freePort } from '../harness/free-port.js';
import { ManagedProcess } from '../harness/managed-process.js';

const cimBin = fileURLToPath(new URL('../../bin/cim.js', import.meta.url));

export interface PushServerProcess {
  process: ManagedProcess;
  id: string;
  tcpPort: number;
  httpPort: number;
}

/** Starts `cim server` as its own OS process (so it can be SIGKILLed), ready when /healthz answers. */
export async function startPushServerProcess(options: {
  id: string;
  zkConnect: string;
  routeUrl: string;
  secret: string;
  heartbeatMs?: number;
}): Promise<PushServerProcess> {
  const tcpPort = await freePort();
  const httpPort = await freePort();
  const args = [
    cimBin,
    'server',
    '--id', options.id,
    '--zk', options.zkConnect,
    '--route', options.routeUrl,
    `--secret=${options.secret}`,
    '--tcp-port', String(tcpPort),
    '--http-port', String(httpPort),
  ];
  if (options.heartbeatMs) args.push('--heartbeat-ms', String(options.heartbeatMs));
  const process = new ManagedProcess({
    name: `cim server ${options.id}`,
    command: 'node',
    args,
    isReady: async () => (await fetch(`http://127.0.0.1:${httpPort}/readyz`)).ok,
  });
  await process.start();
  return { process, id: options.id, tcpPort, httpPort };
}
