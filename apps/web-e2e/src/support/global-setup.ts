import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_MAIN, MISSING_CHROMIUM, WEB_INDEX, WORKSPACE, chromiumMissing } from './env';

declare global {
  var __TK_E2E_SERVER__: { child: ChildProcess; dataDir: string } | undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** One GET without keep-alive (a pooled socket would outlive the run). */
function healthy(url: string): Promise<boolean> {
  return new Promise((resolveOk) => {
    const req = get(url, { agent: false }, (res) => {
      res.resume();
      resolveOk(res.statusCode === 200);
    });
    req.on('error', () => resolveOk(false));
    req.setTimeout(5000, () => req.destroy());
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode} before it was healthy.\n${log()}`);
    if (await healthy(`${url}/api/health`)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The API did not answer ${url}/api/health within ${timeoutMs / 1000} s.\n${log()}`);
}

function serverEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_SEED: '1' };
  delete env['DATABASE_URL']; // always the embedded database, never a developer's server
  return env;
}

/** Starts the built app (API + web) on a free port with a fresh data folder and the demo seed. */
export default async function globalSetup(): Promise<void> {
  if (chromiumMissing()) {
    console.warn(`\n[web-e2e] ${MISSING_CHROMIUM}`);
    if (process.env['E2E_REQUIRED'] === '1') throw new Error(MISSING_CHROMIUM);
    process.env['TK_E2E_SKIP'] = '1';
    return;
  }
  for (const [file, target] of [
    [API_MAIN, 'api:build'],
    [WEB_INDEX, 'web:build'],
  ]) {
    if (!existsSync(file)) throw new Error(`[web-e2e] ${file} is missing: run \`npx nx run web-e2e:e2e\` (it builds ${target} first).`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tk-e2e-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL may run as another OS user
  // The server writes to a file, not a pipe: no handle keeps Jest alive after the run.
  const logFile = join(dataDir, 'api.log');
  const fd = openSync(logFile, 'a');
  // E2E_API_NODE_ARGS: node flags for the server only, e.g. `--cpu-prof --cpu-prof-dir=tmp/prof` (profiling a suite).
  const nodeArgs = (process.env['E2E_API_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, API_MAIN], {
    cwd: WORKSPACE,
    env: serverEnv(port, dataDir),
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const output = (): string => {
    try {
      return readFileSync(logFile, 'utf8').slice(-8000);
    } catch {
      return '';
    }
  };
  globalThis.__TK_E2E_SERVER__ = { child, dataDir };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, output, 90_000);
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
  process.env['TK_E2E_BASE_URL'] = url;
  process.env['TK_E2E_DATA_DIR'] = dataDir; // the demo CA's trust list is in DATA_DIR/pki (signature checks)
  console.log(`\n[web-e2e] app on ${url} (data in ${dataDir})`);
}
