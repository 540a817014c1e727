/**
 * The province board at scale (issue 12): a fresh database on the machine's PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), migrated like the API's,
 * holding one Sở Nội vụ above BENCH_COMMUNES communes (300) with BENCH_REPORTS reports (100 000)
 * over 20 quarters in every state, two parts each, ~5 % overdue. Then times the board's queries
 * exactly as the API runs them (BoardService): first page, filtered pages, a deep page, the totals;
 * checks the totals against direct counts. Target: p95 ≤ 300 ms each. Ends with one line
 * `board_first_page_p95_ms=… totals_p95_ms=…`. Rerun: `npm run bench:province`.
 */
import { Client as Pg } from 'pg';
import { REPORT_STATES } from '@trinhky/domain';
import { openDataSource } from '../../apps/api/src/app/database/data-source';
import { BoardService } from '../../apps/api/src/app/province/board.service';

const SERVER = process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
const COMMUNES = Number(process.env['BENCH_COMMUNES'] || 300);
const REPORTS = Number(process.env['BENCH_REPORTS'] || 100_000);
const RUNS = Number(process.env['BENCH_RUNS'] || 30);
const NAME = 'tk_bench_province';

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function generate(q: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<string> {
  const org = `INSERT INTO organisations (name, issuer_parent, issuer_name, place, number_suffix, collective_title, parent_id)`;
  const [snv] = (await q(
    `${org} VALUES ('Sở Nội vụ tỉnh Bench', 'UBND TỈNH', 'SỞ NỘI VỤ', 'Bench', 'SNV', 'SỞ NỘI VỤ', NULL) RETURNING id`,
  )) as { id: string }[];
  await q(
    `${org} SELECT 'Ủy ban nhân dân xã Số ' || i, 'ỦY BAN NHÂN DÂN', 'XÃ SỐ ' || i, 'Xã ' || i, 'UBND', 'ỦY BAN NHÂN DÂN', $1 FROM generate_series(1, $2) i`,
    [snv.id, COMMUNES],
  );
  await q(
    `INSERT INTO users (organisation_id, username, full_name, password_hash, position, roles) VALUES ($1, 'snv.bench', 'Bench', 'x', 'CHUYEN_VIEN', '{viewer}')`,
    [snv.id],
  );
  await q(
    `INSERT INTO users (organisation_id, username, full_name, password_hash, position, roles, unit_code)
           SELECT o.id, 'u' || row_number() OVER (), 'Người ' || o.name, 'x', 'TRUONG_PHONG', '{compiler}', 'VHXH' FROM organisations o WHERE o.parent_id = $1`,
    [snv.id],
  );
  await q(
    `CREATE TEMP TABLE c AS SELECT row_number() OVER (ORDER BY o.id) - 1 AS n, o.id AS org, u.id AS usr FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE o.parent_id = $1`,
    [snv.id],
  );
  await q(
    `INSERT INTO reports (organisation_id, template_code, kind, period_kind, period_year, period_index, period_key, title, subject, recipients, distribution, state, snapshot, definition_version, policy, deadline, cutoff_from, cutoff_to, overdue, created_by, updated_at)
           SELECT c.org, 'CCHC_QUY', 'CCHC', 'quarter', 2022 + (i / $1 / 4) % 5, (i / $1) % 4 + 1, (2022 + (i / $1 / 4) % 5) || '-Q' || ((i / $1) % 4 + 1),
                  'Báo cáo CCHC ' || i, '[]', '["Sở Nội vụ"]', '[]', ($2::text[])[1 + (i * 7) % array_length($2::text[], 1)], '{}', 1, '{}',
                  DATE '2022-03-18' + (i % 1800), DATE '2022-01-01', DATE '2022-03-14', i % 20 = 0, c.usr, now() - (i || ' minutes')::interval
             FROM generate_series(0, $3 - 1) i JOIN c ON c.n = i % $1`,
    [COMMUNES, [...REPORT_STATES], REPORTS],
  );
  await q(`INSERT INTO sections (report_id, organisation_id, code, label, title, level, sort_order, unit_code, state, snapshot, deadline, overdue)
           SELECT r.id, r.organisation_id, x.code, x.code, 'Phần ' || x.code, 'part', x.n, 'VHXH', 'assigned', '{}', r.deadline, x.n = 2 AND r.title LIKE '%3'
             FROM reports r CROSS JOIN (VALUES ('I', 1), ('II', 2)) AS x(code, n)`);
  return snv.id;
}

async function time(label: string, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const p95 = pct(ms, 95);
  console.log(
    `${label.padEnd(44)} p50 ${pct(ms, 50).toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms${p95 > 300 ? '   OVER TARGET' : ''}`,
  );
  return p95;
}

async function main(): Promise<void> {
  const admin = new Pg({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${NAME}`);
  const url = new URL(SERVER);
  url.pathname = `/${NAME}`;
  const ds = await openDataSource(url.toString());
  try {
    const t0 = Date.now();
    const snv = await ds.transaction(async (em) => generate((sql, params) => em.query(sql, params)));
    console.log(
      `generated ${REPORTS.toLocaleString('vi-VN')} reports over ${COMMUNES} communes in ${((Date.now() - t0) / 1000).toFixed(1)} s (PostgreSQL ${(await ds.query('SHOW server_version'))[0].server_version})`,
    );
    await ds.query('VACUUM ANALYZE reports');
    await ds.query('VACUUM ANALYZE sections');
    const board = new BoardService(ds);
    const p = { userId: '00000000-0000-4000-8000-000000000000', organisationId: snv };
    const [commune] = await ds.query('SELECT id FROM organisations WHERE parent_id = $1 LIMIT 1', [snv]);
    const page = (q: Record<string, unknown>) => board.page(p, { limit: 50, offset: 0, ...q });
    const first = await time('board, first page (50 of all)', () => page({}));
    await time('board, period 2024-Q3', () => page({ period: '2024-Q3' }));
    await time('board, state collecting,compiling', () => page({ state: 'collecting,compiling' }));
    await time('board, one commune', () => page({ organisation: commune.id }));
    await time('board, overdue', () => page({ overdue: 'true' }));
    await time('board, page 200 (offset 9 950)', () => page({ offset: 9950 }));
    const totals = await time('totals (by state, by commune, overdue)', () => board.totals(p, {}));
    await time('totals, period 2024-Q3', () => board.totals(p, { period: '2024-Q3' }));
    // Correctness: the totals match direct counts.
    const got = await board.totals(p, {});
    const [direct] = await ds.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE r.overdue OR EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.overdue))::int AS o FROM reports r`,
    );
    const sum = got.byOrganisation.reduce((a, b) => a + b.count, 0);
    const ok =
      got.total === direct.n &&
      got.overdue === direct.o &&
      sum === direct.n &&
      got.byOrganisation.length === COMMUNES &&
      (await page({})).total === direct.n;
    console.log(
      `totals ${ok ? 'match' : 'DO NOT MATCH'} direct counts: ${got.total} reports, ${got.overdue} overdue, ${got.byOrganisation.length} communes`,
    );
    console.log(`board_first_page_p95_ms=${first.toFixed(1)} totals_p95_ms=${totals.toFixed(1)}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    await admin.end();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
