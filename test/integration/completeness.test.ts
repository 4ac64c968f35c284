import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CimError, ErrorCodes, type Destination } from '@cim/common';
import { silentLogger, ZkRegistry } from '@cim/common/server';
import { type LocalCluster } from '@cim/cli';
import { RouteApi, type SendAnswer } from '@cim/client';
import { PushServer } from '@cim/server';
import { backends, isolatedBackends, uniquePrefix, waitFor } from '../harness/index.js';
import { expectShownExactlyOnceInOrder, SimulatedDevice } from '../support/simulated-device.js';
import { generousLimits } from '../../devkit/generous-limits.js';
import { startPushServerProcess, type ServerProcess } from '../../devkit/cluster.js';
import { startTestCluster } from '../support/test-cluster.js';

/*
 * docs/design.md#delivery-guarantee, completeness: many users on many devices, thousands of private and group messages
 * sent concurrently while devices keep going off and coming back as new app runs, one push server
 * is restarted gracefully and another (a process of its own) is SIGKILLed. Groups of
 * LARGE_GROUP_MEMBERS or more are large (read-diffused: their messages are in no member's stream,
 * devices read them by seq); one group crosses that threshold while messages are being sent to it,
 * by a member added then. At the end every device of every recipient has shown every message addressed to its user
 * exactly once, and each run showed each conversation in seq order.
 */

const USERS = 24;
const TWO_DEVICE_USERS = 8;
const PRIVATE_MESSAGES = 1_500;
const GROUP_MESSAGES = 500;
const SEND_CONCURRENCY = 24;
const MAX_DEVICES_OFF = 3;
/** The route's threshold for large groups: most groups here are large, one stays small, one crosses it. */
const LARGE_GROUP_MEMBERS = 3;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const shuffle = <T>(items: T[]): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
};

interface User {
  name: string;
  userId: string;
  devices: SimulatedDevice[];
}

interface PlannedMessage {
  index: number;
  from: User;
  to: Destination;
  body: string;
  clientMsgId: string;
}

