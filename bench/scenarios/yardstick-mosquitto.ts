import net from 'node:net';
import { sleep, startMosquitto } from '../lib/cluster.js';
import {
  collectAll,
  completenessOf,
  fmtInt,
  sampler,
  split,
  waitForDeliveries,
  type Ctx,
  type ScenarioResult,
} from '../lib/context.js';
import { nowUs } from '../lib/histogram.js';
import { connectPacket, publishPacket } from '../lib/mqtt.js';
import { markedBody } from '../lib/wire.js';

const TOPIC = 'bench/fanout';

/**
 * The same fan-out shape as B1 "direct broadcast" against mosquitto: N MQTT subscribers (QoS 0) in
 * the same generator processes, one publisher writing the same number of messages in the same
 * batches, the same body size. Returns undefined (with a note) when mosquitto is not installed.
 */
export async function runMosquitto(ctx: Ctx, ns: number[]): Promise<ScenarioResult[] | string> {
  const broker = await startMosquitto(ctx.cluster.tmpDir);
  if (!broker) return 'mosquitto is not installed (Debian package "mosquitto"): yardstick skipped';
  ctx.extraProcs.push({ name: 'mosquitto', pid: broker.pid });
  const out: ScenarioResult[] = [];
  try {
    for (const n of ns) {
      ctx.log(`Yardstick: mosquitto ${broker.version}, N = ${fmtInt(n)} subscribers`);
      const parts = split(
        Array.from({ length: n }, (_, i) => i),
        ctx.gens.length,
      );
      const connected = await Promise.all(
        ctx.gens.map((g, i) =>
          g.connectMqtt({
            host: '127.0.0.1',
            port: broker.port,
            count: parts[i].length,
            idFrom: parts[i][0] ?? 0,
            clientIdPrefix: `sub-${n}-`,
            topic: TOPIC,
            localAddresses: ctx.localAddresses,
            concurrency: 200,
          }),
        ),
      );
      const failed = connected.reduce((s, r) => s + r.failed, 0);
      if (failed)
        throw new Error(`${failed} MQTT subscribers failed: ${JSON.stringify(connected.map((r) => r.errors))}`);
      const { perRequest, requests } = ctx.sizes.b1Direct(n);
      const total = perRequest * requests;
      ctx.log(`  ${requests} batches × ${perRequest} QoS 0 publishes → ${fmtInt(total * n)} deliveries`);
      await Promise.all(ctx.gens.map((g) => g.expect({ kind: 'fanout', messages: total })));

      const publisher = await connectPublisher(broker.port);
      const s = sampler(ctx);
      s.begin();
      const startUs = nowUs();
      for (let r = 0; r < requests; r++) {
        const batch: Buffer[] = [];
        for (let k = 0; k < perRequest; k++)
          batch.push(publishPacket(TOPIC, markedBody(r * perRequest + k, nowUs(), ctx.sizes.bodySize)));
        if (!publisher.write(Buffer.concat(batch))) await new Promise((r) => publisher.once('drain', r));
      }
      await waitForDeliveries(ctx, total * n);
      const processes = s.end();
      const c = await collectAll(ctx);
      publisher.destroy();
      const seconds = (c.lastRecvUs - startUs) / 1e6;
      out.push({
        id: 'MQTT',
        name: `mosquitto fan-out N=${fmtInt(n)} (yardstick)`,
        params: {
          n,
          messagesPerBatch: perRequest,
          batches: requests,
          qos: 0,
          bodyBytes: ctx.sizes.bodySize,
          version: broker.version,
        },
        rate: { value: Math.round(c.delivered / seconds), unit: 'deliveries/s' },
        units: c.delivered,
        latencyMs: c.latency.summary(),
        completeness: completenessOf(c),
        processes,
        machine: s.machine,
        extra: { seconds: Math.round(seconds * 1000) / 1000 },
        notes: [],
      });
      await Promise.all(ctx.gens.map((g) => g.closeAll()));
      await sleep(200);
    }
  } finally {
    await broker.stop();
    ctx.extraProcs.splice(
      ctx.extraProcs.findIndex((p) => p.name === 'mosquitto'),
      1,
    );
  }
  return out;
}

function connectPublisher(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' }, () =>
      socket.write(connectPacket(`pub-${Date.now()}`, 600)),
    );
    socket.setNoDelay(true);
    socket.once('data', (chunk: Buffer) =>
      chunk[0] === 0x20 && chunk[3] === 0 ? resolve(socket) : reject(new Error('CONNACK refused')),
    );
    socket.once('error', reject);
  });
}
