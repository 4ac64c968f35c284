import type { Socket } from 'node:net';
import zookeeper, { type Client, type Event, type Stat, type State } from 'node-zookeeper-client';
import { CimError, ErrorCodes } from '../errors.js';
import type { Logger } from '../logger.js';

const { CreateMode, Exception, State: States } = zookeeper;

export const ZkErrorCodes = {
  NO_NODE: Exception.NO_NODE,
  NODE_EXISTS: Exception.NODE_EXISTS,
} as const;

export type ZkLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface ZkSessionOptions {
  /** Hosts only, `h1:2181,h2:2181`; a chroot is applied by the caller. */
  hosts: string;
  sessionTimeoutMs: number;
  /** How long an operation may wait for a connection and an answer together. */
  operationTimeoutMs: number;
  logger: ZkLogger;
}

export interface ZkSessionEvents {
  /** A connection is up. `newSession`: the previous session's ephemeral nodes and watches are gone. */
  onConnected(newSession: boolean): void;
  onDisconnected(): void;
}

/** How long a closing client may take to say goodbye to the server. */
const CLOSE_TIMEOUT_MS = 2000;

/** The ZooKeeper error code carried by an error from a `ZkSession` operation. */
export function zkErrorCode(err: unknown): number | undefined {
  const cause = err instanceof CimError ? err.cause : err;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * A ZooKeeper connection that outlives its sessions. node-zookeeper-client 1.1.3 never leaves an
 * expired session by itself, and during a network cut longer than the session it reports only
 * DISCONNECTED. So when the session expires, or the connection has been gone for a whole session
 * timeout (by then the server has expired the session), this closes the client, opens a new one,
 * and reports a new session so the owner re-creates its ephemeral nodes and watches.
 *
 * Operations wait for a connection, then for the answer, within `operationTimeoutMs` in total:
 * the library itself would queue them forever while disconnected. A connection that stays open but
 * stops answering is left for a new one (see `startProbing`).
 */
export class ZkSession {
  private client: Client | undefined;
  private connected = false;
  private freshClient = true;
  private lostTimer: NodeJS.Timeout | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private closed = false;
  private readonly connectWaiters = new Set<() => void>();
  private readonly spinDelayMs: number;

  constructor(
    private readonly options: ZkSessionOptions,
    private readonly events: ZkSessionEvents,
  ) {
    // The library pauses up to this long between rounds over the hosts; keep it well inside a session.
    this.spinDelayMs = Math.min(1000, Math.max(50, Math.floor(options.sessionTimeoutMs / 10)));
  }

  start(): void {
    this.open();
  }

  isConnected(): boolean {
    return this.connected;
  }

  /** True when `stat` describes an ephemeral node of the current session. */
  ownsNode(stat: Stat): boolean {
    return this.client !== undefined && stat.ephemeralOwner.equals(this.client.getSessionId());
  }

  create(path: string, data: Buffer, ephemeral: boolean): Promise<void> {
    const mode = ephemeral ? CreateMode.EPHEMERAL : CreateMode.PERSISTENT;
    return this.call(`create ${path}`, (client, done) => client.create(path, data, mode, (err) => done(err)));
  }

  mkdirp(path: string): Promise<void> {
    return this.call(`mkdirp ${path}`, (client, done) => client.mkdirp(path, (err) => done(err)));
  }

  remove(path: string): Promise<void> {
    return this.call(`remove ${path}`, (client, done) => client.remove(path, (err) => done(err)));
  }

  setData(path: string, data: Buffer): Promise<void> {
    return this.call(`setData ${path}`, (client, done) => client.setData(path, data, (err) => done(err)));
  }

  exists(path: string): Promise<Stat | undefined> {
    return this.call(`exists ${path}`, (client, done) =>
      client.exists(path, (err, stat) => done(err, stat ?? undefined)),
    );
  }

  getChildren(path: string, watcher: (event: Event) => void): Promise<string[]> {
    return this.call(`getChildren ${path}`, (client, done) =>
      client.getChildren(path, watcher, (err, children) => done(err, children)),
    );
  }

  getData(path: string, watcher: (event: Event) => void): Promise<Buffer | undefined> {
    return this.call(`getData ${path}`, (client, done) =>
      client.getData(path, watcher, (err, data) => done(err, data ?? undefined)),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.lostTimer);
    clearInterval(this.probeTimer);
    for (const wake of [...this.connectWaiters]) wake();
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    if (client) await this.closeClient(client);
  }

  private open(): void {
    const client = zookeeper.createClient(this.options.hosts, {
      sessionTimeout: this.options.sessionTimeoutMs,
      spinDelay: this.spinDelayMs,
      retries: 0,
    });
    this.client = client;
    this.freshClient = true;
    client.on('state', (state: State) => {
      if (this.client === client) this.onState(client, state);
    });
    client.connect();
    this.armLostTimer(client);
  }

  private onState(client: Client, state: State): void {
    if (state === States.SYNC_CONNECTED) {
      clearTimeout(this.lostTimer);
      this.lostTimer = undefined;
      this.connected = true;
      const newSession = this.freshClient;
      this.freshClient = false;
      this.options.logger.info(
        { sessionId: client.getSessionId().toString('hex'), newSession },
        'connected to ZooKeeper',
      );
      for (const wake of [...this.connectWaiters]) wake();
      this.startProbing(client);
      this.events.onConnected(newSession);
    } else if (state === States.EXPIRED) {
      this.renew('the ZooKeeper session expired');
    } else {
      if (this.connected) this.options.logger.warn({ state: state.name }, 'lost the ZooKeeper connection');
      this.markDisconnected();
      this.armLostTimer(client);
    }
  }

  private armLostTimer(client: Client): void {
    if (this.lostTimer || this.closed) return;
    // Negotiated with the server once connected; the requested value before that.
    const timeoutMs = client.getSessionTimeout();
    this.lostTimer = setTimeout(() => {
      this.lostTimer = undefined;
      this.renew(`no ZooKeeper connection for ${timeoutMs} ms, so the session has expired`);
    }, timeoutMs);
  }

  private renew(reason: string): void {
    if (this.closed) return;
    this.options.logger.warn({ reason }, 'opening a new ZooKeeper session');
    clearTimeout(this.lostTimer);
    this.lostTimer = undefined;
    this.markDisconnected();
    const old = this.client;
    this.open();
    if (old) void this.closeClient(old);
  }

  private markDisconnected(): void {
    clearInterval(this.probeTimer);
    if (!this.connected) return;
    this.connected = false;
    this.events.onDisconnected();
  }

  /**
   * The library sends pings but never checks that answers come back, so a connection that silently
   * stops carrying traffic (a NAT or firewall that forgot it, a peer that vanished) looks connected
   * for ever while the server expires the session. So this asks something every third of the
   * session timeout, and drops a connection that leaves the question unanswered for another third:
   * the library then reconnects, in time to resume the session if a server is reachable. The Java
   * client's read timeout of two thirds of the session works the same way.
   */
  private startProbing(client: Client): void {
    clearInterval(this.probeTimer);
    const intervalMs = Math.max(1, Math.floor(client.getSessionTimeout() / 3));
    this.probeTimer = setInterval(() => void this.probe(client, intervalMs), intervalMs);
    this.probeTimer.unref();
  }

  private async probe(client: Client, deadlineMs: number): Promise<void> {
    if (this.probing || this.client !== client || !this.connected) return;
    this.probing = true;
    try {
      const answered = await answersWithin(client, deadlineMs);
      if (!answered && this.client === client && this.connected) {
        this.options.logger.warn({ deadlineMs }, 'ZooKeeper stopped answering on an open connection; reconnecting');
        dropConnection(client);
      }
    } finally {
      this.probing = false;
    }
  }

  /**
   * A connected client says goodbye, and the server deletes the session's ephemeral nodes at once.
   * A client that is not connected is abandoned instead: the library's own `close()` then breaks
   * (it writes to a socket that may not exist, or misreads the next connect response).
   */
  private async closeClient(client: Client): Promise<void> {
    if (client.getState() !== States.SYNC_CONNECTED) {
      abandon(client, this.spinDelayMs);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const goodbye = new Promise<boolean>((resolve) => {
      client.once('disconnected', () => resolve(true));
      timer = setTimeout(() => resolve(false), CLOSE_TIMEOUT_MS);
    });
    client.close();
    const saidGoodbye = await goodbye;
    clearTimeout(timer);
    if (!saidGoodbye) abandon(client, this.spinDelayMs);
  }

  private async call<T = void>(
    what: string,
    invoke: (client: Client, done: (err: unknown, result?: T) => void) => void,
  ): Promise<T> {
    const deadline = Date.now() + this.options.operationTimeoutMs;
    const client = await this.connectedClient(deadline, what);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          reject(new CimError(ErrorCodes.TIMEOUT, `ZooKeeper did not answer ${what} in time`));
        },
        Math.max(0, deadline - Date.now()),
      );
      invoke(client, (err, result) => {
        clearTimeout(timer);
        if (err)
          reject(new CimError(ErrorCodes.UNAVAILABLE, `ZooKeeper ${what} failed: ${String(err)}`, { cause: err }));
        else resolve(result as T);
      });
    });
  }

  private connectedClient(deadline: number, what: string): Promise<Client> {
    if (this.closed) return Promise.reject(closedError());
    if (this.connected && this.client) return Promise.resolve(this.client);
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        this.connectWaiters.delete(wake);
        if (this.closed || !this.client) reject(closedError());
        else resolve(this.client);
      };
      const timer = setTimeout(
        () => {
          this.connectWaiters.delete(wake);
          reject(new CimError(ErrorCodes.UNAVAILABLE, `ZooKeeper is unreachable: ${what} found no connection in time`));
        },
        Math.max(0, deadline - Date.now()),
      );
      this.connectWaiters.add(wake);
    });
  }
}

