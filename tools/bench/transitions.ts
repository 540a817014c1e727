/**
 * Transition throughput: the real API (built) against a real PostgreSQL, N reports driven through
 * their whole lifecycle by C concurrent clients; then pgbench (TPC-B) with the same client count on
 * the same server, and the ratio. Rerun: `npm run bench:transitions`. Env: BENCH_DATABASE_URL (e.g.
 * `postgres://postgres@localhost/test?host=/var/run/postgresql` for the Unix socket, pgbench too),
 * BENCH_REPORTS, BENCH_CLIENTS, BENCH_PGBENCH_SECONDS; BENCH_API_MAIN runs another build of the API;
 * BENCH_BY_TYPE=1 prints latency per event type, BENCH_THREADS=1 the API's CPU per thread;
 * BENCH_API_NODE_ARGS adds flags to the API's node, e.g. `--cpu-prof --cpu-prof-dir=tmp/prof` (each phase line
 * prints its `window_us=…` for tools/bench/cpu-profile.mjs); BENCH_PLAIN_ONLY=1 runs the first phase only.
 * Prints the CPU time of the API process and of this client per transition (robust when others share
 * the machine), and by phase (tools/bench/phases.ts: plain transitions, the signer's preview, sign,
 * issue, each charged its own deliveries). Ends with one line:
 * transitions_per_s=… p50_ms=… p95_ms=… p99_ms=… pgbench_tps=… ratio=… plain_per_s=… plain_ratio=…
 * (`ratio` counts the whole lifecycle, the signer's PDF render included; `plain_ratio` the plain transitions
 * alone, the figure issue 10's target is set on).
 */
import { spawnSync } from 'node:child_process';
import { Client as Pg } from 'pg';
import { DEFAULT_API_MAIN, freePort, startApi, stopApi, withDb as withDbOn } from './api-process';
import { LIFECYCLE_USERS, createReport, login, type Client } from '../../apps/api/src/testing/lifecycle';
import { PhaseMeter, driveInPhases } from './phases';
import { cpuMsOf, delta, machineBusyMs, pgCpuMs, threadsOf } from './proc-cpu';

const SERVER = process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
const REPORTS = Number(process.env['BENCH_REPORTS'] || 64);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] || 32);
const PGBENCH_SECONDS = Number(process.env['BENCH_PGBENCH_SECONDS'] || 15);
/** Only the plain transitions up to the signer (no preview, sign, issue): e.g. to profile that path alone. */
const PLAIN_ONLY = process.env['BENCH_PLAIN_ONLY'] === '1';
/** Another build of the API (e.g. of an older commit) to compare against, same client and database. */
const API_MAIN = process.env['BENCH_API_MAIN'] || DEFAULT_API_MAIN;

const withDb = (name: string, fn: (url: string) => Promise<void>): Promise<void> => withDbOn(SERVER, name, fn);

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

interface TransitionsRun {
  tps: number;
  lat: number[];
  count: number;
  seconds: number;
  apiCpuMs: number;
  /** Of which the main (event-loop) thread; the rest is PDF render workers, libuv and GC threads. */
  apiMainMs: number;
  clientCpuMs: number;
  pgCpuMs: number;
  /** CPU ms used by the whole machine meanwhile (others' work = this minus API, client and PostgreSQL). */
  busyMs: number;
  /** Throughput of the plain transitions alone (up to the signer, and dispatch/acknowledge): issue 10's ratio. */
  plainTps: number;
}

