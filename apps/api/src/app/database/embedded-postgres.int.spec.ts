import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { alive, startEmbeddedPostgres } from './embedded-postgres';

const query = async (url: string, sql: string): Promise<unknown[]> => {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
};

describe('embedded PostgreSQL', () => {
  it('keeps data across restarts in DATA_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-emb-'));
    chmodSync(dir, 0o755);
    const a = await startEmbeddedPostgres(dir);
    expect(a.clusterDir).toBe(join(dir, 'pg'));
    await query(a.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$xã An Bình$$)');
    await a.stop();
    const b = await startEmbeddedPostgres(dir);
    expect(await query(b.url, 'SELECT v FROM kept')).toEqual([{ v: 'xã An Bình' }]);
    await b.stop();
  });

  it('comes back up after the app was killed with SIGKILL, stopping the stale server first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-emb-kill-'));
    chmodSync(dir, 0o755);
    // A separate Node process owns the server, then dies without stopping it.
    const script = `require(${JSON.stringify(resolve(__dirname, 'embedded-postgres.ts'))}).startEmbeddedPostgres(${JSON.stringify(dir)}).then(async (db) => {
      const { Client } = require('pg'); const c = new Client({ connectionString: db.url }); await c.connect();
      await c.query("CREATE TABLE survived (v int); INSERT INTO survived VALUES (42)"); await c.end();
      console.log('READY'); setInterval(() => {}, 1000);
    });`;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: process.cwd(),
    });
    await new Promise<void>((res, rej) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('READY') && res());
      child.on('exit', (code) => rej(new Error(`child exited ${code}`)));
    });
    const stalePid = Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(alive(stalePid)).toBe(true); // the orphaned server is still running

    const db = await startEmbeddedPostgres(dir);
    expect(alive(stalePid)).toBe(false);
    expect(await query(db.url, 'SELECT v FROM survived')).toEqual([{ v: 42 }]);
    await db.stop();
    expect(existsSync(join(dir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('refuses to share DATA_DIR with a live instance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-emb-twice-'));
    chmodSync(dir, 0o755);
    const db = await startEmbeddedPostgres(dir);
    const other = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        '-e',
        `require(${JSON.stringify(resolve(__dirname, 'embedded-postgres.ts'))}).startEmbeddedPostgres(${JSON.stringify(dir)}).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    other.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => other.on('exit', r));
    // The lock names this (live) test process, so the second start is refused …
    expect(code).toBe(3);
    expect(err).toMatch(/đang được một tiến trình Trình Ký khác/);
    // … and the running server was left alone.
    expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.stop();
  });

  if (process.getuid?.() === 0) {
    it('as root, moves a cluster the postgres user cannot reach and remembers where', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tk-emb-private-')); // 0700: not traversable by postgres
      const db = await startEmbeddedPostgres(dir);
      expect(db.clusterDir.startsWith('/var/lib/trinh-ky/')).toBe(true);
      expect(readFileSync(join(dir, 'pg-location'), 'utf8')).toBe(db.clusterDir);
      await query(db.url, 'CREATE TABLE t (v int)');
      await db.stop();
      const again = await startEmbeddedPostgres(dir);
      expect(again.clusterDir).toBe(db.clusterDir);
      await again.stop();
    });
  }
});
