/**
 * Embedded backends for the benchmark when redis-server or ZooKeeper is not installed: `cim up`'s
 * local cluster (route + one push server, in-memory store and registry) in this one process, with
 * a seeding hook over IPC (the in-memory store lives here).
 */
import { startLocalCluster } from '@cim/cli';
import { generousLimits } from '../devkit/generous-limits.js';
import { StoreSeeder, type MintedUsers } from './lib/seed.js';

// A load generator logs thousands of clients in from one address: the abuse limits would refuse it.
const largeGroupMembers = Number(process.env.CIM_LARGE_GROUP_MEMBERS);
const cluster = await startLocalCluster({
  routePort: 0,
  wsPort: 0,
  heartbeatMs: 10_000,
  route: { ...generousLimits, largeGroupMembers },
});
const seeder = new StoreSeeder(cluster.route.store, cluster.secret, largeGroupMembers);
const server = cluster.servers[0];

process.on('message', (msg: { id: number; cmd: 'users' | 'minted' | 'group'; args: unknown[] }) => {
  const run =
    msg.cmd === 'users'
      ? seeder.users(...(msg.args as [string, number, string]))
      : msg.cmd === 'minted'
        ? seeder.mintedSessions(...(msg.args as [MintedUsers, string]))
        : seeder.group(...(msg.args as [number, number[]]));
  run.then(
    (result) => process.send!({ id: msg.id, ok: true, result }),
    (err: Error) => process.send!({ id: msg.id, ok: false, error: err.message }),
  );
});
const stop = () => void cluster.stop().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('disconnect', stop);
process.send!({
  ready: {
    routeUrl: cluster.routeUrl,
    secret: cluster.secret,
    serverId: server.id,
    tcpPort: server.tcpAddress.port,
    wsPort: Number(new URL(server.wsUrl!).port),
    httpPort: server.httpAddress.port,
  },
});
