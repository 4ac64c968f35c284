import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes, type Frame, type ReceiptKind } from '@cim/common';
import { silentLogger } from '@cim/common/server';
import { startLocalCluster, type LocalCluster } from '@cim/cli';
import { RouteApi, type LoginInfo } from '@cim/client';
import type { RouteStore } from '@cim/route';
import { isolatedBackends, uniquePrefix, waitFor } from '../harness/index.js';
import { joinUsers, type RecordingClient } from '../support/chat-scenario.js';
import { RawClient } from '../support/raw-client.js';

type Deliver = Extract<Frame, { deliver: unknown }>['deliver'];
type SendResult = Extract<Frame, { sendResult: unknown }>['sendResult'];
type Receipt = Extract<Frame, { receipt: unknown }>['receipt'];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Frames travel in milliseconds; the margin is for a loaded CI machine. */
const FRAME_TIMEOUT_MS = 10_000;

/** The Deliver frames a raw device has received so far, in arrival order. */
function delivers(device: RawClient): Deliver[] {
  return device.frames.flatMap((f) => ('deliver' in f ? [f.deliver] : []));
}

/** Waits for the Deliver of a message with this body. */
async function deliverOf(device: RawClient, body: string): Promise<Deliver> {
  return waitFor(() => delivers(device).find((d) => d.message.body === body), {
    timeoutMs: FRAME_TIMEOUT_MS,
    message: `a Deliver of "${body}"`,
  });
}

/** Waits for the answer to the frame sent with `requestId`. */
async function answerTo(device: RawClient, requestId: number): Promise<Frame> {
  return waitFor(() => device.frames.find((f) => f.requestId === requestId), {
    timeoutMs: FRAME_TIMEOUT_MS,
    message: `an answer to request ${requestId}`,
  });
}

async function sendResultOf(device: RawClient, requestId: number): Promise<SendResult> {
  const answer = await answerTo(device, requestId);
  if (!('sendResult' in answer)) throw new Error(`request ${requestId} was answered with ${JSON.stringify(answer)}`);
  return answer.sendResult;
}

/** Opens a TCP connection to the server the login named and logs in with the token; resolves on LoginOk. */
async function connectDevice(login: LoginInfo, cursor: string): Promise<RawClient> {
  const device = await RawClient.connect(login.server.tcpPort, login.server.host);
  device.send({ requestId: 1, login: { token: login.token, cursor, client: 'test-device' } });
  const ok = await answerTo(device, 1);
  expect(ok).toMatchObject({ loginOk: { userId: login.userId, userName: login.userName, serverId: login.server.id } });
  return device;
}

/*
 * docs/design.md#tcp-only-devices: an IoT device with only a TCP stack and a protobuf library can do everything a
 * full client does. Its token comes from one HTTP login (standing for provisioning); from then on
 * it speaks only frames.
 */
