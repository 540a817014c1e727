/**
 * `npm run bench:check`: the figure checker's speed targets (issue 11).
 * - checking seed 003 end to end after import (read, narrative + annex rules) ≤ 50 ms;
 * - one recompute of the largest part's form (the catalogue group with most indicators) ≤ 5 ms.
 */
import '../cli/src/register-paths';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CATALOGUES, recomputeForm, type PartFigures } from '@trinhky/domain';
import { checkReportText, importPlainText } from '@trinhky/documents';

function seed(prefix: string): string {
  for (const dir of [path.resolve(__dirname, '../../../shared/seeds'), path.resolve(__dirname, '../../../../shared/seeds')]) {
    if (!fs.existsSync(dir)) continue;
    const f = fs.readdirSync(dir).find((n) => n.startsWith(prefix));
    if (f) return fs.readFileSync(path.join(dir, f), 'utf8');
  }
  throw new Error(`seed ${prefix} not found`);
}

/** Wall-clock median and p95, and the CPU time per run (less sensitive to a loaded machine than wall time). */
function median(fn: () => unknown, runs: number): { median: number; p95: number; cpu: number } {
  for (let i = 0; i < 5; i++) fn();
  const t: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const cpu = process.cpuUsage(cpu0);
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(runs / 2)], p95: t[Math.floor(runs * 0.95)], cpu: (cpu.user + cpu.system) / 1000 / runs };
}

const text = seed('003');
importPlainText(text); // the report is imported first; the check reads the same text
const report = median(() => checkReportText(text), 50);
const findings = checkReportText(text).findings.length;

const groups = CATALOGUES.flatMap((c) => c.groups.map((g) => ({ g, c })));
const { g, c } = groups.sort((a, b) => b.g.indicators.length * b.c.periods.length - a.g.indicators.length * a.c.periods.length)[0];
const periods = c.periods;
// The form as typed (strings in Vietnamese format), one value changed per keystroke: parse + check + rates.
const typed: PartFigures = {
  values: Object.fromEntries(g.indicators.map((ind, i) => [ind.code, periods.map((_, p) => (1_000 + 37 * i + p).toLocaleString('vi-VN'))])),
};
let key = 0;
const form = median(() => {
  const code = g.indicators[key++ % g.indicators.length].code;
  typed.values[code] = periods.map((_, p) => String(key + p));
  recomputeForm(c, g.part, typed);
}, 500);

const ok = report.median <= 50 && form.median <= 5;
console.log(
  JSON.stringify(
    {
      seed003Check: {
        medianMs: +report.median.toFixed(2),
        p95Ms: +report.p95.toFixed(2),
        cpuMsPerRun: +report.cpu.toFixed(2),
        targetMs: 50,
        findings,
      },
      largestFormRecompute: {
        group: g.code,
        indicators: g.indicators.length,
        periods: periods.length,
        medianMs: +form.median.toFixed(3),
        p95Ms: +form.p95.toFixed(3),
        cpuMsPerRun: +form.cpu.toFixed(3),
        targetMs: 5,
      },
      ok,
      // Timings are only meaningful on an idle machine: the load average is printed with them.
      loadAverage: os.loadavg().map((x) => +x.toFixed(1)),
      cpus: os.cpus().length,
    },
    null,
    2,
  ),
);
process.exit(ok ? 0 : 1);
