#!/usr/bin/env node
// Type-checks every project's tsconfig (sources and specs) with tsc --noEmit, two at a time.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const configs = [];
for (const group of ['apps', 'libs']) {
  for (const project of readdirSync(group)) {
    for (const name of ['tsconfig.lib.json', 'tsconfig.app.json', 'tsconfig.spec.json', 'tsconfig.e2e.json']) {
      const p = join(group, project, name);
      if (existsSync(p)) configs.push(p);
    }
  }
}
let failed = 0;
const run = (p) =>
  new Promise((resolve) => {
    const child = spawn('npx', ['tsc', '--noEmit', '-p', p], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const clean = out
        .split('\n')
        .filter((l) => !l.includes('nodedir'))
        .join('\n')
        .trim();
      console.log(`${code === 0 ? '✓' : '✗'} tsc -p ${p}${clean ? '\n' + clean : ''}`);
      if (code !== 0) failed++;
      resolve();
    });
  });
const queue = [...configs];
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length) await run(queue.shift());
  }),
);
process.exit(failed ? 1 : 0);
