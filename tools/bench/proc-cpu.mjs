#!/usr/bin/env node
/**
 * CPU of a command's process tree, split by kind (Linux /proc): runs the command, samples every
 * 200 ms the utime+stime of each descendant, and prints the total per kind when it exits:
 *   node tools/bench/proc-cpu.mjs -- npx jest apps/web-e2e/src/lifecycle.e2e.ts --maxWorkers=1
 * A process that exits between two samples loses at most 200 ms; compare the sum with `/usr/bin/time`.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const args = process.argv.slice(process.argv.indexOf('--') + 1);
const HZ = 100;
const kinds = [
  ['chromium', /chromium/],
  ['postgres', /postgres/],
  ['api server', /dist\/apps\/api\/main\.js/],
  ['jest', /jest/],
];
const seen = new Map(); // pid → { kind, cpu }
const child = spawn(args[0], args.slice(1), { stdio: 'inherit' });
const t0 = Date.now();
const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function sample() {
  const parent = new Map();
  const stat = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      stat.set(Number(d), (Number(f[11]) + Number(f[12])) / HZ);
    } catch {
      /* gone */
    }
  }
  const inTree = (pid) => {
    for (let p = pid, i = 0; p > 1 && i < 50; p = parent.get(p) ?? 0, i++) if (p === child.pid) return true;
    return false;
  };
  for (const [pid, cpu] of stat) {
    if (!inTree(pid)) continue;
    let e = seen.get(pid);
    if (!e) {
      let cmd = '';
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        /* gone */
      }
      e = { kind: (kinds.find(([, re]) => re.test(cmd)) ?? ['other'])[0], cpu: 0, cmd };
      seen.set(pid, e);
    }
    // A process that exec()s changes its command line: classify again while it is new.
    if (e.kind === 'other' || e.kind === 'jest') {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        e.kind = (kinds.find(([, re]) => re.test(cmd)) ?? ['other'])[0];
        e.cmd = cmd;
      } catch {
        /* gone */
      }
    }
    e.cpu = cpu;
  }
}
const timer = setInterval(sample, 200);
child.on('exit', (code) => {
  clearInterval(timer);
  const by = new Map();
  const detail = new Map();
  for (const e of seen.values()) {
    by.set(e.kind, (by.get(e.kind) ?? 0) + e.cpu);
    // Chromium by process type (browser, renderer, gpu-process, utility: network/storage/audio).
    if (e.kind === 'chromium') {
      const type = /--type=([a-z-]+)/.exec(e.cmd)?.[1] ?? 'browser';
      const sub = /--utility-sub-type=([a-zA-Z.]+)/.exec(e.cmd)?.[1];
      const key = `  chromium ${type}${sub ? ` ${sub}` : ''}`;
      detail.set(key, (detail.get(key) ?? 0) + e.cpu);
    }
  }
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.error(`\n[proc-cpu] wall ${((Date.now() - t0) / 1000).toFixed(1)} s, load ${load0} → ${load1}, exit ${code}`);
  for (const [k, v] of [...by].sort((a, b) => b[1] - a[1])) console.error(`[proc-cpu] ${k.padEnd(11)} ${v.toFixed(1)} s`);
  for (const [k, v] of [...detail].sort((a, b) => b[1] - a[1])) console.error(`[proc-cpu] ${k.padEnd(40)} ${v.toFixed(1)} s`);
  console.error(`[proc-cpu] total       ${total.toFixed(1)} s CPU (${seen.size} processes)`);
  process.exit(code ?? 1);
});
