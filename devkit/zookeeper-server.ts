import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { ManagedProcess } from './managed-process.js';
import { BackendProcess } from './backend-process.js';
import { requireZooKeeper, ZOOKEEPER_CONF_DIR, ZOOKEEPER_JAR } from './prerequisites.js';
import { askTcp } from './tcp-ask.js';

/** Short ticks make session expiry testable in seconds; sessions may last 400 ms .. 60 s. */
const TICK_MS = 200;
const MAX_SESSION_TIMEOUT_MS = 60_000;

const STANDALONE_MAIN = 'org.apache.zookeeper.server.ZooKeeperServerMain';

/** What one ZooKeeper process is started with. */
export interface ZooKeeperLaunch {
  port: number;
  /** Its own directory: zoo.cfg, and the data under `data/`. */
  dir: string;
  /** Java main class: standalone, or `QuorumPeerMain` for an ensemble member. */
  mainClass?: string;
  /** Lines appended to the common zoo.cfg (an ensemble's `server.N` lines). */
  extraConfig?: string[];
  /** Shown in errors. */
  name?: string;
}

/** The zoo.cfg every test ZooKeeper shares. */
function zooCfg(dir: string, port: number, extra: string[]): string {
  return [
    `tickTime=${TICK_MS}`,
    `dataDir=${join(dir, 'data')}`,
    `clientPort=${port}`,
    'clientPortAddress=127.0.0.1',
    // The admin server would bind 8080.
    'admin.enableServer=false',
    '4lw.commands.whitelist=ruok,srvr,cons',
    `maxSessionTimeout=${MAX_SESSION_TIMEOUT_MS}`,
    ...extra,
    '',
  ].join('\n');
}

/**
 * A real ZooKeeper (Debian package, Java 17) on a free loopback port with its own temporary data
 * directory: standalone from `start()`, or one member of a `ZooKeeperEnsemble`.
 */
export class ZooKeeperServer extends BackendProcess {
  /** Session timeouts the server grants: at least 2 ticks (ZooKeeper's rule), at most the configured maximum. */
  static readonly minSessionTimeoutMs = 2 * TICK_MS;
  static readonly maxSessionTimeoutMs = MAX_SESSION_TIMEOUT_MS;

  private constructor(port: number, dir: string, proc: ManagedProcess) {
    super(port, dir, proc);
  }

  /** A standalone server in a new temporary directory. */
  static async start(): Promise<ZooKeeperServer> {
    const port = await freePort();
    const dir = await mkdtemp(join(tmpdir(), 'cim-zk-'));
    try {
      return await ZooKeeperServer.launch({ port, dir });
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  /**
   * Writes the configuration into `dir` and starts the process; resolves once it serves clients
   * (for an ensemble member: once a quorum has formed). The caller owns `dir`.
   */
  static async launch(launch: ZooKeeperLaunch): Promise<ZooKeeperServer> {
    requireZooKeeper();
    const { port, dir } = launch;
    const cfg = join(dir, 'zoo.cfg');
    await writeFile(cfg, zooCfg(dir, port, launch.extraConfig ?? []));
    const proc = new ManagedProcess({
      name: launch.name ?? `ZooKeeper on port ${port}`,
      command: 'java',
      args: [
        // A small, fast-starting JVM: the test server holds a handful of nodes.
        '-Xmx256m',
        '-XX:+UseSerialGC',
        '-XX:TieredStopAtLevel=1',
        '-cp',
        `${ZOOKEEPER_CONF_DIR}:${ZOOKEEPER_JAR}`,
        launch.mainClass ?? STANDALONE_MAIN,
        cfg,
      ],
      cwd: dir,
      // `ruok` answers `imok` before the server accepts sessions; `srvr` reports a mode only then.
      isReady: async () => (await askTcp(port, 'srvr')).includes('Mode:'),
      startTimeoutMs: 30_000,
    });
    await proc.start();
    return new ZooKeeperServer(port, dir, proc);
  }

  /** Connect string for clients: `127.0.0.1:<port>`; append a chroot to isolate a test. */
  get connectString(): string {
    return `127.0.0.1:${this.port}`;
  }
}
