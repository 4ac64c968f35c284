import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zookeeper, { type Stat } from 'node-zookeeper-client';
import { freePort } from '../../devkit/free-port.js';
import { askTcp } from '../../devkit/tcp-ask.js';
import { ZooKeeperServer } from '../../devkit/zookeeper-server.js';

const QUORUM_MAIN = 'org.apache.zookeeper.server.quorum.QuorumPeerMain';

/**
 * Followers get this many ticks to connect to a new leader and sync, and this many to stay in
 * sync: small, so an election after a member stops takes a second or two rather than the
 * production default's tens of seconds.
 */
const INIT_LIMIT_TICKS = 20;
const SYNC_LIMIT_TICKS = 10;

/**
 * A real ZooKeeper ensemble on loopback: N members, each with its own client, quorum and election
 * ports and data directory. Stop members with `nodes[i].kill()` to test failover; a majority keeps
 * serving.
 */
export class ZooKeeperEnsemble {
  private constructor(
    readonly nodes: ZooKeeperServer[],
    private readonly dir: string,
  ) {}

  static async start(size = 3): Promise<ZooKeeperEnsemble> {
    const dir = await mkdtemp(join(tmpdir(), 'cim-zk-ensemble-'));
    const members = [];
    for (let id = 1; id <= size; id++) {
      members.push({ id, clientPort: await freePort(), quorumPort: await freePort(), electionPort: await freePort() });
    }
    const serverLines = members.map((m) => `server.${m.id}=127.0.0.1:${m.quorumPort}:${m.electionPort}`);
    const extraConfig = [`initLimit=${INIT_LIMIT_TICKS}`, `syncLimit=${SYNC_LIMIT_TICKS}`, ...serverLines];

    // Members wait for each other to elect a leader, so they are started together.
    const launches = await Promise.allSettled(
      members.map(async (m) => {
        const nodeDir = join(dir, `node${m.id}`);
        await mkdir(join(nodeDir, 'data'), { recursive: true });
        await writeFile(join(nodeDir, 'data', 'myid'), `${m.id}\n`);
        return ZooKeeperServer.launch({
          port: m.clientPort,
          dir: nodeDir,
          mainClass: QUORUM_MAIN,
          extraConfig,
          name: `ZooKeeper ensemble member ${m.id} on port ${m.clientPort}`,
        });
      }),
    );
    const nodes = launches.flatMap((l) => (l.status === 'fulfilled' ? [l.value] : []));
    const failed = launches.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    const ensemble = new ZooKeeperEnsemble(nodes, dir);
    if (failed) {
      await ensemble.stop();
      throw failed.reason;
    }
    return ensemble;
  }

  /** Every member: `127.0.0.1:p1,127.0.0.1:p2,…`; append a chroot to isolate a test. */
  get connectString(): string {
    return this.nodes.map((node) => node.connectString).join(',');
  }

  /** The session (hex) that owns the ephemeral node at `path`, or undefined when there is none. */
  async sessionOwning(path: string): Promise<string | undefined> {
    const client = zookeeper.createClient(this.connectString, { sessionTimeout: 4_000, spinDelay: 100, retries: 0 });
    let timer: NodeJS.Timeout | undefined;
    const connected = new Promise<void>((resolve, reject) => {
      client.once('connected', () => resolve());
      timer = setTimeout(() => reject(new Error(`no ZooKeeper member of ${this.connectString} answered`)), 10_000);
    });
    client.connect();
    try {
      await connected;
      const stat = await new Promise<Stat | null>((resolve, reject) =>
        client.exists(path, (err, result) => (err ? reject(err) : resolve(result))),
      );
      return stat ? stat.ephemeralOwner.toString('hex') : undefined;
    } finally {
      clearTimeout(timer);
      client.close();
    }
  }

  /** The member that holds the client connection of `sessionId` (hex, as in `cons`), if any. */
  async nodeOfSession(sessionId: string): Promise<ZooKeeperServer | undefined> {
    const wanted = `sid=0x${sessionId.replace(/^0x/, '').replace(/^0+/, '')}`;
    for (const node of this.nodes) {
      if (!node.running) continue;
      const connections = await askTcp(node.port, 'cons').catch(() => '');
      if (connections.split('\n').some((line) => line.includes(`${wanted},`) || line.endsWith(wanted))) return node;
    }
    return undefined;
  }

  /** Stops every member and deletes their directories. */
  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.kill()));
    await rm(this.dir, { recursive: true, force: true });
  }
}