describe('a device that speaks only TCP, on Redis + ZooKeeper', () => {
  const prefix = uniquePrefix('tcp-device');
  let cluster: LocalCluster;
  let peer: RecordingClient;
  let device: RawClient | undefined;

  beforeAll(async () => {
    cluster = await startLocalCluster({
      servers: 2,
      routePort: 0,
      tcpPort: 0,
      ...isolatedBackends(prefix),
      logger: silentLogger,
    });
  });

  afterAll(async () => {
    device?.close();
    await peer?.client.close();
    await cluster?.stop();
  });

  it('catches up over TCP, sends, receives live, and acknowledges and reads with receipts to the sender', async () => {
    [peer] = await joinUsers(cluster.routeUrl, ['peer']);
    const receipts: Receipt[] = [];
    peer.client.on('receipt', (r) => receipts.push(r));
    const receiptsOf = (kind: ReceiptKind) => receipts.filter((r) => r.kind === kind);

    // Provisioning: the only HTTP the device ever does.
    const api = new RouteApi(cluster.routeUrl);
    const sensorUser = await api.register('sensor', 'password-sensor');
    const login = await api.login('sensor', 'password-sensor', 'sensor-1');
    const group = await peer.client.api.createGroup('telemetry', [sensorUser.userId]);
    const privateConversation = `p:${[peer.userId, sensorUser.userId].sort((a, b) => Number(a) - Number(b)).join(':')}`;

    // While the device is offline.
    const offline = [
      await peer.client.sendToUser(sensorUser.userId, 'offline 1'),
      await peer.client.sendToUser(sensorUser.userId, 'offline 2'),
      await peer.client.sendToGroup(group.groupId, 'offline to the group'),
    ];
    expect(offline.map((a) => a.conversationId)).toEqual([
      privateConversation,
      privateConversation,
      `g:${group.groupId}`,
    ]);

    // Login with cursor 0: the backlog comes as Deliver frames, in cursor order.
    device = await connectDevice(login, '0');
    await waitFor(() => delivers(device!).length >= 3, {
      timeoutMs: FRAME_TIMEOUT_MS,
      message: 'the backlog of 3 messages',
    });
    const backlog = delivers(device);
    expect(backlog.map((d) => d.message.msgId)).toEqual(offline.map((a) => a.msgId));
    expect(backlog.map((d) => [d.message.body, d.message.seq, d.message.fromUserId])).toEqual([
      ['offline 1', '1', peer.userId],
      ['offline 2', '2', peer.userId],
      ['offline to the group', '1', peer.userId],
    ]);
    for (const d of backlog) expect(d.cursor).toMatch(/^[1-9][0-9]*$/);
    expect(
      backlog.every((d, i) => i === 0 || BigInt(d.cursor) > BigInt(backlog[i - 1].cursor)),
      'cursors ascending',
    ).toBe(true);
    // Then CaughtUp, after the whole backlog, with its last cursor.
    expect(await device.next('caughtUp', FRAME_TIMEOUT_MS)).toEqual({ caughtUp: { cursor: backlog[2].cursor } });
    expect(device.frames.findIndex((f) => 'caughtUp' in f)).toBeGreaterThan(
      device.frames.findIndex((f) => 'deliver' in f && f.deliver === backlog[2]),
    );

    // Send to a user: answered with SendResult (same request id), and the SDK peer receives it.
    device.send({
      requestId: 10,
      send: { clientMsgId: 'tcp-1', to: { userId: peer.userId }, body: 'hello from the device' },
    });
    const toPeer = await sendResultOf(device, 10);
    expect(toPeer).toMatchObject({ clientMsgId: 'tcp-1', conversationId: privateConversation, seq: '3' });
    expect(toPeer.msgId).toMatch(/^[1-9][0-9]*$/);
    expect(toPeer.error).toBeUndefined();
    const atPeer = await peer.waitForBody('hello from the device');
    expect(atPeer).toMatchObject({
      msgId: toPeer.msgId,
      seq: '3',
      fromUserId: sensorUser.userId,
      fromUserName: 'sensor',
      to: { userId: peer.userId },
    });
    // Its own message comes back to the device too (a user's every device gets every message).
    expect((await deliverOf(device, 'hello from the device')).message.msgId).toBe(toPeer.msgId);

    // Send to a group.
    device.send({
      requestId: 11,
      send: { clientMsgId: 'tcp-2', to: { groupId: group.groupId }, body: 'reading: 21.5 C' },
    });
    const toGroup = await sendResultOf(device, 11);
    expect(toGroup).toMatchObject({ clientMsgId: 'tcp-2', conversationId: `g:${group.groupId}`, seq: '2' });
    expect((await peer.waitForBody('reading: 21.5 C')).msgId).toBe(toGroup.msgId);

    // A live message.
    const live = await peer.client.sendToUser(sensorUser.userId, 'live to the device');
    const liveDeliver = await deliverOf(device, 'live to the device');
    expect(liveDeliver.message).toMatchObject({ msgId: live.msgId, seq: '4', conversationId: privateConversation });

    // Ack of the highest cursor: the sender is told each of its messages was delivered.
    const highest = delivers(device).reduce((max, d) => (BigInt(d.cursor) > BigInt(max) ? d.cursor : max), '0');
    expect(highest).toBe(liveDeliver.cursor);
    device.send({ ack: { cursor: highest } });
    const fromPeer = [...offline, live];
    await waitFor(() => fromPeer.every((a) => receiptsOf('DELIVERED').some((r) => r.msgId === a.msgId)), {
      timeoutMs: FRAME_TIMEOUT_MS,
      message: 'DELIVERED receipts for the 4 messages the peer sent to the device',
    });
    for (const a of fromPeer) {
      expect(receiptsOf('DELIVERED').filter((r) => r.msgId === a.msgId)).toEqual([
        {
          kind: 'DELIVERED',
          msgId: a.msgId,
          conversationId: a.conversationId,
          seq: a.seq,
          byUserId: sensorUser.userId,
        },
      ]);
    }
    // The device's own messages are not receipted back to it or to anyone.
    expect(receiptsOf('DELIVERED').map((r) => r.msgId)).not.toContain(toPeer.msgId);

    // Read up to seq 4: the sender gets a READ receipt.
    device.send({ read: { conversationId: privateConversation, seq: '4' } });
    await waitFor(() => receiptsOf('READ').length > 0, { timeoutMs: FRAME_TIMEOUT_MS, message: 'a READ receipt' });
    expect(receiptsOf('READ')).toHaveLength(1);
    expect(receiptsOf('READ')[0]).toMatchObject({
      kind: 'READ',
      conversationId: privateConversation,
      seq: '4',
      byUserId: sensorUser.userId,
    });
  });

  it('answers a bad Send with a coded SendResult and keeps the connection usable', async () => {
    const d = device!;
    d.send({ requestId: 20, send: { clientMsgId: 'bad-1', to: { userId: peer.userId }, body: '' } });
    expect(await sendResultOf(d, 20)).toMatchObject({
      clientMsgId: 'bad-1',
      error: { code: ErrorCodes.INVALID_INPUT },
    });
    d.send({ requestId: 21, send: { clientMsgId: 'bad-2', to: { userId: '987654321' }, body: 'to nobody' } });
    expect(await sendResultOf(d, 21)).toMatchObject({
      clientMsgId: 'bad-2',
      error: { code: ErrorCodes.USER_NOT_FOUND },
    });
    for (const requestId of [20, 21]) expect((await sendResultOf(d, requestId)).msgId ?? '').toBe('');

    d.send({ requestId: 22, ping: {} });
    expect(await answerTo(d, 22)).toMatchObject({ pong: {} });
    d.send({ requestId: 23, send: { clientMsgId: 'good-after-bad', to: { userId: peer.userId }, body: 'still here' } });
    expect((await sendResultOf(d, 23)).error).toBeUndefined();
    await peer.waitForBody('still here');
    await pause(100);
    expect(d.closed).toBe(false);
    expect(peer.bodies()).not.toContain('to nobody');
    expect(d.frames.filter((f) => 'error' in f)).toEqual([]);
  });
});

