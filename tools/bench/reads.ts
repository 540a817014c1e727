/**
 * The reads an open page makes, measured on the real API (built) against a real PostgreSQL: what a
 * report page loads on every live update of its report (the detail, the audit page, the chain's
 * verification), a part editor's part, the inbox and the list. One report of the demo commune is
 * driven to the signer first (13 parts with assignees, ≈ 40 audit entries); then each request is sent
 * BENCH_READS times (default 2 000) by BENCH_CLIENTS (32) concurrent clients, after BENCH_WARMUP (300) warm-ups.
 * Prints per request: requests/s, p50/p95 latency, and the CPU of the API process and of PostgreSQL per
 * request (from /proc: robust when others share the machine). Rerun: `npm run bench:reads`;
 * BENCH_API_MAIN runs another build (A/B), BENCH_DATABASE_URL another server.
 * Ends with one line: reads detail_ms=… detail_per_s=… (the detail's API CPU and throughput).
 */
import { LIFECYCLE_USERS, call, createReport, driveToAwaitingSignature, login, type Client } from '../../apps/api/src/testing/lifecycle';
import { DEFAULT_API_MAIN, freePort, startApi, stopApi, withDb } from './api-process';
import { cpuMsOf, delta, pgCpuMs } from './proc-cpu';

const SERVER = process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
const COUNT = Number(process.env['BENCH_READS'] || 2000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] || 32);
const API_MAIN = process.env['BENCH_API_MAIN'] || DEFAULT_API_MAIN;
/** Sequential requests before each measurement (the JIT and the pool's prepared statements warm). */
const WARMUP = Number(process.env['BENCH_WARMUP'] || 300);

interface Measured {
  name: string;
  perS: number;
  p50: number;
  p95: number;
  apiMs: number;
  pgMs: number;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(c: Client, apiPid: number, db: string, name: string, user: string, path: string): Promise<Measured> {
  const once = async (): Promise<number> => {
    const t = performance.now();
    const r = await call(c, user, 'GET', path);
    if (r.status !== 200) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return performance.now() - t;
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const lat: number[] = [];
  let sent = 0;
  const api0 = cpuMsOf(apiPid);
  const pg0 = pgCpuMs(db);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (sent < COUNT) {
        sent++;
        lat.push(await once());
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const apiMs = cpuMsOf(apiPid) - api0;
  const pgMs = delta(pg0, pgCpuMs(db));
  lat.sort((a, b) => a - b);
  return { name, perS: lat.length / seconds, p50: pct(lat, 50), p95: pct(lat, 95), apiMs: apiMs / lat.length, pgMs: pgMs / lat.length };
}

async function main(): Promise<void> {
  const results: Measured[] = [];
  await withDb(SERVER, `tk_reads_${Date.now().toString(36)}`, async (url) => {
    const port = await freePort();
    const api = await startApi(url, port, API_MAIN);
    try {
      const c: Client = { base: `http://127.0.0.1:${port}`, tokens: await login(`http://127.0.0.1:${port}`, LIFECYCLE_USERS) };
      const report = await createReport(c, { kind: 'quarter', year: 2031, index: 2 }, '2199-12-31');
      await driveToAwaitingSignature(c, report.id, report.version);
      const detail = await call(c, 'vhxh.truong', 'GET', `/api/reports/${report.id}`);
      const part = (detail.body['sections'] as { id: string }[])[0].id;
      const db = new URL(url).pathname.slice(1);
      const pid = api.pid as number;
      const r = `/api/reports/${report.id}`;
      for (const [name, user, path] of [
        ['detail (compiler)', 'vhxh.truong', r],
        ['detail (signer)', 'pct.vhxh', r],
        ['audit page (50)', 'vhxh.truong', `${r}/audit?limit=50&offset=0`],
        ['audit verify', 'vhxh.truong', `${r}/audit/verify`],
        ['part', 'vhxh.cv', `${r}/sections/${part}`],
        ['inbox', 'vhxh.truong', '/api/inbox'],
        ['list (20)', 'vhxh.truong', '/api/reports?limit=20&offset=0'],
      ] as const) {
        const m = await measure(c, pid, db, name, user, path);
        results.push(m);
        console.log(
          `${m.name.padEnd(18)} ${m.perS.toFixed(0).padStart(5)}/s p50_ms=${m.p50.toFixed(1)} p95_ms=${m.p95.toFixed(1)} api_ms=${m.apiMs.toFixed(2)} pg_ms=${m.pgMs.toFixed(2)}`,
        );
      }
    } finally {
      await stopApi(api);
    }
  });
  const d = results[0];
  console.log(`reads detail_ms=${d.apiMs.toFixed(2)} detail_per_s=${d.perS.toFixed(0)} clients=${CLIENTS} n=${COUNT}`);
}

main().catch((e: Error) => {
  console.error(e);
  process.exit(1);
});
