/** The IPC contract between bench/run.ts and its generator processes (bench/generator.ts). */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LatencyHistogram } from './histogram.js';

type HistogramJson = ReturnType<LatencyHistogram['toJSON']>;

export interface ConnectCimArgs {
  host: string;
  /** The server's TCP port, or its WebSocket port with `transport: 'ws'`. */
  port: number;
  /** `ws`: one binary WebSocket message per frame, upgraded on `/` (default `tcp`). */
  transport?: 'tcp' | 'ws';
  /** Tokens from the route (or from seeding). */
  users?: { uid: number; token: string }[];
  /** Or tokens minted in the generator with the cluster secret (what the route's login signs). */
  mint?: { secret: string; uidFrom: number; count: number; namePrefix: string; ttlMs: number };
  localAddresses: string[];
  /** Handshakes (connect + Login → LoginOk) in flight at once: the ramp. */
  concurrency: number;
  /** Ping every client once per this period (0: no heartbeat). */
  heartbeatMs: number;
  /**
   * Log in with this sync cursor: the clients are then devices that track their cursor (catch-up,
   * CaughtUp) and can recover after losing their server (armRecovery).
   */
  cursor?: number;
}

export interface RecoveryArgs {
  routeUrl: string;
  localAddresses: string[];
  /** The SDK's reconnect backoff (ClientOptions reconnectMinMs / reconnectMaxMs). */
  backoffMinMs: number;
  backoffMaxMs: number;
  /** Concurrent refresh requests per generator (keep-alive connections to the route). */
  refreshConnections: number;
}

/** One device's recovery, in µs since the epoch (0: that step has not happened). */
export interface RecoveryTimeline {
  uid: number;
  /** Its connection closed. */
  lostAt: number;
  /** The route refreshed its session (the last, successful refresh). */
  refreshedAt: number;
  /** LoginOk from the new server. */
  loginOkAt: number;
  /** CaughtUp from the new server. */
  caughtUpAt: number;
  /** Refreshes tried (each after a backoff delay). */
  attempts: number;
  /** Why earlier attempts failed, counted. */
  failures: Record<string, number>;
}

export interface RecoveryReport {
  devices: { uid: number; timeline: RecoveryTimeline | null; got: [index: number, arrivedUs: number][] }[];
  /** Messages a device got again (the catch-up's rewind): dropped by a real client, counted here. */
  duplicates: number;
}

export interface ConnectMqttArgs {
  host: string;
  port: number;
  count: number;
  idFrom: number;
  clientIdPrefix: string;
  /** The topic every client subscribes to, or with `topicPerClient` the prefix of `<topic>/<id>`. */
  topic: string;
  topicPerClient?: boolean;
  /** The subscription's QoS (0 when absent); QoS 1 deliveries are answered with a PUBACK. */
  qos?: 0 | 1;
  localAddresses: string[];
  concurrency: number;
}

/** Clients of the bare relay (bench/relay-server.ts): ids idFrom … idFrom + count − 1, idFrom even. */
export interface ConnectRelayArgs {
  host: string;
  port: number;
  count: number;
  idFrom: number;
  localAddresses: string[];
  concurrency: number;
}

export interface ConnectResult {
  connected: number;
  failed: number;
  errors: Record<string, number>;
  elapsedMs: number;
  handshakes: HistogramJson;
  /** Clients this generator holds now. */
  total: number;
}

export interface ExpectArgs {
  kind: 'fanout' | 'pairs';
  /** fanout: every client expects indices [0, messages); pairs: capacity of message indices. */
  messages: number;
  /** pairs: whether each message also comes back to the sender's own connection (CIM: yes). */
  echo?: boolean;
}

export interface ProgressResult {
  delivered: number;
  firstRecvUs: number;
  lastRecvUs: number;
  pongs: number;
  open: number;
  closeReasons: Record<string, number>;
  pairsAccepted: number;
  pairsReceived: number;
  /** pairs: accepted messages whose copy reached the sender's own connection. */
  pairsEchoed: number;
  /** Devices that lost their connection since armRecovery, and those caught up again since. */
  devicesLost: number;
  devicesRecovered: number;
}

export interface CollectResult {
  expected: number;
  delivered: number;
  missing: number;
  duplicates: number;
  /** pairs: the copy every message also gets on the sender's own connection. */
  echoMissing: number;
  echoDuplicates: number;
  unexpectedIndex: number;
  /** pairs: delivered although the send was not answered 200 (e.g. timed out). */
  unrequested: number;
  firstRecvUs: number;
  lastRecvUs: number;
  latency: HistogramJson;
  /** pairs, open loop: from the intended send time (no coordinated omission). */
  latencyCo: HistogramJson;
  closeReasons: Record<string, number>;
}

export interface SendArgs {
  routeUrl: string;
  /** Pairs of client indices (in this generator) that message each other. */
  pairs: [number, number][];
  mode: 'closed' | 'open';
  /**
   * http: POST /api/v1/messages; tcp: Send frames on the sender's own connection (relayed in
   * batches); mqtt: PUBLISH to the recipient's own topic (at `mqttQos`); relay: a frame through the
   * bare relay. A send over mqtt or relay is done when the recipient has it (there is no answer).
   */
  transport: SendTransport;
  mqttTopic?: string;
  mqttQos?: 0 | 1;
  concurrency: number;
  /** open loop: messages per second from this generator. */
  rate?: number;
  durationMs: number;
  bodySize: number;
  runId: string;
}

export type SendTransport = 'http' | 'tcp' | 'mqtt' | 'relay';

export interface SendResult {
  attempted: number;
  accepted: number;
  statuses: Record<string, number>;
  http: HistogramJson;
  startUs: number;
  endUs: number;
  /** open loop: the backlog passed one second of sends after this many ms, and sending stopped. */
  overloadedAfterMs?: number;
}

const GENERATOR = fileURLToPath(new URL('../generator.ts', import.meta.url));

/** One forked generator process and a promise-based RPC over its IPC channel. */
export class Generator {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited = false;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (msg: { id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      if (msg.id === undefined) return;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`${name}: ${msg.error}`));
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`${name} exited (code ${code}, signal ${signal})`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  static start(name: string): Promise<Generator> {
    const child = fork(GENERATOR, [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=2048'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    return new Promise((resolve, reject) => {
      const onMessage = (msg: { ready?: boolean }) => {
        if (!msg.ready) return;
        child.off('message', onMessage);
        resolve(new Generator(name, child));
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`${name} exited during start (code ${code})`)));
    });
  }

  call<T>(cmd: string, args?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} has exited`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, args });
    });
  }

  connectCim(args: ConnectCimArgs) {
    return this.call<ConnectResult>('connectCim', args);
  }
  connectMqtt(args: ConnectMqttArgs) {
    return this.call<ConnectResult>('connectMqtt', args);
  }
  connectRelay(args: ConnectRelayArgs) {
    return this.call<ConnectResult>('connectRelay', args);
  }
  armRecovery(args: RecoveryArgs) {
    return this.call<void>('armRecovery', args);
  }
  recoveryReport() {
    return this.call<RecoveryReport>('recoveryReport');
  }
  expect(args: ExpectArgs) {
    return this.call<void>('expect', args);
  }
  progress() {
    return this.call<ProgressResult>('progress');
  }
  collect() {
    return this.call<CollectResult>('collect');
  }
  closeAll() {
    return this.call<number>('closeAll');
  }
  send(args: SendArgs) {
    return this.call<SendResult>('send', args);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.call('exit').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
