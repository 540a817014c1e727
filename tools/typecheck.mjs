#!/usr/bin/env node
// Type-checks the sources and specs of every project with tsc --noEmit, two programs at a time.
import { spawn } from 'node:child_process';

// One program per set of compiler options rather than one per tsconfig: the libs share theirs, the API's
// sources and specs share theirs (its build skips its own check), and each program re-checks whatever it
// imports — thirteen programs re-checked the libs nine times. The web app itself is checked by its
// Angular build (strict templates included); its specs and the browser tests have their own options.
const configs = [
  'tools/typecheck/tsconfig.api.json',
  'apps/web/tsconfig.spec.json',
  'tools/typecheck/tsconfig.libs.json',
  'apps/web-e2e/tsconfig.spec.json',
];
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
