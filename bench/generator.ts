/**
 * A load-generator process (forked by bench/run.ts, driven over IPC). It holds many raw TCP
 * clients — CIM clients speaking the varint32 + protobuf protocol, or MQTT subscribers for the
 * mosquitto yardstick — counts every delivery per client (exactly-once check), records latency
 * (send time carried in the body → arrival), heartbeats, and for B2 sends messages over HTTP.
 * Each generator is its own process with its own open-file limit and its own core time.
 */
import http from 'node:http';
import net from 'node:net';
import { signToken } from '@cim/common';
import { mintedClaims } from './lib/seed.js';
import { LatencyHistogram, nowUs } from './lib/histogram.js';
import { connectPacket, MqttStreamParser, subscribePacket } from './lib/mqtt.js';
import { CimStreamParser, loginFrame, markedBody, PING_FRAME, readMarks, sendFrame } from './lib/wire.js';
import { WsFrameSocket } from './lib/ws-socket.js';
import type {
  ConnectCimArgs,
  ConnectMqttArgs,
  ConnectResult,
  CollectResult,
  ExpectArgs,
  ProgressResult,
  SendArgs,
  SendResult,
} from './lib/generator-api.js';

interface Client {
  socket: net.Socket | WsFrameSocket;
  uid: number;
  token: string;
  /** Deliveries of each message index (fan-out expectation). */
  seen: Uint8Array | null;
  closed: boolean;
  closing: boolean;
}

/** The n-th client's TCP connection, spread over the configured local addresses. */
function openSocket(args: { host: string; port: number; localAddresses: string[] }, n: number): net.Socket {
  const localAddress = localAddressOf(args, n);
  const socket = net.connect({ host: args.host, port: args.port, localAddress });
  socket.setNoDelay(true);
  return socket;
}

function localAddressOf(args: { localAddresses: string[] }, n: number): string | undefined {
  return args.localAddresses.length ? args.localAddresses[n % args.localAddresses.length] : undefined;
}

/** The n-th CIM client's connection: TCP, or the server's WebSocket listener. */
function openCimSocket(args: ConnectCimArgs, n: number): net.Socket | WsFrameSocket {
  if (args.transport !== 'ws') return openSocket(args, n);
  return new WsFrameSocket(`ws://${args.host}:${args.port}/`, localAddressOf(args, n));
}

function readErrorCode(buf: Buffer, start: number, end: number): string {
  // Error{code = 1 (string)}
  if (start < end && buf[start] === 0x0a) {
    const len = buf[start + 1];
    return buf.toString('utf8', start + 2, Math.min(end, start + 2 + len));
  }
  return 'error';
}

const FRAME_NAMES: Record<number, string> = {
  33: 'sendResult',
  34: 'receipt',
  35: 'recalled',
  36: 'kick',
  37: 'redirect',
};

/** Runs `one(0)`, …, `one(count − 1)` with at most `concurrency` of them in flight (the connect ramp). */
function ramp(count: number, concurrency: number, one: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  let active = 0;
  return new Promise((resolve) => {
    const pump = () => {
      if (next >= count && active === 0) return resolve();
      while (active < concurrency && next < count) {
        active++;
        void one(next++).then(() => {
          active--;
          pump();
        });
      }
    };
    pump();
  });
}

