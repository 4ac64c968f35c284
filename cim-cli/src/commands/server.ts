import type { CommandModule } from 'yargs';
import { createLogger, loadTlsFiles, ZkRegistry } from '@cim/common/server';
import {
  envInt,
  pushServerLimitOptions,
  pushServerLimits,
  requireSecret,
  tlsOptions,
  webSocketOptions,
  webSocketSettings,
  type PushServerLimitArgs,
  type TlsArgs,
  type WebSocketArgs,
} from '../options.js';
import { stopOnSignals } from '../signals.js';

interface ServerArgs extends TlsArgs, PushServerLimitArgs, WebSocketArgs {
  zk?: string;
  route: string;
  secret?: string;
  id?: string;
  host: string;
  'advertised-host'?: string;
  'tcp-port': number;
  'http-host': string;
  'advertised-http-host'?: string;
  'http-port': number;
  'heartbeat-ms'?: number;
}

export const serverCommand: CommandModule<object, ServerArgs> = {
  command: 'server',
  describe: 'run one push server (registers itself in ZooKeeper; SIGTERM drains it)',
  builder: (y) =>
    webSocketOptions(pushServerLimitOptions(tlsOptions(y)))
      .option('zk', { type: 'string', default: process.env.CIM_ZK, describe: 'ZooKeeper connect string (env CIM_ZK)' })
      .option('route', {
        type: 'string',
        default: process.env.CIM_ROUTE ?? 'http://127.0.0.1:8083',
        describe: 'route (or load balancer) URL for upstream events (env CIM_ROUTE)',
      })
      .option('secret', { type: 'string', describe: 'cluster secret (env CIM_SECRET)' })
      .option('id', {
        type: 'string',
        default: process.env.CIM_SERVER_ID,
        describe:
          'server id (env CIM_SERVER_ID); default srv-<advertised-host|host>-<tcp-port>, the same on every restart',
      })
      .option('host', {
        type: 'string',
        default: process.env.CIM_HOST ?? '127.0.0.1',
        describe: 'TCP listen address (env CIM_HOST)',
      })
      .option('advertised-host', {
        type: 'string',
        default: process.env.CIM_ADVERTISED_HOST,
        describe: 'address clients are told to connect to',
      })
      .option('tcp-port', { type: 'number', default: envInt('CIM_TCP_PORT') ?? 9000 })
      .option('http-host', {
        type: 'string',
        default: process.env.CIM_HTTP_HOST ?? '127.0.0.1',
        describe: 'internal push API address (keep it internal)',
      })
      .option('advertised-http-host', {
        type: 'string',
        default: process.env.CIM_ADVERTISED_HTTP_HOST,
        describe: 'address routes use to reach the push API',
      })
      .option('http-port', { type: 'number', default: envInt('CIM_HTTP_PORT') ?? 8081 })
      .option('heartbeat-ms', { type: 'number', default: envInt('CIM_HEARTBEAT_MS') }) as never,
  handler: async (args) => {
    const { PushServer } = await import('@cim/server');
    if (!args.zk) throw new Error('cim server needs --zk (or CIM_ZK); for a single process use "cim up"');
    const logger = createLogger('cim-server');
    const server = new PushServer({
      ...pushServerLimits(args),
      id: args.id,
      secret: requireSecret(args.secret),
      routeUrl: args.route,
      registry: new ZkRegistry({ connect: args.zk, logger, sessionTimeoutMs: envInt('CIM_ZK_SESSION_TIMEOUT_MS') }),
      tcpHost: args.host,
      tcpPort: args['tcp-port'],
      ...webSocketSettings(args),
      advertisedHost: args['advertised-host'],
      httpHost: args['http-host'],
      advertisedHttpHost: args['advertised-http-host'],
      httpPort: args['http-port'],
      heartbeatMs: args['heartbeat-ms'],
      ...pushServerLimits(args),
      tls: loadTlsFiles({ cert: args['tls-cert'], key: args['tls-key'], ca: args['tls-ca'] }),
      logger,
      processMetrics: true,
    });
    await server.start();
    stopOnSignals(() => server.stop());
  },
};
