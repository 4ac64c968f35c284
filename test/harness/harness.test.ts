import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { askTcp, backends, RedisServer, TcpProxy, uniquePrefix, waitFor, ZooKeeperServer } from './index.js';

/** An echo server to proxy to. */
async function echoServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

/** Connects, sends `text`, resolves with the echo, or 'closed' / 'silent' if none comes. */
function exchange(port: number, text: string, timeoutMs = 300): Promise<string> {
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: '127.0.0.1', port });
    const done = (result: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done('silent'), timeoutMs);
    socket.on('connect', () => socket.write(text));
    socket.on('data', (data) => done(data.toString()));
    socket.on('error', () => done('closed'));
    socket.on('close', () => done('closed'));
  });
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('global setup', () => {
  it('provides a Redis and a ZooKeeper that answer', async () => {
    const { redisUrl, zkConnect } = backends();
    expect(await askTcp(Number(new URL(redisUrl).port), 'PING\r\nQUIT\r\n')).toMatch(/^\+PONG/);
    expect(await askTcp(Number(zkConnect.split(':')[1]), 'ruok')).toBe('imok');
  });
});

describe('TcpProxy', () => {
  it('forwards, refuses while cut, and forwards again once healed', async () => {
    const echo = await echoServer();
    cleanups.push(() => void echo.server.close());
    const proxy = await TcpProxy.start({ port: echo.port });
    cleanups.push(() => proxy.close());

    expect(await exchange(proxy.port, 'hello')).toBe('hello');
    proxy.cut();
    expect(await exchange(proxy.port, 'hello')).toBe('closed');
    proxy.heal();
    expect(await exchange(proxy.port, 'again')).toBe('again');
  });

  it('breaks open connections on cut', async () => {
    const echo = await echoServer();
    cleanups.push(() => void echo.server.close());
    const proxy = await TcpProxy.start({ port: echo.port });
    cleanups.push(() => proxy.close());
    const socket = connect({ host: '127.0.0.1', port: proxy.port });
    cleanups.push(() => void socket.destroy());
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.on('error', () => {});
    await waitFor(() => proxy.connectionCount === 1, { message: 'the connection to open' });

    proxy.cut();
    await closed;
    expect(proxy.connectionCount).toBe(0);
  });

  it('in hold mode accepts connections but passes nothing, and drops them on heal', async () => {
    const echo = await echoServer();
    cleanups.push(() => void echo.server.close());
    const proxy = await TcpProxy.start({ port: echo.port });
    cleanups.push(() => proxy.close());

    proxy.cut('hold');
    const held = exchange(proxy.port, 'hello', 5000);
    await waitFor(() => proxy.connectionCount === 1, { message: 'the held connection' });
    expect(await exchange(proxy.port, 'other', 200)).toBe('silent');
    proxy.heal();
    expect(await held).toBe('closed');
    expect(await exchange(proxy.port, 'through')).toBe('through');
  });

  it('stalls open connections silently while new ones get through', async () => {
    const echo = await echoServer();
    cleanups.push(() => void echo.server.close());
    const proxy = await TcpProxy.start({ port: echo.port });
    cleanups.push(() => proxy.close());
    const socket = connect({ host: '127.0.0.1', port: proxy.port });
    cleanups.push(() => void socket.destroy());
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.on('error', () => {});
    const received: string[] = [];
    socket.on('data', (data) => received.push(data.toString()));
    socket.write('before');
    await waitFor(() => received.includes('before'), { message: 'the echo before the stall' });

    proxy.stall();
    socket.write('during');
    expect(await exchange(proxy.port, 'fresh')).toBe('fresh');
    expect(received).toEqual(['before']);
    expect(closed).toBe(false);

    proxy.heal();
    await waitFor(() => closed, { message: 'the stalled connection to be dropped on heal' });
  });
});

describe('RedisServer', () => {
  const command = (redis: RedisServer, line: string) => askTcp(redis.port, `${line}\r\nQUIT\r\n`);

  it('keeps acknowledged writes across a crash and restart with the append-only file', async () => {
    const redis = await RedisServer.start({ appendOnly: true });
    cleanups.push(() => redis.stop());
    expect(await command(redis, 'SET greeting hello')).toMatch(/^\+OK/);

    await redis.restart('SIGKILL');

    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await command(redis, 'GET greeting')).toMatch(/^\$5\r\nhello/);
  });

  it('loses everything on restart without the append-only file', async () => {
    const redis = await RedisServer.start();
    cleanups.push(() => redis.stop());
    await command(redis, 'SET greeting hello');
    await redis.restart();
    expect(await command(redis, 'GET greeting')).toMatch(/^\$-1/);
  });

  it('refuses connections while killed and serves again after resume', async () => {
    const redis = await RedisServer.start();
    cleanups.push(() => redis.stop());
    await redis.kill();
    expect(redis.running).toBe(false);
    await expect(askTcp(redis.port, 'PING\r\n')).rejects.toThrow(/ECONNREFUSED/);
    await redis.resume();
    expect(await command(redis, 'PING')).toMatch(/^\+PONG/);
  });
});

describe('ZooKeeperServer', () => {
  it('restarts on the same port and serves again', async () => {
    const zk = await ZooKeeperServer.start();
    cleanups.push(() => zk.stop());
    expect(await askTcp(zk.port, 'ruok')).toBe('imok');
    await zk.restart();
    expect(await askTcp(zk.port, 'srvr')).toContain('Mode: standalone');
    expect(zk.connectString).toBe(`127.0.0.1:${zk.port}`);
  });
});

describe('helpers', () => {
  it('uniquePrefix gives a distinct chroot-shaped name each time', () => {
    const a = uniquePrefix('Chat Test!');
    expect(a).toMatch(/^\/t-chat-test-[0-9a-f]{8}$/);
    expect(uniquePrefix('Chat Test!')).not.toBe(a);
  });

  it('waitFor resolves with the first truthy value', async () => {
    let calls = 0;
    expect(await waitFor(() => (++calls >= 3 ? calls : 0), { intervalMs: 1 })).toBe(3);
  });

  it('waitFor times out with the message and the last assertion error', async () => {
    const wait = waitFor(
      () => {
        throw new Error('still 0');
      },
      { timeoutMs: 50, message: 'the counter' },
    );
    await expect(wait).rejects.toThrow(/timed out after 50 ms waiting for the counter; last error: still 0/);
  });
});
