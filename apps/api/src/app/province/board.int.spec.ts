import ExcelJS from 'exceljs';
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

  it('shows a commune only its own reports, UBND tỉnh the same communes', async () => {
    const own = (
      await t
        .http()
        .get('/api/province/board?limit=200')
        .set(await as('vhxh.truong'))
        .expect(200)
    ).body;
    const anBinh = `r.organisation_id = (SELECT id FROM organisations WHERE name = 'Ủy ban nhân dân xã An Bình')`;
    expect(own.total).toBe(await count(anBinh)); // a commune follows no one: its own board
    expect(own.items.every((i: { organisation: { name: string } }) => i.organisation.name === 'Ủy ban nhân dân xã An Bình')).toBe(true);
    const tinh = (
      await t
        .http()
        .get('/api/province/board/totals')
        .set(await as('tinh.cv'))
        .expect(200)
    ).body;
    expect(tinh.total).toBe(153); // UBND tỉnh, two levels up, sees the same communes (the Sở has no reports)
  });

  it('searches without diacritics on the commune, the title and the number; each row says who holds it and the days left', async () => {
    const h = await as('snv.cv');
    await t.ds.query(`UPDATE reports SET number_text = '77/BC-UBND' WHERE id = (SELECT id FROM reports ORDER BY id LIMIT 1)`);
    const cases: [string, string][] = [
      ['tan phu', `${communes} AND r.organisation_id = (SELECT id FROM organisations WHERE name = 'Ủy ban nhân dân xã Tân Phú')`],
      ['HÒA lợi', `${communes} AND r.organisation_id = (SELECT id FROM organisations WHERE name = 'Ủy ban nhân dân xã Hòa Lợi')`],
      ['cai cach hanh chinh', `${communes} AND lower(r.title) LIKE '%cải cách hành chính%'`],
      ['77/bc', `${communes} AND r.number_text = '77/BC-UBND'`],
      ['khong co bao cao nay', 'false'],
    ];
    for (const [q, where] of cases) {
      const expected = await count(where);
      const page = (
        await t
          .http()
          .get(`/api/province/board?q=${encodeURIComponent(q)}&limit=200`)
          .set(h)
          .expect(200)
      ).body;
      const totals = (
        await t
          .http()
          .get(`/api/province/board/totals?q=${encodeURIComponent(q)}`)
          .set(h)
          .expect(200)
      ).body;
      expect([q, page.total, page.items.length, totals.total]).toEqual([q, expected, expected, expected]);
    }
    const page = (await t.http().get('/api/province/board?limit=200').set(h).expect(200)).body;
    for (const item of page.items) {
      expect(item.holder).toEqual(expect.any(String));
      expect(item.holder.length).toBeGreaterThan(0);
      if (item.state === 'submitted' || item.state === 'acknowledged') expect(item.daysLeft).toBeNull();
      else expect(item.daysLeft).toEqual(expect.any(Number));
      if (item.state === 'acknowledged') expect(item.progress).toBe('received');
      else if (item.state === 'submitted') expect(['submitted', 'late']).toContain(item.progress);
      else expect(['collecting', 'signed', 'refused']).toContain(item.progress);
    }
  });

  it('shows one request a row per addressed commune, opened or not, with the status the request’s page shows', async () => {
    const snv = await as('snv.cv');
    const orgs: { id: string; name: string }[] = await t.ds.query(
      `SELECT id, name FROM organisations WHERE name IN ('Ủy ban nhân dân xã Tân Phú', 'Ủy ban nhân dân xã Hòa Lợi') ORDER BY name`,
    );
    const request = (
      await t
        .http()
        .post('/api/requests')
        .set(snv)
        .send({
          numberText: '99/SNV-CCHC',
          issuedOn: '2099-05-02',
          subject: 'về việc báo cáo công tác CCHC quý II năm 2099',
          templateCode: 'CCHC_QUY',
          period: { kind: 'quarter', year: 2099, index: 2 },
          deadline: '2099-06-20',
          organisationIds: orgs.map((o) => o.id),
        })
        .expect(201)
    ).body;
    const board = async () => (await t.http().get(`/api/province/board?request=${request.id}`).set(snv).expect(200)).body;
    const before = await board();
    expect(before.total).toBe(2);
    expect(before.items.map((i: { id: string | null; progress: string }) => [i.id, i.progress])).toEqual([
      [null, 'not_opened'],
      [null, 'not_opened'],
    ]);
    const opened = (
      await t
        .http()
        .post(`/api/requests/${request.id}/open`)
        .set(await as('tanphu.vhxh.truong'))
        .expect(201)
    ).body;
    const after = await board();
    const tanPhu = after.items.find((i: { organisation: { name: string } }) => i.organisation.name === 'Ủy ban nhân dân xã Tân Phú');
    expect(tanPhu).toMatchObject({ id: opened.id, periodKey: '2099-Q2', deadline: '2099-06-20', overdue: false });
    expect(tanPhu.daysLeft).toBeGreaterThan(0);
    // The same status as the request's own page, commune by commune.
    const detail = (await t.http().get(`/api/requests/${request.id}`).set(snv).expect(200)).body;
    expect(
      Object.fromEntries(after.items.map((i: { organisation: { id: string }; progress: string }) => [i.organisation.id, i.progress])),
    ).toEqual(
      Object.fromEntries(detail.targets.map((x: { organisation: { id: string }; progress: string }) => [x.organisation.id, x.progress])),
    );
    const totals = (await t.http().get(`/api/province/board/totals?request=${request.id}`).set(snv).expect(200)).body;
    expect(totals).toMatchObject({ total: 2, notOpened: 1 });
    expect((await t.http().get(`/api/province/board?request=${request.id}&q=hoa%20loi`).set(snv).expect(200)).body.total).toBe(1);
    // Another organisation's request: 404, as if it did not exist.
    await t
      .http()
      .get(`/api/province/board?request=${request.id}`)
      .set(await as('vhxh.truong'))
      .expect(404);
    await t.http().get('/api/province/board?request=xa').set(snv).expect(400);
  });

  it('exports the whole filtered board as CSV and Excel; beyond the export limit a clear 422', async () => {
    const h = await as('snv.cv');
    const expected = await count(`${communes} AND r.state IN ('collecting', 'submitted')`);
    const csv = await t.http().get('/api/province/board.csv?state=collecting,submitted').set(h).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = (csv.text as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Cơ quan,Báo cáo,Kỳ,Tình hình,Trạng thái,Hạn nộp,Còn lại (ngày),Quá hạn,Đang ở,"Số, ký hiệu"');
    expect(lines.length).toBe(expected + 1);
    const xlsx = await t
      .http()
      .get('/api/province/board.xlsx?state=collecting,submitted')
      .set(h)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Theo dõi');
    expect(ws?.rowCount).toBe(expected + 1);
    expect(ws?.getCell(1, 1).value).toBe('Cơ quan');

    // 20 000 more reports: the unfiltered export is refused with the reason, a filtered one still works.
    await t.ds.query(`
      INSERT INTO reports (organisation_id, template_code, kind, period_kind, period_year, period_index, period_key, title, subject, recipients, distribution, state, snapshot, definition_version, policy, deadline, cutoff_from, cutoff_to, overdue, created_by)
      SELECT r.organisation_id, r.template_code, r.kind, 'quarter', 2010, 1, '2010-Q1', r.title, r.subject, r.recipients, r.distribution, 'draft', '{}', r.definition_version, r.policy, r.deadline, r.cutoff_from, r.cutoff_to, false, r.created_by
        FROM (SELECT * FROM reports r WHERE ${communes} LIMIT 1) r CROSS JOIN generate_series(1, 20000)`);
    const refused = await t.http().get('/api/province/board.csv').set(h).expect(422);
    expect(refused.body.message).toMatch(/tối đa 20\.000 dòng/);
    await t.http().get('/api/province/board.xlsx').set(h).expect(422);
    await t.http().get('/api/province/board.csv?period=2021-Q2').set(h).expect(200);
  });
});