describe('completeness under churn, on Redis + ZooKeeper with three push servers', () => {
  const prefix = uniquePrefix('completeness');
  let cluster: LocalCluster;
  /** A push server in a process of its own, to be SIGKILLed. */
  let crashable: ServerProcess;
  const extraRegistries: ZkRegistry[] = [];
  const users: User[] = [];
  const devices = () => users.flatMap((u) => u.devices);

  beforeAll(async () => {
    cluster = await startTestCluster({
      servers: 2,
      ...isolatedBackends(prefix),
      // The default limits would throttle a load test; they are tested elsewhere.
      route: {
        ...generousLimits,
        sendRatePerSec: 100_000,
        sendBurst: 100_000,
        largeGroupMembers: LARGE_GROUP_MEMBERS,
      },
    });
    crashable = await startPushServerProcess({
      id: 'crashable',
      zkConnect: backends().zkConnect + prefix,
      routeUrl: cluster.routeUrl,
      secret: cluster.secret,
      // Gone from the route's list soon after the SIGKILL, so reconnects stop landing on it.
      env: { CIM_ZK_SESSION_TIMEOUT_MS: '2000' },
    });
    await waitFor(() => cluster.route.liveServers().length === 3, {
      timeoutMs: 10_000,
      message: 'the route to see all three push servers',
    });
  });

  afterAll(async () => {
    await Promise.all(devices().map((d) => d.stop()));
    await crashable?.stop('SIGKILL');
    await cluster?.stop();
    await Promise.all(extraRegistries.map((r) => r.close()));
  });

  /**
   * Stops a push server gracefully (its clients get Redirect and log in again through the route) and
   * starts a new one in its place. Returns how many devices were on it.
   */
  async function restartPushServer(index: number): Promise<number> {
    const { zkConnect } = backends();
    const old = cluster.servers[index];
    const onOld = devices().filter((d) => d.client?.info().serverId === old.id);
    await old.stop({ drainTimeoutMs: 5_000 });
    await waitFor(() => onOld.every((d) => !d.isOnline || d.client!.info().serverId !== old.id), {
      timeoutMs: 10_000,
      message: `the devices of ${old.id} to move`,
    });
    const registry = new ZkRegistry({ connect: `${zkConnect}${prefix}` });
    extraRegistries.push(registry);
    const replacement = new PushServer({
      secret: cluster.secret,
      routeUrl: cluster.routeUrl,
      registry,
      logger: silentLogger,
    });
    await replacement.start();
    cluster.servers[index] = replacement;
    return onOld.length;
  }

  it('shows every private and group message exactly once, in order, on every device of every recipient', async () => {
    // --- users, devices, groups ---
    const api = new RouteApi(cluster.routeUrl);
    users.push(
      ...(await Promise.all(
        Array.from({ length: USERS }, async (_, i) => {
          const name = `user${String(i).padStart(2, '0')}`;
          const { userId } = await api.register(name, `password-${name}`);
          const deviceIds = i < TWO_DEVICE_USERS ? ['phone', 'laptop'] : ['phone'];
          return {
            name,
            userId,
            devices: deviceIds.map((id) => new SimulatedDevice(cluster.routeUrl, name, `password-${name}`, id)),
          };
        }),
      )),
    );
    await Promise.all(devices().map((d) => d.start()));
    const landedOn = new Set(devices().map((d) => d.client!.info().serverId));
    expect(landedOn.size).toBe(3);

    // Three overlapping large groups of five, two-device users in the first two; a small group of
    // two; a group of two that becomes large when user03 (two devices) is added mid-way. Users
    // 17–23 are in none.
    const groupSpecs = [
      users.slice(0, 5),
      users.slice(4, 9),
      users.slice(8, 13),
      users.slice(13, 15),
      users.slice(15, 17),
    ];
    const groups = await Promise.all(
      groupSpecs.map(async (members, i) => {
        const group = await members[0].devices[0].client!.api.createGroup(
          `group-${i}`,
          members.map((m) => m.userId),
        );
        expect(group.memberIds.sort()).toEqual(members.map((m) => m.userId).sort());
        return { groupId: group.groupId, members };
      }),
    );
    const crossing = groups[4];
    const joiner = users[3];

    // --- the plan: private messages between random pairs, group messages from random members ---
    const kinds = [
      ...Array<'private'>(PRIVATE_MESSAGES).fill('private'),
      ...Array<'group'>(GROUP_MESSAGES).fill('group'),
    ];
    const plan: PlannedMessage[] = shuffle(kinds).map((kind, index) => {
      if (kind === 'group') {
        const group = pick(groups);
        const from = pick(group.members);
        return {
          index,
          from,
          to: { groupId: group.groupId },
          body: `#${index} ${from.name}→group-${group.groupId}`,
          clientMsgId: `c-${index}`,
        };
      }
      const from = pick(users);
      const recipient = pick(users.filter((u) => u !== from));
      return {
        index,
        from,
        to: { userId: recipient.userId },
        body: `#${index} ${from.name}→${recipient.name}`,
        clientMsgId: `c-${index}`,
      };
    });

    // --- senders, chaos and one graceful server restart, all at once ---
    const answers = new Map<number, SendAnswer>();
    let retriedSends = 0;
    const unsent = [...plan];
    let sendingDone = false;

    /** Sends through a device of the sender that is on; one switched off mid-send means: again, same clientMsgId. */
    const sendOne = async (message: PlannedMessage) => {
      const giveUpAt = Date.now() + 30_000;
      for (;;) {
        const device = message.from.devices.find((d) => d.isOnline);
        if (!device) {
          await pause(20);
          continue;
        }
        try {
          answers.set(
            message.index,
            await device.client!.send(message.to, message.body, { clientMsgId: message.clientMsgId }),
          );
          return;
        } catch (err) {
          // A device switched off mid-send logged out: its call ends with CLOSED, or with the
          // ended session's SESSION_ENDED / BAD_TOKEN.
          const retriable =
            err instanceof CimError &&
            (
              [ErrorCodes.CLOSED, ErrorCodes.UNAVAILABLE, ErrorCodes.BAD_TOKEN, ErrorCodes.SESSION_ENDED] as string[]
            ).includes(err.code);
          if (!retriable || Date.now() > giveUpAt) throw err;
          retriedSends++;
          await pause(20);
        }
      }
    };
    /** Takes the first unsent message whose sender has a device on (the others wait their turn). */
    const takeSendable = () => {
      const i = unsent.findIndex((m) => m.from.devices.some((d) => d.isOnline));
      return i === -1 ? undefined : unsent.splice(i, 1)[0];
    };
    const sender = async () => {
      while (unsent.length > 0) {
        const message = takeSendable();
        if (message) await sendOne(message);
        else await pause(20);
      }
    };

    let restarts = 0;
    const offNow = new Set<SimulatedDevice>();
    const cycles: Promise<void>[] = [];
    const switchOffAndOn = async (device: SimulatedDevice) => {
      offNow.add(device);
      try {
        await device.stop();
        await pause(randomInt(20, 400));
        await device.start();
        restarts++;
      } finally {
        offNow.delete(device);
      }
    };
    const chaos = async () => {
      while (!sendingDone) {
        await pause(randomInt(50, 150));
        if (offNow.size >= MAX_DEVICES_OFF) continue;
        const device = pick(devices().filter((d) => !offNow.has(d) && d.isOnline));
        if (device) cycles.push(switchOffAndOn(device));
      }
    };
    const whenSent = (share: number) =>
      waitFor(() => sendingDone || answers.size >= plan.length * share, {
        timeoutMs: 90_000,
        message: `${share * 100}% of the messages to be sent`,
      });
    let movedByRestart = 0;
    const serverRestart = async () => {
      await whenSent(0.4);
      if (!sendingDone) movedByRestart = await restartPushServer(0);
    };
    let onCrashed = 0;
    const serverCrash = async () => {
      await whenSent(0.6);
      onCrashed = devices().filter((d) => d.client?.info().serverId === crashable.id).length;
      await crashable.stop('SIGKILL');
    };
    /** The crossing group reaches the threshold while its members keep sending to it. */
    const crossThreshold = async () => {
      await whenSent(0.25);
      const inviter = crossing.members[0].devices[0];
      await waitFor(() => inviter.isOnline, { timeoutMs: 10_000, message: `${inviter.label} to be on` });
      const group = await inviter.client!.api.invite(crossing.groupId, [joiner.userId]);
      expect(group.memberIds).toContain(joiner.userId);
      crossing.members.push(joiner);
    };

    const started = Date.now();
    const chaosDone = chaos();
    const restartDone = serverRestart();
    const crashDone = serverCrash();
    const crossDone = crossThreshold();
    try {
      await Promise.all(Array.from({ length: SEND_CONCURRENCY }, sender));
    } finally {
      // Also when a send failed: no switching devices on and off behind the teardown's back.
      sendingDone = true;
      await chaosDone;
      await restartDone;
      await crashDone;
      await crossDone;
      await Promise.all(cycles);
    }
    for (const device of devices()) if (!device.client) await device.start();
    const sendingMs = Date.now() - started;

    // The notice of user03's joining the crossing group: what it was sent after that, user03 must have.
    const crossingConversation = `g:${crossing.groupId}`;
    const joinNotice = () =>
      crossing.members[0].devices[0].runs
        .flatMap((run) => run.notices)
        .find((n) => n.conversationId === crossingConversation && n.notice?.userIds.includes(joiner.userId));
    await waitFor(() => joinNotice() !== undefined, {
      timeoutMs: 30_000,
      message: 'the notice of user03 joining the crossing group',
    });
    const joinSeq = Number(joinNotice()!.seq);

    // --- the store's view: every conversation's seqs are exactly 1..n (no message stored twice); a
    // group's seq 1 is the notice of its creation, so its messages are 2..n+1 (around the joining
    // notice in the crossing group) ---
    expect(answers.size).toBe(plan.length);
    const seqsByConversation = new Map<string, number[]>();
    for (const answer of answers.values()) {
      const seqs = seqsByConversation.get(answer.conversationId) ?? [];
      seqs.push(Number(answer.seq));
      seqsByConversation.set(answer.conversationId, seqs);
    }
    for (const [conversationId, seqs] of seqsByConversation) {
      const first = conversationId.startsWith('g:') ? 2 : 1;
      const storedSeqs = seqs.map((_, i) => i + first);
      const expected =
        conversationId === crossingConversation
          ? [...storedSeqs, storedSeqs.length + first].filter((seq) => seq !== joinSeq)
          : storedSeqs;
      expect(
        seqs.sort((a, b) => a - b),
        conversationId,
      ).toEqual(expected);
    }
    expect(new Set([...answers.values()].map((a) => a.msgId)).size).toBe(plan.length);

    // --- what each user should have: private to or from them, and their groups' messages (user03
    // those of the crossing group sent after its joining, and may have those just before) ---
    const expectedByUser = new Map(users.map((u) => [u.userId, new Set<string>()]));
    const allowedToJoiner = new Set<string>();
    for (const message of plan) {
      const { msgId, seq } = answers.get(message.index)!;
      const to = message.to;
      if ('groupId' in to && to.groupId === crossing.groupId && Number(seq) < joinSeq) {
        for (const m of crossing.members) if (m !== joiner) expectedByUser.get(m.userId)!.add(msgId);
        allowedToJoiner.add(msgId);
        continue;
      }
      const recipients =
        'groupId' in to
          ? groups.find((g) => g.groupId === to.groupId)!.members.map((m) => m.userId)
          : 'userId' in to
            ? [to.userId, message.from.userId]
            : [];
      for (const userId of recipients) expectedByUser.get(userId)!.add(msgId);
    }

    for (const user of users) {
      const expected = expectedByUser.get(user.userId)!;
      for (const device of user.devices) {
        await waitFor(() => device.hasAll(expected), {
          timeoutMs: 30_000,
          message: `${device.label} to have all ${expected.size} of its messages`,
        });
      }
    }
    const catchUpMs = Date.now() - started - sendingMs;
    // Anything extra (a repeat, a stray) would be on its way already; give it a moment to show.
    await pause(500);

    const byMsgId = new Map(plan.map((p) => [answers.get(p.index)!.msgId, { plan: p, answer: answers.get(p.index)! }]));
    let deliveries = 0;
    /** How group messages came: with a stream cursor, or as a large group's (no cursor), live or by a catch-up. */
    const groupArrivals = { smallGroup: new Set<string>(), largeLive: 0, largeSynced: 0 };
    for (const user of users) {
      for (const device of user.devices) {
        expectShownExactlyOnceInOrder(
          device,
          expectedByUser.get(user.userId)!,
          user === joiner ? allowedToJoiner : undefined,
        );
        for (const run of device.runs) {
          for (const [k, m] of run.received.entries()) {
            const sent = byMsgId.get(m.msgId)!;
            const { cursor, synced } = run.arrivals[k];
            if ('groupId' in m.to) {
              if (m.to.groupId === groups[3].groupId)
                groupArrivals.smallGroup.add(cursor === '0' ? 'no cursor' : 'cursor');
              else if (cursor === '0' && synced) groupArrivals.largeSynced++;
              else if (cursor === '0') groupArrivals.largeLive++;
            }
            expect(m).toMatchObject({
              body: sent.plan.body,
              conversationId: sent.answer.conversationId,
              seq: sent.answer.seq,
              fromUserId: sent.plan.from.userId,
            });
            deliveries++;
          }
        }
      }
    }

    expect(restarts).toBeGreaterThan(20);
    expect(movedByRestart).toBeGreaterThan(0);
    expect(onCrashed).toBeGreaterThan(0);
    // The large groups were read-diffused (pushed without a cursor, and read by seq after a
    // reconnect); the small one was not.
    expect(groupArrivals.largeLive).toBeGreaterThan(0);
    expect(groupArrivals.largeSynced).toBeGreaterThan(0);
    expect([...groupArrivals.smallGroup]).toEqual(['cursor']);
    const runs = devices().reduce((n, d) => n + d.runs.length, 0);
    console.log(
      `completeness: ${plan.length} messages (${PRIVATE_MESSAGES} private, ${GROUP_MESSAGES} group), ${deliveries} deliveries to ${devices().length} devices, ` +
        `${restarts} device restarts (${runs} client runs), ${retriedSends} retried sends, ` +
        `${groupArrivals.largeLive} large-group messages shown live and ${groupArrivals.largeSynced} by a catch-up, ` +
        `1 push server restart (${movedByRestart} devices redirected), 1 push server SIGKILLed (${onCrashed} devices on it); sending ${sendingMs} ms, final catch-up ${catchUpMs} ms`,
    );
  }, 300_000);
});
