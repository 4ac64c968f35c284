import { startFloorServer, startMosquitto, type ServerChild } from '../lib/cluster.js';
import { collectAll, completenessOf, fmtInt, sampler, type Ctx, type ScenarioResult } from '../lib/context.js';
import type { ConnectResult, SendArgs, SendResult } from '../lib/generator-api.js';
import { LatencyHistogram } from '../lib/histogram.js';

const TOPIC = 'bench/p2p';

/**
 * Yardsticks and floors for B2, in B2's shape: the same number of pairs of TCP clients in the
 * same two generator processes, a closed loop with the same number of messages in flight, the
 * same body size, the same duration.
 *  - mosquitto, QoS 0 and QoS 1 (publisher QoS 1 with PUBACK, subscription QoS 1 with PUBACK),
 *    one topic per client, with and without its `set_tcp_nodelay`;
 *  - the bare relay (bench/relay-server.ts): the floor of any TCP relay in Node on this machine;
 *  - a bare Express `POST /api/v1/messages` (bench/express-floor-server.ts): the floor of B2 HTTP,
 *    driven exactly like B2 HTTP (keep-alive, the same concurrency).
 * Over mqtt and the relay a send is complete when its recipient has it (neither answers the
 * sender otherwise: QoS 1's PUBACK only says the broker has it).
 */
export async function runP2pYardsticks(ctx: Ctx): Promise<string[]> {
  const notes: string[] = [];
  // A quick run checks each path once; a full one measures mosquitto both ways and reports the better.
  for (const tcpNoDelay of ctx.quick ? [false] : [false, true]) {
    const broker = await startMosquitto(ctx.cluster.tmpDir, { tcpNoDelay });
    if (!broker) {
      notes.push('mosquitto is not installed (Debian package "mosquitto"): point-to-point yardsticks skipped');
      break;
    }
    await withProcess(ctx, 'mosquitto', broker, async () => {
      for (const qos of [0, 1] as const) {
        ctx.log(`Yardstick: mosquitto ${broker.version} point-to-point, QoS ${qos}, set_tcp_nodelay ${tcpNoDelay}`);
        await connectAll(ctx, (g, idFrom, count) =>
          g.connectMqtt({
            host: '127.0.0.1',
            port: broker.port,
            count,
            idFrom,
            clientIdPrefix: `p2p-${qos}-`,
            topic: TOPIC,
            topicPerClient: true,
            qos,
            localAddresses: ctx.localAddresses,
            concurrency: 200,
          }),
        );
        const result = await closedLoop(ctx, { transport: 'mqtt', mqttTopic: TOPIC, mqttQos: qos });
        ctx.results.push({
          ...result,
          id: 'MQTT-P2P',
          name: `mosquitto point-to-point QoS ${qos}, set_tcp_nodelay ${tcpNoDelay} (yardstick)`,
          params: { ...result.params, qos, tcpNoDelay, version: broker.version },
        });
        await Promise.all(ctx.gens.map((g) => g.closeAll()));
      }
    });
  }

  const relay = await startFloorServer('relay-server', ctx.cluster.tmpDir);
  await withProcess(ctx, 'bare-relay', relay, async () => {
    ctx.log('Floor: bare node:net relay, point-to-point');
    await connectAll(ctx, (g, idFrom, count) =>
      g.connectRelay({
        host: '127.0.0.1',
        port: relay.port,
        count,
        idFrom,
        localAddresses: ctx.localAddresses,
        concurrency: 200,
      }),
    );
    const result = await closedLoop(ctx, { transport: 'relay' });
    ctx.results.push({ ...result, id: 'FLOOR', name: 'bare node:net relay, point-to-point (floor)' });

    // The HTTP floor needs no recipients; the relay's clients only lend it their pairs.
    const express = await startFloorServer('express-floor-server', ctx.cluster.tmpDir);
    await withProcess(ctx, 'bare-express', express, async () => {
      ctx.log('Floor: bare Express POST /api/v1/messages');
      const result = await closedLoop(ctx, { transport: 'http', routeUrl: `http://127.0.0.1:${express.port}` });
      ctx.results.push({ ...result, id: 'FLOOR', name: 'bare Express POST, parse the body, 200 (floor)' });
    });
  });
  return notes;
}

