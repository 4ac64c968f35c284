import type { CommandModule } from 'yargs';
import { createLogger, loadTlsFiles } from '@cim/common/server';
import type { SelectionAlgorithm } from '@cim/route';
import {
  pushServerLimitOptions,
  pushServerLimits,
  routeLimitOptions,
  routeLimits,
  tlsOptions,
  webSocketOptions,
  webSocketSettings,
  type PushServerLimitArgs,
  type RouteLimitArgs,
  type TlsArgs,
  type WebSocketArgs,
} from '../options.js';
import { stopOnSignals } from '../signals.js';

interface UpArgs extends RouteLimitArgs, PushServerLimitArgs, TlsArgs, WebSocketArgs {
  servers: number;
  redis?: string;
  zk?: string;
  port: number;
  'tcp-port': number;
  host: string;
  selection: string;
}

/** WebSocket port of the first push server of `cim up`: next to the route's 8083. */
const DEFAULT_UP_WS_PORT = 8084;

export const upCommand: CommandModule<object, UpArgs> = {
  command: 'up',
  describe: 'run a route and push server(s) in one process (embedded in-memory backends by default)',
  builder: (y) =>
    webSocketOptions(pushServerLimitOptions(routeLimitOptions(tlsOptions(y))), DEFAULT_UP_WS_PORT)
      .option('servers', { type: 'number', default: 1, describe: 'number of push servers' })
      .option('redis', {
        type: 'string',
        default: process.env.CIM_REDIS,
        describe: 'Redis URL (env CIM_REDIS); in memory when absent',
      })
      .option('zk', {
        type: 'string',
        default: process.env.CIM_ZK,
        describe: 'ZooKeeper connect string (env CIM_ZK); in memory when absent',
      })
      .option('port', {
        type: 'number',
        default: Number(process.env.CIM_ROUTE_PORT ?? 8083),
        describe: 'route HTTP port',
      })
      .option('tcp-port', {
        type: 'number',
        default: Number(process.env.CIM_TCP_PORT ?? 9000),
        describe: 'TCP port of the first push server',
      })
      .option('host', {
        type: 'string',
        default: process.env.CIM_HOST ?? '127.0.0.1',
        describe: 'address to listen on',
      })
      .option('selection', {
        type: 'string',
        default: 'round-robin',
        choices: ['round-robin', 'random', 'consistent-hash', 'least-connections'],
      }) as never,
  handler: async (args) => {
    // Loaded here so that client commands do not pay for the whole route and server at start-up.
    const { startLocalCluster } = await import('../local-cluster.js');
    const logger = createLogger('cim', { level: process.env.CIM_LOG_LEVEL ?? 'warn' });
    const cluster = await startLocalCluster({
      servers: args.servers,
      redisUrl: args.redis,
      zkConnect: args.zk,
      host: args.host,
      routePort: args.port,
      tcpPort: args['tcp-port'],
      ...webSocketSettings(args),
      selection: args.selection as SelectionAlgorithm,
      secret: process.env.CIM_SECRET,
      logger,
      route: routeLimits(args),
      server: pushServerLimits(args),
      store: { retentionMs: args['retention-ms'] },
      tls: loadTlsFiles({ cert: args['tls-cert'], key: args['tls-key'], ca: args['tls-ca'] }),
    });
    const where = [
      cluster.embedded.store
        ? 'in memory (embedded store: everything is gone when this process stops)'
        : `in Redis at ${args.redis}`,
      cluster.embedded.registry
        ? 'servers registered in memory (embedded registry)'
        : `servers registered in ZooKeeper at ${args.zk}`,
    ];
    const servers = cluster.servers.map((s) => `${s.tcpAddress.host}:${s.tcpAddress.port}`).join(', ');
    const webSockets = cluster.servers.map((s) => s.wsUrl).join(', ');
    process.stdout.write(
      [
        'CIM-TS is up.',
        `  route        ${cluster.routeUrl}`,
        `  push servers ${servers}`,
        `  websockets   ${webSockets}`,
        `  data         ${where[0]}`,
        `  discovery    ${where[1]}`,
        '',
        'Chat from two other terminals:',
        '  npx cim chat alice',
        '  npx cim chat bob',
        'Ctrl-C stops the system.',
        '',
      ].join('\n'),
    );
    stopOnSignals(() => cluster.stop());
  },
};
