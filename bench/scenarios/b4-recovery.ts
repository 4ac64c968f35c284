import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from '../lib/cluster.js';
import {
  connectUsers,
  fmtInt,
  httpJson,
  sampler,
  waitForDeliveries,
  type Ctx,
  type ScenarioResult,
} from '../lib/context.js';
import type { RecoveryReport, RecoveryTimeline } from '../lib/generator-api.js';
import { LatencyHistogram, nowUs, type LatencySummary } from '../lib/histogram.js';
import { markedBody } from '../lib/wire.js';

const TARGET_MS = 15_000;
/** Users that send during the outage (HTTP only): the load spread under the per-user send limit. */
const SENDERS = 20;
/** Every this many devices, one gets private messages during the outage. */
const SAMPLE_EVERY = 10;
const RECOVERY_TIMEOUT_MS = 120_000;

interface Accepted {
  to: number | 'group';
  answeredUs: number;
}

/**
 * B4: recovery after a push server crash. N devices are logged in on one push server (with a sync
 * cursor: they are caught up, then track their cursor as cim.proto says), a second server runs and
 * is registered. The first is SIGKILLed; each device then does what the SDK does — backoff,
 * `POST /api/v1/sessions/refresh` (never a password login), TCP Login on the server the route
 * names with its cursor, catch-up until CaughtUp — while a sender keeps sending private messages
 * to a sample of the devices, and two group messages to all of them. Measured: the time until
 * every device is caught up on the other server and has every message sent meanwhile, by phase
 * (loss detected, refresh, connect + login, catch-up). Checked: no message lost.
 */
export async function runB4(ctx: Ctx): Promise<string | undefined> {
  const { cluster, sizes } = ctx;
  if (cluster.mode === 'embedded') return 'B4 needs two push server processes: skipped on embedded backends';
  const n = sizes.b4Devices;
  ctx.log(`B4 recovery after a push server crash: ${fmtInt(n)} devices, seeding and logging in…`);
  const doomed = await cluster.startServer('b4-crashing', 30_000);
  await cluster.startServer('b4-survivor', 30_000, { alongside: true });
  const devices = await cluster.seeder.users('b4d', n, doomed.id);
  const senders = await cluster.seeder.users('b4s', SENDERS, doomed.id);
  const groupId = await cluster.seeder.group(
    senders[0].uid,
    devices.map((d) => d.uid),
  );
  await connectUsers(ctx, devices, doomed, { heartbeatMs: 30_000, cursor: 0 });
  const sample = devices.filter((_, i) => i % SAMPLE_EVERY === 0);

  // One group message before the crash: every device has a cursor past 0 when it comes back.
  let nextIndex = 0;
  const send = (from: number, to: { userId: string } | { groupId: string }, index: number) =>
    httpJson<{ msgId?: string }>(
      'POST',
      `${cluster.routeUrl}/api/v1/messages`,
      { to, body: markedBody(index, nowUs(), sizes.bodySize), clientMsgId: `b4-${index}` },
      { authorization: `Bearer ${senders[from % SENDERS].token}` },
    );
  const warmUp = await send(0, { groupId }, nextIndex++);
  if (warmUp.status !== 200) throw new Error(`B4: the first group message was refused: ${JSON.stringify(warmUp)}`);
  await waitForDeliveries(ctx, n, { stallMs: 10_000 });

  await Promise.all(
    ctx.gens.map((g) =>
      g.armRecovery({
        routeUrl: cluster.routeUrl,
        localAddresses: ctx.localAddresses,
        backoffMinMs: 200,
        backoffMaxMs: 10_000,
        refreshConnections: 200,
      }),
    ),
  );
  const s = sampler(ctx);
  s.begin();
  ctx.log(`  SIGKILL the push server of ${fmtInt(n)} devices; sending to ${fmtInt(sample.length)} of them meanwhile`);
  const killedUs = nowUs();
  await doomed.crash();

  /** index → recipient uid or 'group', and when the route answered, for every message it accepted. */
  const accepted = new Map<number, Accepted>();
  const unanswered = new Set<Promise<void>>();
  const refused: Record<string, number> = {};
  let sending = true;
  const groupAtMs = [500, 3_000];
  const sender = (async () => {
    const intervalMs = 1000 / sizes.b4SendRate;
    for (let k = 0; sending; k++) {
      const index = nextIndex++;
      const elapsedMs = (nowUs() - killedUs) / 1000;
      const group = groupAtMs.length > 0 && elapsedMs >= groupAtMs[0];
      if (group) groupAtMs.shift();
      const target = group ? 'group' : sample[k % sample.length].uid;
      // Group messages come from the group's owner; private ones from each sender in turn.
      const answered: Promise<void> = send(group ? 0 : k, group ? { groupId } : { userId: String(target) }, index)
        .then(
          (r) => {
            if (r.status === 200) accepted.set(index, { to: target, answeredUs: nowUs() });
            else refused[r.status] = (refused[r.status] ?? 0) + 1;
          },
          (err: Error) => void (refused[err.message] = (refused[err.message] ?? 0) + 1),
        )
        .finally(() => unanswered.delete(answered));
      unanswered.add(answered);
      await sleep(intervalMs);
    }
  })();

  const deadline = Date.now() + RECOVERY_TIMEOUT_MS;
  let recovered = 0;
  while (Date.now() < deadline) {
    const progress = await Promise.all(ctx.gens.map((g) => g.progress()));
    recovered = progress.reduce((a, p) => a + p.devicesRecovered, 0);
    if (recovered >= n) break;
    await sleep(100);
  }
  // A little more sending once everyone is back; then every send answered (a slow route answers
  // late: what it accepted last is still being pushed), and the pushes landed.
  await sleep(1_000);
  sending = false;
  await sender;
  await Promise.all(unanswered);
  await waitForDeliveries(ctx, Number.MAX_SAFE_INTEGER, { stallMs: 3_000, quiet: true });
  const processes = s.end();
  const reports = await Promise.all(ctx.gens.map((g) => g.recoveryReport()));
  await Promise.all(ctx.gens.map((g) => g.closeAll()));
  // The survivor stays up: the next scenario's startServer (or the end of the run) stops it.
  const pushFailures = pushFailuresByServer(join(cluster.tmpDir, 'route.log'));
  return void ctx.results.push(
    result(ctx, n, killedUs, accepted, refused, reports, processes, s.machine, pushFailures),
  );
}

