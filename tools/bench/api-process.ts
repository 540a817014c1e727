/**
 * The real API (built) as a child process on a database of its own, for the benchmarks that measure
 * it from outside: a free port, a fresh database on the server (dropped afterwards), and the API
 * started with the flags `npm start` gives its node (plus BENCH_API_NODE_ARGS), demo data seeded.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as Pg } from 'pg';

export const DEFAULT_API_MAIN = 'dist/apps/api/main.js';

export const freePort = (): Promise<number> =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });

/** Runs `fn` with the URL of a new database `name` on `server`, dropped afterwards. */
export async function withDb(server: string, name: string, fn: (url: string) => Promise<void>): Promise<void> {
  const admin = new Pg({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Starts `main` (a build of the API; the default one is built if missing) on `url` and waits for its health check. */
export async function startApi(url: string, port: number, main = DEFAULT_API_MAIN): Promise<ChildProcess> {
  if (main === DEFAULT_API_MAIN && !existsSync(main))
    spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  // The flags `npm start` gives the API's node (package.json "start"), plus any BENCH_API_NODE_ARGS.
  const startFlags = (
    /node (.*?)dist\/apps\/api\/main\.js/.exec(JSON.parse(readFileSync('package.json', 'utf8')).scripts.start)?.[1] ?? ''
  ).trim();
  const nodeArgs = `${startFlags} ${process.env['BENCH_API_NODE_ARGS'] || ''}`.split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      DEMO_SEED: '1',
      SWEEP_INTERVAL_MS: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'tk-bench-')),
    },
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

/** Stops the API and waits for it to exit. */
export async function stopApi(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null) return;
  api.kill('SIGTERM');
  await new Promise((r) => api.on('exit', r));
}