function post(agent: http.Agent, url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/api/v1/messages',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(-1));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}

/** The clients of this generator process and what they have received in the current phase. */
class LoadGenerator {
  private readonly clients: Client[] = [];
  private readonly closeReasons = new Map<string, number>();
  private pongs = 0;
  private pingTimer: NodeJS.Timeout | undefined;

  // The current expectation.
  private expectKind: 'fanout' | 'pairs' | 'none' = 'none';
  private hist = new LatencyHistogram();
  private histCo = new LatencyHistogram();
  private delivered = 0;
  private unexpectedIndex = 0;
  private firstRecvUs = 0;
  private lastRecvUs = 0;
  /** pairs: deliveries of each message to its recipient, and to the sender's own connection. */
  private recv = new Uint8Array(0);
  private echo = new Uint8Array(0);
  private intendedUs = new Float64Array(0);
  /** pairs: messages the route accepted (HTTP 200). */
  private accepted = new Uint8Array(0);
  /** pairs: running counts, so progress() is O(1) while a phase drains. */
  private acceptedCount = 0;
  private acceptedReceived = 0;
  private acceptedEchoed = 0;
  /** Arrival time of the chunk being parsed (one clock read per chunk, not per frame). */
  private chunkUs = 0;

  /** TCP sends waiting for their SendResult, by request id. */
  private readonly sendWaiters = new Map<number, (status: number) => void>();
  private nextRequestId = 1;

  private countReason(reason: string): void {
    this.closeReasons.set(reason, (this.closeReasons.get(reason) ?? 0) + 1);
  }

  private onDelivery(client: Client, from: number, buf: Buffer, start: number, end: number): void {
    const { index, sendUs } = readMarks(buf, start, end);
    this.delivered++;
    if (this.firstRecvUs === 0) this.firstRecvUs = this.chunkUs;
    this.lastRecvUs = this.chunkUs;
    if (this.expectKind === 'fanout') {
      if (client.seen && index < client.seen.length) {
        client.seen[index]++;
        this.hist.record(this.chunkUs - sendUs);
      } else this.unexpectedIndex++;
    } else if (this.expectKind === 'pairs') {
      if (index >= this.recv.length) {
        this.unexpectedIndex++;
        return;
      }
      if (from === client.uid) {
        if (++this.echo[index] === 1 && this.accepted[index]) this.acceptedEchoed++;
      } else {
        if (++this.recv[index] === 1 && this.accepted[index]) this.acceptedReceived++;
        this.hist.record(this.chunkUs - sendUs);
        this.histCo.record(this.chunkUs - this.intendedUs[index]);
      }
    } else this.unexpectedIndex++;
  }

  async connectCim(args: ConnectCimArgs): Promise<ConnectResult> {
    const users = args.users ?? [];
    if (args.mint) {
      const { secret, uidFrom, count, namePrefix, ttlMs } = args.mint;
      const exp = Date.now() + ttlMs;
      for (let i = 0; i < count; i++) {
        const uid = uidFrom + i;
        users.push({
          uid,
          token: signToken(mintedClaims(uid, namePrefix, exp), secret),
        });
      }
    }
    const handshakes = new LatencyHistogram();
    const errors: Record<string, number> = {};
    let connected = 0;
    let failed = 0;
    const t0 = performance.now();
    // Heartbeats start with the ramp: the first clients must not go silent while the rest connect.
    if (args.heartbeatMs) this.startPinger(args.heartbeatMs);

    const one = (user: { uid: number; token: string }, n: number) =>
      new Promise<void>((resolve) => {
        const started = nowUs();
        const socket = openCimSocket(args, n);
        const client: Client = { socket, uid: user.uid, token: user.token, seen: null, closed: false, closing: false };
        let loggedIn = false;
        const timer = setTimeout(() => fail('timeout'), 30_000);
        const fail = (code: string) => {
          if (loggedIn) return;
          loggedIn = true; // settle once
          clearTimeout(timer);
          errors[code] = (errors[code] ?? 0) + 1;
          failed++;
          socket.destroy();
          resolve();
        };
        const parser = new CimStreamParser({
          onDeliver: (from, buf, s, e) => this.onDelivery(client, from, buf, s, e),
          onLoginOk: () => {
            if (loggedIn) return;
            loggedIn = true;
            clearTimeout(timer);
            handshakes.record(nowUs() - started);
            connected++;
            this.clients.push(client);
            resolve();
          },
          onPong: () => {
            this.pongs++;
          },
          onSendResult: (requestId, ok) => {
            const waiter = this.sendWaiters.get(requestId);
            if (!waiter) return;
            this.sendWaiters.delete(requestId);
            waiter(ok ? 200 : 500);
          },
          onOther: (field, buf, s, e) => {
            const name = field === 38 ? readErrorCode(buf, s, e) : (FRAME_NAMES[field] ?? `field-${field}`);
            if (!loggedIn) fail(name);
            else if (field !== 33 && field !== 34) this.countReason(name);
          },
        });
        socket.on('connect', () => socket.write(loginFrame(user.token)));
        socket.on('data', (chunk: Buffer) => {
          this.chunkUs = nowUs();
          parser.push(chunk);
        });
        socket.on('error', (err: NodeJS.ErrnoException) => {
          if (!loggedIn) fail(err.code ?? err.message);
        });
        socket.on('close', () => {
          if (!loggedIn) fail('closed before LoginOk');
          if (!client.closing && !client.closed) this.countReason('closed by server');
          client.closed = true;
        });
      });

    await ramp(users.length, args.concurrency, (i) => one(users[i], i));
    return this.connectResult(connected, failed, errors, t0, handshakes);
  }

  private connectResult(
    connected: number,
    failed: number,
    errors: Record<string, number>,
    t0: number,
    handshakes: LatencyHistogram,
  ): ConnectResult {
    return {
      connected,
      failed,
      errors,
      elapsedMs: Math.round(performance.now() - t0),
      handshakes: handshakes.toJSON(),
      total: this.clients.length,
    };
  }

  /**
   * Pings every client twice per heartbeat period, spread evenly over it (no synchronised bursts).
   * Twice, so that a generator starved of CPU for a while (the bench shares a small machine) does
   * not get its clients evicted: the server allows 1.5 × heartbeat of silence.
   */
  private startPinger(heartbeatMs: number): void {
    clearInterval(this.pingTimer);
    const tickMs = 100;
    const slots = Math.max(1, Math.floor((heartbeatMs * 0.5) / tickMs));
    let tick = 0;
    this.pingTimer = setInterval(() => {
      const slot = tick++ % slots;
      for (let i = slot; i < this.clients.length; i += slots) {
        const c = this.clients[i];
        if (!c.closed && !c.closing) c.socket.write(PING_FRAME);
      }
    }, tickMs);
  }

  async connectMqtt(args: ConnectMqttArgs): Promise<ConnectResult> {
    const handshakes = new LatencyHistogram();
    const errors: Record<string, number> = {};
    let connected = 0;
    let failed = 0;
    const t0 = performance.now();
    const one = (n: number) =>
      new Promise<void>((resolve) => {
        const started = nowUs();
        const socket = openSocket(args, n);
        const client: Client = { socket, uid: n, token: '', seen: null, closed: false, closing: false };
        let settled = false;
        const fail = (code: string) => {
          if (settled) return;
          settled = true;
          errors[code] = (errors[code] ?? 0) + 1;
          failed++;
          socket.destroy();
          resolve();
        };
        const parser = new MqttStreamParser({
          onConnAck: (rc) => {
            if (rc !== 0) fail(`connack ${rc}`);
          },
          onSubAck: () => {
            if (settled) return;
            settled = true;
            handshakes.record(nowUs() - started);
            connected++;
            this.clients.push(client);
            resolve();
          },
          onPublish: (buf, s, e) => this.onDelivery(client, -1, buf, s, e),
        });
        socket.on('connect', () => {
          socket.write(
            Buffer.concat([connectPacket(`${args.clientIdPrefix}${n}`, 600), subscribePacket(1, args.topic)]),
          );
        });
        socket.on('data', (chunk: Buffer) => {
          this.chunkUs = nowUs();
          parser.push(chunk);
        });
        socket.on('error', (err: NodeJS.ErrnoException) => fail(err.code ?? err.message));
        socket.on('close', () => {
          fail('closed before SUBACK');
          if (!client.closing && !client.closed) this.countReason('closed by broker');
          client.closed = true;
        });
      });
    await ramp(args.count, args.concurrency, (i) => one(args.idFrom + i));
    return this.connectResult(connected, failed, errors, t0, handshakes);
  }

  expect(args: ExpectArgs): void {
    this.expectKind = args.kind;
    this.hist = new LatencyHistogram();
    this.histCo = new LatencyHistogram();
    this.delivered = 0;
    this.unexpectedIndex = 0;
    this.firstRecvUs = 0;
    this.lastRecvUs = 0;
    if (args.kind === 'fanout') {
      for (const c of this.clients) c.seen = new Uint8Array(args.messages);
      this.recv = new Uint8Array(0);
      this.echo = new Uint8Array(0);
    } else {
      for (const c of this.clients) c.seen = null;
      this.recv = new Uint8Array(args.messages);
      this.echo = new Uint8Array(args.messages);
      this.accepted = new Uint8Array(args.messages);
      this.intendedUs = new Float64Array(args.messages);
    }
    this.acceptedCount = 0;
    this.acceptedReceived = 0;
    this.acceptedEchoed = 0;
  }

  clientCount(): number {
    return this.clients.length;
  }

  progress(): ProgressResult {
    let open = 0;
    for (const c of this.clients) if (!c.closed) open++;
    return {
      delivered: this.delivered,
      firstRecvUs: this.firstRecvUs,
      lastRecvUs: this.lastRecvUs,
      pongs: this.pongs,
      open,
      closeReasons: Object.fromEntries(this.closeReasons),
      pairsAccepted: this.acceptedCount,
      pairsReceived: this.acceptedReceived,
      pairsEchoed: this.acceptedEchoed,
    };
  }

  collect(): CollectResult {
    let expected = 0;
    let missing = 0;
    let duplicates = 0;
    let echoMissing = 0;
    let echoDuplicates = 0;
    let unrequested = 0;
    if (this.expectKind === 'fanout') {
      for (const c of this.clients) {
        if (!c.seen) continue;
        expected += c.seen.length;
        for (let i = 0; i < c.seen.length; i++) {
          if (c.seen[i] === 0) missing++;
          else if (c.seen[i] > 1) duplicates += c.seen[i] - 1;
        }
      }
    } else if (this.expectKind === 'pairs') {
      for (let i = 0; i < this.accepted.length; i++) {
        if (this.accepted[i]) {
          expected++;
          if (this.recv[i] === 0) missing++;
          else if (this.recv[i] > 1) duplicates += this.recv[i] - 1;
          if (this.echo[i] === 0) echoMissing++;
          else if (this.echo[i] > 1) echoDuplicates += this.echo[i] - 1;
        } else if (this.recv[i]) unrequested++;
      }
    }
    return {
      expected,
      delivered: this.delivered,
      missing,
      duplicates,
      echoMissing,
      echoDuplicates,
      unexpectedIndex: this.unexpectedIndex,
      unrequested,
      firstRecvUs: this.firstRecvUs,
      lastRecvUs: this.lastRecvUs,
      latency: this.hist.toJSON(),
      latencyCo: this.histCo.toJSON(),
      closeReasons: Object.fromEntries(this.closeReasons),
    };
  }

  async closeAll(): Promise<number> {
    clearInterval(this.pingTimer);
    const closing = this.clients.splice(0);
    await Promise.all(
      closing.map(
        (c) =>
          new Promise<void>((resolve) => {
            c.closing = true;
            if (c.closed || c.socket.destroyed) return resolve();
            c.socket.once('close', () => resolve());
            c.socket.destroy();
          }),
      ),
    );
    this.closeReasons.clear();
    this.pongs = 0;
    this.expectKind = 'none';
    return closing.length;
  }

  // ---- B2: messages over HTTP, or as Send frames over the clients' own TCP connections ----

  private sendOverTcp(from: Client, toUid: number, clientMsgId: string, body: string): Promise<number> {
    return new Promise((resolve) => {
      const requestId = this.nextRequestId++;
      if (this.nextRequestId > 0xfffffff0) this.nextRequestId = 1;
      const timer = setTimeout(() => {
        if (this.sendWaiters.delete(requestId)) resolve(-1);
      }, 30_000);
      this.sendWaiters.set(requestId, (status) => {
        clearTimeout(timer);
        resolve(status);
      });
      from.socket.write(sendFrame(requestId, toUid, clientMsgId, body));
    });
  }

  async send(args: SendArgs): Promise<SendResult> {
    const url = new URL(args.routeUrl);
    const agent = new http.Agent({ keepAlive: true, maxSockets: args.concurrency });
    const routes: [Client, Client][] = [];
    for (const [a, b] of args.pairs) {
      routes.push([this.clients[a], this.clients[b]], [this.clients[b], this.clients[a]]);
    }
    const statuses: Record<string, number> = {};
    const httpHist = new LatencyHistogram();
    let attempted = 0;
    const startUs = nowUs();
    const endAt = performance.now() + args.durationMs;
    const cap = this.recv.length;

    const sendOne = async (index: number, intended: number) => {
      const [from, to] = routes[index % routes.length];
      const sentUs = nowUs();
      this.intendedUs[index] = intended || sentUs;
      attempted++;
      const text = markedBody(index, sentUs, args.bodySize);
      const clientMsgId = `${args.runId}-${index}`;
      const status =
        args.transport === 'tcp'
          ? await this.sendOverTcp(from, to.uid, clientMsgId, text)
          : await post(
              agent,
              url,
              from.token,
              `{"to":{"userId":"${to.uid}"},"body":"${text}","clientMsgId":"${clientMsgId}"}`,
            );
      httpHist.record(nowUs() - sentUs);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 200) {
        this.accepted[index] = 1;
        this.acceptedCount++;
        if (this.recv[index]) this.acceptedReceived++;
        if (this.echo[index]) this.acceptedEchoed++;
      }
    };

    let index = 0;
    let overloadedAfterMs: number | undefined;
    if (args.mode === 'closed') {
      const worker = async () => {
        while (performance.now() < endAt && index < cap) await sendOne(index++, 0);
      };
      await Promise.all(Array.from({ length: args.concurrency }, worker));
    } else {
      const rate = args.rate!;
      const inFlight = new Set<Promise<void>>();
      // More than this many sends unanswered = over a second of backlog: the rate is not sustained,
      // and the phase stops early instead of queueing without bound.
      const maxBacklog = Math.max(200, rate);
      const t0 = nowUs();
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          const elapsedUs = nowUs() - t0;
          const due = Math.min(cap, Math.floor((elapsedUs * rate) / 1e6));
          while (index < due) {
            const intended = t0 + (index * 1e6) / rate;
            const p = sendOne(index++, intended).finally(() => inFlight.delete(p));
            inFlight.add(p);
          }
          if (inFlight.size > maxBacklog && overloadedAfterMs === undefined)
            overloadedAfterMs = Math.round((nowUs() - t0) / 1000);
          if (performance.now() >= endAt || index >= cap || overloadedAfterMs !== undefined) {
            clearInterval(timer);
            resolve();
          }
        }, 1);
      });
      await Promise.all(inFlight);
    }
    const endUs = nowUs();
    agent.destroy();
    return {
      attempted,
      accepted: this.acceptedCount,
      statuses,
      http: httpHist.toJSON(),
      startUs,
      endUs,
      overloadedAfterMs,
    };
  }
}

// ---- IPC ----

type Request = { id: number; cmd: string; args?: unknown };
const generator = new LoadGenerator();
const handlers: Record<string, (args: never) => unknown> = {
  connectCim: (args: ConnectCimArgs) => generator.connectCim(args),
  connectMqtt: (args: ConnectMqttArgs) => generator.connectMqtt(args),
  expect: (args: ExpectArgs) => generator.expect(args),
  progress: () => generator.progress(),
  collect: () => generator.collect(),
  closeAll: () => generator.closeAll(),
  send: (args: SendArgs) => generator.send(args),
  clientCount: () => generator.clientCount(),
  exit: () => setImmediate(() => process.exit(0)),
};

process.on('message', (msg: Request) => {
  void (async () => {
    try {
      const result = await handlers[msg.cmd](msg.args as never);
      process.send!({ id: msg.id, ok: true, result });
    } catch (err) {
      process.send!({ id: msg.id, ok: false, error: (err as Error).stack ?? String(err) });
    }
  })();
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
