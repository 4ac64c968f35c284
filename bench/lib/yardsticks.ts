import type { ScenarioResult } from './context.js';

/** Scenarios that measure something other than CIM: their completeness never fails a run. */
export const YARDSTICK_IDS = new Set(['MQTT', 'MQTT-P2P', 'FLOOR']);

/** One CIM-TS figure set against a peer (a broker doing the same job) or a floor (no logic at all). */
export interface Comparison {
  /** What is compared, e.g. "B2 TCP Send / mosquitto QoS 1". */
  what: string;
  ours: Side;
  peer: Side;
  /** ours.rate / peer.rate */
  ratio: number;
  /** The ratio the targets ask for; undefined for a floor (context, not a target). */
  target?: number;
  /** met / missed against the target; null when not judged (no target, or a quick run). */
  met: boolean | null;
}

export interface Side {
  name: string;
  rate: number;
  unit: string;
  p50?: number;
  p99?: number;
  /** CPU µs per unit of the system under test, and per process. */
  systemUs?: number;
  perProcessUs?: Record<string, number>;
}

function side(r: ScenarioResult): Side {
  return {
    name: r.name,
    rate: r.rate.value,
    unit: r.rate.unit,
    p50: r.latencyMs?.p50,
    p99: r.latencyMs?.p99,
    systemUs: r.cost?.systemUs,
    perProcessUs: r.cost?.perProcessUs,
  };
}

/** The faster of several runs of the same yardstick (e.g. mosquitto with and without TCP_NODELAY). */
function best(rs: ScenarioResult[]): ScenarioResult | undefined {
  return rs.reduce<ScenarioResult | undefined>((b, r) => (!b || r.rate.value > b.rate.value ? r : b), undefined);
}

/**
 * Every CIM-TS figure that has a peer or a floor in this run, as ratios: B2 TCP against mosquitto
 * QoS 1 (target ≥ 0.5) and QoS 0 and the bare relay; B2 HTTP against bare Express (target ≥ 0.5);
 * each B1 variant against mosquitto's fan-out to the same N (target ≥ 1 for group messages
 * through the route). `judged` false (quick runs) leaves every verdict null.
 */
export function comparisons(rs: ScenarioResult[], judged: boolean): Comparison[] {
  const out: Comparison[] = [];
  const add = (what: string, ours: ScenarioResult | undefined, peer: ScenarioResult | undefined, target?: number) => {
    if (!ours || !peer || !peer.rate.value) return;
    const ratio = Math.round((ours.rate.value / peer.rate.value) * 1000) / 1000;
    out.push({
      what,
      ours: side(ours),
      peer: side(peer),
      ratio,
      target,
      met: judged && target !== undefined ? ratio >= target : null,
    });
  };
  const b2 = (transport: string) =>
    rs.find((r) => r.id === 'B2' && r.params.transport === transport && r.params.mode === 'closed');
  const mosquitto = (qos: number) => best(rs.filter((r) => r.id === 'MQTT-P2P' && r.params.qos === qos));
  const floor = (transport: string) => rs.find((r) => r.id === 'FLOOR' && r.params.transport === transport);

  add('B2 TCP Send / mosquitto QoS 1', b2('tcp'), mosquitto(1), 0.5);
  add('B2 TCP Send / mosquitto QoS 0', b2('tcp'), mosquitto(0));
  add('B2 TCP Send / bare relay (floor)', b2('tcp'), floor('relay'));
  add('B2 HTTP POST / bare Express (floor)', b2('http'), floor('http'), 0.5);
  add('mosquitto QoS 1 / bare relay (floor)', mosquitto(1), floor('relay'));
  for (const mq of rs.filter((r) => r.id === 'MQTT')) {
    const n = mq.params.n as number;
    for (const ours of rs.filter((r) => r.id === 'B1' && r.params.n === n)) {
      add(`B1 ${ours.name} / mosquitto fan-out`, ours, mq, ours.params.kind === 'group' ? 1 : undefined);
    }
  }
  return out;
}
