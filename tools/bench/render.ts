/** Benchmark: renders seed 003 (the longest, with annex tables) N times; prints median time and peak memory. */
import '../cli/src/register-paths';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importPlainText, renderReportPdf } from '@trinhky/documents';
import { WORKSPACE_ROOT } from '../cli/src/register-paths';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? process.env['BENCH_N'] ?? 7);
  // The seeds sit beside the workspace; a worktree (/work/wt/<name>) is one level deeper than /work/main.
  const near = path.resolve(WORKSPACE_ROOT, '..', 'shared', 'seeds');
  const far = path.resolve(WORKSPACE_ROOT, '..', '..', 'shared', 'seeds');
  const dir = fs.existsSync(near) || !fs.existsSync(far) ? near : far;
  const file = fs.readdirSync(dir).find((f) => f.startsWith('003'));
  if (!file) throw new Error(`seed 003 not found in ${dir}`);
  const doc = importPlainText(fs.readFileSync(path.join(dir, file), 'utf8')).document;
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  const times: number[] = [];
  const cpus: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    const pdf = await renderReportPdf(doc);
    const dc = process.cpuUsage(c);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    cpus.push((dc.user + dc.system) / 1e3);
    bytes = pdf.length;
    sample();
  }
  clearInterval(timer);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const cpuSorted = [...cpus].sort((a, b) => a - b);
  const cpuMedian = cpuSorted[Math.floor((cpuSorted.length - 1) / 2)];
  console.log(`runs=${n} pdf_bytes=${bytes} times_ms=${times.map((t) => t.toFixed(0)).join(',')}`);
  // CPU time of the process during each render (the machine is shared: wall time is not meaningful).
  console.log(
    `cpu_ms=${cpus.map((t) => t.toFixed(0)).join(',')} cpu_median_ms=${cpuMedian.toFixed(0)} final_rss_mb=${(process.memoryUsage().rss / 2 ** 20).toFixed(0)}`,
  );
  console.log(`first_ms=${times[0].toFixed(0)} median_ms=${median.toFixed(0)} peak_heap_mb=${(peakHeap / 2 ** 20).toFixed(0)}`);
  console.log(`render_median_ms=${median.toFixed(0)} peak_rss_mb=${(peakRss / 2 ** 20).toFixed(0)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
