import type { Socket } from 'node:net';
import { startCluster, type CimCluster } from '../../devkit/cluster.js';
import { generousLimitEnv } from '../../devkit/generous-limits.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, RedisServer, uniquePrefix, waitFor } from '../harness/index.js';
import { ClientSockets } from '../support/client-sockets.js';
import { OutsideDevice, routeCall } from '../support/outside-device.js';
import { SimulatedDevice } from '../support/simulated-device.js';

/*
 * The promise of README "Guarantees", checked from the outside as a new user would: the cluster is
 * started with the README's own command lines (2 routes, 3 push servers, separate processes), and
 * the devices are SDK clients relying on their own reconnects plus TCP-only devices written from
 * proto/cim.proto and the README. While some 2,000 private and group messages are sent over HTTP,
 * push servers are SIGKILLed and started again with the same command line, routes are stopped
 * (SIGTERM) and started again, and about 100 device connections are reset. Two of the groups are
 * large (read diffusion), one of them crossing the threshold mid-way. At the end every answered
 * message has reached every device of every user it was addressed to.
 */

const MESSAGES = 2_000;
/** Every this many-th message goes to a group, the others are private. */
const GROUP_EVERY = 4;
/** The traffic goes in phases; each phase's fault happens while its messages are being sent. */
const PHASES = 10;
const SEND_CONCURRENCY = 16;
/** A send that fails (route away, 5xx) is retried with the same clientMsgId, this many times at most. */
const SEND_ATTEMPTS = 40;
/** One device connection is reset every this many messages sent. */
const RESET_EVERY = 24;
/**
 * Connections reset as a route begins to stop: their clients come back (refresh, catch-up) while
 * that route goes away. With the regular resets, about 100 in all.
 */
const RESETS_AT_ROUTE_STOP = 8;
/** After the last send, how long devices get to catch up. */
const SETTLE_MS = 20_000;

type Fault = { kind: 'kill-server' | 'restart-route'; index: number };
const FAULTS_BY_PHASE = new Map<number, Fault>([
  [1, { kind: 'kill-server', index: 0 }],
  [3, { kind: 'restart-route', index: 0 }],
  [4, { kind: 'kill-server', index: 1 }],
  [6, { kind: 'restart-route', index: 1 }],
  [7, { kind: 'kill-server', index: 2 }],
]);

type DeviceKind = 'sdk' | 'tcp';
const times = (n: number, kinds: DeviceKind[]) => Array.from({ length: n }, () => kinds);
/**
 * The devices of each user, by user index: SDK clients ('sdk') and TCP-only outside devices
 * ('tcp'). A user with two devices must get everything on both.
 */
const DEVICE_PLAN: DeviceKind[][] = [
  ...times(8, ['sdk']),
  ...times(4, ['sdk', 'sdk']),
  ...times(8, ['tcp']),
  ...times(2, ['tcp', 'tcp']),
  ...times(2, ['sdk', 'tcp']),
];
/** Groups by user index: each mixes SDK, TCP-only and two-device users. */
const GROUP_PLAN = [
  [0, 8, 12, 20, 22, 1],
  [2, 9, 13, 21, 23, 3],
  [10, 14, 15, 4, 11, 22],
];
/**
 * Groups of this many members or more are large (`CIM_LARGE_GROUP_MEMBERS`): their messages are
 * stored once and pushed without a cursor, and devices catch up on them by seq. The groups above
 * (6 members, SDK and TCP-only devices) are large from their creation; of the TCP-only ones below,
 * the first is large from its creation and the second crosses the threshold mid-traffic.
 */
const LARGE_GROUP_MEMBERS = 6;
/**
 * Large groups by user index. The first is large from its creation; the second is created small
 * and crosses the threshold when `joins` are added, before phase `at`, with its traffic before
 * and after.
 */
