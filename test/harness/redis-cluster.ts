import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../devkit/free-port.js';
import { ManagedProcess } from '../../devkit/managed-process.js';
import { askTcp } from '../../devkit/tcp-ask.js';
import { waitFor } from '../../devkit/wait-for.js';

const SLOTS = 16384;

/**
 * A real Redis Cluster of N masters from the Debian `redis-server` binary, on free loopback ports:
 * the slots are split evenly, the nodes meet, and it is ready when every node says
 * `cluster_state:ok`.
 */
export class RedisCluster {
  private constructor(
    readonly ports: number[],
    private readonly nodes: ManagedProcess[],
    private readonly dir: string,
  ) {}

  /** `host:port` of every node, for ioredis `Cluster` or a `redis-cluster://` URL. */
  get seeds(): { host: string; port: number }[] {
    return this.ports.map((port) => ({ host: '127.0.0.1', port }));
  }

  get url(): string {
    return `redis-cluster://${this.ports.map((p) => `127.0.0.1:${p}`).join(',')}`;
  }

  static async start(masters = 3): Promise<RedisCluster> {
    const dir = await mkdtemp(join(tmpdir(), 'cim-redis-cluster-'));
    const ports: number[] = [];
    const nodes: ManagedProcess[] = [];
    const cluster = new RedisCluster(ports, nodes, dir);
    try {
      for (let i = 0; i < masters; i++) {
        const port = await freePort();
        const flags = {
          port: String(port),
          bind: '127.0.0.1',
          save: '',
          appendonly: 'no',
          dir,
          'cluster-enabled': 'yes',
          'cluster-config-file': join(dir, `nodes-${port}.conf`),
          'cluster-announce-ip': '127.0.0.1',
          'cluster-node-timeout': '2000',
          daemonize: 'no',
        };
        const node = new ManagedProcess({
          name: `redis-server (cluster node ${i + 1}/${masters}) on port ${port}`,
          command: 'redis-server',
          args: Object.entries(flags).flatMap(([flag, value]) => [`--${flag}`, value]),
          isReady: async () => (await askTcp(port, 'PING\r\nQUIT\r\n')).startsWith('+PONG'),
        });
        await node.start();
        ports.push(port);
        nodes.push(node);
      }
      await cluster.form();
      return cluster;
    } catch (err) {
      await cluster.stop();
      throw err;
    }
  }

  private async form(): Promise<void> {
    const admins = this.ports.map((port) => new Redis(port, '127.0.0.1', { lazyConnect: false }));
    try {
      const perNode = Math.ceil(SLOTS / admins.length);
      await Promise.all(
        admins.map((admin, i) =>
          admin.call('CLUSTER', 'ADDSLOTSRANGE', String(i * perNode), String(Math.min(SLOTS, (i + 1) * perNode) - 1)),
        ),
      );
      for (const admin of admins.slice(1)) await admin.call('CLUSTER', 'MEET', '127.0.0.1', String(this.ports[0]));
      await waitFor(
        async () => {
          const infos = await Promise.all(admins.map((a) => a.call('CLUSTER', 'INFO')));
          return infos.every(
            (info) =>
              String(info).includes('cluster_state:ok') &&
              String(info).includes(`cluster_known_nodes:${admins.length}`),
          );
        },
        { timeoutMs: 20_000, message: `a ${admins.length}-master Redis Cluster to form` },
      );
    } finally {
      await Promise.all(admins.map((a) => a.quit().catch(() => undefined)));
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
    await rm(this.dir, { recursive: true, force: true });
  }
}
