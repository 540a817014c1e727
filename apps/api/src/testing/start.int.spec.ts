import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** `npm start` as a user runs it: the built API on the embedded database, and back after `kill -9`. */
const root = resolve(__dirname, '../../../..');
const main = join(root, 'dist/apps/api/main.js');

const freePort = (): Promise<number> =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });

async function start(dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  let out = '';
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', PORT: String(port), DATA_DIR: dataDir, SWEEP_INTERVAL_MS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`API exited: ${out}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return { child, output: () => out };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`API did not start: ${out}`);
}

async function reportTitles(port: number): Promise<string[]> {
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'vhxh.cv', password: 'demo' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const list = await fetch(`http://127.0.0.1:${port}/api/reports`, { headers: { Authorization: `Bearer ${accessToken}` } });
  return ((await list.json()) as { items: { id: string; title: string }[] }).items.map((r) => `${r.id} ${r.title}`);
}

describe('npm start (built API, embedded database)', () => {
  beforeAll(() => {
    if (!existsSync(main))
      spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NX_DAEMON: 'false' },
      });
  }, 180_000);

  it('starts on an empty DATA_DIR with the demo data, and comes back by itself after kill -9', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tk-start-'));
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    const first = await start(dataDir, port);
    expect(first.output()).toContain(`Trình Ký đang chạy tại http://localhost:${port}`);
    expect(first.output()).toContain('pct.vhxh');
    const before = await reportTitles(port);
    expect(before).toHaveLength(1);
    expect(before[0]).toContain('Báo cáo CCHC');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.on('exit', r));

    const second = await start(dataDir, port);
    expect(await reportTitles(port)).toEqual(before); // same data, not seeded twice
    second.child.kill('SIGINT');
    const code = await new Promise((r) => second.child.on('exit', r));
    expect(code).toBe(0);
  }, 120_000);
});
