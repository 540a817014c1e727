/**
 * npm run restore -- <file> [--force]   (runs with SWC_NODE_PROJECT=tsconfig.base.json: the migrations load decorated entities)
 * Restores a backup made by `npm run backup` into DATABASE_URL, else the embedded database of
 * DATA_DIR (started for the duration; refused while the app runs on it). The file is read through
 * and checked before anything is touched. A database that already has tables is replaced only with
 * --force (schema public dropped, then rebuilt by the app's own migrations: triggers included).
 * Exit 0 done, 1 refused (not a backup, incomplete, newer version, target not empty), 2 error.
 */
import 'reflect-metadata';
import { createReadStream, existsSync, openSync, readSync, closeSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../apps/api/src/app/database/data-source';
import { FORMAT, FORMAT_VERSION, type BackupHeader, keyFilesWarning, quote, runningAppPid, target } from './backup/common';

class Refused extends Error {}

type Line = BackupHeader | { table: string; rows: unknown[] } | { end: true; rows: Record<string, number> };

async function* lines(file: string): AsyncGenerator<Line> {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const l of rl) if (l) yield JSON.parse(l) as Line;
}

/** Reads the whole file once: it must be a complete backup this version can restore. */
async function check(file: string): Promise<BackupHeader> {
  const notBackup = `Tệp ${file} không phải bản sao lưu Trình Ký (tạo bằng "npm run backup"). Không thay đổi gì.`;
  const fd = openSync(file, 'r');
  const magic = Buffer.alloc(5);
  readSync(fd, magic, 0, 5, 0);
  closeSync(fd);
  if (magic.toString('latin1') === 'PGDMP')
    throw new Refused(`Tệp ${file} là bản pg_dump, không phải bản sao lưu Trình Ký: hãy khôi phục nó bằng pg_restore. Không thay đổi gì.`);
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new Refused(notBackup);
  let header: BackupHeader | null = null;
  const counts: Record<string, number> = {};
  let end: Record<string, number> | null = null;
  try {
    for await (const line of lines(file)) {
      if (!header) {
        if ((line as BackupHeader).format !== FORMAT) throw new Refused(notBackup);
        header = line as BackupHeader;
        if (header.version > FORMAT_VERSION)
          throw new Refused(
            `Bản sao lưu dùng định dạng mới hơn (${header.version}) phiên bản Trình Ký này. Hãy cập nhật Trình Ký rồi khôi phục.`,
          );
      } else if ('table' in line) counts[line.table] = (counts[line.table] ?? 0) + line.rows.length;
      else if ('end' in line) end = line.rows;
    }
  } catch (e) {
    if (e instanceof Refused) throw e;
    throw new Refused(header ? `Bản sao lưu ${file} bị hỏng hoặc không đầy đủ (${(e as Error).message}). Không thay đổi gì.` : notBackup);
  }
  if (!header) throw new Refused(notBackup);
  if (!end || Object.entries(end).some(([t, n]) => (counts[t] ?? 0) !== n))
    throw new Refused(`Bản sao lưu ${file} không đầy đủ (thiếu phần cuối hoặc thiếu dòng). Không thay đổi gì.`);
  const known = MIGRATIONS.map((m) => m.name);
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length)
    throw new Refused(
      `Bản sao lưu được tạo bởi phiên bản Trình Ký mới hơn (bước lược đồ ${unknown.join(', ')}). Hãy cập nhật Trình Ký rồi khôi phục.`,
    );
  return header;
}

async function connectOrCreate(url: string): Promise<Client> {
  const db = new Client({ connectionString: url, application_name: 'trinh-ky-restore' });
  try {
    await db.connect();
    return db;
  } catch (e) {
    if ((e as { code?: string }).code !== '3D000') throw e;
    const admin = new URL(url);
    const name = decodeURIComponent(admin.pathname.slice(1));
    admin.pathname = '/postgres';
    const c = new Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`CREATE DATABASE ${quote(name)}`);
    await c.end();
    console.log(`Đã tạo cơ sở dữ liệu trống ${name}.`);
    const again = new Client({ connectionString: url, application_name: 'trinh-ky-restore' });
    await again.connect();
    return again;
  }
}

