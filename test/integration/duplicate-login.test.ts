import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RouteApi, type LocalCluster, type LoginInfo } from '@cim/client';
import { isolatedBackends, uniquePrefix } from '../harness/index.js';
import { RecordingClient } from '../support/chat-scenario.js';
import { RawClient } from '../support/raw-client.js';
import { startTwoServerCluster } from '../support/two-server-cluster.js';

const FRAME_TIMEOUT_MS = 10_000;

/**
 * A Redis + ZooKeeper cluster of 2 push servers whose route runs with `--duplicate-login <mode>`,
 * started for the enclosing describe; what a test opens is closed after it.
 */
function clusterWith(mode: 'kick' | 'reject') {
  let cluster: LocalCluster;
  const raws: RawClient[] = [];
  const clients: RecordingClient[] = [];

  beforeAll(async () => {
    cluster = await startTwoServerCluster(isolatedBackends(uniquePrefix(`duplicate-login-${mode}`)), {
      // Consecutive logins alternate between the two servers.
      selection: 'round-robin',
      duplicateLogin: mode,
    });
  });

  afterEach(async () => {
    for (const raw of raws.splice(0)) raw.close();
    for (const rec of clients.splice(0)) await rec.client.close();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  return {
    routeUrl: () => cluster.routeUrl,

    /** A recording SDK client (registered and online when `register`), closed after the test. */
    async client(name: string, options: { deviceId?: string; register?: boolean } = {}): Promise<RecordingClient> {
      const rec = new RecordingClient(cluster.routeUrl, name, { deviceId: options.deviceId });
      clients.push(rec);
      if (options.register !== false) {
        await rec.client.api.register(name, `password-${name}`);
        await rec.client.connect();
      }
      return rec;
    },

    /** A raw TCP device logged in with the token, on the server its login named. */
    async device(login: LoginInfo): Promise<RawClient> {
      const device = await RawClient.loginWith(login);
      raws.push(device);
      await device.next('loginOk', FRAME_TIMEOUT_MS);
      return device;
    },
  };
}

/*
 * docs/design.md#sessions-and-devices: one session per (user, device). A second login of the same device kicks the older
 * connection wherever it is; with `--duplicate-login reject` it is refused instead.
 */
describe('a second login of the same device, --duplicate-login kick (the default)', () => {
  const cluster = clusterWith('kick');

  it('kicks the first connection when the second lands on the other server, and refuses the first token after', async () => {
    const peer = await cluster.client('kick-peer');
    const api = new RouteApi(cluster.routeUrl());
    await api.register('kate', 'password-kate');
    const first = await api.login('kate', 'password-kate', 'phone');
    const firstDevice = await cluster.device(first);

    const second = await api.login('kate', 'password-kate', 'phone');
    expect(second.server.id).not.toBe(first.server.id);

    // The first device is told why, then closed.
    const kick = await firstDevice.next('kick', FRAME_TIMEOUT_MS);
    expect(kick.kick.reason).toMatch(/logged in/);
    await firstDevice.closedByServer(FRAME_TIMEOUT_MS);

    // The second device is the one that gets kate's messages.
    const secondDevice = await cluster.device(second);
    const sent = await peer.client.sendToUser(second.userId, 'for the current login');
    expect((await secondDevice.next('deliver', FRAME_TIMEOUT_MS)).deliver.message.msgId).toBe(sent.msgId);

    // The first session's token is refused over HTTP…
    const stale = new RouteApi(cluster.routeUrl());
    stale.token = first.token;
    await expect(stale.sync('0', 10)).rejects.toMatchObject({ code: 'CIM_ERR_SESSION_ENDED' });
    await expect(stale.send({ userId: peer.userId }, 'from the old login', 'stale-http')).rejects.toMatchObject({
      code: 'CIM_ERR_SESSION_ENDED',
    });
    // …and at TCP Login: the old token opens no connection, so it gets no messages.
    const staleDevice = await RawClient.loginWith(first);
    expect((await staleDevice.next('error', FRAME_TIMEOUT_MS)).error.code).toBe('CIM_ERR_SESSION_ENDED');
    await staleDevice.closedByServer(FRAME_TIMEOUT_MS);
    expect(staleDevice.delivers()).toEqual([]);
    expect(peer.bodies()).not.toContain('from the old login');
  });
});

describe('a second login of the same device, --duplicate-login reject', () => {
  const cluster = clusterWith('reject');

  it('refuses the second login with CIM_ERR_ALREADY_LOGGED_IN, and the first keeps working', async () => {
    const peer = await cluster.client('reject-peer');
    const rita = await cluster.client('rita', { deviceId: 'phone' });
    const kicked: string[] = [];
    rita.client.on('kicked', (reason) => kicked.push(reason));

    // Two attempts, so one would land on the other server (round-robin).
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(new RouteApi(cluster.routeUrl()).login('rita', 'password-rita', 'phone')).rejects.toMatchObject({
        code: 'CIM_ERR_ALREADY_LOGGED_IN',
      });
    }
    const again = await cluster.client('rita', { deviceId: 'phone', register: false });
    await expect(again.client.connect()).rejects.toMatchObject({ code: 'CIM_ERR_ALREADY_LOGGED_IN' });

    // The first login is untouched: it receives and sends as before.
    const toRita = await peer.client.sendToUser(rita.userId, 'still there?');
    expect((await rita.waitForBody('still there?')).msgId).toBe(toRita.msgId);
    const fromRita = await rita.client.sendToUser(peer.userId, 'still here');
    expect((await peer.waitForBody('still here')).msgId).toBe(fromRita.msgId);
    expect(rita.client.info().state).toBe('online');
    expect(kicked).toEqual([]);

    // Another device of the same user is not a duplicate.
    const laptop = await new RouteApi(cluster.routeUrl()).login('rita', 'password-rita', 'laptop');
    expect(laptop.userId).toBe(rita.userId);
  });
});