/*
 * docs/design.md#no-silent-gaps: a cursor older than the retention gets an explicit CURSOR_EXPIRED, never a silent gap.
 * A short retention on the embedded store makes "older than the retention" a matter of a second.
 */
describe('a TCP device whose cursor is older than the retention', () => {
  let cluster: LocalCluster;
  let peer: RecordingClient;
  let login: LoginInfo;
  const devices: RawClient[] = [];
  const api = () => new RouteApi(cluster.routeUrl);

  beforeAll(async () => {
    cluster = await startLocalCluster({
      servers: 1,
      routePort: 0,
      tcpPort: 0,
      logger: silentLogger,
      store: { retentionMs: 1_000 },
    });
    [peer] = await joinUsers(cluster.routeUrl, ['peer']);
    const sensor = await api().register('sensor', 'password-sensor');
    login = await api().login('sensor', 'password-sensor', 'sensor-1');
    await peer.client.sendToUser(sensor.userId, 'old news');
    await pause(1_500);
    await peer.client.sendToUser(sensor.userId, 'fresh news');
  });

  afterAll(async () => {
    for (const d of devices) d.close();
    await peer?.client.close();
    await cluster?.stop();
  });

  it('gets Error CIM_ERR_CURSOR_EXPIRED after Login, and the connection stays open', async () => {
    // A cursor from before "old news", which retention has dropped since.
    const device = await connectDevice(login, '1');
    devices.push(device);
    const expired = await waitFor(() => device.frames.find((f) => 'error' in f), {
      timeoutMs: FRAME_TIMEOUT_MS,
      message: 'an Error frame',
    });
    expect(expired).toMatchObject({ error: { code: ErrorCodes.CURSOR_EXPIRED } });
    expect(delivers(device)).toEqual([]);

    device.send({ requestId: 30, ping: {} });
    expect(await answerTo(device, 30)).toMatchObject({ pong: {} });
    await pause(100);
    expect(device.closed).toBe(false);
    // The error ended that catch-up: no CaughtUp claims the device has everything.
    expect(device.frames.filter((f) => 'caughtUp' in f)).toEqual([]);
    device.close();
  });

  it('then, logged in again from cursor 0 as the error says, gets every message still kept', async () => {
    const device = await connectDevice(await api().login('sensor', 'password-sensor', 'sensor-1'), '0');
    devices.push(device);
    const first = await waitFor(() => device.frames.find((f) => 'deliver' in f || 'error' in f), {
      timeoutMs: FRAME_TIMEOUT_MS,
      message: 'a Deliver or an Error',
    });
    expect(first).toMatchObject({ deliver: { message: { body: 'fresh news' } } });
    expect(await device.next('caughtUp', FRAME_TIMEOUT_MS)).toEqual({
      caughtUp: { cursor: (first as { deliver: Deliver }).deliver.cursor },
    });
  });
});

/**
 * Holds the route's second sync page read for one user (the second page of a catch-up from 0) until
 * released, so a test can act while a catch-up is known to be half done.
 */