function closedError(): CimError {
  return new CimError(ErrorCodes.CLOSED, 'the ZooKeeper session is closed');
}

/**
 * True when `client` answers a cheap question (does `/` exist?) within `deadlineMs`; an error
 * answer counts, since the library then knows the connection is gone. The verdict waits for one
 * more turn of the event loop after the deadline: after a long pause of this process the answer
 * may already be read from the socket, just not processed yet.
 */
function answersWithin(client: Client, deadlineMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => setImmediate(() => resolve(false)), deadlineMs);
    client.exists('/', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The library's connection manager, as far as this module reaches into it (version 1.1.3). */
interface ConnectionManagerInternals {
  socket?: Socket;
  setState(state: number): void;
}

/** The connection manager's CLOSING state: a socket that closes then is not reconnected. */
const CONNECTION_MANAGER_CLOSING = -1;

function connectionManager(client: Client): ConnectionManagerInternals {
  return (client as unknown as { connectionManager: ConnectionManagerInternals }).connectionManager;
}

/** Closes the client's socket; the library sees a lost connection and connects again. */
function dropConnection(client: Client): void {
  connectionManager(client).socket?.destroy();
}

/**
 * Stops a client for good without talking to the server. The library has no API for this, so it
 * reaches into the connection manager: mark it closing, then destroy its socket, now and again
 * after the pause between connection attempts in case one was about to open a new socket.
 */
function abandon(client: Client, spinDelayMs: number): void {
  const manager = connectionManager(client);
  manager.setState(CONNECTION_MANAGER_CLOSING);
  manager.socket?.destroy();
  setTimeout(() => manager.socket?.destroy(), spinDelayMs + 100).unref();
}
