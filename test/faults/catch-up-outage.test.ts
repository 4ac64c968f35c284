import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from '@cim/cli';
import { MemoryCursorStore } from '@cim/client';
import { CimError, ErrorCodes } from '@cim/common';
import { silentLogger } from '@cim/common/server';
import { isolatedBackends, RedisServer, TcpProxy, uniquePrefix, waitFor } from '../harness/index.js';
import { RecordingClient } from '../support/chat-scenario.js';
import { signUp } from '../support/accounts.js';
import { startTestCluster } from '../support/test-cluster.js';

/**
 * A cursor store that keeps every save, with the msgIds the user had been shown at that moment:
 * enough to check afterwards that no saved cursor ever passed a message not yet shown.
 */
class AuditedCursorStore extends MemoryCursorStore {
  readonly saves: { cursor: bigint; shown: Set<string> }[] = [];

  constructor(private readonly shown: Set<string>) {
    super();
  }

  override async save(key: string, state: string): Promise<void> {
    this.saves.push({ cursor: BigInt((JSON.parse(state) as { cursor: string }).cursor), shown: new Set(this.shown) });
    await super.save(key, state);
  }
}

/**
 * Bob, who got "before", went away and missed three messages (sent through `routes.sender`); the
 * devices he starts next (on `routes.receiver`) share his cursor store, and everything any of them
 * shows is noted with its cursor.
 */
async function bobWithAGap(routes: { sender: string; receiver: string }, tag: string, open: RecordingClient[]) {
  const alice = (await signUp(routes.sender, `alice${tag}`)).api;
  const name = `bob${tag}`;
  const shown = new Set<string>();
  const cursors = new Map<string, bigint>();
  const store = new AuditedCursorStore(shown);
  const device = () => {
    const rec = new RecordingClient(routes.receiver, name, { cursorStore: store });
    rec.client.on('message', (m, meta) => {
      shown.add(m.msgId);
      cursors.set(m.msgId, BigInt(meta.cursor));
    });
    open.push(rec);
    return rec;
  };
  const first = device();
  const { userId } = await first.client.api.register(name, `password-${name}`);
  await first.client.connect();
  await alice.send({ userId }, 'before', `${name}-before`);
  await first.waitForBody('before');
  await first.client.close();
  for (let i = 1; i <= 3; i++) await alice.send({ userId }, `missed ${i}`, `${name}-missed-${i}`);

  const sendLive = () => alice.send({ userId }, 'live during the outage', `${name}-live`);
  /** Every saved cursor covered only messages Bob had been shown when it was saved. */
  const expectNoSaveSkippedAGap = () => {
    expect(store.saves.length).toBeGreaterThan(0);
    for (const save of store.saves) {
      const skipped = [...cursors].filter(([msgId, cursor]) => cursor <= save.cursor && !save.shown.has(msgId));
      expect(skipped).toEqual([]);
    }
  };
  return { device, sendLive, expectNoSaveSkippedAGap, store, cursors };
}

/**
 * Two routes on one Redis, the receiver's route reaching it through a proxy that the test cuts:
 * the receiver's catch-up fails on its route's store while the sender's route still stores
 * messages and pushes them to the receiver's push server.
 */