async function runTransitions(url: string): Promise<TransitionsRun> {
  const port = await freePort();
  const api = await startApi(url, port, API_MAIN);
  try {
    const base = `http://127.0.0.1:${port}`;
    // The same 40 transitions as before issue 12: the demo's Sở answers by edXML here, so the
    // commune's văn thư records its receipt (an in-system Sở's văn thư would answer in its register).
    const pg = new Pg({ connectionString: url });
    await pg.connect();
    // An older build (BENCH_API_MAIN, before issue 12) has no `edxml_only` column: its Sở is then not in the system anyway.
    const [{ has }] = (
      await pg.query(
        `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'organisations' AND column_name = 'edxml_only') AS has`,
      )
    ).rows;
    if (has)
      await pg.query(
        `UPDATE organisations SET edxml_only = true WHERE parent_id IS NOT NULL AND id IN (SELECT parent_id FROM organisations)`,
      );
    await pg.end();
    const lat: number[] = [];
    const byType = new Map<string, number[]>();
    const c: Client = {
      base,
      tokens: await login(base, LIFECYCLE_USERS),
      record: (ms, type) => {
        lat.push(ms);
        byType.set(type, [...(byType.get(type) ?? []), ms]);
      },
    };
    const reports: { id: string; version: number }[] = [];
    for (let i = 0; i < REPORTS; i++)
      reports.push(await createReport(c, { kind: 'quarter', year: 2026 + (i % 50), index: (i % 4) + 1 }, '2199-12-31'));
    const db = new URL(url).pathname.slice(1);
    const meterPg = new Pg({ connectionString: url });
    await meterPg.connect();
    const meter = new PhaseMeter(api.pid as number, db, meterPg);
    const pgCpu0 = pgCpuMs(db);
    const apiCpu0 = cpuMsOf(api.pid);
    const apiMain0 = cpuMsOf(`${api.pid}/task/${api.pid}`);
    const threads0 = threadsOf(api.pid);
    const clientCpu0 = process.cpuUsage();
    const busy0 = machineBusyMs();
    const started = performance.now();
    await driveInPhases(c, reports, CLIENTS, meter, PLAIN_ONLY);
    await meterPg.end();
    // Wall time of the whole run, the waits for each phase's deliveries included.
    const seconds = (performance.now() - started) / 1000;
    console.log('cpu per operation, by phase (each phase waits for the outbox to drain):');
    for (const ph of meter.phases) console.log(PhaseMeter.line(ph));
    const plain = meter.phases.filter((ph) => ph.name.startsWith('plain'));
    const sum = (k: 'apiMs' | 'mainMs' | 'count' | 'seconds'): number => plain.reduce((a, ph) => a + ph[k], 0);
    console.log(
      `plain transitions: api_ms=${(sum('apiMs') / sum('count')).toFixed(2)} main_ms=${(sum('mainMs') / sum('count')).toFixed(2)} per transition, ${(sum('count') / sum('seconds')).toFixed(1)}/s`,
    );
    if (process.env['BENCH_BY_TYPE']) {
      for (const [type, ms] of byType) {
        const sorted = ms.sort((a, b) => a - b);
        console.log(
          `  ${type.padEnd(20)} n=${String(sorted.length).padStart(5)} p50_ms=${pct(sorted, 50).toFixed(1)} p99_ms=${pct(sorted, 99).toFixed(1)} max_ms=${sorted[sorted.length - 1].toFixed(1)}`,
        );
      }
    }
    const plainTps = sum('count') / sum('seconds');
    const apiCpuMs = cpuMsOf(api.pid) - apiCpu0;
    const apiMainMs = cpuMsOf(`${api.pid}/task/${api.pid}`) - apiMain0;
    if (process.env['BENCH_THREADS']) {
      const per = [...threadsOf(api.pid)].map(([tid, ms]) => `${tid}:${(ms - (threads0.get(tid) ?? 0)).toFixed(0)}`);
      console.log(`api threads (ms in the timed window): ${per.join(' ')}`);
    }
    const pgCpu = delta(pgCpu0, pgCpuMs(db));
    const cu = process.cpuUsage(clientCpu0);
    const busyMs = machineBusyMs() - busy0;
    return {
      tps: lat.length / seconds,
      lat: lat.sort((a, b) => a - b),
      count: lat.length,
      seconds,
      apiCpuMs,
      apiMainMs,
      clientCpuMs: (cu.user + cu.system) / 1000,
      pgCpuMs: pgCpu,
      busyMs,
      plainTps,
    };
  } finally {
    await stopApi(api);
  }
}

function runPgbench(url: string): number {
  const u = new URL(url);
  // `?host=/var/run/postgresql`: the Unix socket, for pgbench too.
  const args = [
    '-h',
    u.searchParams.get('host') || u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    u.username || 'postgres',
    u.pathname.slice(1),
  ];
  const init = spawnSync('pgbench', ['-i', '-s', '4', '-q', ...args], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const run = spawnSync('pgbench', ['-c', String(CLIENTS), '-j', '2', '-T', String(PGBENCH_SECONDS), ...args], { encoding: 'utf8' });
  const m = /tps = ([\d.]+)/.exec(run.stdout);
  if (!m) throw new Error(`pgbench failed: ${run.stdout}${run.stderr}`);
  return Number(m[1]);
}

async function main(): Promise<void> {
  let result: TransitionsRun | null = null;
  await withDb(`tk_bench_${Date.now().toString(36)}`, async (url) => {
    result = await runTransitions(url);
  });
  const r = result as unknown as TransitionsRun;
  console.log(`transitions: ${r.count} in ${r.seconds.toFixed(2)} s from ${CLIENTS} clients over ${REPORTS} reports`);
  console.log(
    `cpu per transition: api_ms=${(r.apiCpuMs / r.count).toFixed(2)} (main thread ${(r.apiMainMs / r.count).toFixed(2)}) client_ms=${(r.clientCpuMs / r.count).toFixed(2)} pg_ms=${(r.pgCpuMs / r.count).toFixed(2)} (api ${(r.apiCpuMs / 1000 / r.seconds).toFixed(2)} cores busy; others ${Math.max(0, (r.busyMs - r.apiCpuMs - r.clientCpuMs - r.pgCpuMs) / 1000 / r.seconds).toFixed(2)} cores)`,
  );
  let pgbenchTps = 0;
  // BENCH_PGBENCH_SECONDS=0 skips pgbench (a profiling run); the ratio is then not printed.
  if (PGBENCH_SECONDS > 0)
    await withDb(`tk_pgbench_${Date.now().toString(36)}`, async (url) => {
      pgbenchTps = runPgbench(url);
    });
  const line = [
    `transitions_per_s=${r.tps.toFixed(1)}`,
    `p50_ms=${pct(r.lat, 50).toFixed(1)}`,
    `p95_ms=${pct(r.lat, 95).toFixed(1)}`,
    `p99_ms=${pct(r.lat, 99).toFixed(1)}`,
    `pgbench_tps=${pgbenchTps.toFixed(1)}`,
    `ratio=${pgbenchTps ? (r.tps / pgbenchTps).toFixed(3) : '-'}`,
    `plain_per_s=${r.plainTps.toFixed(1)}`,
    `plain_ratio=${pgbenchTps ? (r.plainTps / pgbenchTps).toFixed(3) : '-'}`,
  ].join(' ');
  console.log(line);
}

main().catch((e: Error) => {
  console.error(e);
  process.exit(1);
});
