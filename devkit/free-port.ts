import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The lowest port the kernel hands out for outgoing connections (Linux; 32768 elsewhere). */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 12_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

const LOWEST = 10_000;
const highest = ephemeralLow() - 1;

/** Whether a listener can bind `port` on 127.0.0.1 right now. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Returns a TCP port on 127.0.0.1 that was free a moment ago, for a process the test starts next.
 * It is drawn below the kernel's ephemeral range: a port from that range (what listening on 0 gives)
 * can be taken meanwhile by any outgoing connection of the busy test machine, and a server started
 * on it then fails with EADDRINUSE. A random draw keeps parallel test files apart.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (highest - LOWEST + 1));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port found between ${LOWEST} and ${highest}`);
}