describe("a catch-up that fails on the route's store", () => {
  const prefix = uniquePrefix('catch-up-outage');
  let storeProxy: TcpProxy;
  let receiverRoute: LocalCluster;
  let senderRoute: LocalCluster;
  const open: RecordingClient[] = [];
  let n = 0;

  beforeAll(async () => {
    const { redisUrl, redisPrefix, zkConnect } = isolatedBackends(prefix);
    storeProxy = await TcpProxy.start({ port: Number(new URL(redisUrl).port) });
    const shared = { redisPrefix, zkConnect, secret: 'catch-up-outage-secret-0123456789', logger: silentLogger };
    receiverRoute = await startLocalCluster({
      ...shared,
      servers: 1,
      routePort: 0,
      tcpPort: 0,
      redisUrl: `redis://${storeProxy.address}`,
    });
    senderRoute = await startLocalCluster({ ...shared, servers: 0, routePort: 0, redisUrl });
  });

  afterEach(async () => {
    storeProxy.heal();
    for (const c of open.splice(0)) await c.client.close();
  });

  afterAll(async () => {
    await senderRoute?.stop();
    await receiverRoute?.stop();
    await storeProxy?.close();
  });

  const routes = () => ({ sender: senderRoute.routeUrl, receiver: receiverRoute.routeUrl });

  /** Cuts the store away the moment the device is online, before its catch-up asks for anything. */
  function cutStoreOnceOnline(rec: RecordingClient): CimError[] {
    const failures: CimError[] = [];
    rec.client.on('state', (state) => {
      if (state === 'online' && !storeProxy.isCut) storeProxy.cut();
    });
    rec.client.on('error', (err) => {
      if (err instanceof CimError) failures.push(err);
    });
    return failures;
  }

  it('retries until the store is back, then delivers every missed message, and never saves a cursor past them', async () => {
    const scenario = await bobWithAGap(routes(), String(++n), open);
    const bob = scenario.device();
    const failures = cutStoreOnceOnline(bob);
    const caughtUp: string[] = [];
    bob.client.on('caughtUp', ({ cursor }) => caughtUp.push(cursor));
    const connected = bob.client.connect();
    await waitFor(() => failures.length >= 2, { timeoutMs: 15_000, message: 'two failed catch-up attempts' });
    expect(failures.every((f) => f.code === ErrorCodes.UNAVAILABLE || f.code === ErrorCodes.TIMEOUT)).toBe(true);

    // A message pushed live meanwhile is shown, but is no reason to think the gap is filled.
    await scenario.sendLive();
    await bob.waitForBody('live during the outage');
    expect(bob.client.info()).toMatchObject({ state: 'online', caughtUp: false });
    expect(bob.bodies()).toEqual(['live during the outage']);

    storeProxy.heal();
    await connected;
    expect(bob.client.info().caughtUp).toBe(true);
    expect(caughtUp).toEqual([bob.client.info().cursor]);
    expect(bob.bodies().sort()).toEqual(['live during the outage', 'missed 1', 'missed 2', 'missed 3']);
    await bob.client.close();
    scenario.expectNoSaveSkippedAGap();
    // Once caught up, the saved cursor covers everything, the live message included.
    const live = bob.received.find((m) => m.body === 'live during the outage')!;
    expect(scenario.store.saves.at(-1)!.cursor).toBe(scenario.cursors.get(live.msgId));
  });

  it('a device that quits before the catch-up succeeds gets the missed messages on its next start, once', async () => {
    const scenario = await bobWithAGap(routes(), String(++n), open);
    const quitter = scenario.device();
    const failures = cutStoreOnceOnline(quitter);
    const connected = quitter.client.connect();
    await waitFor(() => failures.length >= 1, { timeoutMs: 15_000, message: 'a failed catch-up attempt' });
    await scenario.sendLive();
    await quitter.waitForBody('live during the outage');
    await quitter.client.close();
    await connected;
    storeProxy.heal();

    const next = scenario.device();
    await next.client.connect();
    expect(next.client.info().caughtUp).toBe(true);
    await next.client.close();
    scenario.expectNoSaveSkippedAGap();
    expect(next.bodies()).toEqual(['missed 1', 'missed 2', 'missed 3']);
  });
});

/**
 * The route's Redis stopped with SIGSTOP: its connections stay open and commands hang until the
 * route's command timeout, rather than failing at once.
 */
describe('a catch-up whose store hangs (redis-server stopped)', () => {
  let redis: RedisServer;
  let cluster: LocalCluster;
  const open: RecordingClient[] = [];

  beforeAll(async () => {
    redis = await RedisServer.start();
    cluster = await startTestCluster({
      redisUrl: redis.url,
      redisPrefix: `${uniquePrefix('catch-up-hang')}:`,
    });
  });

  afterAll(async () => {
    redis?.thaw();
    for (const c of open.splice(0)) await c.client.close();
    await cluster?.stop();
    await redis?.stop();
  });

  it('retries the catch-up until Redis answers again, then delivers the missed messages', async () => {
    const scenario = await bobWithAGap({ sender: cluster.routeUrl, receiver: cluster.routeUrl }, 'h', open);
    const bob = scenario.device();
    const failures: Error[] = [];
    bob.client.on('error', (err) => failures.push(err));
    bob.client.on('state', (state) => {
      if (state === 'online' && failures.length === 0) redis.freeze();
    });
    const connected = bob.client.connect();
    await waitFor(() => failures.length >= 1, { timeoutMs: 15_000, message: 'a failed catch-up attempt' });
    expect(failures[0]).toMatchObject({ code: ErrorCodes.UNAVAILABLE });
    expect(bob.client.info()).toMatchObject({ state: 'online', caughtUp: false });
    redis.thaw();
    await connected;
    expect(bob.bodies()).toEqual(['missed 1', 'missed 2', 'missed 3']);
    await bob.client.close();
    scenario.expectNoSaveSkippedAGap();
  });
});
