import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteApi } from '@cim/client';
import { decodeFrame, encodeFrame, FrameDecoder, type Frame } from '@cim/common';
import { ZkRegistry } from '@cim/common/server';
import { RouteService } from '@cim/route';
import { freePort, uniquePrefix, waitFor } from '../harness/index.js';
import { ManagedProcess } from '../../devkit/managed-process.js';
import { RecordingClient } from '../support/chat-scenario.js';
import { startRouteInProcess } from '../support/route-in-process.js';

const secret = 'slow-consumer-secret-0123456789';
/** Small enough to hit quickly, roomy enough (17 messages) for bob, who reads from this busy test process. */
const MAX_OUTBOUND_BYTES = 1024 * 1024;
const SLOW_DEVICES = 6;
/** Above the default 4 KiB (the route is configured for it), so that a few hundred sends push megabytes at each device. */
const BODY_BYTES = 60_000;
/**
 * Sends at most: twice what the kernel may buffer for one paused loopback connection (the
 * receiver's and the sender's socket buffers at their largest) plus the server's bound. The flood
 * stops as soon as every paused device is closed, so machines with small buffers send less.
 */
const FLOOD = Math.ceil(
  (2 * (kernelBufferMax('tcp_rmem') + kernelBufferMax('tcp_wmem')) + MAX_OUTBOUND_BYTES) / BODY_BYTES,
);
/** Counted when the server finds a device too slow, before that device has read its Error. */
const SLOW_FOUND = 'cim_server_rejected_total{code="CIM_ERR_SLOW_CONSUMER"}';
const SLOW_CLOSES = 'cim_server_closed_total{reason="slow-consumer"}';
/**
 * How long the server keeps a closed device's last frames for it: long enough for this test to
 * resume the paused devices after its memory checks.
 */
const CLOSE_GRACE_MS = 60_000;
const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A device that logs in and then stops reading: its socket is paused, so what the server writes
 * piles up in the kernel buffers and then in the server's outbound queue.
 */
