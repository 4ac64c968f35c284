/**
 * Prints a results file (bench-results/*.json) as Markdown tables, for docs/benchmarks.md: the
 * scenarios, CPU per process, CIM-TS against its peers and floors (ratios and verdicts), B4's phases.
 *
 *   node --import tsx bench/tools/markdown-table.ts bench-results/latest-full.json
 */
import { readFileSync } from 'node:fs';
import type { ScenarioResult } from '../lib/context.js';
import type { Comparison } from '../lib/yardsticks.js';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { scenarios: ScenarioResult[] };
const n = (x: number | undefined, digits = 0) =>
  x === undefined || Number.isNaN(x)
    ? '–'
    : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(1) : n(x));

console.log(
  '| | scenario | rate | p50 ms | p99 ms | p999 ms | complete | CPU µs/unit system + generators | idle-host ceiling/s |',
);
console.log('|---|---|---:|---:|---:|---:|---|---:|---:|');
for (const r of report.scenarios) {
  const c = r.completeness;
  const complete = c ? (c.ok ? `✓ ${n(c.expected)}` : `✗ −${n(c.missing)} +${n(c.duplicates)}`) : '–';
  const cost = r.cost ? `${n(r.cost.systemUs, 1)} + ${n(r.cost.generatorsUs, 1)}` : '–';
  console.log(
    `| ${r.id} | ${r.name} | ${n(r.rate.value)} ${r.rate.unit} | ${ms(r.latencyMs?.p50)} | ${ms(r.latencyMs?.p99)} | ${ms(r.latencyMs?.p999)} | ${complete} | ${cost} | ${r.cost ? n(r.cost.ceilingPerSec) : '–'} |`,
  );
}

console.log('\n| scenario | CPU, % of one core (peak RSS MB) | rest of the host |');
console.log('|---|---|---|');
for (const r of report.scenarios) {
  const procs = r.processes
    .filter((p) => p.cpuMs > 0 && p.name !== 'zookeeper' && p.name !== 'orchestrator')
    .map((p) => `${p.name} ${p.cpuPctOfCore} (${Math.round(p.peakRssMB)})`)
    .join(', ');
  const m = r.machine;
  console.log(
    `| ${r.name} | ${procs} | ${m ? `others ${m.othersCores} cores, PSI ${m.cpuPressurePct ?? '–'} %` : ''} |`,
  );
}

const comparisons = (report as unknown as { ratios?: Comparison[] }).ratios ?? [];
if (comparisons.length && 'what' in comparisons[0]) {
  console.log(
    '\n| CIM-TS / peer or floor | ratio | target | verdict | CIM-TS: rate, p50 / p99 ms, system CPU µs per unit | peer or floor: the same |',
  );
  console.log('|---|---:|---|---|---|---|');
  const figures = (s: Comparison['ours']) =>
    `${n(s.rate)} ${s.unit}, ${ms(s.p50)} / ${ms(s.p99)} ms, ${n(s.systemUs, 1)} µs`;
  for (const c of comparisons) {
    const verdict =
      c.met === true ? '**met**' : c.met === false ? '**missed**' : c.target === undefined ? 'context' : 'not judged';
    console.log(
      `| ${c.what} | ${c.ratio.toFixed(3)} | ${c.target === undefined ? '–' : `≥ ${c.target}`} | ${verdict} | ${figures(c.ours)} | ${figures(c.peer)} |`,
    );
  }
}

for (const r of report.scenarios.filter((s) => s.id === 'B4')) {
  const e = r.extra as {
    secondsUntilAllRecovered: number;
    messagesSent: number;
    phasesMs: Record<string, { p50: number; p99: number; max: number }>;
    refreshAttempts: { mean: number; max: number };
    failedAttempts: Record<string, number>;
  };
  console.log(`\n${r.name}: every device back with every message after ${e.secondsUntilAllRecovered} s`);
  console.log(
    `(${n(e.messagesSent)} messages sent meanwhile; refreshes per device: mean ${e.refreshAttempts.mean}, max ${e.refreshAttempts.max}; failed attempts: ${JSON.stringify(e.failedAttempts)})\n`,
  );
  console.log('| phase, per device | p50 ms | p99 ms | max ms |');
  console.log('|---|---:|---:|---:|');
  const names: Record<string, string> = {
    detectLoss: 'loss detected (crash → connection closed)',
    refresh: 'refresh (backoff + POST /sessions/refresh, retries included)',
    connectLogin: 'connect + Login → LoginOk',
    catchUp: 'catch-up (LoginOk → CaughtUp)',
    complete: 'crash → caught up with every message sent meanwhile',
  };
  for (const [k, v] of Object.entries(e.phasesMs))
    console.log(`| ${names[k] ?? k} | ${ms(v.p50)} | ${ms(v.p99)} | ${ms(v.max)} |`);
}
