import { startTestApp, type TestApp } from '../../testing/test-app';
import { pdfText } from '../../testing/pdf-text';

/** Issue 2's thin slice through the real API and database. */
describe('reports API (database)', () => {
  let t: TestApp;
  let reportId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const token = await t.login('vhxh.cv');
    const list = await t.http().get('/api/reports').set('Authorization', `Bearer ${token}`).expect(200);
    reportId = list.body.items[0].id;
  });
  afterAll(() => t.close());

  const auth = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const detail = async (u: string) =>
    (
      await t
        .http()
        .get(`/api/reports/${reportId}`)
        .set(await auth(u))
        .expect(200)
    ).body;
  const dbState = async () => ({
    report: (await t.ds.query('SELECT state, version, snapshot FROM reports WHERE id = $1', [reportId]))[0],
    sections: await t.ds.query('SELECT id, state, snapshot FROM sections WHERE report_id = $1 ORDER BY sort_order', [reportId]),
    audit: Number((await t.ds.query('SELECT count(*) AS n FROM audit_entries WHERE report_id = $1', [reportId]))[0].n),
    outbox: Number((await t.ds.query('SELECT count(*) AS n FROM outbox'))[0].n),
  });

  it('answers health without a login and refuses everything else without one', async () => {
    const health = await t.http().get('/api/health').expect(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      database: { status: 'up', kind: 'external' },
      listener: { status: 'listening' },
      outbox: { backlog: expect.any(Number) },
    });
    const res = await t.http().get('/api/reports').expect(401);
    expect(res.body.message).toMatch(/đăng nhập/);
    await t.http().get('/api/reports').set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('logs in with the demo password and refuses a wrong one', async () => {
    const ok = await t.http().post('/api/auth/login').send({ username: 'pct.vhxh', password: 'demo' }).expect(200);
    expect(ok.body.user).toMatchObject({
      username: 'pct.vhxh',
      position: 'PHO_CHU_TICH',
      organisation: { name: 'Ủy ban nhân dân xã An Bình' },
    });
    expect(typeof ok.body.accessToken).toBe('string');
    const bad = await t.http().post('/api/auth/login').send({ username: 'pct.vhxh', password: 'sai' }).expect(401);
    expect(bad.body.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await t.http().post('/api/auth/login').send({ username: '' }).expect(400);
    const malformed = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400);
    expect(malformed.body.message).toMatch(/JSON/);
  });

  it('shows the demo report with its sections, units and the caller’s allowed events', async () => {
    const r = await detail('hcc.cv');
    expect(r.state).toBe('collecting');
    expect(r.sections.map((s: { code: string }) => s.code)).toEqual([
      'opening',
      'I',
      'II.1',
      'II.2',
      'II.3',
      'II.4',
      'II.5',
      'II.6',
      'III',
      'IV',
      'V',
    ]);
    const hcc = r.sections.find((s: { code: string }) => s.code === 'II.2');
    expect(hcc).toMatchObject({ unit: { code: 'HCC' }, state: 'assigned', assignee: { fullName: 'Trịnh Thị Ngọc' } });
    expect(r.allowedEvents).toEqual([expect.objectContaining({ type: 'start_drafting', sectionId: hcc.id, commentRequired: false })]);
  });

  it('moves a section assigned → drafting → submitted and writes one audit entry per transition', async () => {
    const before = await detail('hcc.cv');
    const hcc = before.sections.find((s: { code: string }) => s.code === 'II.2');
    const h = await auth('hcc.cv');
    const r1 = await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'start_drafting', sectionId: hcc.id, expectedVersion: before.version })
      .expect(200);
    expect(r1.body.version).toBe(before.version + 1);
    const r2 = await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'submit_section', sectionId: hcc.id, expectedVersion: r1.body.version })
      .expect(200);
    expect(r2.body.allowedEvents.some((e: { sectionId?: string }) => e.sectionId === hcc.id)).toBe(false);
    const after = await detail('hcc.cv');
    expect(after.sections.find((s: { id: string }) => s.id === hcc.id).state).toBe('submitted');
    const audit = (await t.http().get(`/api/reports/${reportId}/audit`).set(h).expect(200)).body;
    expect(audit).toMatchObject({ total: expect.any(Number), limit: 50, offset: 0 });
    const last = audit.items[0]; // newest first
    expect(last).toMatchObject({
      event: 'submit_section',
      fromState: 'drafting',
      toState: 'submitted',
      sectionId: hcc.id,
      actor: { name: 'Trịnh Thị Ngọc', position: 'CHUYEN_VIEN' },
    });
    expect(last.prevHash).toBe(audit.items[1].hash);
    expect((await t.http().get(`/api/reports/${reportId}/audit/verify`).set(h).expect(200)).body).toEqual({
      ok: true,
      entries: audit.total,
    });
  });

  it('refuses an event of another unit with 403 and a reason, changing nothing', async () => {
    const r = await detail('kt.cv');
    const vp = r.sections.find((s: { code: string }) => s.code === 'II.1');
    const before = await dbState();
    const res = await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(await auth('kt.cv'))
      .send({ type: 'start_drafting', sectionId: vp.id, expectedVersion: r.version })
      .expect(403);
    expect(res.body.message).toMatch(/[À-ỹ]/);
    expect(await dbState()).toEqual(before);
  });

  it('refuses an event impossible in this state with 422 listing what is possible, changing nothing', async () => {
    const r = await detail('vhxh.truong');
    const before = await dbState();
    const res = await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(await auth('vhxh.truong'))
      .send({ type: 'sign', expectedVersion: r.version })
      .expect((x) => expect([403, 422]).toContain(x.status));
    expect(Array.isArray(res.body.allowedEvents)).toBe(true);
    expect(await dbState()).toEqual(before);
  });

  it('answers a stale expectedVersion with 409 and the current state, changing nothing', async () => {
    const r = await detail('vp.cv');
    const vp = r.sections.find((s: { code: string }) => s.code === 'II.1');
    const before = await dbState();
    const res = await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(await auth('vp.cv'))
      .send({ type: 'start_drafting', sectionId: vp.id, expectedVersion: r.version - 1 })
      .expect(409);
    expect(res.body).toMatchObject({ state: r.state, version: r.version });
    expect(await dbState()).toEqual(before);
  });

  it('rejects malformed events with 400 and unknown ids with 404', async () => {
    const h = await auth('vp.cv');
    expect((await t.http().post(`/api/reports/${reportId}/events`).set(h).send({ sectionId: 'x' }).expect(400)).body.message).toMatch(
      /type/,
    );
    await t.http().post(`/api/reports/${reportId}/events`).set(h).send({ type: 'start_drafting' }).expect(400);
    await t.http().get('/api/reports/not-a-uuid').set(h).expect(404);
    await t.http().get('/api/reports/00000000-0000-4000-8000-000000000000').set(h).expect(404);
  });

  it('hides a report from a user of another organisation (404)', async () => {
    const { SeedService } = await import('../seed/seed.service');
    await t.app.get(SeedService).seedOrganisation(
      {
        ...(await import('../seed/demo-data')).DEMO_ORGANISATION,
        name: 'Ủy ban nhân dân xã Bình Minh',
        issuerName: 'XÃ BÌNH MINH',
        place: 'Bình Minh',
      },
      'bm.',
    );
    const other = await t.login('bm.vhxh.cv');
    await t.http().get(`/api/reports/${reportId}`).set('Authorization', `Bearer ${other}`).expect(404);
    await t.http().get(`/api/reports/${reportId}/audit`).set('Authorization', `Bearer ${other}`).expect(404);
    await t.http().get(`/api/reports/${reportId}/pdf`).set('Authorization', `Bearer ${other}`).expect(404);
    const before = await dbState();
    await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set('Authorization', `Bearer ${other}`)
      .send({ type: 'start_drafting', sectionId: (await detail('vp.cv')).sections[2].id, expectedVersion: before.report.version })
      .expect(404);
    expect(await dbState()).toEqual(before);
    expect((await t.http().get('/api/reports').set('Authorization', `Bearer ${other}`).expect(200)).body).toEqual({
      items: [],
      total: 0,
      limit: 50,
      offset: 0,
    });
  });

  it('lets the superior agency follow its commune read-only; a commune of another province stays hidden', async () => {
    const province = await auth('snv.cv');
    const list = (await t.http().get('/api/reports?limit=200').set(province).expect(200)).body.items as {
      id: string;
      organisation: { name: string };
    }[];
    expect(list.map((r) => r.id)).toContain(reportId);
    expect(list.find((r) => r.id === reportId)?.organisation.name).toBe('Ủy ban nhân dân xã An Bình');
    // Xã Bình Minh (seeded above without a superior) is not this province's commune; its three communes are.
    expect(list.some((r) => r.organisation.name === 'Ủy ban nhân dân xã Bình Minh')).toBe(false);
    expect(new Set(list.map((r) => r.organisation.name))).toEqual(
      new Set(['Ủy ban nhân dân xã An Bình', 'Ủy ban nhân dân xã Tân Phú', 'Ủy ban nhân dân xã Hòa Lợi']),
    );
    const d = (await t.http().get(`/api/reports/${reportId}`).set(province).expect(200)).body;
    expect(d.allowedEvents).toEqual([]);
    expect(d.organisation.name).toBe('Ủy ban nhân dân xã An Bình');
    await t.http().get(`/api/reports/${reportId}/audit/verify`).set(province).expect(200);
    await t.http().get(`/api/reports/${reportId}/sections/${d.sections[0].id}`).set(province).expect(200);
    const byOrg = (await t.http().get(`/api/reports?organisation=${d.organisation.id}`).set(province).expect(200)).body.items as {
      organisation: { name: string };
    }[];
    expect(byOrg.length).toBe(list.filter((r) => r.organisation.name === 'Ủy ban nhân dân xã An Bình').length);
    expect(byOrg.every((r) => r.organisation.name === 'Ủy ban nhân dân xã An Bình')).toBe(true);
    const bad = await t.http().get('/api/reports?organisation=xa-an-binh').set(province).expect(400);
    expect(bad.body.message).toMatch(/cơ quan/);

    // Acting is the commune's business: a clear 403, nothing changes.
    const before = await dbState();
    const refused = await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(province)
      .send({ type: 'cancel', comment: 'thử', expectedVersion: before.report.version })
      .expect(403);
    expect(refused.body.message).toMatch(/Cơ quan cấp trên chỉ theo dõi/);
    await t
      .http()
      .put(`/api/reports/${reportId}/sections/${d.sections[0].id}/content`)
      .set(province)
      .set('Content-Type', 'text/plain')
      .send('Đoạn của tỉnh')
      .expect(404);
    expect(await dbState()).toEqual(before);

    // The commune sees nothing of the province.
    const communeList = (
      await t
        .http()
        .get('/api/reports')
        .set(await auth('vhxh.cv'))
        .expect(200)
    ).body.items as { organisation: { name: string } }[];
    expect(communeList.every((r) => r.organisation.name === 'Ủy ban nhân dân xã An Bình')).toBe(true);
  });

  it('serves the report as a PDF whose text carries the national motto and the subject', async () => {
    const res = await t
      .http()
      .get(`/api/reports/${reportId}/pdf`)
      .set(await auth('vhxh.cv'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pages = await pdfText(res.body as Buffer);
    expect(pages[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pages[0]).toContain('BÁO CÁO');
    expect(pages.join(' ')).toContain('Tình hình thực hiện công tác cải cách hành chính');
  });
  it('lets only the compilers of the unit the routing policy names open a report (403 with the reason; nothing written)', async () => {
    const before = Number((await t.ds.query('SELECT count(*) AS n FROM reports'))[0].n);
    const body = { templateCode: 'CCHC_QUY', period: { kind: 'quarter', year: 2027, index: 3 }, deadline: '2027-09-20' };
    for (const u of ['kt.cv', 'kt.truong', 'admin']) {
      const res = await t
        .http()
        .post('/api/reports')
        .set(await auth(u))
        .send(body)
        .expect(403);
      expect(res.body.message).toBe(
        'Chỉ lãnh đạo hoặc chuyên viên tổng hợp của Phòng Văn hóa - Xã hội (đơn vị chủ trì) mới được mở báo cáo CCHC.',
      );
    }
    expect(Number((await t.ds.query('SELECT count(*) AS n FROM reports'))[0].n)).toBe(before);
  });

  it('answers a page and the total of the filters (never a silent cap); q ignores diacritics and case', async () => {
    const h = await auth('vhxh.cv');
    const [{ organisation_id: org }] = await t.ds.query('SELECT organisation_id FROM reports WHERE id = $1', [reportId]);
    // 260 more reports of the commune, numbered, every 5th overdue, over states.
    await t.ds.query(
      `INSERT INTO reports (organisation_id, template_code, kind, period_kind, period_year, period_index, period_key, title, subject, recipients, distribution, state, snapshot, definition_version, policy, deadline, cutoff_from, cutoff_to, overdue, number_text, created_by, updated_at)
       SELECT r.organisation_id, r.template_code, r.kind, 'quarter', 2019, i % 4 + 1, '2019-Q' || (i % 4 + 1), 'Báo cáo tổng kết công tác số ' || i, r.subject, r.recipients, r.distribution,
              (ARRAY['draft','collecting','submitted'])[1 + i % 3], '{}', r.definition_version, r.policy, r.deadline, r.cutoff_from, r.cutoff_to, i % 5 = 0, i || '/BC-ĐỐI', r.created_by, now() - (i || ' minutes')::interval
         FROM reports r CROSS JOIN generate_series(1, 260) i WHERE r.id = $1`,
      [reportId],
    );
    const count = async (where: string) =>
      Number((await t.ds.query(`SELECT count(*) AS n FROM reports r WHERE r.organisation_id = $1 AND ${where}`, [org]))[0].n);
    const all = await count('true');
    expect(all).toBeGreaterThan(260);
    const seen = new Set<string>();
    for (let offset = 0; offset < all; offset += 200) {
      const page = (await t.http().get(`/api/reports?limit=200&offset=${offset}`).set(h).expect(200)).body;
      expect(page).toMatchObject({ total: all, limit: 200, offset });
      expect(page.items.length).toBe(Math.min(200, all - offset));
      for (const r of page.items) seen.add(r.id);
    }
    expect(seen.size).toBe(all);
    expect((await t.http().get('/api/reports').set(h).expect(200)).body).toMatchObject({ total: all, limit: 50, offset: 0 });
    for (const bad of ['limit=201', 'limit=0', 'offset=-1', 'limit=abc']) {
      const res = await t.http().get(`/api/reports?${bad}`).set(h).expect(400);
      expect(res.body.message).toMatch(/trang|vị trí/);
    }

    const cases: [string, string][] = [
      ['q=tong%20ket', `r.title LIKE '%tổng kết%'`],
      [`q=${encodeURIComponent('TỔNG KẾT công TÁC')}`, `r.title LIKE '%tổng kết công tác%'`],
      ['q=cong%20tac%20so%2017', `r.title ~ 'công tác số 17[0-9]?$'`],
      [`q=${encodeURIComponent('17/bc-doi')}`, `r.number_text LIKE '%17/BC-ĐỐI'`],
      ['q=100%25', 'false'],
      ['state=draft,submitted&period=2019-Q2', `r.state IN ('draft', 'submitted') AND r.period_key = '2019-Q2'`],
      ['overdue=true', `(r.overdue OR EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.overdue))`],
      ['template=CCHC_QUY&kind=CCHC&q=so%202', `r.template_code = 'CCHC_QUY' AND r.kind = 'CCHC' AND r.title LIKE '%số 2%'`],
    ];
    for (const [query, where] of cases) {
      const expected = await count(where);
      const page = (await t.http().get(`/api/reports?${query}&limit=200`).set(h).expect(200)).body;
      expect([query, page.total]).toEqual([query, expected]);
      expect(page.items.length).toBe(Math.min(200, expected));
    }
    // The overdue flag of a row is the report's or one of its parts', as the filter counts it.
    const overdue = (await t.http().get('/api/reports?overdue=true&limit=200').set(h).expect(200)).body;
    expect(overdue.items.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
  });
});
