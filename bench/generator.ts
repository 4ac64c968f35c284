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
import { connectPacket, MqttStreamParser, pubackPacket, publishPacket, subscribePacket } from './lib/mqtt.js';
import {
  caughtUpCursor,
  CimStreamParser,
  deliverFrame,
  loginFrame,
  markedBody,
  PING_FRAME,
  rawFrame,
  readMarks,
  sendFrame,
} from './lib/wire.js';
import { WsFrameSocket } from './lib/ws-socket.js';
import type {
  ConnectCimArgs,
  ConnectMqttArgs,
  ConnectRelayArgs,
  RecoveryArgs,
  RecoveryReport,
  RecoveryTimeline,
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
  /** A device that keeps its sync cursor and comes back after losing its server (B4). */
  device?: DeviceState;
}

interface DeviceState {
  /** The cursor to log in with next (cim.proto, Login). */
  resume: number;
  caughtUp: boolean;
  /** Message index → first arrival (µs). */
  got: Map<number, number>;
  timeline?: RecoveryTimeline;
}

interface Recovery extends RecoveryArgs {
  agent: http.Agent;
}

/** A socket placeholder until a client's first connection exists. */
const NO_SOCKET = new net.Socket();

/** The SDK's reconnect delay (cim-client Backoff): exponential with full jitter, from min/2. */
function backoffMs(attempt: number, minMs: number, maxMs: number): number {
  const cap = Math.min(maxMs, minMs * 2 ** attempt);
  return Math.round(minMs / 2 + Math.random() * (cap - minMs / 2));
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
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
function openCimSocket(
  args: { host: string; port: number; localAddresses: string[]; transport?: 'tcp' | 'ws' },
  n: number,
): net.Socket | WsFrameSocket {
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

/**
 * POST `body` to `path` as the holder of `token`: the status (-1 when there was no answer), and the
 * answer's text when `readAnswer` (B2's sends skip reading theirs: less work for the generator).
 */
function postAs(
  agent: http.Agent,
  url: URL,
  path: string,
  token: string,
  body: string,
  readAnswer = false,
): Promise<{ status: number; text?: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        if (readAnswer) res.on('data', (c: Buffer) => parts.push(c));
        else res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: readAnswer ? Buffer.concat(parts).toString('utf8') : undefined,
          }),
        );
        res.on('error', () => resolve({ status: -1 }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: -1 }));
    req.end(body);
  });
}

function post(agent: http.Agent, url: URL, token: string, body: string): Promise<number> {
  return postAs(agent, url, '/api/v1/messages', token, body).then((r) => r.status);
}

