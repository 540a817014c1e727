#!/usr/bin/env node
/**
 * How long the built app takes to answer /api/health on the embedded database: first start on an
 * empty DATA_DIR (initdb, migrations, demo seed), a restart on existing data, and a start after the
 * app was killed with SIGKILL (a stale PostgreSQL server and lock file to clean up). Builds the API
 * first when dist/apps/api is missing. Rerun: `npm run bench:startup`. Ends with one line:
 * first_start_ms=… restart_ms=… after_kill9_ms=…
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');
if (!existsSync(MAIN))
  spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });

const freePort = () =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });

async function start(dataDir) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', DEMO_SEED: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return { child, ms: performance.now() - t0 };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

const stop = (child, signal) => new Promise((r) => (child.once('exit', r), child.kill(signal)));

const dataDir = mkdtempSync(join(tmpdir(), 'tk-bench-start-'));
chmodSync(dataDir, 0o755);
try {
  const first = await start(dataDir);
  await stop(first.child, 'SIGTERM');
  const again = await start(dataDir);
  await stop(again.child, 'SIGKILL');
  const afterKill = await start(dataDir);
  await stop(afterKill.child, 'SIGTERM');
  const f = (x) => x.ms.toFixed(0);
  console.log(`first start (initdb, migrations, demo seed): ${f(first)} ms; restart: ${f(again)} ms; after kill -9: ${f(afterKill)} ms`);
  console.log(`first_start_ms=${f(first)} restart_ms=${f(again)} after_kill9_ms=${f(afterKill)}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
