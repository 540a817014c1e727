/**
 * Summarises a V8 `.cpuprofile` (node --cpu-prof) over a time window: self and inclusive time by
 * function, and self time by package. The window is CLOCK_MONOTONIC µs, as `npm run bench:transitions`
 * prints it per phase (`window_us=a-b`), so one phase of a profiled run can be read alone:
 *   BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=tmp/prof' BENCH_PLAIN_ONLY=1 npm run bench:transitions
 *   node tools/bench/cpu-profile.mjs tmp/prof/CPU.….cpuprofile [a-b] [top=40]
 * Sampling is wall-clock: under load a syscall (writev) or a preempted function looks larger than its CPU.
 */
import { readFileSync } from 'node:fs';

const [file, window, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tools/bench/cpu-profile.mjs <file.cpuprofile> [startUs-endUs] [top]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const [from, to] = window ? window.split('-').map(Number) : [-Infinity, Infinity];
const top = Number(topArg || 40);
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (cf) => `${cf.functionName || '(anonymous)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber + 1}`;
/** The package a frame belongs to: node_modules/<pkg>, node:internal, or the bundle (main.js). */
const packageOf = (url) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node (internal)';
  return url ? url.split('/').slice(-1)[0] : '(native / vm)';
};

const self = new Map();
const inclusive = new Map();
const byPackage = new Map();
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
let total = 0;
let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  const dt = profile.timeDeltas[i + 1] ?? 0;
  if (t < from || t > to) continue;
  const node = nodes.get(profile.samples[i]);
  if (node.callFrame.functionName === '(idle)') continue;
  total += dt;
  add(self, label(node.callFrame), dt);
  add(byPackage, packageOf(node.callFrame.url), dt);
  const seen = new Set();
  for (let id = node.id; id !== undefined; id = parent.get(id)) {
    const k = label(nodes.get(id).callFrame);
    if (!seen.has(k)) (add(inclusive, k, dt), seen.add(k));
  }
}
const print = (title, m, n) => {
  console.log(`--- ${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`${((v / total) * 100).toFixed(1).padStart(5)} % ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
};
console.log(`busy (non-idle) samples: ${(total / 1000).toFixed(0)} ms`);
print('self time by package', byPackage, 20);
print('self time by function', self, top);
print('inclusive time by function', inclusive, top);
