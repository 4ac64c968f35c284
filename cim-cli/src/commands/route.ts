import type { CommandModule } from 'yargs';
import { createLogger, loadTlsFiles, ZkRegistry } from '@cim/common/server';
import type { SelectionAlgorithm } from '@cim/route';
import {
  envInt,
  requireSecret,
  routeLimitOptions,
  routeLimits,
  tlsOptions,
  webChatOptions,
  type RouteLimitArgs,
  type TlsArgs,
  type WebChatArgs,
} from '../options.js';
import { stopOnSignals } from '../signals.js';
import { webChatSite } from '../web-chat.js';

interface RouteArgs extends RouteLimitArgs, TlsArgs, WebChatArgs {
  redis?: string;
  zk?: string;
  secret?: string;
  host: string;
  port: number;
  selection: string;
  'duplicate-login': string;
}

export const routeCommand: CommandModule<object, RouteArgs> = {
  command: 'route',
  describe: 'run one route instance (stateless; run several behind a load balancer)',
  builder: (y) =>
    webChatOptions(routeLimitOptions(tlsOptions(y)))
      .option('redis', { type: 'string', default: process.env.CIM_REDIS, describe: 'Redis URL (env CIM_REDIS)' })
      .option('zk', {
        type: 'string',
        default: process.env.CIM_ZK,
        describe: 'ZooKeeper connect string, e.g. zk1:2181,zk2:2181/cim (env CIM_ZK)',
      })
      .option('secret', { type: 'string', describe: 'cluster secret (env CIM_SECRET)' })
      .option('host', { type: 'string', default: process.env.CIM_HOST ?? '127.0.0.1' })
      .option('port', { type: 'number', default: envInt('CIM_ROUTE_PORT') ?? 8083 })
      .option('selection', {
        type: 'string',
        default: process.env.CIM_SELECTION ?? 'round-robin',
        choices: ['round-robin', 'random', 'consistent-hash', 'least-connections'],
      })
      .option('duplicate-login', {
        type: 'string',
        default: process.env.CIM_DUPLICATE_LOGIN ?? 'kick',
        choices: ['kick', 'reject'],
      }) as never,
  handler: async (args) => {
    const { createStore, RouteService } = await import('@cim/route');
    if (!args.redis || !args.zk)
      throw new Error('cim route needs --redis and --zk (or CIM_REDIS and CIM_ZK); for a single process use "cim up"');
    const logger = createLogger('cim-route');
    const store = createStore({ redisUrl: args.redis, retentionMs: args['retention-ms'] });
    const route = new RouteService({
      secret: requireSecret(args.secret),
      store,
      registry: new ZkRegistry({ connect: args.zk, logger, sessionTimeoutMs: envInt('CIM_ZK_SESSION_TIMEOUT_MS') }),
      host: args.host,
      port: args.port,
      selection: args.selection as SelectionAlgorithm,
      duplicateLogin: args['duplicate-login'] as 'kick' | 'reject',
      heartbeatMs: envInt('CIM_HEARTBEAT_MS'),
      ...routeLimits(args),
      tls: loadTlsFiles({ cert: args['tls-cert'], key: args['tls-key'], ca: args['tls-ca'] }),
      staticSite: webChatSite(args['web-chat']),
      logger,
      processMetrics: true,
    });
    await route.start();
    stopOnSignals(async () => {
      await route.stop();
      await store.close();
    });
  },
};
