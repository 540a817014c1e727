/**
 * Aggregation of one request over its communes' annexes (issue 12 §5): a fresh database on the machine's
 * PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), migrated like the API's,
 * holding one Sở Nội vụ above BENCH_COMMUNES communes (200), each with a submitted report from one request
 * whose seven annex parts hold a full set of consistent figures in their accepted revision. Then times
 * the aggregation exactly as the API runs it — `AggregateService.view` (GET /api/requests/:id/aggregate:
 * one statement for the targets and their figures, the pure aggregation, the compile rule) — and the
 * .xlsx (`aggregateWorkbook`), wall and CPU time, and checks the sums against SQL. Target: ≤ 1 s.
 * Ends with one line `aggregate_p95_ms=… xlsx_p95_ms=…`.
 * Run: `SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/aggregate.ts`.
 */
import { Client as Pg } from 'pg';
import { CCHC_QUARTERLY_FIGURES as CATALOGUE, fmt } from '@trinhky/domain';
import { aggregateWorkbook } from '@trinhky/documents';
import { openDataSource } from '../../apps/api/src/app/database/data-source';
import { PeopleService } from '../../apps/api/src/app/organisation/people.service';
import { AGGREGATE_SQL, AggregateService } from '../../apps/api/src/app/province/aggregate.service';
import { AGGREGATED_REPORT_STATES } from '@trinhky/workflow';
import { RequestsService } from '../../apps/api/src/app/province/requests.service';

const SERVER = process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
const COMMUNES = Number(process.env['BENCH_COMMUNES'] || 200);
const RUNS = Number(process.env['BENCH_RUNS'] || 20);
const NAME = 'tk_bench_aggregate';

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** A full, consistent annex for commune `n` (every indicator of every group, rates left computed). */
function annexOf(n: number): Record<string, { values: Record<string, (string | null)[]> }> {
  const x = (k: number) => ((n * 7919 + k * 104729) % 1000) + 10;
  const out: Record<string, { values: Record<string, (string | null)[]> }> = {};
  for (const g of CATALOGUE.groups) {
    const values: Record<string, (string | null)[]> = {};
    g.indicators.forEach((ind, k) => {
      const t = ind.kind.type;
      if (t === 'count' || t === 'money') values[ind.code] = [fmt(x(k))];
      else if (t === 'coded') values[ind.code] = [String(n % ind.kind.options.length)];
      else if (t === 'percent') values[ind.code] = [g.rules.some((r) => r.type === 'rate' && r.rate === ind.code) ? null : fmt(x(k) % 100)];
      else values[ind.code] = [null];
    });
    // Make the rules hold: parts ≤ totals, totals = Σ parts, flows balance.
    const set = (c: string, v: number) => (values[c] = [fmt(v)]);
    if (g.code === 'CDDH') {
      set('2.1', 100 + n);
      set('2.2', 90);
      set('3.2', 20);
      set('3.3', 10);
      set('7.1', 30);
      set('7.2', 10);
      set('7.3', 5);
      set('7.4', 5);
    } else if (g.code === 'TC') {
      set('1.1', 3);
      set('1.2', 4);
      set('1', 7);
      set('2', 50);
      set('2.1', 10);
      set('2.2', 8);
    } else if (g.code === 'TTHC') {
      set('1.1', 300);
      set('1.2', 20 + (n % 5));
      set('1', 320 + (n % 5));
      set('2', 300);
      set('4.1', 1000 + n);
      set('4.2', 400);
      set('4.3', 5);
      set('4', 1405 + n);
      set('5.1', 1300 + n);
      set('5.2', 50);
      set('5', 1350 + n);
      set('6', 55);
      set('7', 900);
      set('8', 800);
      set('9', 12);
      set('9.1', 10);
    } else if (g.code === 'TCBM') {
      set('2.1', 30);
      set('2.2', 28);
      set('3.1', 40);
      set('3.2', 39);
    } else if (g.code === 'TCC') {
      set('1.1', 5000 + n);
      set('1.2', 4000);
      set('3.1', 1);
      set('3.2', 2);
      set('3.3', 3);
      set('3.4', 4);
      set('3', 10);
    } else if (g.code === 'CQS') {
      set('3.1', 500);
      set('3.2', 200 + n);
      set('3', 700 + n);
      set('4', 50);
      set('4.1', 40);
    }
    out[g.part] = { values };
  }
  return out;
}

