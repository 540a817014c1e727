/**
 * CPU of the workflow answers a plain transition computes: `decide` (the event) and `allowedEvents`
 * (the buttons in the answer), over a CCHC report of 11 parts in collection, for a drafter, a unit
 * head and the compiler. µs per call, process CPU, after a warm-up.
 * Rerun: `SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/allowed-events.ts`.
 */
import { loadavg } from 'node:os';
import { allowedEvents, decide } from '../../libs/workflow/src/lib/answers';
import { POLICY_VHXH_PCT } from '../../libs/workflow/src/lib/policies';
import { CAST, NOW, apply, newReport, send } from '../../libs/workflow/src/testing/fixtures';

const UNITS = ['VP', 'HCC', 'VHXH', 'KT'] as const;
const sections = Array.from({ length: 11 }, (_, i) => ({ id: `II.${i + 1}`, unit: UNITS[i % 4], assigneeId: null }));
let report = newReport(POLICY_VHXH_PCT, sections);
report = send(report, CAST.compiler, { type: 'open_collection' });
report = send(report, CAST.drafterKT, { type: 'start_drafting', sectionId: 'II.4' });
const actors = [CAST.drafterKT, CAST.headKT, CAST.compiler];
const N = Number(process.env['BENCH_ITERATIONS'] || 3000);

const time = (label: string, fn: () => unknown): void => {
  for (let i = 0; i < 300; i++) fn();
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) fn();
  const c = process.cpuUsage(c0);
  console.log(`${label.padEnd(34)} cpu_us_per_call=${((c.user + c.system) / N).toFixed(1)}`);
};
for (const a of actors) time(`allowedEvents ${a.userId}`, () => allowedEvents(report, a, NOW));
time('decide submit_section (drafter)', () => decide(report, CAST.drafterKT, { type: 'submit_section', sectionId: 'II.4' }, NOW));
// What a transition computes: the rows arrive as fresh JSON, `decide`, then `allowedEvents` over the next record
// (the unchanged parts keep their stored snapshot objects, as TransitionsService passes them). The copy is counted.
time('copy + decide + allowedEvents', () => {
  const fresh = JSON.parse(JSON.stringify(report)) as typeof report;
  const d = decide(fresh, CAST.drafterKT, { type: 'submit_section', sectionId: 'II.4' }, NOW);
  if (!d.ok) throw new Error(d.reason);
  return allowedEvents(apply(fresh, d), CAST.drafterKT, NOW);
});
time('copy only', () => JSON.parse(JSON.stringify(report)) as unknown);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
