import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCluster } from '@cim/cli';
import { RouteApi } from '@cim/client';
import type { Frame } from '@cim/common';
import { isolatedBackends, uniquePrefix, waitFor } from '../harness/index.js';
import { joinUsers, type RecordingClient } from '../support/chat-scenario.js';
import { RawClient } from '../support/raw-client.js';
import { startTwoServerCluster } from '../support/two-server-cluster.js';

type Receipt = Extract<Frame, { receipt: unknown }>['receipt'];

/** More than the route reads of a stream at once (500), so the Ack's range takes several pages. */
const BACKLOG = 620;
const TIMEOUT_MS = 20_000;

describe('delivered receipts on Redis + ZooKeeper', () => {
  let cluster: LocalCluster;
  let sender: RecordingClient | undefined;
  let device: RawClient | undefined;

  beforeAll(async () => {
    cluster = await startTwoServerCluster(isolatedBackends(uniquePrefix('receipts')), {
      // The backlog is sent as fast as the sender can: the send rate limit is not under test.
      route: { sendRatePerSec: 10_000, sendBurst: 10_000 },
    });
  });

  afterAll(async () => {
    device?.close();
    await sender?.client.close();
    await cluster?.stop();
  });

  it('sends a DELIVERED receipt for every message one Ack covers, even hundreds past a page', async () => {
    [sender] = await joinUsers(cluster.routeUrl, ['sender']);
    const receipts: Receipt[] = [];
    sender.client.on('receipt', (r) => receipts.push(r));

    const api = new RouteApi(cluster.routeUrl);
    const reader = await api.register('reader', 'password-reader');
    const sent = (
      await Promise.all(
        Array.from({ length: BACKLOG }, (_, i) => sender!.client.sendToUser(reader.userId, `backlog ${i}`)),
      )
    ).map((answer) => answer.msgId);

    // The reader's device logs in from cursor 0, takes the whole backlog, and acknowledges it once.
    const login = await api.login('reader', 'password-reader', 'reader-1');
    device = await RawClient.loginWith(login, '0');
    await waitFor(() => device!.delivers().length >= BACKLOG, {
      timeoutMs: TIMEOUT_MS,
      message: `${BACKLOG} Deliver frames`,
    });
    const highest = device.delivers().reduce((max, d) => (BigInt(d.cursor) > BigInt(max) ? d.cursor : max), '0');
    device.send({ ack: { cursor: highest } });

    const deliveredIds = () => new Set(receipts.filter((r) => r.kind === 'DELIVERED').map((r) => r.msgId));
    await waitFor(() => deliveredIds().size >= BACKLOG, {
      timeoutMs: TIMEOUT_MS,
      message: `DELIVERED receipts for all ${BACKLOG} messages`,
    });
    expect([...deliveredIds()].sort()).toEqual([...sent].sort());
    expect(receipts.every((r) => r.kind === 'DELIVERED' && r.byUserId === reader.userId)).toBe(true);
  });
});