interface GroupPlan {
  members: number[];
  joins?: { at: number; members: number[] };
}
const LARGE_GROUP_PLAN: GroupPlan[] = [
  { members: [12, 13, 14, 15, 16, 17, 20] },
  { members: [18, 19, 21, 12, 13], joins: { at: 3, members: [14, 20] } },
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** A device of either kind, as the final check sees it. */
interface Device {
  label: string;
  kind: DeviceKind;
  /** Every message shown or delivered, duplicates included. */
  received(): { msgId: string; conversationId: string; seq: string }[];
  state(): string;
  problems(): string[];
}

interface User {
  name: string;
  userId: string;
  senderToken: string;
  devices: Device[];
}

interface Answer {
  msgId: string;
  conversationId: string;
  seq: string;
}

interface PlannedMessage {
  index: number;
  from: User;
  to: { userId: string } | { groupId: string };
  recipients: User[];
}

interface PlannedGroup {
  groupId: string;
  members: User[];
  /** Members added before phase `at`: they get the group's messages from then on. */
  joins?: { at: number; members: User[] };
}

/** The msgIds of `expected` the device has not received. */
function missingOf(device: Device, expected: Set<string>): string[] {
  const got = new Set(device.received().map((m) => m.msgId));
  return [...expected].filter((id) => !got.has(id));
}

/** What every device got against what it should have, and a line for each device that misses something. */
function tally(devices: Device[], expectedByDevice: Map<Device, Set<string>>) {
  let expectedDeliveries = 0;
  let missing = 0;
  let gaps = 0;
  // TCP-only devices: Delivers of a msgId they already had (dropped by their own dedupe). SDK
  // clients dedupe inside: a repeat there is a message shown twice.
  const duplicates = { tcp: 0, sdk: 0 };
  const report: string[] = [];
  for (const device of devices) {
    const expected = expectedByDevice.get(device)!;
    const received = device.received();
    const unique = new Map(received.map((m) => [m.msgId, m]));
    duplicates[device.kind] += received.length - unique.size;
    expectedDeliveries += expected.size;
    // A gap: a seq missing between the lowest and the highest one the device has, in one of its
    // conversations (a member added later starts after its join; what it misses before the
    // highest seq shows as missing messages anyway).
    const seqs = new Map<string, Set<string>>();
    for (const m of unique.values()) seqs.set(m.conversationId, (seqs.get(m.conversationId) ?? new Set()).add(m.seq));
    const deviceGaps = [...seqs.values()].reduce((n, s) => {
      const numbers = [...s].map(Number);
      return n + Math.max(...numbers) - Math.min(...numbers) + 1 - s.size;
    }, 0);
    gaps += deviceGaps;
    const deviceMissing = missingOf(device, expected);
    missing += deviceMissing.length;
    if (deviceMissing.length > 0 || deviceGaps > 0) {
      const shown = deviceMissing.slice(0, 8).join(', ') + (deviceMissing.length > 8 ? ', …' : '');
      const problems = device.problems().length ? `; last problems: ${device.problems().join(' | ')}` : '';
      report.push(
        `${device.label} (${device.kind}, ${device.state()}) misses ${deviceMissing.length} of ${expected.size} ` +
          `[${shown}], ${deviceGaps} seq gaps${problems}`,
      );
    }
  }
  return { expectedDeliveries, missing, gaps, duplicates, report };
}

describe('completeness seen from outside: README processes, SDK and TCP-only devices, crashes and resets', () => {
  const prefix = uniquePrefix('outside-completeness');
  let redis: RedisServer;
  let cluster: CimCluster;
  let sockets: ClientSockets;
  const sdkDevices: SimulatedDevice[] = [];
  const outsideDevices: OutsideDevice[] = [];
  const processErrors: string[] = [];

  beforeAll(async () => {
    redis = await RedisServer.start();
    // The README's command lines (`node bin/cim.js route …`, `… server …`, a load balancer in front of
    // the routes); only the limits a load test would hit are lifted, by their env vars, since those
    // limits have their own tests.
    cluster = await startCluster({
      redisUrl: redis.url,
      zkConnect: `${backends().zkConnect}${prefix}`,
      routes: 2,
      servers: 3,
      readmeFlagsOnly: true,
      logLevel: 'warn',
      env: {
        CIM_SEND_RATE: '100000',
        CIM_SEND_BURST: '100000',
        CIM_LARGE_GROUP_MEMBERS: String(LARGE_GROUP_MEMBERS),
        ...generousLimitEnv,
      },
      onLog: (name, line) => {
        if (/"level":(50|60)/.test(line)) processErrors.push(`${name}: ${line}`);
      },
    });
    sockets = new ClientSockets(new Set(cluster.servers.map((s) => s.tcpPort)));
  });

  afterAll(async () => {
    for (const device of outsideDevices) device.stop();
    await Promise.all(sdkDevices.map((d) => d.stop()));
    sockets?.close();
    await cluster?.stop();
    await redis?.stop();
  });

  /** An HTTP call that must succeed: setup, not under test. */
  async function call<T>(
    method: string,
    path: string,
    options: { body?: unknown; token?: string },
    status = 200,
  ): Promise<T> {
    const answer = await routeCall<T>(cluster.routeUrl, method, path, options);
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(status);
    return answer.body;
  }

  function sdkDevice(name: string, password: string, deviceId: string): Device {
    const device = new SimulatedDevice(cluster.routeUrl, name, password, deviceId);
    sdkDevices.push(device);
    return {
      label: device.label,
      kind: 'sdk',
      // Notices take seqs of their group too: without them every group would show a gap.
      received: () => device.runs.flatMap((run) => [...run.received, ...run.notices]),
      state: () => device.client?.state ?? 'off',
      problems: () => [],
    };
  }

  function outsideDevice(name: string, password: string, deviceId: string): Device {
    const device = new OutsideDevice(cluster.routeUrl, name, password, deviceId);
    outsideDevices.push(device);
    return {
      label: device.label,
      kind: 'tcp',
      received: () => device.deliveries,
      state: () => (device.kicked ? 'kicked' : device.isOnline ? 'online' : 'reconnecting'),
      problems: () => device.problems.slice(-3),
    };
  }

  it('delivers every answered message to every device it was addressed to', async () => {
    // --- users, their devices, an HTTP sender session each, groups ---
    // One at a time: every registration and login costs the route a password hash.
    const users: User[] = [];
    for (const [i, kinds] of DEVICE_PLAN.entries()) {
      const name = `u${String(i).padStart(2, '0')}`;
      const password = `password-${name}`;
      const { userId } = await call<{ userId: string }>(
        'POST',
        '/accounts',
        { body: { userName: name, password } },
        201,
      );
      const { token } = await call<{ token: string }>('POST', '/sessions', {
        body: { userName: name, password, deviceId: 'http-sender' },
      });
      const devices = kinds.map((kind, d) =>
        (kind === 'sdk' ? sdkDevice : outsideDevice)(name, password, `${kind}-${d + 1}`),
      );
      users.push({ name, userId, senderToken: token, devices });
    }
    for (const device of sdkDevices) await device.start();
    for (const device of outsideDevices) await device.start();
    const allDevices = users.flatMap((u) => u.devices);

    const groupPlans: GroupPlan[] = [...GROUP_PLAN.map((members) => ({ members })), ...LARGE_GROUP_PLAN];
    const groups: PlannedGroup[] = await Promise.all(
      groupPlans.map(async ({ members: indexes, joins }, g) => {
        const members = indexes.map((i) => users[i]);
        const { groupId } = await call<{ groupId: string }>(
          'POST',
          '/groups',
          { token: members[0].senderToken, body: { name: `group-${g}`, memberIds: members.map((m) => m.userId) } },
          201,
        );
        return {
          groupId,
          members,
          ...(joins ? { joins: { at: joins.at, members: joins.members.map((i) => users[i]) } } : {}),
        };
      }),
    );
    const perPhase = Math.ceil(MESSAGES / PHASES);
    /** Who gets the group's messages sent in `phase`. */
    const membersIn = (group: PlannedGroup, phase: number) =>
      group.joins && phase >= group.joins.at ? [...group.members, ...group.joins.members] : group.members;

    // --- the plan: private messages between random pairs, group messages from random members ---
    const plan: PlannedMessage[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      if (i % GROUP_EVERY === GROUP_EVERY - 1) {
        const group = pick(groups);
        const members = membersIn(group, Math.floor(i / perPhase));
        plan.push({ index: i, from: pick(members), to: { groupId: group.groupId }, recipients: members });
      } else {
        const from = pick(users);
        const to = pick(users.filter((u) => u !== from));
        plan.push({ index: i, from, to: { userId: to.userId }, recipients: [from, to] });
      }
    }

    // --- senders over HTTP, with a fault per phase and resets all along ---
    const answers = new Map<number, Answer>();
    const unanswered: string[] = [];
    let retriedSends = 0;
    let sent = 0;
    const resets = { sdk: 0, tcp: 0 };
    const faultsDone = { 'kill-server': 0, 'restart-route': 0 };
    const ownedByOutside = (socket: Socket) => outsideDevices.some((d) => d.owns(socket));

    /** Resets one device connection, TCP-only and SDK devices in turn. */
    const resetOneConnection = () => {
      const first: DeviceKind = (resets.sdk + resets.tcp) % 2 === 0 ? 'tcp' : 'sdk';
      for (const kind of [first, first === 'tcp' ? 'sdk' : 'tcp'] as const) {
        if (sockets.resetOne((socket) => ownedByOutside(socket) === (kind === 'tcp'))) {
          resets[kind]++;
          return;
        }
      }
    };

    const sendOne = async (message: PlannedMessage) => {
      const body = {
        to: message.to,
        body: `#${message.index} from ${message.from.name}`,
        clientMsgId: `m-${message.index}`,
      };
      let last = '';
      for (let attempt = 1; attempt <= SEND_ATTEMPTS; attempt++) {
        const answer = await routeCall<Answer>(cluster.routeUrl, 'POST', '/messages', {
          token: message.from.senderToken,
          body,
        }).catch((err: Error) => ({ status: 0, body: err.message }));
        if (answer.status === 200) {
          answers.set(message.index, answer.body as Answer);
          return;
        }
        // A client mistake would be a bug of this test: stop at once.
        const retriable = answer.status === 0 || answer.status === 429 || answer.status >= 500;
        if (!retriable) throw new Error(`send #${message.index}: ${answer.status} ${JSON.stringify(answer.body)}`);
        last = `${answer.status} ${JSON.stringify(answer.body)}`;
        retriedSends++;
        await pause(Math.min(1_000, 50 * attempt));
      }
      unanswered.push(`#${message.index} (${last})`);
    };

    const runFault = async (fault: Fault) => {
      if (fault.kind === 'kill-server') {
        // A crash, then the very same command line again.
        await cluster.servers[fault.index].stop('SIGKILL');
        await cluster.servers[fault.index].start();
      } else {
        const route = cluster.routes[fault.index];
        const stopped = route.stop('SIGTERM');
        for (let i = 0; i < RESETS_AT_ROUTE_STOP; i++) resetOneConnection();
        await stopped;
        await route.start();
      }
      faultsDone[fault.kind]++;
    };

    const started = Date.now();
    for (let phase = 0; phase < PHASES; phase++) {
      for (const group of groups)
        if (group.joins?.at === phase) {
          // Between phases: the group crosses the threshold with the traffic of the phases before
          // it (written to streams) and after it (stored once).
          await call('POST', `/groups/${group.groupId}/members`, {
            token: group.members[0].senderToken,
            body: { userIds: group.joins.members.map((m) => m.userId) },
          });
        }
      const queue = plan.slice(phase * perPhase, (phase + 1) * perPhase);
      const fault = FAULTS_BY_PHASE.get(phase);
      const faultDone = fault ? runFault(fault) : Promise.resolve();
      await Promise.all(
        Array.from({ length: SEND_CONCURRENCY }, async () => {
          for (let message = queue.shift(); message; message = queue.shift()) {
            await sendOne(message);
            if (++sent % RESET_EVERY === 0) resetOneConnection();
          }
        }),
      );
      await faultDone;
    }
    const sendingMs = Date.now() - started;

    // --- what each device should have: its user's private conversations and groups ---
    const expectedByDevice = new Map<Device, Set<string>>(allDevices.map((d) => [d, new Set()]));
    for (const message of plan) {
      const answer = answers.get(message.index);
      if (!answer) continue;
      for (const user of message.recipients)
        for (const device of user.devices) expectedByDevice.get(device)!.add(answer.msgId);
    }
    // --- a bounded settle for catch-up, then the figures ---
    const settled = await waitFor(() => allDevices.every((d) => missingOf(d, expectedByDevice.get(d)!).length === 0), {
      timeoutMs: SETTLE_MS,
      intervalMs: 200,
    }).catch(() => false);
    const settleMs = Date.now() - started - sendingMs;

    const { expectedDeliveries, missing, gaps, duplicates, report } = tally(allDevices, expectedByDevice);
    const figures = {
      devices: allDevices.length,
      sdkDevices: sdkDevices.length,
      tcpOnlyDevices: outsideDevices.length,
      twoDeviceUsers: users.filter((u) => u.devices.length > 1).length,
      messagesSent: plan.length,
      answered: answers.size,
      unanswered: unanswered.length,
      retriedSends,
      pushServerKills: faultsDone['kill-server'],
      routeRestarts: faultsDone['restart-route'],
      connectionResets: resets.sdk + resets.tcp,
      expectedDeliveries,
      missing,
      gaps,
      duplicatesBeforeDedupe: duplicates.tcp,
      // Large groups' messages reach TCP-only devices without a cursor, live or caught up by seq.
      largeGroupDeliveries: outsideDevices.reduce((n, d) => n + d.deliveries.filter((m) => m.cursor === '0').length, 0),
      shownTwiceBySdk: duplicates.sdk,
      sendingMs,
      settleMs,
    };
    console.log(`outside completeness: ${JSON.stringify(figures)}`);
    if (report.length > 0) {
      console.log(`outside completeness, devices that miss messages:\n  ${report.join('\n  ')}`);
      if (processErrors.length > 0) console.log(`first process errors:\n  ${processErrors.slice(0, 5).join('\n  ')}`);
    }

    expect(faultsDone).toEqual({ 'kill-server': 3, 'restart-route': 2 });
    expect(figures.largeGroupDeliveries).toBeGreaterThan(0);
    expect(resets.sdk + resets.tcp).toBeGreaterThanOrEqual(90);
    expect(resets.sdk).toBeGreaterThan(0);
    expect(resets.tcp).toBeGreaterThan(0);
    expect(unanswered, 'sends never answered after retries').toEqual([]);
    expect(duplicates.sdk, 'messages an SDK client showed twice').toBe(0);
    expect({ settled, missing, gaps, devicesMissing: report }).toEqual({
      settled: true,
      missing: 0,
      gaps: 0,
      devicesMissing: [],
    });
  }, 300_000);
});