class SlowDevice {
  readonly frames: Frame[] = [];
  closed = false;
  private readonly decoder = new FrameDecoder();

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const body of this.decoder.push(chunk).frames) this.frames.push(decodeFrame(body));
      } catch {
        // A reset can cut the last frame short; what came before it is what matters.
      }
    });
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined);
  }

  static async login(port: number, token: string): Promise<SlowDevice> {
    const socket = net.connect({ port, host: '127.0.0.1' });
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const device = new SlowDevice(socket);
    socket.write(encodeFrame({ login: { token } }));
    await waitFor(() => device.frames.some((f) => 'loginOk' in f), { message: 'LoginOk' });
    socket.pause();
    return device;
  }

  /** Starts reading again: drains what the kernel still holds, up to the server's close. */
  resume(): void {
    this.socket.resume();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** The largest buffer the kernel gives a TCP socket (`net.ipv4.tcp_rmem` / `tcp_wmem`), 6 MB if unknown. */
function kernelBufferMax(name: 'tcp_rmem' | 'tcp_wmem'): number {
  try {
    return Number(readFileSync(`/proc/sys/net/ipv4/${name}`, 'utf8').trim().split(/\s+/)[2]) || 6 * 1024 * 1024;
  } catch {
    return 6 * 1024 * 1024;
  }
}

/** The server process's memory right after a full GC (see push-server-main.ts). */
async function liveMemory(port: number): Promise<NodeJS.MemoryUsage> {
  return (await fetch(`http://127.0.0.1:${port}/`)).json() as Promise<NodeJS.MemoryUsage>;
}

async function metrics(httpPort: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
}

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

describe('a slow consumer on a push server with a small outbound bound', () => {
  const prefix = uniquePrefix('slow-consumer');
  let route: RouteService;
  let routeRegistry: ZkRegistry;
  let server: ManagedProcess;
  let httpPort: number;
  let tcpPort: number;
  let memoryPort: number;
  const devices: SlowDevice[] = [];
  let bob: RecordingClient | undefined;

  beforeAll(async () => {
    let zk: string;
    ({
      route,
      registry: routeRegistry,
      zkConnect: zk,
    } = await startRouteInProcess(prefix, secret, {
      route: { sendRatePerSec: 100_000, sendBurst: 100_000, maxBodyChars: BODY_BYTES },
    }));
    [httpPort, tcpPort, memoryPort] = [await freePort(), await freePort(), await freePort()];
    server = new ManagedProcess({
      name: 'push server (slow consumer test)',
      command: process.execPath,
      args: ['--expose-gc', '--import', 'tsx', 'test/faults/push-server-main.ts'],
      cwd: root,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: 'tsconfig.test.json',
        CIM_TEST_MEMORY_PORT: String(memoryPort),
        CIM_TEST_PUSH_SERVER: JSON.stringify({
          id: 'slow-test',
          zk,
          secret,
          routeUrl: route.url,
          httpPort,
          tcpPort,
          maxOutboundBytes: MAX_OUTBOUND_BYTES,
          closeGraceMs: CLOSE_GRACE_MS,
        }),
      },
      isReady: async () => (await fetch(`http://127.0.0.1:${httpPort}/readyz`)).ok,
      startTimeoutMs: 30_000,
    });
    await server.start();
    await waitFor(() => route.liveServers().length === 1, {
      timeoutMs: 10_000,
      message: 'the route to see the server',
    });
  });

  afterAll(async () => {
    for (const d of devices) d.destroy();
    await bob?.client.close();
    await server?.stop('SIGTERM');
    await route?.stop();
    await routeRegistry?.close();
    await route?.store.close();
  });

  it('closes it with CIM_ERR_SLOW_CONSUMER once its bound is full, keeps memory bounded, leaves others alone, and loses nothing', async () => {
    const api = new RouteApi(route.url);
    const sloth = await api.register('sloth', 'password-sloth');
    for (let d = 0; d < SLOW_DEVICES; d++) {
      const login = await api.login('sloth', 'password-sloth', `paused-${d}`);
      expect(login.server.tcpPort).toBe(tcpPort);
      devices.push(await SlowDevice.login(tcpPort, login.token));
    }
    bob = new RecordingClient(route.url, 'bob');
    await bob.client.api.register('bob', 'password-bob');
    await bob.client.connect();
    const alice = new RouteApi(route.url);
    await alice.register('alice', 'password-alice');
    alice.token = (await alice.login('alice', 'password-alice', 'http')).token;

    // Warm up, then take the baseline of the server process's memory.
    for (let i = 0; i < 5; i++) await alice.send({ userId: bob.userId }, `warm-up ${i}`, `w-${i}`);
    await bob.waitForBody('warm-up 4');
    expect(metric(await metrics(httpPort), 'cim_server_connections')).toBe(SLOW_DEVICES + 1);
    const baseline = await liveMemory(memoryPort);

    // The flood: 60 KB messages to every connection, until every paused device is found slow. Most are
    // broadcasts (cheap: live only, never stored); every fifth is a private message to the slow user,
    // which is stored. Bob reads everything, and gets a small private message now and then.
    const storedIds: string[] = [];
    const broadcastIds: string[] = [];
    const toBob: string[] = [];
    let next = 0;
    let allFound = false;
    const worker = async () => {
      for (let i = next++; i < FLOOD && !allFound; i = next++) {
        const body = `${i}:`.padEnd(BODY_BYTES, 'x');
        if (i % 5 === 0) storedIds.push((await alice.send({ userId: sloth.userId }, body, `flood-${i}`)).msgId);
        else broadcastIds.push((await alice.send({ broadcast: true }, body, `flood-${i}`)).msgId);
        if (i % 10 === 0) toBob.push((await alice.send({ userId: bob!.userId }, `meanwhile ${i}`, `bob-${i}`)).msgId);
      }
    };
    // Meanwhile, sample the server process's memory (after a full GC each time).
    let peakRss = 0;
    let flooding = true;
    const watcher = (async () => {
      while (flooding) {
        peakRss = Math.max(peakRss, (await liveMemory(memoryPort)).rss);
        allFound = metric(await metrics(httpPort), SLOW_FOUND) === SLOW_DEVICES;
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    try {
      await Promise.all(Array.from({ length: 4 }, worker));
      await waitFor(async () => metric(await metrics(httpPort), SLOW_FOUND) === SLOW_DEVICES, {
        timeoutMs: 10_000,
        message: 'every paused device to be found a slow consumer',
      });
    } finally {
      flooding = false;
      await watcher;
    }
    // The RSS stayed within a modest bound during the flood (the kernel buffers some megabytes per
    // paused socket outside the process; an unbounded queue would hold everything beyond that)…
    expect(peakRss - baseline.rss).toBeLessThan(64 * 1024 * 1024);
    // …and it holds little for the dropped devices while they still do not read: what they had not
    // been sent is discarded, leaving at most what one socket buffer held (a server that kept its
    // queue for the Error to follow would hold the whole bound for each).
    const live = async () => (await liveMemory(memoryPort)).arrayBuffers - baseline.arrayBuffers;
    await waitFor(async () => (await live()) < (SLOW_DEVICES * MAX_OUTBOUND_BYTES) / 4, {
      timeoutMs: 10_000,
      message: "the server's buffers for the paused devices to be dropped",
    });

    // Each paused device, once it reads again, sees a stream cut short: whole frames (what its
    // kernel buffers held), then Error{CIM_ERR_SLOW_CONSUMER}, then the close.
    for (const device of devices) device.resume();
    for (const device of devices) {
      await waitFor(() => device.closed, { message: 'the paused device to be closed' });
      expect(device.frames.filter((f) => 'deliver' in f).length).toBeLessThan(storedIds.length + broadcastIds.length);
      expect(device.frames.at(-1)).toMatchObject({ error: { code: 'CIM_ERR_SLOW_CONSUMER' } });
    }
    // Only the slow devices went; the server still holds bob.
    await waitFor(async () => metric(await metrics(httpPort), SLOW_CLOSES) === SLOW_DEVICES, {
      message: 'every slow device to be closed',
    });
    expect(metric(await metrics(httpPort), 'cim_server_connections')).toBe(1);
    // Once they are gone the server holds no buffers for them at all.
    await waitFor(async () => (await live()) < 1024 * 1024, {
      timeoutMs: 10_000,
      message: "the server's buffers to return to their baseline",
    });

    // Bob was never disturbed: online throughout, every message and broadcast exactly once.
    for (const id of [...toBob, ...broadcastIds]) {
      await waitFor(() => bob!.received.some((m) => m.msgId === id), { message: `bob to get ${id}` });
    }
    expect(bob.states).toEqual(['connecting', 'online']);
    expect(new Set(bob.received.map((m) => m.msgId)).size).toBe(bob.received.length);

    // Everything stored for the slow user comes back through sync.
    const reader = new RouteApi(route.url);
    reader.token = (await reader.login('sloth', 'password-sloth', 'reader')).token;
    const synced: string[] = [];
    for (let from = '0'; ;) {
      const page = await reader.sync(from, 500);
      synced.push(...page.messages.map((e) => e.message.msgId));
      if (!page.hasMore) break;
      from = page.cursor;
    }
    expect(synced).toHaveLength(storedIds.length);
    expect(new Set(synced)).toEqual(new Set(storedIds));
  }, 90_000);
});
