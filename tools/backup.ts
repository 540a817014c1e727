/**
 * npm run backup -- <file>
 * Backs up the database (DATABASE_URL, else the embedded one of DATA_DIR, whether or not the app is
 * running) into <file>: one consistent snapshot (REPEATABLE READ), written to <file>.partial and
 * renamed when complete. Format and reasons: tools/backup/common.ts. Exit 0 done, 1 refused, 2 error.
 */
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { FORMAT, FORMAT_VERSION, type BackupHeader, keyFilesWarning, quote, target } from './backup/common';

const CHUNK_ROWS = 500;

/** Tables of the public schema (TypeORM's own `migrations` aside), parents before children. */
async function tablesInOrder(db: Client): Promise<{ tables: string[]; selfReferencing: string[] }> {
  const names: string[] = (
    await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`)
  ).rows.map((r) => r.tablename);
  const fks: { child: string; parent: string }[] = (
    await db.query(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
    )
  ).rows;
  const unq = (s: string): string => s.replace(/^"|"$/g, '');
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  const selfReferencing = new Set<string>();
  for (const fk of fks) {
    const [child, parent] = [unq(fk.child), unq(fk.parent)];
    if (child === parent) selfReferencing.add(child);
    else parents.get(child)?.add(parent);
  }
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string): void => {
    if (order.includes(t)) return;
    if (visiting.has(t)) throw new Error(`Vòng khóa ngoại giữa các bảng (${t}); chưa hỗ trợ sao lưu lược đồ này.`);
    visiting.add(t);
    for (const p of parents.get(t) ?? []) if (parents.has(p)) visit(p);
    visiting.delete(t);
    order.push(t);
  };
  names.forEach(visit);
  return { tables: order, selfReferencing: [...selfReferencing] };
}

async function primaryKeyOrder(db: Client, table: string): Promise<string> {
  const cols: string[] = (
    await db.query(
      `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = $1::regclass AND i.indisprimary`,
      [quote(table)],
    )
  ).rows.map((r) => quote(r.attname));
  return cols.length ? `ORDER BY ${cols.join(', ')}` : '';
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || file.startsWith('-')) {
    console.error('Cách dùng: npm run backup -- <tệp>   (ví dụ: npm run backup -- trinhky-2026-12-01.tkbak)');
    return 1;
  }
  const out = resolve(file);
  const t = await target();
  const db = new Client({ connectionString: t.url, application_name: 'trinh-ky-backup' });
  const partial = `${out}.partial`;
  try {
    await db.connect();
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const hasMigrations = (await db.query(`SELECT to_regclass('public.migrations') AS t`)).rows[0].t;
    if (!hasMigrations) {
      console.error(`${t.label} chưa có lược đồ Trình Ký (chưa chạy lần nào?): không có gì để sao lưu.`);
      return 1;
    }
    const migrations: string[] = (await db.query('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name);
    const { tables, selfReferencing } = await tablesInOrder(db);
    const header: BackupHeader = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      tables,
      selfReferencing,
    };

    const gzip = createGzip();
    const sink = createWriteStream(partial, { mode: 0o600 });
    gzip.pipe(sink);
    const write = async (line: string): Promise<void> => {
      if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
    };
    await write(JSON.stringify(header));
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table] = 0;
      await db.query(
        `DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quote(table)} t ${await primaryKeyOrder(db, table)}`,
      );
      for (;;) {
        const rows: { j: string }[] = (await db.query(`FETCH ${CHUNK_ROWS} FROM rows_cursor`)).rows;
        if (rows.length === 0) break;
        counts[table] += rows.length;
        await write(`{"table":${JSON.stringify(table)},"rows":[${rows.map((r) => r.j).join(',')}]}`);
      }
      await db.query('CLOSE rows_cursor');
    }
    await write(JSON.stringify({ end: true, rows: counts }));
    gzip.end();
    await once(sink, 'close');
    await db.query('COMMIT');
    renameSync(partial, out);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `Đã sao lưu ${t.label} vào ${out}: ${tables.length} bảng, ${total.toLocaleString('vi-VN')} dòng, ${migrations.length} bước lược đồ.`,
    );
    console.log(keyFilesWarning(t.dataDir));
    return 0;
  } finally {
    if (existsSync(partial)) rmSync(partial, { force: true });
    await db.end().catch(() => undefined);
    await t.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`Sao lưu thất bại: ${e.message}`);
    process.exit(2);
  },
);