/** POST /api/v1/sessions/refresh: the new session (token and push server), or the status that refused it. */
async function refreshSession(
  agent: http.Agent,
  routeUrl: string,
  token: string,
): Promise<{ status: number; session?: { token: string; server: { host: string; tcpPort: number } } }> {
  const answer = await postAs(agent, new URL(routeUrl), '/api/v1/sessions/refresh', token, '', true);
  if (answer.status !== 200) return { status: answer.status };
  try {
    return { status: 200, session: JSON.parse(answer.text ?? '') };
  } catch {
    return { status: -2 };
  }
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

  /** pairs: whether messages also come back to the sender's own connection. */
  private expectEcho = true;
  /** Set by armRecovery: devices that lose their connection recover through the route. */
  private recovery: Recovery | undefined;
  /** Deliveries of a message a device already had, since armRecovery. */
  private duplicatesAfterLoss = 0;
  /** Sends over mqtt / relay waiting for their recipient, by message index. */
  private readonly deliveryWaiters = new Map<number, () => void>();
  /** QoS 1 packet ids of this generator's publishers (1–65535, reused after a full turn). */
  private nextPacketId = 1;

  /** TCP sends waiting for their SendResult, by request id. */
  private readonly sendWaiters = new Map<number, (status: number) => void>();
  private nextRequestId = 1;

  private countReason(reason: string): void {
    this.closeReasons.set(reason, (this.closeReasons.get(reason) ?? 0) + 1);
  }

  private onDelivery(client: Client, from: number, buf: Buffer, start: number, end: number, cursor = 0): void {
    const { index, sendUs } = readMarks(buf, start, end);
    this.delivered++;
    if (this.firstRecvUs === 0) this.firstRecvUs = this.chunkUs;
    this.lastRecvUs = this.chunkUs;
    const device = client.device;
    if (device) {
      if (device.caughtUp && cursor > device.resume) device.resume = cursor;
      // Catch-up starts 10 s of cursors early, so some messages come again: kept once, counted.
      if (device.got.has(index)) this.duplicatesAfterLoss++;
      else device.got.set(index, this.chunkUs);
      this.hist.record(this.chunkUs - sendUs);
      return;
    }
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
        if (++this.recv[index] === 1) {
          if (this.accepted[index]) this.acceptedReceived++;
          const waiter = this.deliveryWaiters.get(index);
          if (waiter) {
            this.deliveryWaiters.delete(index);
            waiter();
          }
        }
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
    // Heartbeats start with the ramp: the first clients must not go silent while the rest connect.
    if (args.heartbeatMs) this.startPinger(args.heartbeatMs);
    return this.connectMany(users.length, args.concurrency, async (n) => {
      const client: Client = {
        socket: NO_SOCKET,
        uid: users[n].uid,
        token: users[n].token,
        seen: null,
        closed: false,
        closing: false,
        device: args.cursor === undefined ? undefined : { resume: args.cursor, caughtUp: false, got: new Map() },
      };
      return (await this.loginCim(client, args, n, args.cursor)) ?? client;
    });
  }

  /**
   * Connects `count` clients, `concurrency` handshakes at a time: `open(i)` resolves with the i-th
   * client once it is usable, or with why it failed. The same counts for every protocol.
   */
  private async connectMany(
    count: number,
    concurrency: number,
    open: (i: number) => Promise<Client | string>,
  ): Promise<ConnectResult> {
    const handshakes = new LatencyHistogram();
    const errors: Record<string, number> = {};
    let connected = 0;
    let failed = 0;
    const t0 = performance.now();
    await ramp(count, concurrency, async (i) => {
      const started = nowUs();
      const outcome = await open(i);
      if (typeof outcome === 'string') {
        errors[outcome] = (errors[outcome] ?? 0) + 1;
        failed++;
        return;
      }
      handshakes.record(nowUs() - started);
      connected++;
      this.clients.push(outcome);
    });
    return this.connectResult(connected, failed, errors, t0, handshakes);
  }

  /**
   * Opens the n-th client's CIM connection to `target` and logs in with its token (and `cursor`:
   * the server then catches it up, ending with CaughtUp). Resolves at LoginOk with undefined, or
   * with why the login failed. A connection lost after LoginOk counts as "closed by server" and,
   * once recovery is armed, starts the device's recovery.
   */
  private loginCim(
    client: Client,
    target: { host: string; port: number; localAddresses: string[]; transport?: 'tcp' | 'ws' },
    n: number,
    cursor: number | undefined,
  ): Promise<string | undefined> {
    return new Promise((resolve) => {
      const socket = openCimSocket(target, n);
      client.socket = socket;
      let settled = false;
      let loggedIn = false;
      const settle = (failure?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (failure) socket.destroy();
        else loggedIn = true;
        resolve(failure);
      };
      const timer = setTimeout(() => settle('timeout'), 30_000);
      const parser = new CimStreamParser({
        onDeliver: (from, buf, s, e, deliverCursor) => this.onDelivery(client, from, buf, s, e, deliverCursor),
        onLoginOk: () => settle(),
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
          if (field === 39) return this.onCaughtUp(client, caughtUpCursor(buf, s, e));
          const name = field === 38 ? readErrorCode(buf, s, e) : (FRAME_NAMES[field] ?? `field-${field}`);
          if (!loggedIn) settle(name);
          else if (field !== 33 && field !== 34) this.countReason(name);
        },
      });
      socket.on('connect', () => socket.write(loginFrame(client.token, cursor)));
      socket.on('data', (chunk: Buffer) => {
        this.chunkUs = nowUs();
        parser.push(chunk);
      });
      socket.on('error', (err: NodeJS.ErrnoException) => settle(err.code ?? err.message));
      socket.on('close', () => {
        settle('closed before LoginOk');
        if (!loggedIn || client.closing || client.closed) return;
        client.closed = true;
        this.countReason('closed by server');
        if (this.recovery && client.device) void this.recover(client, client.device, this.recovery);
      });
    });
  }

  /** CaughtUp: the device's backlog is all here; from now on its cursor is the highest seen (cim.proto, Login). */
  private onCaughtUp(client: Client, cursor: number): void {
    const device = client.device;
    if (!device) return;
    device.caughtUp = true;
    device.resume = cursor;
    if (device.timeline && !device.timeline.caughtUpAt) device.timeline.caughtUpAt = nowUs();
  }

  /** From now on a device whose connection is lost recovers the way the SDK does (see recover). */
  armRecovery(args: RecoveryArgs): void {
    this.recovery = {
      ...args,
      agent: new http.Agent({ keepAlive: true, maxSockets: args.refreshConnections }),
    };
    for (const c of this.clients) if (c.device) c.device.got.clear();
    this.duplicatesAfterLoss = 0;
  }

  /**
   * What the SDK does when its push server goes away: wait a jittered backoff, refresh the session
   * through the route (POST /api/v1/sessions/refresh, no password), connect to the server it names
   * and log in with the device's cursor; again with a longer backoff on any failure. Records when
   * each step finished.
   */
  private async recover(client: Client, device: DeviceState, recovery: Recovery): Promise<void> {
    const timeline: RecoveryTimeline = device.timeline ?? {
      uid: client.uid,
      lostAt: nowUs(),
      refreshedAt: 0,
      loginOkAt: 0,
      caughtUpAt: 0,
      attempts: 0,
      failures: {},
    };
    device.timeline = timeline;
    device.caughtUp = false;
    const fail = (reason: string) => (timeline.failures[reason] = (timeline.failures[reason] ?? 0) + 1);
    for (let attempt = 0; !client.closing; attempt++) {
      await sleep(backoffMs(attempt, recovery.backoffMinMs, recovery.backoffMaxMs));
      timeline.attempts++;
      const answer = await refreshSession(recovery.agent, recovery.routeUrl, client.token);
      if (!answer.session) {
        fail(`refresh ${answer.status}`);
        // A session that has ended needs the password: the bench never does that, it counts it.
        if (answer.status === 401) return;
        continue;
      }
      timeline.refreshedAt = nowUs();
      client.token = answer.session.token;
      const { host, tcpPort } = answer.session.server;
      const failure = await this.loginCim(
        client,
        { host, port: tcpPort, localAddresses: recovery.localAddresses },
        client.uid,
        device.resume,
      );
      if (failure) {
        fail(failure);
        continue;
      }
      timeline.loginOkAt = nowUs();
      client.closed = false;
      return;
    }
  }

  recoveryReport(): RecoveryReport {
    const devices: RecoveryReport['devices'] = [];
    for (const c of this.clients) {
      if (!c.device) continue;
      devices.push({ timeline: c.device.timeline ?? null, uid: c.uid, got: [...c.device.got] });
    }
    return { devices, duplicates: this.duplicatesAfterLoss };
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
    const one = (n: number) =>
      new Promise<Client | string>((resolve) => {
        const socket = openSocket(args, n);
        const client: Client = { socket, uid: n, token: '', seen: null, closed: false, closing: false };
        let settled = false;
        const settle = (outcome: Client | string) => {
          if (settled) return;
          settled = true;
          if (typeof outcome === 'string') socket.destroy();
          resolve(outcome);
        };
        const parser = new MqttStreamParser({
          onConnAck: (rc) => {
            if (rc !== 0) settle(`connack ${rc}`);
          },
          onSubAck: () => settle(client),
          onPublish: (buf, s, e, packetId) => {
            if (packetId) socket.write(pubackPacket(packetId));
            this.onDelivery(client, -1, buf, s, e);
          },
        });
        const topic = args.topicPerClient ? `${args.topic}/${n}` : args.topic;
        socket.on('connect', () => {
          socket.write(
            Buffer.concat([connectPacket(`${args.clientIdPrefix}${n}`, 600), subscribePacket(1, topic, args.qos ?? 0)]),
          );
        });
        socket.on('data', (chunk: Buffer) => {
          this.chunkUs = nowUs();
          parser.push(chunk);
        });
        socket.on('error', (err: NodeJS.ErrnoException) => settle(err.code ?? err.message));
        socket.on('close', () => {
          settle('closed before SUBACK');
          if (!client.closing && !client.closed) this.countReason('closed by broker');
          client.closed = true;
        });
      });
    const result = await this.connectMany(args.count, args.concurrency, (i) => one(args.idFrom + i));
    this.orderClientsById();
    return result;
  }

  /**
   * Clients of the bare relay: each says its id in its first frame; the relay then forwards every
   * frame to the peer (id ^ 1). Connected once the relay's empty frame says the id is registered.
   */
  async connectRelay(args: ConnectRelayArgs): Promise<ConnectResult> {
    const one = (n: number) =>
      new Promise<Client | string>((resolve) => {
        const socket = openSocket(args, n);
        const client: Client = { socket, uid: n, token: '', seen: null, closed: false, closing: false };
        const parser = new CimStreamParser({
          onDeliver: (from, buf, s, e) => this.onDelivery(client, from, buf, s, e),
          onLoginOk: () => undefined,
          onPong: () => undefined,
          onSendResult: () => undefined,
          onOther: (field) => this.countReason(`field-${field}`),
        });
        socket.on('connect', () => socket.write(rawFrame(Buffer.from(String(n)))));
        // The relay's empty frame: this client is registered (and parses as no frame at all).
        socket.once('data', () => resolve(client));
        socket.on('data', (chunk: Buffer) => {
          this.chunkUs = nowUs();
          parser.push(chunk);
        });
        socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
        socket.on('close', () => {
          if (!client.closing && !client.closed) this.countReason('closed by relay');
          client.closed = true;
        });
      });
    const result = await this.connectMany(args.count, args.concurrency, (i) => one(args.idFrom + i));
    this.orderClientsById();
    return result;
  }

  /** Local pairs (2k, 2k + 1) are then ids (idFrom + 2k, idFrom + 2k + 1): the relay's pairs. */
  private orderClientsById(): void {
    this.clients.sort((a, b) => a.uid - b.uid);
  }

  expect(args: ExpectArgs): void {
    this.expectKind = args.kind;
    this.expectEcho = args.echo ?? true;
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
    let devicesLost = 0;
    let devicesRecovered = 0;
    for (const c of this.clients) {
      if (!c.closed) open++;
      if (c.device?.timeline) devicesLost++;
      if (c.device?.timeline?.caughtUpAt) devicesRecovered++;
    }
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
      devicesLost,
      devicesRecovered,
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
          if (!this.expectEcho) continue;
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
    this.recovery?.agent.destroy();
    this.recovery = undefined;
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

  /** Resolves 200 when the recipient has message `index`, -1 after 30 s. */
  private arrivalOf(index: number): Promise<number> {
    return new Promise((resolve) => {
      if (this.recv[index]) return resolve(200);
      const timer = setTimeout(() => {
        if (this.deliveryWaiters.delete(index)) resolve(-1);
      }, 30_000);
      this.deliveryWaiters.set(index, () => {
        clearTimeout(timer);
        resolve(200);
      });
    });
  }

  private publish(from: Client, topic: string, qos: 0 | 1, body: string): void {
    const packetId = qos ? this.nextPacketId : 0;
    if (qos) this.nextPacketId = this.nextPacketId >= 0xffff ? 1 : this.nextPacketId + 1;
    from.socket.write(publishPacket(topic, body, qos, packetId));
  }

  private sendOver(args: SendArgs, agent: http.Agent, url: URL, from: Client, to: Client, index: number, text: string) {
    const clientMsgId = `${args.runId}-${index}`;
    switch (args.transport) {
      case 'tcp':
        return this.sendOverTcp(from, to.uid, clientMsgId, text);
      case 'http':
        return post(
          agent,
          url,
          from.token,
          `{"to":{"userId":"${to.uid}"},"body":"${text}","clientMsgId":"${clientMsgId}"}`,
        );
      case 'mqtt': {
        const arrived = this.arrivalOf(index);
        this.publish(from, `${args.mqttTopic}/${to.uid}`, args.mqttQos ?? 0, text);
        return arrived;
      }
      case 'relay': {
        const arrived = this.arrivalOf(index);
        from.socket.write(deliverFrame(from.uid, text));
        return arrived;
      }
    }
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
      const status = await this.sendOver(args, agent, url, from, to, index, text);
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
  connectRelay: (args: ConnectRelayArgs) => generator.connectRelay(args),
  armRecovery: (args: RecoveryArgs) => generator.armRecovery(args),
  recoveryReport: () => generator.recoveryReport(),
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
