import { expect } from 'vitest';
import type { ChatMessage } from '@cim/common';
import { CimClient, MemoryCursorStore, type CimClientOptions } from '@cim/client';

/** One run of the app on a device: a CimClient and what it showed, in order. */
export interface DeviceRun {
  client: CimClient;
  received: ChatMessage[];
  /** What the route wrote about groups ("ann added ben"): shown, but not a message anyone sent. */
  notices: ChatMessage[];
  /**
   * For each received message (same index): how it came (by a catch-up or live; its stream cursor,
   * "0" for a large group's) and when, to explain a failure.
   */
  arrivals: { synced: boolean; cursor: string; at: number }[];
  /** When each catch-up after a (re)connect finished. */
  syncsDoneAt: number[];
  startedAt: number;
}

/**
 * A device of a user that is switched off and on again: every `start()` is a NEW CimClient (an app
 * restart) on the same `deviceId` and the same cursor store, which keeps the sync state between
 * runs as a phone's storage would. Remembers every run, so "shown exactly once" can be checked
 * across all of them.
 */
export class SimulatedDevice {
  readonly cursorStore = new MemoryCursorStore();
  readonly runs: DeviceRun[] = [];
  private current: DeviceRun | undefined;

  constructor(
    readonly routeUrl: string,
    readonly userName: string,
    readonly password: string,
    readonly deviceId: string,
    /** Further client settings (e.g. slower reconnects); fast reconnects by default. */
    private readonly clientOptions: Partial<CimClientOptions> = {},
  ) {}

  get label(): string {
    return `${this.userName}/${this.deviceId}`;
  }

  /** The running client, if the device is on. */
  get client(): CimClient | undefined {
    return this.current?.client;
  }

  get isOnline(): boolean {
    return this.current?.client.state === 'online';
  }

  /** Starts a new run and connects it; a refused first connect is tried again, up to `attempts` times. */
  async start(options: { attempts?: number } = {}): Promise<CimClient> {
    if (this.current) throw new Error(`${this.label} is already on`);
    const attempts = options.attempts ?? 20;
    for (let attempt = 1; ; attempt++) {
      const run = this.newRun();
      try {
        await run.client.connect();
        this.current = run;
        return run.client;
      } catch (err) {
        await run.client.close();
        if (attempt >= attempts)
          throw new Error(`${this.label} could not connect after ${attempts} attempts`, { cause: err });
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  /** Closes the running client (a clean logout); its sync state stays in the cursor store. */
  async stop(): Promise<void> {
    const run = this.current;
    this.current = undefined;
    await run?.client.close();
  }

  /** How many times each msgId was shown, over every run. */
  shownCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const run of this.runs) {
      for (const m of run.received) counts.set(m.msgId, (counts.get(m.msgId) ?? 0) + 1);
    }
    return counts;
  }

  /** Whether every one of `msgIds` was shown by some run. */
  hasAll(msgIds: Iterable<string>): boolean {
    const counts = this.shownCounts();
    for (const id of msgIds) if (!counts.has(id)) return false;
    return true;
  }

  private newRun(): DeviceRun {
    const client = new CimClient({
      routeUrl: this.routeUrl,
      userName: this.userName,
      password: this.password,
      deviceId: this.deviceId,
      cursorStore: this.cursorStore,
      reconnectMinMs: 50,
      reconnectMaxMs: 500,
      ...this.clientOptions,
    });
    const run: DeviceRun = { client, received: [], notices: [], arrivals: [], syncsDoneAt: [], startedAt: Date.now() };
    client.on('message', (m, meta) => {
      if (m.notice) {
        run.notices.push(m);
        return;
      }
      run.received.push(m);
      run.arrivals.push({ synced: meta.synced, cursor: meta.cursor, at: Date.now() });
    });
    client.on('sync', (progress) => {
      if (progress.done) run.syncsDoneAt.push(Date.now());
    });
    this.runs.push(run);
    return run;
  }
}

/**
 * Checks what a device showed against what was addressed to its user: each expected msgId exactly
 * once over all runs, nothing else (but the `allowed` ones, at most once), and within each run
 * every conversation in ascending seq order.
 */
export function expectShownExactlyOnceInOrder(
  device: SimulatedDevice,
  expectedMsgIds: Set<string>,
  allowed: ReadonlySet<string> = new Set(),
): void {
  const counts = device.shownCounts();
  const missing = [...expectedMsgIds].filter((id) => !counts.has(id));
  /** Where each showing of a message was: run, conversation and seq, how it came and when. */
  const showings = (msgId: string) =>
    device.runs.flatMap((run, i) =>
      run.received.flatMap((m, k) => {
        if (m.msgId !== msgId) return [];
        const { synced, cursor, at } = run.arrivals[k];
        const how = `${synced ? 'synced' : 'live'}, cursor ${cursor}, at +${at - run.startedAt} ms`;
        return [`run ${i + 1}: ${m.conversationId}#${m.seq} (${how})`];
      }),
    );
  const repeated = [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id}×${n}: ${showings(id).join('; ')}`);
  const unexpected = [...counts.keys()].filter((id) => !expectedMsgIds.has(id) && !allowed.has(id));
  expect({ device: device.label, missing, repeated, unexpected }).toEqual({
    device: device.label,
    missing: [],
    repeated: [],
    unexpected: [],
  });

  device.runs.forEach((run, i) => {
    const last = new Map<string, number>();
    const outOfOrder: string[] = [];
    const explain = (k: number) => {
      const { synced, at } = run.arrivals[k];
      return `${run.received[k].seq} (${synced ? 'synced' : 'live'} at +${at - run.startedAt} ms)`;
    };
    run.received.forEach((m, k) => {
      const before = last.get(m.conversationId);
      if (before !== undefined && BigInt(m.seq) <= BigInt(run.received[before].seq)) {
        const syncs = run.syncsDoneAt.map((at) => `+${at - run.startedAt}`).join(', ');
        outOfOrder.push(
          `${m.conversationId}: seq ${explain(k)} after ${explain(before)}; catch-ups done at ${syncs} ms`,
        );
      }
      last.set(m.conversationId, k);
    });
    expect(outOfOrder, `${device.label} run ${i + 1}: per-conversation seq order`).toEqual([]);
  });
}
