/**
 * The floor of point-to-point messaging on this machine: a bare `node:net` relay with no logic.
 * Clients come in pairs (ids 2k and 2k + 1); each opens with one length-prefixed frame holding its
 * id in decimal, answered with an empty frame once the id is known, and every later frame is
 * written unchanged to its peer's socket. No parsing
 * beyond the varint length, no storage, no acknowledgement: what any TCP relay in Node must pay.
 *
 *   node --import tsx bench/relay-server.ts <port>
 */
import net from 'node:net';

const port = Number(process.argv[2]);
const sockets = new Map<number, net.Socket>();
/** An empty frame: "your id is registered, your peer can reach you". */
const READY = Buffer.from([0]);

function serve(socket: net.Socket): void {
  socket.setNoDelay(true);
  let id = -1;
  let pending: Buffer | null = null;
  socket.on('data', (chunk: Buffer) => {
    const buf = pending ? Buffer.concat([pending, chunk]) : chunk;
    pending = null;
    let o = 0;
    // Whole frames are forwarded in one write per chunk: a cut frame waits for its rest.
    let forwardFrom = -1;
    while (o < buf.length) {
      let len = 0;
      let shift = 1;
      let p = o;
      let complete = false;
      while (p < buf.length) {
        const b = buf[p++];
        len += (b & 0x7f) * shift;
        shift *= 128;
        if (b < 0x80) {
          complete = true;
          break;
        }
      }
      if (!complete || p + len > buf.length) break;
      if (id < 0) {
        id = Number(buf.toString('latin1', p, p + len));
        sockets.set(id, socket);
        socket.write(READY);
      } else if (forwardFrom < 0) forwardFrom = o;
      o = p + len;
    }
    if (forwardFrom >= 0) sockets.get(id ^ 1)?.write(buf.subarray(forwardFrom, o));
    if (o < buf.length) pending = buf.subarray(o);
  });
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    if (sockets.get(id) === socket) sockets.delete(id);
  });
}

net.createServer(serve).listen(port, '127.0.0.1');
