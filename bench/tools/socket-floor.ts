/**
 * What an idle TCP connection costs a Node process with no product code at all: a child process
 * runs a bare `net` server (one 'data' listener per socket that answers a Ping with a Pong), this
 * process opens N connections to it, and the child's resident-set growth / N is the floor that any
 * Node push server pays per connection. Compare with B3's bytes per connection.
 *
 *   node --import tsx bench/tools/socket-floor.ts [N=19000]
 */
import { fork } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { memory } from '../lib/proc.js';

if (process.argv[2] === 'child') {
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      if (chunk.length === 3) socket.write(Buffer.from([0x02, 0xfa, 0x01, 0x00].slice(0, 3)));
    });
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as net.AddressInfo).port }));
} else {
  const n = Number(process.argv[2] ?? 19_000);
  const child = fork(fileURLToPath(import.meta.url), ['child'], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  await new Promise((r) => setTimeout(r, 1_000));
  const before = memory(child.pid!)!.rss;
  const sockets: net.Socket[] = [];
  for (let i = 0; i < n; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, n - i) }, (_, k) => {
        return new Promise<void>((resolve, reject) => {
          const s = net.connect({ port, host: '127.0.0.1', localAddress: `127.0.0.${2 + ((i + k) % 8)}` }, () =>
            resolve(),
          );
          s.on('error', reject);
          sockets.push(s);
        });
      }),
    );
  }
  // Each client pings once, as B3's clients do, so every socket has been read from.
  for (const s of sockets) s.write(Buffer.from([0x02, 0x5a, 0x00]));
  await new Promise((r) => setTimeout(r, 3_000));
  const after = memory(child.pid!)!.rss;
  console.log(
    `bare node:net server: ${n} idle connections, RSS ${(before / 2 ** 20).toFixed(1)} → ${(after / 2 ** 20).toFixed(1)} MB = ${Math.round((after - before) / n)} bytes per connection`,
  );
  for (const s of sockets) s.destroy();
  child.kill();
}
