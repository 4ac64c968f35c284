/** What a push server publishes about itself in the registry (ZooKeeper `/cim/servers/<id>`). */
export interface ServerInfo {
  /** Unique, stable for the life of the process, e.g. "srv-<host>-<tcpPort>-<random>". */
  id: string;
  /** Address clients connect to over TCP. */
  host: string;
  tcpPort: number;
  /** WebSocket listener on `host` (upgrades on `/`), when the server has one. */
  wsPort?: number;
  /** Address of the internal push API (route → server). */
  httpHost: string;
  httpPort: number;
  /** TCP, WebSocket (`wss`) and the internal push API speak TLS. */
  tls?: boolean;
  /** Open connections right now; used by `least-connections` selection. */
  load: number;
  startedAt: number;
}

/** `ws://host:wsPort/` (`wss://` with TLS) of a server with a WebSocket listener. */
export function wsUrlOf(server: ServerInfo): string | undefined {
  if (server.wsPort === undefined) return undefined;
  const host = server.host.includes(':') ? `[${server.host}]` : server.host;
  return `${server.tls ? 'wss' : 'ws'}://${host}:${server.wsPort}/`;
}

/**
 * Discovery of live push servers. Push servers `register()` themselves; routes `watch()` and read
 * `servers()`. Implementations: ZooKeeper (ephemeral nodes) and in-memory (for `cim up`).
 * Both pass the same contract tests.
 */
export interface ServerRegistry {
  /**
   * Publishes this server as live (an ephemeral node). The registration is kept across ZooKeeper
   * session expiry — the implementation re-creates it — until `unregister()` or `close()`.
   */
  register(info: ServerInfo): Promise<void>;
  /** Updates the published load of a registered server. */
  updateLoad(id: string, load: number): Promise<void>;
  /** Removes the registration (graceful drain) and stops re-creating it. */
  unregister(id: string): Promise<void>;
  /** Starts following the live list; resolves once the first list is known. */
  watch(): Promise<void>;
  /** The last known live list (kept while the backend is unreachable). */
  servers(): ServerInfo[];
  /** Called with the new list whenever it changes; returns an unsubscribe function. */
  onChange(listener: (servers: ServerInfo[]) => void): () => void;
  /** True while connected to the backend (always true in memory). */
  isConnected(): boolean;
  /**
   * Called with `false` when the connection to the backend is lost and `true` when it is back;
   * returns an unsubscribe function. A lost connection is reported once, however long it lasts.
   */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  close(): Promise<void>;
}