async function migrate(url: string, names: string[] | null): Promise<void> {
  const migrations = names ? MIGRATIONS.filter((m) => names.includes(m.name)) : MIGRATIONS;
  const ds = new DataSource({ type: 'postgres', url, migrations, entities: [], logging: ['error'] });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('Cách dùng: npm run restore -- <tệp> [--force]');
    return 1;
  }
  const path = resolve(file);
  if (!existsSync(path)) throw new Refused(`Không có tệp ${path}.`);
  const header = await check(path);
  if (!process.env['DATABASE_URL']) {
    const pid = runningAppPid(resolve(process.env['DATA_DIR'] || '.data'));
    if (pid) throw new Refused(`Trình Ký đang chạy trên cơ sở dữ liệu nhúng này (PID ${pid}). Hãy dừng máy chủ rồi khôi phục.`);
  }
  const t = await target();
  let db: Client | null = null;
  try {
    db = await connectOrCreate(t.url);
    const existing: number = (await db.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n;
    if (existing > 0 && !force)
      throw new Refused(`${t.label} đã có dữ liệu (${existing} bảng). Thêm --force để xóa và thay bằng bản sao lưu.`);
    await db.query('SET lock_timeout = 10000');
    if (existing > 0) await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    // The schema as it was at backup time, built by the migrations themselves (triggers included).
    await migrate(t.url, header.migrations);

    const superuser: boolean = (await db.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0]?.rolsuper ?? false;
    await db.query('BEGIN');
    // A superuser skips foreign-key checks (the rows come from one consistent snapshot); otherwise
    // tables come parents first and a self-referencing table in one statement.
    if (superuser) await db.query('SET LOCAL session_replication_role = replica');
    const columns = new Map<string, string>();
    const columnsOf = async (table: string): Promise<string> => {
      if (!columns.has(table)) {
        const names: string[] = (
          await db!.query(
            `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
            [table],
          )
        ).rows.map((r) => quote(r.column_name));
        columns.set(table, names.join(', '));
      }
      return columns.get(table) as string;
    };
    const insert = async (table: string, rows: unknown[]): Promise<void> => {
      const cols = await columnsOf(table);
      await db!.query(
        `INSERT INTO ${quote(table)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
        [JSON.stringify(rows)],
      );
    };
    const held = new Map<string, unknown[]>();
    let total = 0;
    for await (const line of lines(path)) {
      if (!('table' in line)) continue;
      total += line.rows.length;
      for (const [table, rows] of held) {
        if (table === line.table) continue;
        await insert(table, rows);
        held.delete(table);
      }
      if (!superuser && header.selfReferencing.includes(line.table)) held.set(line.table, [...(held.get(line.table) ?? []), ...line.rows]);
      else await insert(line.table, line.rows);
    }
    for (const [table, rows] of held) await insert(table, rows);
    // Sequences continue after the restored ids.
    const serials: { t: string; c: string; s: string }[] = (
      await db.query(
        `SELECT table_name AS t, column_name AS c, pg_get_serial_sequence(quote_ident(table_name), column_name) AS s FROM information_schema.columns WHERE table_schema = 'public'`,
      )
    ).rows.filter((r: { s: string | null }) => r.s);
    for (const { t: table, c, s } of serials)
      await db.query(`SELECT setval($1, COALESCE((SELECT max(${quote(c)}) FROM ${quote(table)}), 0) + 1, false)`, [s]);
    await db.query('COMMIT');
    // Steps added since the backup was made run now, on the restored data.
    await migrate(t.url, null);
    console.log(
      `Đã khôi phục ${path} vào ${t.label}: ${header.tables.length} bảng, ${total.toLocaleString('vi-VN')} dòng (sao lưu lúc ${header.createdAt}).`,
    );
    console.log(keyFilesWarning(t.dataDir));
    return 0;
  } finally {
    await db?.end().catch(() => undefined);
    await t.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(e instanceof Refused ? e.message : `Khôi phục thất bại: ${e.message}`);
    process.exit(e instanceof Refused ? 1 : 2);
  },
);