/** Runs `body` with `child` measured as `name`, and stops the child afterwards. */
async function withProcess(ctx: Ctx, name: string, child: ServerChild, body: () => Promise<void>): Promise<void> {
  ctx.extraProcs.push({ name, pid: child.pid });
  try {
    await body();
  } finally {
    await Promise.all(ctx.gens.map((g) => g.closeAll()));
    ctx.extraProcs.splice(
      ctx.extraProcs.findIndex((p) => p.name === name),
      1,
    );
    await child.stop();
  }
}

/** B2's pairs over the generators: each gets an even number of clients with ids from an even id. */
async function connectAll(
  ctx: Ctx,
  connect: (g: Ctx['gens'][number], idFrom: number, count: number) => Promise<ConnectResult>,
): Promise<void> {
  const perGenerator = 2 * Math.ceil(ctx.sizes.b2Pairs / ctx.gens.length);
  const results = await Promise.all(ctx.gens.map((g, i) => connect(g, i * perGenerator, perGenerator)));
  const failed = results.reduce((s, r) => s + r.failed, 0);
  if (failed) throw new Error(`${failed} clients failed to connect: ${JSON.stringify(results.map((r) => r.errors))}`);
}

/** B2's saturation phase (closed loop, the same concurrency and body size; as long in a full run) over `how`. */
async function closedLoop(
  ctx: Ctx,
  how: Pick<SendArgs, 'transport' | 'mqttTopic' | 'mqttQos'> & { routeUrl?: string },
): Promise<ScenarioResult> {
  const { sizes } = ctx;
  const concurrency = sizes.b2Concurrency;
  const perGenerator = Math.ceil(sizes.b2Pairs / ctx.gens.length);
  const pairs = Array.from({ length: perGenerator }, (_, k) => [2 * k, 2 * k + 1] as [number, number]);
  const capacity = Math.ceil((200_000 / ctx.gens.length) * (sizes.p2pDurationMs / 1000)) + 1_000;
  await Promise.all(ctx.gens.map((g) => g.expect({ kind: 'pairs', messages: capacity, echo: false })));
  const s = sampler(ctx);
  s.begin();
  const runId = `p2p-${Date.now()}`;
  const sends: SendResult[] = await Promise.all(
    ctx.gens.map((g, i) =>
      g.send({
        routeUrl: how.routeUrl ?? ctx.cluster.routeUrl,
        pairs,
        mode: 'closed',
        transport: how.transport,
        mqttTopic: how.mqttTopic,
        mqttQos: how.mqttQos,
        concurrency: Math.ceil(concurrency / ctx.gens.length),
        durationMs: sizes.p2pDurationMs,
        bodySize: sizes.bodySize,
        runId: `${runId}-${i}`,
      }),
    ),
  );
  const processes = s.end();
  const accepted = sends.reduce((a, r) => a + r.accepted, 0);
  const attempted = sends.reduce((a, r) => a + r.attempted, 0);
  const seconds = (Math.max(...sends.map((r) => r.endUs)) - Math.min(...sends.map((r) => r.startUs))) / 1e6;
  const answers = new LatencyHistogram();
  for (const r of sends) answers.merge(r.http);
  // Over HTTP nothing is delivered anywhere: the latency is the answer's, there is no completeness.
  const overHttp = how.transport === 'http';
  const c = overHttp ? undefined : await collectAll(ctx);
  const notes = attempted > accepted ? [`${fmtInt(attempted - accepted)} of ${fmtInt(attempted)} sends failed`] : [];
  return {
    id: '',
    name: '',
    params: {
      transport: how.transport,
      pairs: sizes.b2Pairs,
      concurrency,
      durationMs: sizes.p2pDurationMs,
      bodyBytes: sizes.bodySize,
    },
    rate: { value: Math.round(accepted / seconds), unit: 'msg/s' },
    units: accepted,
    latencyMs: c ? c.latency.summary() : answers.summary(),
    completeness: c ? completenessOf(c) : null,
    processes,
    machine: s.machine,
    extra: { attempted, accepted, answerMs: answers.summary() },
    notes,
  };
}
