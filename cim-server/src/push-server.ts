import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { encodeFrame, ErrorCodes, wsUrlOf, type Frame, type ServerRegistry, type ServerInfo } from '@cim/common';
import { answerClientErrors, createLogger, trustedCa, type Logger } from '@cim/common/server';
import { ClientProtocol, origin } from './client-protocol.js';
import {
  defaultMaxConnections,
  defaultMaxConnectionsPerIp,
  defaultPushServerConfig,
  defaultServerId,
  type PushServerConfig,
} from './config.js';
import type { Connection } from './connection.js';
import { ConnectionLimits } from './connection-limits.js';
import { ConnectionTable } from './connection-table.js';
import { LivenessSweeper } from './liveness.js';
import { ServerMetrics } from './metrics.js';
import { applyPush, createPushApi } from './push-api.js';
import { RouteLink } from './route-link.js';
import { TcpTransport } from './tcp-transport.js';
import type { ClientTransport } from './transport.js';
import { WsListener } from './ws-listener.js';

export interface PushServerOptions extends Partial<PushServerConfig> {
  secret: string;
  routeUrl: string;
  /** Where the server registers itself; closed by `stop()`. */
  registry: ServerRegistry;
  logger?: Logger;
  now?: () => number;
  /** Also export Node process metrics (one per process). */
  processMetrics?: boolean;
}

const LOAD_REPORT_INTERVAL_MS = 2_000;

/**
 * A "dumb" push server: holds client connections (TCP, and WebSocket when it has a `wsPort`),
 * authenticates them with route-issued tokens, keeps them alive, pushes what the route tells it
 * to, and relays what clients send upstream.
 * No durable state; registered in the server registry while it runs.
 */
export class PushServer {
  readonly config: PushServerConfig;
  readonly id: string;
  readonly metrics: ServerMetrics;
  private readonly logger: Logger;
  private readonly registry: ServerRegistry;
  private readonly now: () => number;
  private readonly table = new ConnectionTable();
  /** Every open socket, logged in or not (the table only has logged-in ones). */
  private readonly open = new Set<Connection>();
  /** Admission: the server's cap (below the open-file limit), per address, and logins pending per address. */
  readonly limits: ConnectionLimits;
  private readonly routeLink: RouteLink;
  private readonly protocol: ClientProtocol;
  private readonly sweeper: LivenessSweeper;
  private readonly tcp: net.Server;
  private readonly ws: WsListener | undefined;
  private readonly httpServer: http.Server | https.Server;
  private loadTimer: NodeJS.Timeout | undefined;
  private lastReportedLoad = -1;
  private state: 'new' | 'running' | 'draining' | 'stopped' = 'new';
  /** Ready means reachable through the registry, not just listening. */
  private registered = false;

  constructor(options: PushServerOptions) {
    const { registry, logger, now, processMetrics, ...rest } = options;
    this.config = { ...defaultPushServerConfig, ...stripUndefined(rest) } as PushServerConfig;
    this.id = this.config.id ?? defaultServerId(this.config);
    const maxConnections = this.config.maxConnections ?? defaultMaxConnections();
    this.limits = new ConnectionLimits({
      maxConnections,
      maxConnectionsPerIp: this.config.maxConnectionsPerIp ?? defaultMaxConnectionsPerIp(maxConnections),
      maxPendingLoginsPerIp: this.config.maxPendingLoginsPerIp,
    });
    this.registry = registry;
    this.now = now ?? Date.now;
    this.logger = (logger ?? createLogger('cim-server')).child({ serverId: this.id });
    this.metrics = new ServerMetrics({ processMetrics });
    this.metrics.countLoggedIn(() => this.table.size);
    this.metrics.trackRegistry(() => registry.isConnected());
    this.routeLink = new RouteLink(
      this.id,
      this.config.routeUrl,
      this.config.secret,
      this.logger,
      this.config.loginCheckTimeoutMs,
      // Deliveries carried by the route's answer to an events batch: not a push request.
      (push) => this.metrics.framesOut.inc(applyPush(push, this.table)),
      trustedCa(this.config.tls),
    );
    this.protocol = new ClientProtocol({
      serverId: this.id,
      config: this.config,
      table: this.table,
      routeLink: this.routeLink,
      metrics: this.metrics,
      logger: this.logger,
      now: this.now,
      onClosed: (conn) => this.onConnectionClosed(conn),
    });
    this.sweeper = new LivenessSweeper(() => this.open, {
      heartbeatMs: this.config.heartbeatMs,
      loginTimeoutMs: this.config.loginTimeoutMs,
      now: this.now,
    });
    const tlsOptions = this.config.tls;
    const onSocket = (socket: net.Socket) => this.onTransport(new TcpTransport(socket, this.config.maxFrameBytes));
    this.tcp = tlsOptions
      ? tls.createServer({ cert: tlsOptions.cert, key: tlsOptions.key }, onSocket)
      : net.createServer(onSocket);
    this.ws =
      this.config.wsPort === undefined
        ? undefined
        : new WsListener({
            host: this.config.tcpHost,
            port: this.config.wsPort,
            tls: tlsOptions,
            maxFrameBytes: this.config.maxFrameBytes,
            origins: this.config.wsOrigins,
            metrics: this.metrics,
            onTransport: (transport) => this.onTransport(transport),
          });
    const api = createPushApi({
      secret: this.config.secret,
      table: this.table,
      metrics: this.metrics,
      isReady: () => this.state === 'running' && this.registered,
    });
    this.httpServer = tlsOptions
      ? https.createServer({ cert: tlsOptions.cert, key: tlsOptions.key }, api)
      : http.createServer(api);
    answerClientErrors(this.httpServer);
  }

