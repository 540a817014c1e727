/**
 * Transition throughput: the real API (built) against a real PostgreSQL, N reports driven through
 * their whole lifecycle by C concurrent clients; then pgbench (TPC-B) with the same client count on
 * the same server, and the ratio. Rerun: `npm run bench:transitions` (env: BENCH_DATABASE_URL,
 * BENCH_REPORTS, BENCH_CLIENTS, BENCH_PGBENCH_SECONDS). Ends with one line:
 * transitions_per_s=… p50_ms=… p95_ms=… p99_ms=… pgbench_tps=… ratio=…
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as Pg } from 'pg';
import { LIFECYCLE_USERS, createReport, driveToAcknowledged, driveToSigned, login, type Client } from '../../apps/api/src/testing/lifecycle';

const SERVER = process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
const REPORTS = Number(process.env['BENCH_REPORTS'] || 64);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] || 32);
const PGBENCH_SECONDS = Number(process.env['BENCH_PGBENCH_SECONDS'] || 15);

const freePort = (): Promise<number> =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });

async function withDb(name: string, fn: (url: string) => Promise<void>): Promise<void> {
  const admin = new Pg({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  try {
    await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function startApi(url: string, port: number): Promise<ChildProcess> {
  if (!existsSync('dist/apps/api/main.js')) spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), DEMO_SEED: '1', SWEEP_INTERVAL_MS: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'tk-bench-')), DB_POOL_SIZE: process.env['DB_POOL_SIZE'] || '40' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('API did not start');
}

async function runTransitions(url: string): Promise<{ tps: number; lat: number[]; count: number; seconds: number }> {
  const port = await freePort();
  const api = await startApi(url, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    const lat: number[] = [];
    const c: Client = { base, tokens: await login(base, LIFECYCLE_USERS), record: (ms) => lat.push(ms) };
    const reports: { id: string; version: number }[] = [];
    for (let i = 0; i < REPORTS; i++) reports.push(await createReport(c, { kind: 'quarter', year: 2026 + (i % 50), index: (i % 4) + 1 }, '2199-12-31'));
    const queue = [...reports];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let r = queue.shift(); r; r = queue.shift()) {
          const v = await driveToSigned(c, r.id, r.version);
          await driveToAcknowledged(c, r.id, v);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { tps: lat.length / seconds, lat: lat.sort((a, b) => a - b), count: lat.length, seconds };
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.on('exit', r));
  }
}

function runPgbench(url: string): number {
  const u = new URL(url);
  const args = ['-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres', u.pathname.slice(1)];
  const init = spawnSync('pgbench', ['-i', '-s', '4', '-q', ...args], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const run = spawnSync('pgbench', ['-c', String(CLIENTS), '-j', '2', '-T', String(PGBENCH_SECONDS), ...args], { encoding: 'utf8' });
  const m = /tps = ([\d.]+)/.exec(run.stdout);
  if (!m) throw new Error(`pgbench failed: ${run.stdout}${run.stderr}`);
  return Number(m[1]);
}

async function main(): Promise<void> {
  let result: Awaited<ReturnType<typeof runTransitions>> | null = null;
  await withDb(`tk_bench_${Date.now().toString(36)}`, async (url) => {
    result = await runTransitions(url);
  });
  const r = result as unknown as Awaited<ReturnType<typeof runTransitions>>;
  console.log(`transitions: ${r.count} in ${r.seconds.toFixed(2)} s from ${CLIENTS} clients over ${REPORTS} reports`);
  let pgbenchTps = 0;
  await withDb(`tk_pgbench_${Date.now().toString(36)}`, async (url) => {
    pgbenchTps = runPgbench(url);
  });
  const line = [
    `transitions_per_s=${r.tps.toFixed(1)}`,
    `p50_ms=${pct(r.lat, 50).toFixed(1)}`,
    `p95_ms=${pct(r.lat, 95).toFixed(1)}`,
    `p99_ms=${pct(r.lat, 99).toFixed(1)}`,
    `pgbench_tps=${pgbenchTps.toFixed(1)}`,
    `ratio=${(r.tps / pgbenchTps).toFixed(3)}`,
  ].join(' ');
  console.log(line);
}

main().catch((e: Error) => {
  console.error(e);
  process.exit(1);
});
