import { INTERNAL_PUSH_PATH, type ChatMessage } from '@cim/common';
import type { PushServerHandle } from '../lib/cluster.js';
import {
  collectAll,
  completenessOf,
  connectUsers,
  fmtInt,
  httpJson,
  sampler,
  waitForDeliveries,
  WireCounter,
  type Ctx,
  type ScenarioResult,
} from '../lib/context.js';
import { nowUs } from '../lib/histogram.js';
import type { SeededUser } from '../lib/seed.js';
import { markedBody } from '../lib/wire.js';

const TARGET = 1_000_000;

/**
 * B1: N clients logged in on ONE push server; messages fanned out to all of them.
 *  - direct broadcast: POST /internal/v1/push {broadcasts:[M messages]} straight to the server;
 *  - direct deliveries: {deliveries:[{message, targets: N users}] × M}, what the route sends for
 *    M group messages of one event-loop turn (one cursor per recipient);
 *  - route group: POST /api/v1/messages to a group of N, one after another (stored, then pushed);
 *  - route broadcast: POST /api/v1/messages {broadcast:true}, one after another.
 */
export async function runB1(
  ctx: Ctx,
  n: number,
  variants: Set<string>,
  /** `transport`: how the clients connect; `tag` keeps the users and server of this run apart from another B1's. */
  options: { transport?: 'tcp' | 'ws'; tag?: string } = {},
): Promise<void> {
  const { cluster, sizes } = ctx;
  const tag = options.tag ?? '';
  ctx.log(`B1 fan-out, N = ${fmtInt(n)}${tag ? ` (${tag})` : ''}: seeding users and logging in…`);
  const server = await cluster.startServer(`b1-${n}${tag}`, 30_000);
  const users = await cluster.seeder.users(`b1n${n}${tag}u`, n, server.id);
  const groupId = await cluster.seeder.group(
    users[0].uid,
    users.map((u) => u.uid),
  );
  await connectUsers(ctx, users, server, { heartbeatMs: 30_000, transport: options.transport });

  const direct = sizes.b1Direct(n);
  if (variants.has('broadcast'))
    ctx.results.push(await directPush(ctx, server, users, 'broadcast', direct.perRequest, direct.requests));
  const targeted = sizes.b1DirectTargets(n);
  if (variants.has('deliveries'))
    ctx.results.push(await directPush(ctx, server, users, 'deliveries', targeted.perRequest, targeted.requests));
  if (variants.has('group'))
    ctx.results.push(await viaRoute(ctx, server, users, { groupId }, sizes.b1RouteMessages(n)));
  if (variants.has('route-broadcast'))
    ctx.results.push(await viaRoute(ctx, server, users, { broadcast: true }, sizes.b1RouteMessages(n)));

  await Promise.all(ctx.gens.map((g) => g.closeAll()));
}

function chatMessage(index: number, sendUs: number, bodySize: number, to: ChatMessage['to']): ChatMessage {
  return {
    msgId: String(1_000_000 + index),
    conversationId: 'g:bench',
    seq: String(index + 1),
    fromUserId: '1',
    fromUserName: 'bench',
    to,
    body: markedBody(index, sendUs, bodySize),
    ts: String(Math.floor(sendUs / 1000)),
    clientMsgId: `bench-${index}`,
  };
}