  /** Starts listening and registers in the registry. */
  async start(): Promise<void> {
    await listen(this.tcp, this.config.tcpPort, this.config.tcpHost);
    await this.ws?.listen();
    await listen(this.httpServer, this.config.httpPort, this.config.httpHost);
    this.sweeper.start();
    this.state = 'running';
    await this.registry.register(this.info());
    this.registered = true;
    this.loadTimer = setInterval(() => void this.reportLoad(), LOAD_REPORT_INTERVAL_MS);
    this.loadTimer.unref();
    this.logger.info(
      { tcp: this.tcpAddress, ws: this.wsUrl, http: this.httpAddress, ...this.limits.settings },
      'push server started',
    );
  }

  get tcpAddress(): { host: string; port: number } {
    const addr = this.tcp.address() as AddressInfo;
    return { host: this.config.advertisedHost ?? addr.address, port: addr.port };
  }

  /** `ws://host:port/` (or `wss://`) of the WebSocket listener, when there is one. */
  get wsUrl(): string | undefined {
    return this.ws ? wsUrlOf(this.info()) : undefined;
  }

  get httpAddress(): { host: string; port: number } {
    const addr = this.httpServer.address() as AddressInfo;
    return { host: this.config.advertisedHttpHost ?? addr.address, port: addr.port };
  }

  get connectionCount(): number {
    return this.open.size;
  }

  info(): ServerInfo {
    return {
      id: this.id,
      host: this.tcpAddress.host,
      tcpPort: this.tcpAddress.port,
      ...(this.ws ? { wsPort: this.ws.port } : {}),
      httpHost: this.httpAddress.host,
      httpPort: this.httpAddress.port,
      ...(this.config.tls ? { tls: true } : {}),
      load: this.open.size,
      startedAt: this.now(),
    };
  }

  /**
   * Graceful drain: leave the registry (no new logins land here), tell every client to log in
   * again through the route, wait for them to go (bounded), then close what is left.
   */
  async stop(options: { drainTimeoutMs?: number } = {}): Promise<void> {
    if (this.state === 'stopped' || this.state === 'draining') return;
    this.state = 'draining';
    clearInterval(this.loadTimer);
    this.registered = false;
    await this.registry.unregister(this.id).catch((err) => this.logger.warn({ err }, 'unregister failed'));
    this.tcp.close();
    this.ws?.close();
    for (const conn of this.open) conn.closeWith({ redirect: { reason: 'server is shutting down' } }, 'redirected');
    const deadline = this.now() + (options.drainTimeoutMs ?? this.config.drainTimeoutMs);
    while (this.open.size > 0 && this.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const conn of this.open) conn.transport.destroy();
    this.sweeper.stop();
    await this.routeLink.idle(Math.min(2_000, options.drainTimeoutMs ?? this.config.drainTimeoutMs));
    this.routeLink.stop();
    this.httpServer.closeAllConnections();
    await new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
    await this.registry.close().catch((err) => this.logger.warn({ err }, 'registry close failed'));
    this.state = 'stopped';
    this.logger.info('push server stopped');
  }

  private onTransport(transport: ClientTransport): void {
    const running = this.state === 'running';
    const refusal = running ? this.limits.refusal(transport.remoteAddress ?? 'unknown', this.open.size) : undefined;
    if (!running || refusal) {
      this.metrics.rejected.inc({ code: refusal?.code ?? ErrorCodes.DRAINING });
      if (refusal) this.metrics.refused.inc({ limit: refusal.limit });
      // Say why before closing (each limit gives a coded error); a draining server sends the
      // client back to the route. A peer that never reads is destroyed shortly after.
      const last: Frame = refusal
        ? { error: { code: refusal.code, message: refusal.message } }
        : { redirect: { reason: 'server is shutting down' } };
      transport.on('error', () => undefined);
      transport.write(encodeFrame(last));
      transport.end();
      setTimeout(() => transport.destroy(), this.config.closeGraceMs).unref();
      return;
    }
    const conn = this.protocol.attach(transport);
    this.limits.admitted(conn);
    this.open.add(conn);
    this.metrics.connections.inc();
    this.metrics.connectionsByTransport.inc({ transport: transport.kind });
  }

  private onConnectionClosed(conn: Connection): void {
    if (!this.open.delete(conn)) return;
    this.metrics.connections.dec();
    this.metrics.connectionsByTransport.dec({ transport: conn.transport.kind });
    this.metrics.closed.inc({ reason: conn.closeReason ?? 'client-closed' });
    this.limits.released(conn);
    // Only the connection still registered for its device speaks for the session (the route also
    // ignores a connection its session has left). The session keeps its grace period, so the device
    // can come back with its token; a logout ended it already.
    if (this.table.remove(conn) && conn.closeReason !== 'logout') {
      void this.routeLink.submit({ type: 'closed', ...origin(conn), connectionId: conn.id });
    }
  }

  private async reportLoad(): Promise<void> {
    const load = this.open.size;
    if (load === this.lastReportedLoad || this.state !== 'running') return;
    this.lastReportedLoad = load;
    await this.registry.updateLoad(this.id, load).catch((err) => this.logger.warn({ err }, 'load report failed'));
  }
}

function listen(server: net.Server | http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
