import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCluster } from '@cim/cli';
import { INTERNAL_EVENTS_PATH, type EventsResponse, type ServerEvent, type TokenClaims } from '@cim/common';
import { generousLimits } from '../../devkit/generous-limits.js';
import { signUp, type SignedUpUser } from '../support/accounts.js';
import { RawClient } from '../support/raw-client.js';
import { onSharedRedis, startTestCluster } from '../support/test-cluster.js';

const secret = 'events-answer-secret-0123456789abcdef';

const claimsOf = (token: string): TokenClaims =>
  JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as TokenClaims;

/**
 * The route's answer to a push server's events batch carries the deliveries of the private messages
 * it stored for devices on that server, but only to a server that says it writes them: a server of
 * an older version (during a rolling upgrade) gets them as push requests, so its devices still get
 * them live.
 */
describe("the route's answer to a batch of sends", () => {
  let cluster: LocalCluster;
  const raws: RawClient[] = [];
  let n = 0;

  beforeAll(async () => {
    cluster = await startTestCluster({ secret, ...onSharedRedis('events-answer'), route: generousLimits });
  });

  afterAll(async () => {
    for (const raw of raws) raw.close();
    await cluster?.stop();
  });

  /** A sender (logged in over HTTP) and a recipient connected to the push server over TCP. */
  async function pair(): Promise<{ alice: SignedUpUser; bob: SignedUpUser; bobPhone: RawClient }> {
    const alice = await signUp(cluster.routeUrl, `alice${++n}`, { deviceId: 'phone' });
    const bob = await signUp(cluster.routeUrl, `bob${n}`, { deviceId: 'phone' });
    const bobPhone = await RawClient.connect(cluster.servers[0].tcpAddress.port);
    raws.push(bobPhone);
    bobPhone.send({ requestId: 1, login: { token: bob.token } });
    await bobPhone.next('loginOk');
    return { alice, bob, bobPhone };
  }

  /** Posts alice's send as the push server would relay it. */
  async function relaySend(
    alice: SignedUpUser,
    to: string,
    body: string,
    takesPush?: boolean,
  ): Promise<EventsResponse> {
    const { sid } = claimsOf(alice.token);
    const send: ServerEvent = {
      type: 'send',
      userId: alice.userId,
      userName: alice.userName,
      deviceId: 'phone',
      sessionId: sid,
      requestId: 7,
      send: { clientMsgId: body, to: { userId: to }, body },
    };
    const res = await fetch(`${cluster.routeUrl}${INTERNAL_EVENTS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ serverId: cluster.servers[0].id, events: [send], ...(takesPush ? { takesPush } : {}) }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as EventsResponse;
  }

  it('carries them to a server that takes them', async () => {
    const { alice, bob } = await pair();

    const answer = await relaySend(alice, bob.userId, 'carried', true);

    expect(answer.results).toMatchObject([{ requestId: 7, sendResult: { clientMsgId: 'carried' } }]);
    const carried = answer.push?.deliveries ?? [];
    expect(carried.map((d) => d.message.body)).toEqual(['carried']);
    // Bob's phone, and the session alice's login placed on that server.
    expect(carried[0].targets.map((t) => t.userId).sort()).toEqual([alice.userId, bob.userId].sort());
  });

  it('pushes them by request to a server that does not say it takes them', async () => {
    const { alice, bob, bobPhone } = await pair();

    const answer = await relaySend(alice, bob.userId, 'pushed');

    expect(answer.results).toMatchObject([{ requestId: 7, sendResult: { clientMsgId: 'pushed' } }]);
    expect(answer.push).toBeUndefined();
    expect((await bobPhone.next('deliver')).deliver.message?.body).toBe('pushed');
  });
});
