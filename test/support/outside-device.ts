import net from 'node:net';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

/*
 * A device written from the outside, from proto/cim.proto and the README alone, the way a user of
 * another language would: no SDK and no code of this repository. It frames by hand (varint32 length,
 * then the protobuf bytes), logs in over HTTP, then over TCP with `Login{token, cursor}` (the
 * server catches it up from there), heartbeats, acks, comes back after a dropped connection by
 * refreshing its session (the password only when the session has ended), and shows each msgId once.
 * Its cursor follows the rule of cim.proto: the one it logged in with until `CaughtUp`, the highest
 * one seen after it. Large groups' messages come without a cursor: per large group it keeps the
 * highest seq it has contiguously, names it in `Login.conversations`, and takes the seqs of
 * `CaughtUp.conversations`.
 */

const Frame = protobuf
  .loadSync(fileURLToPath(new URL('../../proto/cim.proto', import.meta.url)))
  .lookupType('cim.Frame');

/** A decoded Frame: `body` names the field of the oneof that is set. */
type DecodedFrame = { requestId?: number; body?: string } & Record<string, Record<string, unknown> | undefined>;

/** What the route answers to a login or a refresh (README "The HTTP API"). */
interface SessionAnswer {
  userId: string;
  token: string;
  server: { host: string; tcpPort: number };
  heartbeatMs: number;
}

export interface HttpAnswer<T> {
  status: number;
  body: T;
}

