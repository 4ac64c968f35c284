/**
 * Prints a results file (bench-results/*.json) as Markdown tables, for docs/benchmarks.md.
 *
 *   node --import tsx bench/tools/markdown-table.ts bench-results/latest-full.json
 */
import { readFileSync } from 'node:fs';
import type { ScenarioResult } from '../lib/context.js';

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
