import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ServerInfo, ServerRegistry } from '@cim/common';
import { answerClientErrors, createLogger, trustedCa, type Logger } from '@cim/common/server';
import { AbuseLimits } from './abuse-limits.js';
import { createRouteApp } from './app.js';
import { defaultRouteConfig, type RouteConfig } from './config.js';
import { FanOut, httpPushTransport, Presence, PushDispatcher, ServerDirectory } from './delivery/index.js';
import { instrumentStore } from './instrumented-store.js';
import { RouteMetrics } from './metrics.js';
import { Accounts } from './services/accounts.js';
import { Conversations } from './services/conversations.js';
import { DelayedSender } from './services/delayed-sender.js';
import { DeviceSync } from './services/device-sync.js';
import { Groups } from './services/groups.js';
import { Messages } from './services/messages.js';
import { Receipts } from './services/receipts.js';
import type { RouteStore } from './store/types.js';

export interface RouteServiceOptions extends Partial<RouteConfig> {
  secret: string;
  store: RouteStore;
  /** The live push servers; closed by `stop()`. The store is the caller's to close. */
  registry: ServerRegistry;
  logger?: Logger;
  now?: () => number;
  processMetrics?: boolean;
}

/** One route instance: stateless apart from caches; any number can run behind a load balancer. */
export class RouteService {
  readonly config: RouteConfig;
  readonly store: RouteStore;
  readonly accounts: Accounts;
  readonly messages: Messages;
  private readonly registry: ServerRegistry;
  private readonly logger: Logger;
  private readonly server: http.Server | https.Server;
  private readonly delayedSender: DelayedSender;
  private readonly dispatcher: PushDispatcher;
  private stopWatchingConnection: (() => void) | undefined;

  constructor(options: RouteServiceOptions) {
    const { store: rawStore, registry, logger, now = Date.now, processMetrics, ...rest } = options;
    this.config = {
      ...defaultRouteConfig,
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    } as RouteConfig;
    this.store = rawStore;
    this.registry = registry;
    this.logger = logger ?? createLogger('cim-route');
    const metrics = new RouteMetrics({ processMetrics });
    const store = instrumentStore(rawStore, metrics);
    const directory = new ServerDirectory(registry, this.config.selection, this.logger, now);
    metrics.trackRegistry(
      () => directory.live().length,
      () => registry.isConnected(),
    );
    const transport = httpPushTransport({
      secret: this.config.secret,
      timeoutMs: this.config.pushTimeoutMs,
      logger: this.logger,
      ca: trustedCa(this.config.tls),
    });
    const retry = { retryForMs: this.config.pushRetryMs, backlogCapacity: this.config.pushRetryBacklog };
    const dispatcher = new PushDispatcher(directory, transport, retry, this.logger, metrics, now);
    this.dispatcher = dispatcher;
    metrics.trackPushRetryBacklog(() => dispatcher.waitingFor());
    const presence = new Presence(store, directory);
    const limits = new AbuseLimits(store, this.config);
    const fanOut = new FanOut(presence, directory, dispatcher, metrics, this.logger);
    const groups = new Groups(store, fanOut, this.config.maxGroupMembers, this.logger, this.config.largeGroupMembers);
    const conversations = new Conversations(store, groups);
    this.accounts = new Accounts(store, directory, dispatcher, this.config, this.logger, metrics, now);
    this.messages = new Messages(store, groups, fanOut, limits, this.config, this.logger, metrics, now);
    this.delayedSender = new DelayedSender(store, this.messages, this.logger, now);
    const app = createRouteApp({
      config: this.config,
      secret: this.config.secret,
      store,
      limits,
      accounts: this.accounts,
      messages: this.messages,
      groups,
      conversations,
      receipts: new Receipts(store, conversations, fanOut, this.logger),
      deviceSync: new DeviceSync(store, fanOut, this.logger, now),
      presence,
      logger: this.logger,
      metrics,
      isReady: async () => {
        const checks = { store: await store.ping().catch(() => false), registry: registry.isConnected() };
        const servers = directory.live().length;
        // While the registry is away the route keeps serving from its last known list: degraded, not down.
        const status = !checks.store || servers === 0 ? 'not ready' : checks.registry ? 'ready' : 'degraded';
        return { status, checks, servers };
      },
    });
    const tls = this.config.tls;
    const timeouts = requestTimeouts(this.config.requestTimeoutMs);
    this.server = tls
      ? https.createServer({ cert: tls.cert, key: tls.key, ...timeouts }, app)
      : http.createServer(timeouts, app);
    answerClientErrors(this.server, (code) => metrics.errors.inc({ code }));
  }

  async start(): Promise<void> {
    await this.registry.watch();
    this.stopWatchingConnection = this.logRegistryConnection();
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.config.port, this.config.host, () => resolve());
    });
    this.delayedSender.start();
    this.logger.info({ url: this.url }, 'route started');
  }

  /** Says once when the registry goes away (the route carries on with what it knew) and when it is back. */
  private logRegistryConnection(): () => void {
    let connected = this.registry.isConnected();
    return this.registry.onConnectionChange((now) => {
      if (now === connected) return;
      connected = now;
      const servers = this.registry.servers().length;
      if (now) this.logger.info({ servers }, 'server registry reconnected');
      else
        this.logger.warn(
          { servers },
          'server registry disconnected: serving logins and messages from the last known list of push servers',
        );
    });
  }

  /** The push servers this route currently sees as live. */
  liveServers(): ServerInfo[] {
    return this.registry.servers();
  }

  get url(): string {
    const addr = this.server.address() as AddressInfo;
    return `${this.config.tls ? 'https' : 'http'}://${addr.address}:${addr.port}`;
  }

  async stop(): Promise<void> {
    this.delayedSender.stop();
    this.dispatcher.close();
    this.stopWatchingConnection?.();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.registry.close().catch((err) => this.logger.warn({ err }, 'registry close failed'));
  }
}

/**
 * Node's request timeouts for a whole request of at most `ms`: the headers within it too, and
 * checked often enough (Node looks every 30 s by default) that a short limit is kept.
 */
function requestTimeouts(ms: number): http.ServerOptions {
  return {
    requestTimeout: ms,
    headersTimeout: ms,
    connectionsCheckingInterval: Math.min(30_000, Math.max(100, ms / 4)),
    // Node would answer a missing Host with a bare 400; the app answers it with coded JSON.
    requireHostHeader: false,
  };
}