function holdSecondSyncPage(store: RouteStore, userId: string): { reached: Promise<void>; release: () => void } {
  const sync = store.messages.sync.bind(store.messages);
  let calls = 0;
  let reachedNow!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (reachedNow = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  store.messages.sync = async (user, after, limit) => {
    if (user === userId && ++calls === 2) {
      reachedNow();
      await released;
    }
    return sync(user, after, limit);
  };
  return { reached, release };
}

/*
 * cim.proto, Login: a connection that drops before CaughtUp logs in again with the cursor it logged
 * in with; only after CaughtUp is the highest cursor seen safe to resume from.
 */
describe('a TCP device whose connection drops in the middle of a long catch-up', () => {
  const prefix = uniquePrefix('tcp-caught-up');
  const BACKLOG = 450; // more than two pages of the route's catch-up
  const LIVE = 3;
  // The store's clock: moved a minute on before the live messages, so their cursors are well past
  // the 10 s the route rewinds a catch-up by, as they are when a device was offline for a while.
  let storeClockAheadMs = 0;
  let cluster: LocalCluster;
  let talker: RecordingClient;
  const devices: RawClient[] = [];
  let held: ReturnType<typeof holdSecondSyncPage> | undefined;

  beforeAll(async () => {
    cluster = await startLocalCluster({
      servers: 1,
      routePort: 0,
      tcpPort: 0,
      ...isolatedBackends(prefix),
      logger: silentLogger,
      store: { now: () => Date.now() + storeClockAheadMs },
      route: { sendRatePerSec: 100_000, sendBurst: 100_000 },
      server: { inboundFramesPerSec: 100_000 },
    });
  });

  afterAll(async () => {
    for (const d of devices) d.close();
    held?.release();
    await talker?.client.close();
    await cluster?.stop();
  });

  it('gets every message by logging in again with its previous cursor; the highest cursor seen would miss the rest of the backlog', async () => {
    [talker] = await joinUsers(cluster.routeUrl, ['talker']);
    const api = new RouteApi(cluster.routeUrl);
    const sensor = await api.register('sensor', 'password-sensor');
    const login = await api.login('sensor', 'password-sensor', 'sensor-1');
    const backlog: string[] = [];
    for (let i = 0; i < BACKLOG; i += 50) {
      const sent = await Promise.all(
        Array.from({ length: Math.min(50, BACKLOG - i) }, (_, j) =>
          talker.client.sendToUser(sensor.userId, `backlog ${i + j}`),
        ),
      );
      backlog.push(...sent.map((a) => a.msgId));
    }

    // First install: cursor 0. The catch-up pushes its first page, then is held before the second.
    held = holdSecondSyncPage(cluster.route.store, sensor.userId);
    const first = await connectDevice(login, '0');
    devices.push(first);
    await held.reached;
    await waitFor(() => delivers(first).length >= 200, {
      timeoutMs: FRAME_TIMEOUT_MS,
      message: 'the first page of the backlog',
    });

    // Live messages arrive in the middle of the catch-up.
    storeClockAheadMs = 60_000;
    const live: string[] = [];
    for (let i = 0; i < LIVE; i++) live.push((await talker.client.sendToUser(sensor.userId, `live ${i}`)).msgId);
    for (let i = 0; i < LIVE; i++) await deliverOf(first, `live ${i}`);

    // The connection is reset before CaughtUp.
    const seenBeforeDrop = delivers(first);
    expect(first.frames.some((f) => 'caughtUp' in f)).toBe(false);
    first.socket.resetAndDestroy();
    const notYetPushed = backlog.filter((id) => !seenBeforeDrop.some((d) => d.message.msgId === id));
    expect(notYetPushed).toHaveLength(BACKLOG - 200);
    const highestSeen = seenBeforeDrop.reduce((max, d) => (BigInt(d.cursor) > BigInt(max) ? d.cursor : max), '0');

    // The written rule: no CaughtUp yet, so log in again with the same cursor as before.
    const second = await connectDevice(login, '0');
    devices.push(second);
    const caughtUp = (await second.next('caughtUp', FRAME_TIMEOUT_MS)).caughtUp;
    const shown = new Set([...seenBeforeDrop, ...delivers(second)].map((d) => d.message.msgId));
    expect([...backlog, ...live].filter((id) => !shown.has(id))).toEqual([]);
    const lastLive = delivers(second).find((d) => d.message.msgId === live[LIVE - 1])!;
    expect(caughtUp.cursor).toBe(lastLive.cursor);
    second.close();

    // Logging in from the highest cursor seen at the drop instead catches up only what follows it:
    // the rest of the first backlog would never come.
    const fromHighest = await connectDevice(login, highestSeen);
    devices.push(fromHighest);
    expect((await fromHighest.next('caughtUp', FRAME_TIMEOUT_MS)).caughtUp.cursor).toBe(highestSeen);
    const caughtUpFromHighest = delivers(fromHighest).map((d) => d.message.msgId);
    expect(caughtUpFromHighest).toEqual(live);
    expect(notYetPushed.filter((id) => caughtUpFromHighest.includes(id))).toEqual([]);
  });
});