async function generate(q: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<{ snv: string; user: string; request: string }> {
  const org = `INSERT INTO organisations (name, issuer_parent, issuer_name, place, number_suffix, collective_title, parent_id)`;
  const [snv] = (await q(
    `${org} VALUES ('Sở Nội vụ tỉnh Bench', 'UBND TỈNH', 'SỞ NỘI VỤ', 'Bench', 'SNV', 'SỞ NỘI VỤ', NULL) RETURNING id`,
  )) as { id: string }[];
  await q(
    `${org} SELECT 'Ủy ban nhân dân xã Số ' || i, 'ỦY BAN NHÂN DÂN', 'XÃ SỐ ' || i, 'Xã ' || i, 'UBND', 'ỦY BAN NHÂN DÂN', $1 FROM generate_series(1, $2) i`,
    [snv.id, COMMUNES],
  );
  // Each organisation's unit that compiles and drafts here (users and parts name one of their organisation's units).
  await q(
    `INSERT INTO units (organisation_id, code, name) SELECT id, 'VHXH', 'Phòng Văn hóa - Xã hội' FROM organisations WHERE id = $1 OR parent_id = $1`,
    [snv.id],
  );
  const [user] = (await q(
    `INSERT INTO users (organisation_id, username, full_name, password_hash, position, roles, unit_code) VALUES ($1, 'snv.bench', 'Bench', 'x', 'TRUONG_PHONG', '{compiler}', 'VHXH') RETURNING id`,
    [snv.id],
  )) as { id: string }[];
  const [request] = (await q(
    `INSERT INTO report_requests (organisation_id, number_text, issued_on, subject, template_code, period_kind, period_year, period_index, period_key, deadline, cutoff_from, cutoff_to, created_by)
     VALUES ($1, '1/SNV-CCHC', '2026-09-01', 'về việc báo cáo CCHC quý III năm 2026', 'CCHC_QUY', 'quarter', 2026, 3, '2026-Q3', '2026-09-20', '2026-06-15', '2026-09-14', $2) RETURNING id`,
    [snv.id, user.id],
  )) as { id: string }[];
  await q(
    `CREATE TEMP TABLE c AS SELECT row_number() OVER (ORDER BY o.name) - 1 AS n, o.id AS org FROM organisations o WHERE o.parent_id = $1`,
    [snv.id],
  );
  await q(
    `INSERT INTO reports (organisation_id, template_code, kind, period_kind, period_year, period_index, period_key, title, subject, recipients, distribution, state, snapshot, definition_version, policy, deadline, cutoff_from, cutoff_to, created_by, figures_catalogue_version, number_text)
     SELECT c.org, 'CCHC_QUY', 'CCHC', 'quarter', 2026, 3, '2026-Q3', 'Báo cáo CCHC', '[]', '["Sở Nội vụ"]', '[]', 'submitted', '{}', 1, '{}', '2026-09-20', '2026-06-15', '2026-09-14', $1, 1, c.n || '/BC-UBND' FROM c`,
    [user.id],
  );
  await q(`INSERT INTO report_request_targets (request_id, organisation_id, report_id) SELECT $1, r.organisation_id, r.id FROM reports r`, [
    request.id,
  ]);
  const parts = CATALOGUE.groups.map((g) => g.part);
  await q(
    `INSERT INTO sections (report_id, organisation_id, code, label, title, level, sort_order, unit_code, state, snapshot, deadline)
     SELECT r.id, r.organisation_id, x.code, x.code, 'Phần ' || x.code, 'part', x.n, 'VHXH', 'accepted', '{}', r.deadline
       FROM reports r CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS x(code, n)`,
    [parts],
  );
  const ns = Array.from({ length: COMMUNES }, (_, n) => n);
  await q(
    `INSERT INTO section_revisions (section_id, report_id, number, content, figures, content_hash, author_id, author_name)
     SELECT s.id, s.report_id, 1, '{"blocks":[]}', (f.annex -> s.code), 'bench', $3, 'Bench'
       FROM unnest($1::int[], $2::jsonb[]) AS f(n, annex) JOIN c ON c.n = f.n JOIN sections s ON s.organisation_id = c.org`,
    [ns, ns.map((n) => JSON.stringify(annexOf(n))), user.id],
  );
  await q(
    `UPDATE sections s SET accepted_revision_id = sr.id, current_revision_id = sr.id FROM section_revisions sr WHERE sr.section_id = s.id`,
  );
  return { snv: snv.id, user: user.id, request: request.id };
}

async function time(label: string, fn: () => Promise<unknown>, target = 1000): Promise<number> {
  await fn(); // warm
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const cpu = process.cpuUsage(cpu0);
  ms.sort((a, b) => a - b);
  const p95 = pct(ms, 95);
  console.log(
    `${label.padEnd(40)} p50 ${pct(ms, 50).toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   Node CPU ${((cpu.user + cpu.system) / 1000 / RUNS).toFixed(1).padStart(6)} ms/run${p95 > target ? '   OVER TARGET' : ''}`,
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
    const g = await ds.transaction(async (em) => generate((sql, params) => em.query(sql, params)));
    await ds.query('VACUUM ANALYZE');
    const [{ n: revisions }] = await ds.query('SELECT count(*)::int AS n FROM section_revisions');
    console.log(
      `generated ${COMMUNES} communes × ${CATALOGUE.groups.length} annex parts (${revisions} revisions, ${CATALOGUE.groups.reduce((a, x) => a + x.indicators.length, 0)} indicators each) in ${((Date.now() - t0) / 1000).toFixed(1)} s (PostgreSQL ${(await ds.query('SHOW server_version'))[0].server_version})`,
    );
    const people = new PeopleService(ds);
    const service = new AggregateService(ds, new RequestsService(ds, people, null as never), people);
    const p = { userId: g.user, organisationId: g.snv };
    const view = await service.view(p, g.request);
    const body = JSON.stringify(view);
    console.log(`response: ${view.included.length} communes included, ${(body.length / 1024).toFixed(0)} KiB of JSON`);
    const agg = await time('aggregate (GET …/aggregate, as the API)', () => service.view(p, g.request));
    await time('  + JSON.stringify of the response', async () => JSON.stringify(await service.view(p, g.request)));
    await time('  of which the SQL statement alone', () => ds.query(AGGREGATE_SQL, [g.request, AGGREGATED_REPORT_STATES]));
    const xlsx = await time(
      'aggregate.xlsx (query + workbook; no target)',
      async () => {
        const a = await service.aggregation(p, g.request);
        return aggregateWorkbook({
          aggregate: a.aggregate,
          subtitle: service.subtitle(a.request),
          communes: a.included.map((x) => x.organisation),
        });
      },
      Infinity,
    );
    // Correctness: TTHC 5 (đã giải quyết) and 5.1 against SQL over the stored figures; the rate from those sums.
    const [direct] = await ds.query(
      `SELECT sum(replace(sr.figures->'values'->'5'->>0, '.', '')::int)::int AS s5, sum(replace(sr.figures->'values'->'5.1'->>0, '.', '')::int)::int AS s51
         FROM sections s JOIN section_revisions sr ON sr.id = s.accepted_revision_id WHERE s.code = 'II.2'`,
    );
    const tthc = view.groups.find((x) => x.code === 'TTHC');
    const f5 = tthc?.indicators.find((i) => i.code === '5')?.periods[0];
    const f53 = tthc?.indicators.find((i) => i.code === '5.3')?.periods[0];
    const ok =
      view.included.length === COMMUNES &&
      f5?.value === direct.s5 &&
      f5?.reported === COMMUNES &&
      Math.abs((f53?.value ?? 0) - (direct.s51 / direct.s5) * 100) < 1e-9;
    console.log(`sums ${ok ? 'match' : 'DO NOT MATCH'} SQL: đã giải quyết ${f5?.text}, tỷ lệ đúng hạn ${f53?.text} %`);
    console.log(`aggregate_p95_ms=${agg.toFixed(1)} xlsx_p95_ms=${xlsx.toFixed(1)}`);
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
