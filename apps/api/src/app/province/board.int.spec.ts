import { startTestApp, type TestApp } from '../../testing/test-app';

/** Issue 12, step 3: the superior's board is paginated and its totals come from the database, matching direct counts. */
describe('province board: pagination, filters and totals (database)', () => {
  let t: TestApp;
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const count = async (where: string, params: unknown[] = []) =>
    Number((await t.ds.query(`SELECT count(*) AS n FROM reports r WHERE ${where}`, params))[0].n);
  const communes = `r.organisation_id IN (SELECT id FROM organisations WHERE parent_id = (SELECT id FROM organisations WHERE name = 'Sở Nội vụ tỉnh Đông Hòa'))`;

  beforeAll(async () => {
    t = await startTestApp();
    // 150 more reports of the three communes: copies of the demo ones over periods and states, some overdue.
    await t.ds.query(`
      INSERT INTO reports (organisation_id, template_code, kind, period_kind, period_year, period_index, period_key, title, subject, recipients, distribution, state, snapshot, definition_version, policy, deadline, cutoff_from, cutoff_to, overdue, created_by, updated_at)
      SELECT r.organisation_id, r.template_code, r.kind, 'quarter', 2020 + i % 4, i % 4 + 1, (2020 + i % 4) || '-Q' || (i % 4 + 1), r.title, r.subject, r.recipients, r.distribution,
             (ARRAY['draft','collecting','compiling','submitted','acknowledged'])[1 + i % 5], '{}', r.definition_version, r.policy, r.deadline, r.cutoff_from, r.cutoff_to, i % 7 = 0, r.created_by, now() - (i || ' hours')::interval
        FROM reports r CROSS JOIN generate_series(1, 50) i`);
    // One part overdue in a report that is not itself overdue.
    await t.ds.query(
      `UPDATE sections SET overdue = true WHERE id = (SELECT s.id FROM sections s JOIN reports r ON r.id = s.report_id WHERE NOT r.overdue ORDER BY s.id LIMIT 1)`,
    );
  });
  afterAll(() => t.close());

  it('pages through every report of the communes once, newest change first, with the total of the filters', async () => {
    const h = await as('snv.cv');
    const all = await count(communes);
    expect(all).toBe(153);
    const seen: string[] = [];
    let last = Infinity;
    for (let offset = 0; offset < all; offset += 40) {
      const page = (await t.http().get(`/api/province/board?limit=40&offset=${offset}`).set(h).expect(200)).body;
      expect(page).toMatchObject({ total: all, limit: 40, offset });
      for (const item of page.items) {
        expect(Date.parse(item.updatedAt)).toBeLessThanOrEqual(last);
        last = Date.parse(item.updatedAt);
        seen.push(item.id);
      }
    }
    expect(new Set(seen).size).toBe(all);
    const capped = await t.http().get('/api/province/board?limit=5000').set(h).expect(400);
    expect(capped.body.field).toBe('limit');
    await t.http().get('/api/province/board?organisation=xa').set(h).expect(400);
  });

  it('filters by period, state, commune and overdue, each total equal to a direct count', async () => {
    const h = await as('snv.cv');
    const tanPhu = (await t.ds.query(`SELECT id FROM organisations WHERE name = 'Ủy ban nhân dân xã Tân Phú'`))[0].id;
    const overdue = `(r.overdue OR EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.overdue))`;
    const cases: [string, string, unknown[]][] = [
      ['period=2021-Q2', `${communes} AND r.period_key = '2021-Q2'`, []],
      ['state=collecting,submitted', `${communes} AND r.state IN ('collecting', 'submitted')`, []],
      [`organisation=${tanPhu}`, `r.organisation_id = $1`, [tanPhu]],
      ['overdue=true', `${communes} AND ${overdue}`, []],
      [`overdue=true&organisation=${tanPhu}&state=draft`, `r.organisation_id = $1 AND r.state = 'draft' AND ${overdue}`, [tanPhu]],
    ];
    for (const [query, where, params] of cases) {
      const expected = await count(where, params);
      expect(expected).toBeGreaterThan(0);
      const page = (await t.http().get(`/api/province/board?${query}&limit=200`).set(h).expect(200)).body;
      expect([query, page.total, page.items.length]).toEqual([query, expected, expected]);
      const totals = (await t.http().get(`/api/province/board/totals?${query}`).set(h).expect(200)).body;
      expect([query, totals.total]).toEqual([query, expected]);
    }
  });

  it('computes the totals by state and by commune and the overdue count in the database', async () => {
    const totals = (
      await t
        .http()
        .get('/api/province/board/totals')
        .set(await as('snv.cv'))
        .expect(200)
    ).body;
    const byState: { state: string; n: number }[] = await t.ds.query(
      `SELECT r.state, count(*)::int AS n FROM reports r WHERE ${communes} GROUP BY r.state`,
    );
    expect(Object.fromEntries(totals.byState.map((s: { state: string; count: number }) => [s.state, s.count]))).toEqual(
      Object.fromEntries(byState.map((s) => [s.state, s.n])),
    );
    const byOrg: { name: string; n: number; o: number }[] = await t.ds.query(
      `SELECT o.name, count(*)::int AS n, count(*) FILTER (WHERE r.overdue OR EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.overdue))::int AS o
         FROM reports r JOIN organisations o ON o.id = r.organisation_id WHERE ${communes} GROUP BY o.name ORDER BY o.name`,
    );
    expect(
      totals.byOrganisation
        .map((x: { organisation: { name: string }; count: number; overdue: number }) => ({
          name: x.organisation.name,
          n: x.count,
          o: x.overdue,
        }))
        .sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)),
    ).toEqual(byOrg);
    expect(totals.total).toBe(153);
    expect(totals.overdue).toBe(byOrg.reduce((a, b) => a + b.o, 0));
    expect(totals.overdue).toBeGreaterThan(0);
  });

  it('shows a commune only its own reports and a stranger nothing', async () => {
    const own = (
      await t
        .http()
        .get('/api/province/board?limit=200')
        .set(await as('vhxh.truong'))
        .expect(200)
    ).body;
    expect(own).toEqual({ items: [], total: 0, limit: 200, offset: 0 }); // a commune follows no one
    const tinh = (
      await t
        .http()
        .get('/api/province/board/totals')
        .set(await as('tinh.cv'))
        .expect(200)
    ).body;
    expect(tinh.total).toBe(153); // UBND tỉnh, two levels up, sees the same communes (the Sở has no reports)
  });
});
