import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { ManagedProcess } from './managed-process.js';
import { BackendProcess } from './backend-process.js';
import { requireRedisServer } from './prerequisites.js';
import { askTcp } from './tcp-ask.js';

export interface RedisServerOptions {
  /** Turn on the append-only file (`appendfsync always`) so data survives a restart or a crash. */
  appendOnly?: boolean;
}

/**
 * A real `redis-server` on a free loopback port with its own temporary directory. Never the
 * system Redis on 6379.
 */
export class RedisServer extends BackendProcess {
  private constructor(port: number, dir: string, proc: ManagedProcess) {
    super(port, dir, proc);
  }

  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    requireRedisServer();
    const port = await freePort();
    const dir = await mkdtemp(join(tmpdir(), 'cim-redis-'));
    const persistence = options.appendOnly
      ? ['--appendonly', 'yes', '--appendfsync', 'always']
      : ['--appendonly', 'no'];
    const proc = new ManagedProcess({
      name: `redis-server on port ${port}`,
      command: 'redis-server',
      args: [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        ...persistence,
        '--dir',
        dir,
        '--daemonize',
        'no',
      ],
      cwd: dir,
      isReady: async () => (await askTcp(port, 'PING\r\nQUIT\r\n')).startsWith('+PONG'),
    });
    const server = new RedisServer(port, dir, proc);
    try {
      await proc.start();
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
}
