import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_MAIN, MISSING_CHROMIUM, WEB_INDEX, WORKSPACE, chromiumMissing } from './env';

declare global {
  // eslint-disable-next-line no-var
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

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode} before it was healthy.\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
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
  let output = '';
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE,
    env: serverEnv(port, dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  globalThis.__TK_E2E_SERVER__ = { child, dataDir };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => output, 90_000);
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
  process.env['TK_E2E_BASE_URL'] = url;
  console.log(`\n[web-e2e] app on ${url} (data in ${dataDir})`);
}