async function directPush(
  ctx: Ctx,
  server: PushServerHandle,
  users: SeededUser[],
  kind: 'broadcast' | 'deliveries',
  perRequest: number,
  requests: number,
): Promise<ScenarioResult> {
  const n = users.length;
  const total = perRequest * requests;
  ctx.log(`  direct ${kind}: ${requests} requests × ${perRequest} messages → ${fmtInt(total * n)} deliveries`);
  await Promise.all(ctx.gens.map((g) => g.expect({ kind: 'fanout', messages: total })));
  // Targets do not change between messages: their JSON is built once.
  const targetsJson =
    kind === 'deliveries'
      ? JSON.stringify(users.map((u, i) => ({ userId: String(u.uid), cursor: String(1_000_000 + i) })))
      : '';
  const url = `http://127.0.0.1:${server.httpPort}${INTERNAL_PUSH_PATH}`;
  const headers = { authorization: `Bearer ${ctx.cluster.secret}` };
  const body = (r: number) => {
    const messages: string[] = [];
    for (let k = 0; k < perRequest; k++) {
      const m = JSON.stringify(chatMessage(r * perRequest + k, nowUs(), ctx.sizes.bodySize, { groupId: '1' }));
      messages.push(kind === 'broadcast' ? m : `{"message":${m},"targets":${targetsJson}}`);
    }
    return kind === 'broadcast' ? `{"broadcasts":[${messages.join(',')}]}` : `{"deliveries":[${messages.join(',')}]}`;
  };

  const s = sampler(ctx);
  s.begin();
  const startUs = nowUs();
  let written = 0;
  let next = 0;
  const pushTimes: number[] = [];
  // Two requests in flight, as the route's dispatcher keeps the server busy.
  const worker = async () => {
    while (next < requests) {
      const r = next++;
      const t = nowUs();
      const res = await httpJson<{ written: number }>('POST', url, body(r), headers);
      pushTimes.push((nowUs() - t) / 1000);
      if (res.status !== 200) throw new Error(`push answered ${res.status}: ${JSON.stringify(res.body)}`);
      written += res.body.written;
    }
  };
  await Promise.all([worker(), worker()]);
  await waitForDeliveries(ctx, total * n);
  const processes = s.end();
  const c = await collectAll(ctx);
  const seconds = (c.lastRecvUs - startUs) / 1e6;
  const rate = c.delivered / seconds;
  pushTimes.sort((a, b) => a - b);
  return {
    id: 'B1',
    name: `fan-out N=${fmtInt(n)}, direct ${kind === 'broadcast' ? 'broadcast' : 'deliveries (per-user cursors)'}`,
    params: { n, kind, messagesPerRequest: perRequest, requests, bodyBytes: ctx.sizes.bodySize, inFlightRequests: 2 },
    rate: { value: Math.round(rate), unit: 'deliveries/s' },
    units: c.delivered,
    latencyMs: c.latency.summary(),
    completeness: completenessOf(c),
    processes,
    machine: s.machine,
    target: { text: `≥ ${fmtInt(TARGET)} deliveries/s`, met: rate >= TARGET },
    extra: {
      framesWrittenByServer: written,
      seconds: Math.round(seconds * 1000) / 1000,
      pushRequestMs: { p50: pushTimes[Math.floor(pushTimes.length / 2)], max: pushTimes[pushTimes.length - 1] },
    },
    notes: [],
  };
}

async function viaRoute(
  ctx: Ctx,
  server: PushServerHandle,
  users: SeededUser[],
  to: { groupId: string } | { broadcast: true },
  count: number,
): Promise<ScenarioResult> {
  const n = users.length;
  const kind = 'groupId' in to ? 'group' : 'broadcast';
  // Different senders for the two kinds: the per-user send limit (burst 50) applies to each.
  const sender = kind === 'group' ? users[0] : users[1];
  ctx.log(`  route ${kind}: ${count} messages one after another → ${fmtInt(count * n)} deliveries`);
  await Promise.all(ctx.gens.map((g) => g.expect({ kind: 'fanout', messages: count })));
  const url = `${ctx.cluster.routeUrl}/api/v1/messages`;
  const headers = { authorization: `Bearer ${sender.token}` };
  const s = sampler(ctx);
  s.begin();
  const startUs = nowUs();
  const answerMs: number[] = [];
  const statuses: Record<string, number> = {};
  const wire = new WireCounter(ctx, server);
  await wire.begin();
  for (let i = 0; i < count; i++) {
    const t = nowUs();
    const res = await httpJson(
      'POST',
      url,
      { to, body: markedBody(i, t, ctx.sizes.bodySize), clientMsgId: `b1-${kind}-${n}-${i}` },
      headers,
    );
    answerMs.push((nowUs() - t) / 1000);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status !== 200) ctx.log(`    send answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  await waitForDeliveries(ctx, count * n);
  const processes = s.end();
  const c = await collectAll(ctx);
  const wireCounts = await wire.end(c.delivered);
  const seconds = (c.lastRecvUs - startUs) / 1e6;
  const rate = c.delivered / seconds;
  answerMs.sort((a, b) => a - b);
  return {
    id: 'B1',
    name: `fan-out N=${fmtInt(n)}, via route (${kind} message)`,
    params: { n, kind, messages: count, sequential: true, bodyBytes: ctx.sizes.bodySize },
    rate: { value: Math.round(rate), unit: 'deliveries/s' },
    units: c.delivered,
    wire: wireCounts,
    latencyMs: c.latency.summary(),
    completeness: completenessOf(c),
    processes,
    machine: s.machine,
    target: { text: `≥ ${fmtInt(TARGET)} deliveries/s`, met: rate >= TARGET },
    extra: {
      statuses,
      seconds: Math.round(seconds * 1000) / 1000,
      sendAnswerMs: { p50: answerMs[Math.floor(answerMs.length / 2)], max: answerMs[answerMs.length - 1] },
    },
    notes: [],
  };
}
