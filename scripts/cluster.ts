// `npm run cluster`: the docker-compose topology as local processes — Redis, ZooKeeper, two routes
// behind a round-robin proxy, three push servers — until Ctrl-C. Runs with tsx (`node --import
// tsx`) after a build, since the routes and servers are the built `cim` command.
//
//   npm run cluster -- [--port 8083] [--routes 2] [--servers 3] [--selection round-robin]
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { selectorNames, type SelectorName } from '@cim/common/server';
import { startCluster } from '../devkit/cluster.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8083' },
    routes: { type: 'string', default: '2' },
    servers: { type: 'string', default: '3' },
    selection: { type: 'string', default: 'round-robin' },
  },
});
const selection = values.selection as SelectorName;
if (!selectorNames.includes(selection)) {
  console.error(`--selection must be one of: ${selectorNames.join(', ')}`);
  process.exit(2);
}

// The processes log JSON lines; one file each keeps the terminal readable.
const logDir = await mkdtemp(join(tmpdir(), 'cim-cluster-logs-'));
const logs = new Map<string, WriteStream>();
const logTo = (name: string, line: string) => {
  let stream = logs.get(name);
  if (!stream) {
    stream = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
    logs.set(name, stream);
  }
  stream.write(`${line}\n`);
};

console.log('starting Redis, ZooKeeper, routes and push servers…');
const starting = startCluster({
  routes: Number(values.routes),
  servers: Number(values.servers),
  selection,
  proxyPort: Number(values.port),
  // Browsers reach push servers over WebSocket: the web chat at /chat works on this cluster too.
  webSocket: true,
  onLog: logTo,
});

// Ctrl-C may come while the cluster is still starting: wait for the start to end, then stop.
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('stopping…');
  const cluster = await starting.catch(() => undefined);
  await cluster?.stop();
  for (const stream of logs.values()) stream.end();
  console.log(`stopped (logs kept in ${logDir})`);
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

const cluster = await starting.catch((err: unknown) => {
  if (stopping) return undefined;
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
if (cluster) {
  const routeFlag = cluster.proxy.port === 8083 ? '' : `CIM_ROUTE=${cluster.routeUrl} `;
  console.log(
    [
      'CIM-TS cluster is up.',
      `  route (proxy)  ${cluster.routeUrl}  → ${cluster.routes.map((r) => r.url).join(', ')}`,
      `  web chat       ${cluster.routeUrl}/chat/`,
      `  push servers   ${cluster.servers.map((s) => `${s.id} tcp 127.0.0.1:${s.tcpPort} ws :${s.wsPort} http :${s.httpPort}`).join(', ')}`,
      `  redis          ${cluster.redisUrl}`,
      `  zookeeper      ${cluster.zkConnect}`,
      `  secret         ${cluster.secret}`,
      `  logs           ${logDir}`,
      '',
      'Chat from two other terminals:',
      `  ${routeFlag}npx cim chat alice`,
      `  ${routeFlag}npx cim chat bob`,
      `or in a browser: open ${cluster.routeUrl}/chat/`,
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}