/** One call of the route's HTTP API; a network failure throws, any HTTP status is returned. */
export async function routeCall<T>(
  routeUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`${routeUrl}/api/v1${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

function encode(frame: Record<string, unknown>): Buffer {
  const bytes = Frame.encode(Frame.fromObject(frame)).finish();
  const prefix: number[] = [];
  let n = bytes.length;
  while (n > 0x7f) {
    prefix.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  prefix.push(n);
  return Buffer.concat([Buffer.from(prefix), bytes]);
}

/** Splits a byte stream into frames: a varint32 length, then that many bytes. */
class FrameSplitter {
  private buffered = Buffer.alloc(0);

  push(chunk: Buffer): DecodedFrame[] {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    const frames: DecodedFrame[] = [];
    for (;;) {
      let length = 0;
      let offset = 0;
      for (let shift = 0; ; shift += 7) {
        if (offset >= this.buffered.length) return frames;
        const byte = this.buffered[offset++];
        length |= (byte & 0x7f) << shift;
        if (byte < 0x80) break;
      }
      if (this.buffered.length < offset + length) return frames;
      const body = this.buffered.subarray(offset, offset + length);
      this.buffered = this.buffered.subarray(offset + length);
      frames.push(Frame.toObject(Frame.decode(body), { longs: String, oneofs: true }) as DecodedFrame);
    }
  }
}

/** A Deliver as it came, before any dedupe. */
export interface Delivery {
  msgId: string;
  conversationId: string;
  seq: string;
  cursor: string;
}

export class OutsideDevice {
  /** Every Deliver of a stored message, duplicates included. */
  readonly deliveries: Delivery[] = [];
  /** Each msgId once: what the device shows. */
  readonly shown = new Map<string, Delivery>();
  /** TCP logins that got LoginOk. */
  logins = 0;
  /** Error frames and failed attempts to come back, for a failure's explanation. */
  readonly problems: string[] = [];
  kicked = false;
  /** The cursor of the next Login, and of Acks: everything up to it has arrived. */
  private resumeCursor = 0n;
  /** Per large group: the highest seq it has contiguously, once it knows where it starts. */
  private readonly groupSeqs = new Map<string, bigint>();
  /** Per large group: seqs received above the contiguous one (or before it knew where it starts). */
  private readonly aheadSeqs = new Map<string, Set<bigint>>();
  /** Whether the current connection's catch-up is complete, so `resumeCursor` may follow pushes. */
  private caughtUp = false;
  private token: string | undefined;
  private socket: net.Socket | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private failedAttempts = 0;
  private ackPending = false;
  private stopped = false;

  constructor(
    readonly routeUrl: string,
    readonly userName: string,
    readonly password: string,
    readonly deviceId: string,
  ) {}

  get label(): string {
    return `${this.userName}/${this.deviceId}`;
  }

  get isOnline(): boolean {
    return this.heartbeat !== undefined;
  }

  /** Logs in and connects; resolves once the push server said LoginOk. */
  async start(): Promise<void> {
    await this.connectOnce();
  }

  /** Whether `socket` is this device's connection to its push server. */
  owns(socket: net.Socket): boolean {
    return socket === this.socket;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.goneOffline();
    this.socket?.destroy();
  }

  /** A session: refreshed from the one it had, or from the password when that one has ended. */
  private async session(): Promise<SessionAnswer> {
    if (this.token) {
      const refreshed = await routeCall<SessionAnswer>(this.routeUrl, 'POST', '/sessions/refresh', {
        token: this.token,
      });
      if (refreshed.status === 200) return refreshed.body;
      if (refreshed.status !== 401)
        throw new Error(`refresh answered ${refreshed.status} ${JSON.stringify(refreshed.body)}`);
    }
    const login = await routeCall<SessionAnswer>(this.routeUrl, 'POST', '/sessions', {
      body: { userName: this.userName, password: this.password, deviceId: this.deviceId },
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status} ${JSON.stringify(login.body)}`);
    return login.body;
  }

  private async connectOnce(): Promise<void> {
    const session = await this.session();
    this.token = session.token;
    const socket = net.connect(session.server.tcpPort, session.server.host);
    this.socket = socket;
    const splitter = new FrameSplitter();
    this.caughtUp = false;
    await new Promise<void>((resolve, reject) => {
      let loggedIn = false;
      let lastHeard = Date.now();
      socket.on('connect', () => {
        socket.write(
          encode({
            login: {
              token: session.token,
              cursor: this.resumeCursor.toString(),
              client: 'outside-device',
              conversations: [...this.groupSeqs].map(([conversationId, seq]) => ({
                conversationId,
                seq: seq.toString(),
              })),
            },
          }),
        );
      });
      socket.on('data', (chunk) => {
        lastHeard = Date.now();
        for (const frame of splitter.push(chunk)) {
          if (frame.body === 'loginOk') {
            loggedIn = true;
            this.logins++;
            this.failedAttempts = 0;
            const heartbeatMs = Number(frame.loginOk!.heartbeatMs) || session.heartbeatMs;
            // Twice per heartbeat, so one late ping does not cost the connection; silence for two
            // heartbeats means the server or the path to it is gone.
            this.heartbeat = setInterval(() => {
              if (Date.now() - lastHeard > 2 * heartbeatMs) socket.destroy();
              else socket.write(encode({ ping: {} }));
            }, heartbeatMs / 2);
            resolve();
          } else if (frame.body === 'deliver') {
            this.onDeliver(socket, frame.deliver as { message: Record<string, string>; cursor?: string });
          } else if (frame.body === 'caughtUp') {
            const { cursor, conversations } = frame.caughtUp as {
              cursor?: string;
              conversations?: { conversationId: string; seq?: string; expired?: boolean }[];
            };
            for (const group of conversations ?? []) {
              if (group.expired) this.problems.push(`${group.conversationId}: messages no longer kept`);
              this.haveUpTo(group.conversationId, BigInt(group.seq ?? '0'));
            }
            this.onCaughtUp(socket, BigInt(cursor ?? '0'));
          } else if (frame.body === 'kick') {
            this.kicked = true;
            this.stopped = true;
            this.problems.push(`kicked: ${String(frame.kick!.reason)}`);
          } else if (frame.body === 'error') {
            const problem = `${String(frame.error!.code)}: ${String(frame.error!.message)}`;
            this.problems.push(problem);
            if (!loggedIn) reject(new Error(problem));
            else if (frame.error!.code === 'CIM_ERR_CURSOR_EXPIRED') {
              // That catch-up is over with a gap: start again from everything still kept.
              this.resumeCursor = 0n;
              socket.destroy();
            }
          }
          // Redirect: the server closes next, and the device logs in again through the route.
        }
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        if (this.socket === socket) this.goneOffline();
        if (!loggedIn) reject(new Error('the push server closed the connection before LoginOk'));
        else if (this.socket === socket) this.comeBack();
      });
    });
  }

  private onDeliver(socket: net.Socket, deliver: { message: Record<string, string>; cursor?: string }): void {
    const cursor = BigInt(deliver.cursor ?? '0');
    const { msgId, conversationId, seq } = deliver.message;
    if (cursor === 0n && conversationId === 'b') return; // a broadcast: live only, not part of the sync stream
    const delivery = { msgId, conversationId, seq, cursor: cursor.toString() };
    this.deliveries.push(delivery);
    if (!this.shown.has(msgId)) this.shown.set(msgId, delivery);
    if (cursor === 0n) {
      // A large group's message: in no stream, it moves the group's seq only when contiguous.
      this.received(conversationId, BigInt(seq));
      return;
    }
    // Before CaughtUp, older backlog may still be on its way: the cursor to resume from stays.
    if (!this.caughtUp) return;
    if (cursor > this.resumeCursor) this.resumeCursor = cursor;
    this.ackSoon(socket);
  }

  /** A large group's message of this seq arrived. */
  private received(conversationId: string, seq: bigint): void {
    let ahead = this.aheadSeqs.get(conversationId);
    if (!ahead) this.aheadSeqs.set(conversationId, (ahead = new Set()));
    ahead.add(seq);
    const have = this.groupSeqs.get(conversationId);
    if (have !== undefined) this.haveUpTo(conversationId, have);
  }

  /** The device has every seq of the group up to `seq`: moves its seq there, then over what came ahead. */
  private haveUpTo(conversationId: string, seq: bigint): void {
    let have = this.groupSeqs.get(conversationId) ?? 0n;
    if (seq > have) have = seq;
    const ahead = this.aheadSeqs.get(conversationId) ?? new Set<bigint>();
    while (ahead.has(have + 1n)) ahead.delete(++have);
    for (const old of ahead) if (old <= have) ahead.delete(old);
    this.groupSeqs.set(conversationId, have);
  }

  private onCaughtUp(socket: net.Socket, cursor: bigint): void {
    this.caughtUp = true;
    this.resumeCursor = cursor;
    this.ackSoon(socket);
  }

  /** One Ack for everything that arrived in one read. */
  private ackSoon(socket: net.Socket): void {
    if (this.ackPending) return;
    this.ackPending = true;
    setImmediate(() => {
      this.ackPending = false;
      if (!socket.destroyed) socket.write(encode({ ack: { cursor: this.resumeCursor.toString() } }));
    });
  }

  private goneOffline(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** Reconnects after a jittered, growing pause (50 ms to 1 s), until it is back or stopped. */
  private comeBack(): void {
    if (this.stopped || this.reconnectTimer) return;
    const pauseMs = Math.min(1_000, 50 * 2 ** this.failedAttempts) * (0.5 + Math.random() / 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.stopped) return;
      this.connectOnce().catch((err: Error) => {
        this.failedAttempts++;
        this.problems.push(`reconnect: ${err.message}`);
        this.socket?.destroy();
        this.comeBack();
      });
    }, pauseMs);
  }
}
