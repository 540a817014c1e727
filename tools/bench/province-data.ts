/**
 * Set-based generation of the province for `bench:province` (generate_series, INSERT … SELECT: minutes,
 * not hours), cloned from the demo seed so every row is one the API really reads (policy, snapshot,
 * parts, unit names, users with the demo password), and the EXPLAIN ANALYZE of the heavy queries.
 */
import { REPORT_STATES } from '@trinhky/domain';
import type { DataSource } from 'typeorm';
import {
  countSource,
  countSql,
  listWhere,
  organisationsNamed,
  readableOrganisations,
} from '../../apps/api/src/app/reports/report-list-sql';

type Overrides = Record<string, string>;

/** `INSERT INTO table (cols) SELECT <cols, overridden> FROM …`: every non-generated column but `id` copied from `src.` unless overridden. */
async function clone(ds: DataSource, table: string, overrides: Overrides, from: string, params: unknown[] = []): Promise<number> {
  const cols: { column_name: string }[] = await ds.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' AND column_name <> 'id' ORDER BY ordinal_position`,
    [table],
  );
  const names = cols.map((c) => c.column_name);
  const values = names.map((c) => overrides[c] ?? `src.${c}`);
  const res = await ds.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${values.join(', ')} ${from}`, params);
  return Array.isArray(res) ? Number(res[1] ?? 0) : 0;
}

export async function generate(
  ds: DataSource,
  o: { communes: number; perCommune: number; audit: number },
): Promise<{ communes: number; reports: number; sections: number; audit: number }> {
  const [snv] = await ds.query(`SELECT id FROM organisations WHERE name = 'Sở Nội vụ tỉnh Đông Hòa'`);
  const [anBinh] = await ds.query(`SELECT id FROM organisations WHERE name = 'Ủy ban nhân dân xã An Bình'`);
  const existing = Number((await ds.query('SELECT count(*)::int AS n FROM organisations WHERE parent_id = $1', [snv.id]))[0].n);
  const extra = Math.max(0, o.communes - existing);
  // Communes "Ủy ban nhân dân xã Số i", copies of An Bình: units, routing policies, users (c{i}.{username}, password demo).
  await clone(
    ds,
    'organisations',
    { name: `'Ủy ban nhân dân xã Số ' || i`, place: `'Số ' || i`, parent_id: '$2::uuid', agency_code: 'NULL' },
    `FROM organisations src CROSS JOIN generate_series(1, $3) i WHERE src.id = $1`,
    [anBinh.id, snv.id, extra],
  );
  const NEW = `(SELECT id, substring(name from 'Số ([0-9]+)$')::int AS i FROM organisations WHERE name LIKE 'Ủy ban nhân dân xã Số %')`;
  await clone(ds, 'units', { organisation_id: 'n.id' }, `FROM units src CROSS JOIN ${NEW} n WHERE src.organisation_id = $1`, [anBinh.id]);
  await clone(
    ds,
    'routing_policies',
    { organisation_id: 'n.id' },
    `FROM routing_policies src CROSS JOIN ${NEW} n WHERE src.organisation_id = $1`,
    [anBinh.id],
  );
  await clone(
    ds,
    'users',
    { organisation_id: 'n.id', username: `'c' || n.i || '.' || src.username` },
    `FROM users src CROSS JOIN ${NEW} n WHERE src.organisation_id = $1`,
    [anBinh.id],
  );
  // Reports: the demo report of An Bình cloned perCommune times into every commune, over 20 quarters and every state.
  const [model] = await ds.query(`SELECT id FROM reports WHERE organisation_id = $1 ORDER BY created_at LIMIT 1`, [anBinh.id]);
  // Plain tables (a temporary one lives on one pooled connection only), dropped at the end.
  await ds.query('CREATE TABLE bench_demo AS SELECT id FROM reports');
  await ds.query(`CREATE TABLE bench_c AS SELECT row_number() OVER (ORDER BY o.id) - 1 AS n, o.id AS org,
    (SELECT u.id FROM users u WHERE u.organisation_id = o.id ORDER BY u.username LIMIT 1) AS usr FROM organisations o WHERE o.parent_id = '${snv.id}'`);
  const communes = Number((await ds.query('SELECT count(*)::int AS n FROM bench_c'))[0].n);
  const total = communes * o.perCommune;
  await clone(
    ds,
    'reports',
    {
      organisation_id: 'c.org',
      period_kind: `'quarter'`,
      period_year: '2022 + (g.i / $2 / 4) % 5',
      period_index: '(g.i / $2) % 4 + 1',
      period_key: `(2022 + (g.i / $2 / 4) % 5) || '-Q' || ((g.i / $2) % 4 + 1)`,
      title: `'Báo cáo ' || g.i || ' ' || src.title`,
      state: `($3::text[])[1 + (g.i * 7) % array_length($3::text[], 1)]`,
      deadline: `DATE '2022-03-18' + (g.i % 1800)`,
      overdue: 'g.i % 20 = 0',
      number: 'NULL',
      number_text: `CASE WHEN g.i % 3 = 0 THEN g.i || '/BC-UBND' END`,
      created_by: 'c.usr',
      created_at: `now() - (g.i || ' minutes')::interval`,
      updated_at: `now() - (g.i || ' minutes')::interval`,
      next_reminder_at: 'NULL',
    },
    `FROM reports src CROSS JOIN generate_series(0, $4 - 1) g(i) JOIN bench_c c ON c.n = g.i % $2 WHERE src.id = $1`,
    [model.id, communes, [...REPORT_STATES], total],
  );
  // Parts: the model's parts for every generated report; one part in 30 overdue.
  await clone(
    ds,
    'sections',
    {
      report_id: 'r.id',
      organisation_id: 'r.organisation_id',
      deadline: 'r.deadline',
      overdue: `(hashtext(r.id::text || src.code) % 30 = 0)`,
      assignee_id: 'NULL',
      current_revision_id: 'NULL',
      accepted_revision_id: 'NULL',
      next_reminder_at: 'NULL',
    },
    `FROM reports r JOIN sections src ON src.report_id = $1 WHERE r.id NOT IN (SELECT id FROM bench_demo)`,
    [model.id],
  );
  // Audit entries: `audit` per report (the chains are not verified here; only their volume matters to the lists).
  // Their `mac` is a placeholder, not NULL: a NULL would make every start of the API try to seal 100 000
  // chains after the fact (AuditSealService.sealLegacy), which these cloned chains never pass — minutes per start.
  await ds.query(
    `INSERT INTO audit_entries (organisation_id, report_id, seq, at, actor_id, actor_name, actor_position, event, from_state, to_state, summary, prev_hash, hash, mac)
     SELECT r.organisation_id, r.id, s, r.created_at + (s || ' hours')::interval, r.created_by, 'Người lập', 'Chuyên viên', 'bench',
            NULL, CASE WHEN s = $1 AND r.state IN ('submitted', 'acknowledged') THEN 'submitted' END, 'Bench', md5(r.id::text || s - 1), md5(r.id::text || s), 'bench'
       FROM reports r CROSS JOIN generate_series(1, $1) s WHERE r.id NOT IN (SELECT id FROM bench_demo)`,
    [o.audit],
  );
  // Snapshots agree with the stored states, as the API writes them: the report's value := its state (the
  // current definition's names); parts `assigned` in drafts, spread over the part states while collecting,
  // `accepted` after; each part's context names its own row (id, unit, assignee).
  await ds.query(
    `UPDATE reports SET snapshot = jsonb_set(snapshot, '{value}', to_jsonb(state))
      WHERE snapshot->>'value' <> state AND id NOT IN (SELECT id FROM bench_demo)`,
  );
  await ds.query(
    `UPDATE sections s SET state = v.st,
            snapshot = jsonb_set(jsonb_set(s.snapshot, '{value}', to_jsonb(v.st)), '{context}',
              s.snapshot->'context' || jsonb_build_object('id', s.id, 'unit', s.unit_code, 'assigneeId', s.assignee_id))
       FROM (SELECT s2.id, CASE WHEN r.state = 'draft' THEN 'assigned'
                                WHEN r.state = 'collecting' THEN (ARRAY['assigned','drafting','submitted','returned','accepted'])[1 + abs(hashtext(s2.id::text)) % 5]
                                ELSE 'accepted' END AS st
               FROM sections s2 JOIN reports r ON r.id = s2.report_id WHERE r.id NOT IN (SELECT id FROM bench_demo)) v
      WHERE v.id = s.id`,
  );
  await ds.query('DROP TABLE bench_demo, bench_c');
  for (const t of ['organisations', 'users', 'reports', 'sections', 'audit_entries']) await ds.query(`VACUUM ANALYZE ${t}`);
  return sizesOf(ds);
}

/** The sizes of a generated province (also of one kept by an earlier run, BENCH_REUSE=1). */
export async function sizesOf(ds: DataSource): Promise<{ communes: number; reports: number; sections: number; audit: number }> {
  const count = async (sql: string) => Number((await ds.query(sql))[0].n);
  return {
    communes: await count(
      `SELECT count(*)::int AS n FROM organisations WHERE parent_id = (SELECT id FROM organisations WHERE name = 'Sở Nội vụ tỉnh Đông Hòa')`,
    ),
    reports: await count('SELECT count(*)::int AS n FROM reports'),
    sections: await count('SELECT count(*)::int AS n FROM sections'),
    audit: await count('SELECT count(*)::int AS n FROM audit_entries'),
  };
}

/** EXPLAIN ANALYZE of the heavy queries, as the board and the list run them (the Sở's scope). */
export async function explain(ds: DataSource): Promise<void> {
  const [snv] = await ds.query(`SELECT id FROM organisations WHERE name = 'Sở Nội vụ tỉnh Đông Hòa'`);
  const show = async (label: string, sql: string, params: unknown[]): Promise<void> => {
    const plan: { 'QUERY PLAN': string }[] = await ds.query(`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql}`, params);
    // The readable organisations' array (201 ids) shortened for reading.
    const text = plan.map((p) => p['QUERY PLAN'].replace(/'\{[0-9a-f,-]{200,}\}'/g, (m) => `'{…${m.split(',').length} ids…}'`)).join('\n');
    console.log(`\n### ${label}\n${text}`);
  };
  for (const [label, f] of [
    ['board page, no filter', {}],
    ['board page, overdue', { overdue: true }],
    ['board page, q = "xa so 17"', { q: 'xa so 17' }],
    ['board page, q = "bao cao 1234" (title)', { q: 'bao cao 1234' }],
  ] as const) {
    const orgs = await readableOrganisations(ds, snv.id);
    const named = 'q' in f ? await organisationsNamed(ds, f.q) : undefined;
    const w = listWhere(orgs, f, named);
    const c = countSource(orgs, f, named);
    const n = w.params.length;
    await show(label, `SELECT r.id FROM reports r WHERE ${w.sql} ORDER BY r.updated_at DESC, r.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [
      ...w.params,
      50,
      0,
    ]);
    await show(`${label}: count`, countSql(c.sql), c.params);
  }
  const orgs = await readableOrganisations(ds, snv.id);
  for (const [label, f] of [
    ['totals (by organisation and state)', {}],
    ['totals, q = "xa so 1"', { q: 'xa so 1' }],
  ] as const) {
    // As BoardService.totals runs it (countSource, migration 1765800000000).
    const c = countSource(orgs, f, 'q' in f ? await organisationsNamed(ds, f.q) : undefined);
    await show(
      label,
      `SELECT c.state, c.organisation_id, sum(c.n), sum(c.n) FILTER (WHERE c.overdue_any) FROM (${c.sql}) c GROUP BY c.organisation_id, c.state HAVING sum(c.n) > 0`,
      c.params,
    );
  }
}
