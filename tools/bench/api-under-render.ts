/**
 * Light-request latency while long PDFs render. Starts the built API (embedded database unless
 * BENCH_DATABASE_URL), opens a report from seed 003 (the longest seed) through the import endpoint,
 * measures p99 of GET /api/me idle, then again while 4 clients render that report's PDF in a loop.
 * Rerun: `npm run bench:api-under-render`. Ends with one line:
 * idle_p99_ms=… busy_p99_ms=… ratio=… render_ms_median=… pdf_pages=…
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SAMPLES = Number(process.env['BENCH_SAMPLES'] || 400);
const RENDERERS = Number(process.env['BENCH_RENDERERS'] || 4);

const freePort = (): Promise<number> =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function startApi(port: number): Promise<ChildProcess> {
  if (!existsSync(join(ROOT, 'dist/apps/api/main.js')))
    spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
  const dataDir = mkdtempSync(join(tmpdir(), 'tk-bench-render-'));
  chmodSync(dataDir, 0o755);
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: process.env['BENCH_DATABASE_URL'] || '',
      SWEEP_INTERVAL_MS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('API did not start');
}

async function main(): Promise<void> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = await startApi(port);
  try {
    const login = async (u: string) =>
      (
        (await (
          await fetch(`${base}/api/auth/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username: u, password: 'demo' }),
          })
        ).json()) as { accessToken: string }
      ).accessToken;
    const token = await login('vhxh.truong');
    const h = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const seeds = resolve(ROOT, '..', 'shared', 'seeds');
    const text = readFileSync(join(seeds, readdirSync(seeds).find((f) => f.startsWith('003')) as string), 'utf8');
    const created = await fetch(`${base}/api/imports/report`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify({ text, period: { kind: 'year', year: 2026 }, deadline: '2026-12-20' }),
    });
    if (created.status !== 201) throw new Error(`import: ${created.status} ${await created.text()}`);
    const reportId = ((await created.json()) as { report: { id: string } }).report.id;

    const light = async (): Promise<number> => {
      const t = performance.now();
      const r = await fetch(`${base}/api/me`, { headers: h });
      await r.arrayBuffer();
      return performance.now() - t;
    };
    for (let i = 0; i < 50; i++) await light(); // warm-up
    const idle: number[] = [];
    for (let i = 0; i < SAMPLES; i++) idle.push(await light());

    const first = await fetch(`${base}/api/reports/${reportId}/pdf`, { headers: h });
    const pdf = Buffer.from(await first.arrayBuffer());
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    let running = true;
    const renderTimes: number[] = [];
    const renderers = Array.from({ length: RENDERERS }, async () => {
      while (running) {
        const t = performance.now();
        const r = await fetch(`${base}/api/reports/${reportId}/pdf`, { headers: h });
        await r.arrayBuffer();
        renderTimes.push(performance.now() - t);
      }
    });
    await new Promise((r) => setTimeout(r, 500));
    const busy: number[] = [];
    for (let i = 0; i < SAMPLES; i++) busy.push(await light());
    running = false;
    await Promise.all(renderers);

    const idleP99 = pct(idle, 99);
    const busyP99 = pct(busy, 99);
    console.log(
      `light request GET /api/me: idle p50 ${pct(idle, 50).toFixed(2)} ms, p99 ${idleP99.toFixed(2)} ms; with ${RENDERERS} renders running p50 ${pct(busy, 50).toFixed(2)} ms, p99 ${busyP99.toFixed(2)} ms`,
    );
    console.log(`renders completed during the busy phase: ${renderTimes.length}, each ${pdf.length} bytes`);
    console.log(
      `idle_p99_ms=${idleP99.toFixed(2)} busy_p99_ms=${busyP99.toFixed(2)} ratio=${(busyP99 / idleP99).toFixed(2)} render_ms_median=${pct(renderTimes, 50).toFixed(0)} pdf_pages=${pages}`,
    );
  } finally {
    api.kill('SIGINT');
    await new Promise((r) => api.on('exit', r));
  }
}

main().catch((e: Error) => {
  console.error(e);
  process.exit(1);
});
