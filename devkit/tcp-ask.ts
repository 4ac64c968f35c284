import { connect } from 'node:net';

/**
 * Sends `request` to 127.0.0.1:`port` and returns everything the peer writes until it closes the
 * connection or `timeoutMs` passes. Used to probe servers that speak plain-text commands
 * (Redis `PING`, ZooKeeper four-letter words).
 */
export function askTcp(port: number, request: string, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const finish = (err?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(() => finish(), timeoutMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('error', (err) => finish(err));
  });
}