/**
 * Pushes the route gave up on, by push server, from its log: to the crashed server they are
 * expected; to the survivor, each is a live delivery its device gets only at its next reconnect.
 */
function pushFailuresByServer(routeLog: string): Record<string, number> {
  const out: Record<string, number> = {};
  let text = '';
  try {
    text = readFileSync(routeLog, 'utf8');
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    if (!line.includes('"msg":"push failed"')) continue;
    const server = /"serverId":"([^"]+)"/.exec(line)?.[1] ?? '?';
    out[server] = (out[server] ?? 0) + 1;
  }
  return out;
}

function result(
  ctx: Ctx,
  n: number,
  killedUs: number,
  accepted: Map<number, Accepted>,
  refused: Record<string, number>,
  reports: RecoveryReport[],
  processes: ScenarioResult['processes'],
  machine: ScenarioResult['machine'],
  pushFailuresByServer: Record<string, number>,
): ScenarioResult {
  const phases = {
    detectLoss: new LatencyHistogram(),
    refresh: new LatencyHistogram(),
    connectLogin: new LatencyHistogram(),
    catchUp: new LatencyHistogram(),
    complete: new LatencyHistogram(),
  };
  const failures: Record<string, number> = {};
  let attemptsMax = 0;
  let attemptsSum = 0;
  let expected = 0;
  let missing = 0;
  let notRecovered = 0;
  let lastCompleteUs = 0;
  const privateTo = new Map<number, number[]>();
  const groupIndices: number[] = [];
  for (const [index, m] of accepted) {
    if (m.to === 'group') groupIndices.push(index);
    else privateTo.set(m.to, [...(privateTo.get(m.to) ?? []), index]);
  }
  const missingSample: Record<string, unknown>[] = [];
  /** Where the devices that did not recover were left. */
  const stuck: Record<string, number> = {};
  for (const device of reports.flatMap((r) => r.devices)) {
    const t: RecoveryTimeline | null = device.timeline;
    for (const [k, v] of Object.entries(t?.failures ?? {})) failures[k] = (failures[k] ?? 0) + v;
    if (!t?.caughtUpAt) {
      notRecovered++;
      const stage = !t
        ? 'never lost its connection'
        : !t.refreshedAt
          ? 'refreshing'
          : !t.loginOkAt
            ? 'logging in'
            : 'catching up';
      stuck[stage] = (stuck[stage] ?? 0) + 1;
      continue;
    }
    attemptsMax = Math.max(attemptsMax, t.attempts);
    attemptsSum += t.attempts;
    phases.detectLoss.record(t.lostAt - killedUs);
    phases.refresh.record(t.refreshedAt - t.lostAt);
    phases.connectLogin.record(t.loginOkAt - t.refreshedAt);
    phases.catchUp.record(t.caughtUpAt - t.loginOkAt);
    // Done: caught up, and holding every message accepted for it before then (later ones are live pushes).
    const got = new Map(device.got);
    let doneUs = t.caughtUpAt;
    for (const index of [...groupIndices, ...(privateTo.get(device.uid) ?? [])]) {
      expected++;
      const arrived = got.get(index);
      if (arrived === undefined) {
        missing++;
        // When it was sent, against this device's own recovery (ms after the crash).
        if (missingSample.length < 20) {
          const at = (us: number) => (us ? Math.round((us - killedUs) / 1000) : null);
          const m = accepted.get(index)!;
          missingSample.push({
            index,
            to: m.to,
            answeredMs: at(m.answeredUs),
            refreshedMs: at(t.refreshedAt),
            loginOkMs: at(t.loginOkAt),
            caughtUpMs: at(t.caughtUpAt),
          });
        }
      } else if (accepted.get(index)!.answeredUs < t.caughtUpAt) doneUs = Math.max(doneUs, arrived);
    }
    phases.complete.record(doneUs - killedUs);
    lastCompleteUs = Math.max(lastCompleteUs, doneUs);
  }
  const seconds = (lastCompleteUs - killedUs) / 1e6;
  const ms = (h: LatencyHistogram): LatencySummary => h.summary();
  const complete = missing === 0 && notRecovered === 0;
  const notes: string[] = [];
  if (notRecovered)
    notes.push(`${fmtInt(notRecovered)} devices did not recover within ${RECOVERY_TIMEOUT_MS / 1000} s`);
  if (Object.keys(refused).length) notes.push(`sends refused during the outage: ${JSON.stringify(refused)}`);
  return {
    id: 'B4',
    name: `recovery of ${fmtInt(n)} devices after a push server SIGKILL`,
    params: {
      devices: n,
      sampleEvery: SAMPLE_EVERY,
      sendRate: ctx.sizes.b4SendRate,
      senders: SENDERS,
      backoff: 'SDK defaults: 200 ms … 10 s, full jitter',
      refreshConnectionsPerGenerator: 200,
    },
    rate: { value: Math.round(n / Math.max(seconds, 1e-3)), unit: 'devices/s' },
    units: n,
    latencyMs: ms(phases.complete),
    completeness: {
      expected,
      received: expected - missing,
      missing,
      duplicates: 0,
      ok: complete,
      detail: { notRecovered, redeliveredAndDropped: reports.reduce((a, r) => a + r.duplicates, 0) },
    },
    processes,
    machine,
    target: {
      text: `every device back with every message ≤ ${TARGET_MS / 1000} s`,
      met: complete && seconds * 1000 <= TARGET_MS,
    },
    extra: {
      secondsUntilAllRecovered: Math.round(seconds * 1000) / 1000,
      messagesSent: accepted.size,
      phasesMs: {
        detectLoss: ms(phases.detectLoss),
        refresh: ms(phases.refresh),
        connectLogin: ms(phases.connectLogin),
        catchUp: ms(phases.catchUp),
        complete: ms(phases.complete),
      },
      refreshAttempts: {
        mean: Math.round((attemptsSum / Math.max(1, n - notRecovered)) * 100) / 100,
        max: attemptsMax,
      },
      failedAttempts: failures,
      pushFailuresByServer,
      ...(missingSample.length ? { missingSample } : {}),
    },
    notes,
  };
}
