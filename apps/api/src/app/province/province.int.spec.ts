import { addWorkingDays } from '@trinhky/domain';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { NotificationsService } from '../notifications/notifications.service';
import { DEMO_ORGANISATION } from '../seed/demo-data';
import { SeedService } from '../seed/seed.service';
import { RemindersService } from './reminders.service';

/** Issue 12, steps 1–2: the demo province, receivers, report requests, opening from a request, đôn đốc. */
describe('province: organisations, report requests and đôn đốc (database)', () => {
  let t: TestApp;
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await t.ds.query(sql, params))[0] as T;
  const orgId = async (name: string) => (await one<{ id: string }>('SELECT id FROM organisations WHERE name = $1', [name])).id;
  const AN_BINH = 'Ủy ban nhân dân xã An Bình';
  const TAN_PHU = 'Ủy ban nhân dân xã Tân Phú';
  const HOA_LOI = 'Ủy ban nhân dân xã Hòa Lợi';
  const deadline = '2099-03-20';
  const body = async () => ({
    numberText: '2150/SNV-CCHC',
    issuedOn: '2099-02-20',
    subject: 'về việc báo cáo công tác CCHC quý I năm 2099',
    templateCode: 'CCHC_QUY',
    period: { kind: 'quarter', year: 2099, index: 1 },
    deadline,
    cutoffFrom: '2098-12-15',
    cutoffTo: '2099-03-10',
    organisationIds: [await orgId(AN_BINH), await orgId(TAN_PHU)],
  });
  let requestId: string;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('seeds a province of any depth: UBND tỉnh → Sở Nội vụ → three communes, each with its users and a report of the quarter', async () => {
    const tree: { name: string; parent: string | null }[] = await t.ds.query(
      'SELECT o.name, p.name AS parent FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id ORDER BY o.name',
    );
    expect(tree).toEqual(
      expect.arrayContaining([
        { name: 'Ủy ban nhân dân tỉnh Đông Hòa', parent: null },
        { name: 'Sở Nội vụ tỉnh Đông Hòa', parent: 'Ủy ban nhân dân tỉnh Đông Hòa' },
        { name: AN_BINH, parent: 'Sở Nội vụ tỉnh Đông Hòa' },
        { name: TAN_PHU, parent: 'Sở Nội vụ tỉnh Đông Hòa' },
        { name: HOA_LOI, parent: 'Sở Nội vụ tỉnh Đông Hòa' },
      ]),
    );
    for (const u of ['vanthu', 'tanphu.vanthu', 'tanphu.vhxh.truong', 'hoaloi.chutich', 'hoaloi.vhxh.cv', 'tinh.cv']) await as(u);
    const states = await t.ds.query(
      `SELECT o.name, r.state FROM reports r JOIN organisations o ON o.id = r.organisation_id ORDER BY o.name`,
    );
    expect(states).toEqual([
      { name: AN_BINH, state: 'collecting' },
      { name: HOA_LOI, state: 'draft' },
      { name: TAN_PHU, state: 'collecting' },
    ]);
    // The Sở follows its three communes; UBND tỉnh, two levels up, reads them too; a commune sees only its own.
    const names = async (u: string) =>
      new Set(
        (
          (
            await t
              .http()
              .get('/api/reports')
              .set(await as(u))
              .expect(200)
          ).body.items as { organisation: { name: string } }[]
        ).map((r) => r.organisation.name),
      );
    expect(await names('snv.cv')).toEqual(new Set([AN_BINH, TAN_PHU, HOA_LOI]));
    expect(await names('tinh.cv')).toEqual(new Set([AN_BINH, TAN_PHU, HOA_LOI]));
    expect(await names('tanphu.vhxh.cv')).toEqual(new Set([TAN_PHU]));
    const hoaLoiReport = await one<{ id: string }>(
      'SELECT r.id FROM reports r JOIN organisations o ON o.id = r.organisation_id WHERE o.name = $1',
      [HOA_LOI],
    );
    // Every read of one report (each its own one-statement access check): the province reads, a sibling commune gets 404.
    const part = await one<{ id: string }>('SELECT id FROM sections WHERE report_id = $1 ORDER BY sort_order LIMIT 1', [hoaLoiReport.id]);
    const r = `/api/reports/${hoaLoiReport.id}`;
    for (const path of [r, `${r}/sections/${part.id}`, `${r}/audit?limit=5`, `${r}/audit/verify`]) {
      await t
        .http()
        .get(path)
        .set(await as('tinh.cv'))
        .expect(200);
      for (const u of ['tanphu.vhxh.truong', 'vhxh.cv']) {
        const refused = await t
          .http()
          .get(path)
          .set(await as(u))
          .expect(404);
        expect(refused.body.message).toBe('Không tìm thấy báo cáo.');
      }
    }
    // A part of another report, named under this one: not found either.
    const other = await one<{ id: string }>('SELECT s.id FROM sections s WHERE s.report_id <> $1 LIMIT 1', [hoaLoiReport.id]);
    await t
      .http()
      .get(`${r}/sections/${other.id}`)
      .set(await as('tinh.cv'))
      .expect(404);
  });

  it('configures which agency receives a report kind: the admin only, among the agencies above', async () => {
    const list = (
      await t
        .http()
        .get('/api/province/receivers')
        .set(await as('admin'))
        .expect(200)
    ).body;
    expect(list).toContainEqual({
      reportKind: 'CCHC',
      receiver: { id: await orgId('Sở Nội vụ tỉnh Đông Hòa'), name: 'Sở Nội vụ tỉnh Đông Hòa' },
      configured: true,
    });
    const before = await t.ds.query('SELECT * FROM report_receivers ORDER BY organisation_id');
    await t
      .http()
      .put('/api/province/receivers/CCHC')
      .set(await as('vhxh.truong'))
      .send({ receiverId: await orgId('Ủy ban nhân dân tỉnh Đông Hòa') })
      .expect(403);
    const sibling = await t
      .http()
      .put('/api/province/receivers/CCHC')
      .set(await as('admin'))
      .send({ receiverId: await orgId(TAN_PHU) })
      .expect(400);
    expect(sibling.body.message).toMatch(/cơ quan cấp trên/);
    await t
      .http()
      .put('/api/province/receivers/CCHC')
      .set(await as('admin'))
      .send({ receiverId: 'x' })
      .expect(400);
    expect(await t.ds.query('SELECT * FROM report_receivers ORDER BY organisation_id')).toEqual(before);
    const set = await t
      .http()
      .put('/api/province/receivers/CCHC')
      .set(await as('tanphu.admin'))
      .send({ receiverId: await orgId('Ủy ban nhân dân tỉnh Đông Hòa') })
      .expect(200);
    expect(set.body).toEqual({
      reportKind: 'CCHC',
      receiver: { id: await orgId('Ủy ban nhân dân tỉnh Đông Hòa'), name: 'Ủy ban nhân dân tỉnh Đông Hòa' },
      configured: true,
    });
    await t
      .http()
      .put('/api/province/receivers/CCHC')
      .set(await as('tanphu.admin'))
      .send({ receiverId: await orgId('Sở Nội vụ tỉnh Đông Hòa') })
      .expect(200);
  });

  it('refuses a request addressed outside the sender’s tree, or from a commune, and writes nothing', async () => {
    const stranger = await t.app
      .get(SeedService)
      .seedOrganisation(
        { ...DEMO_ORGANISATION, name: 'Ủy ban nhân dân xã Bình Minh', issuerName: 'XÃ BÌNH MINH', place: 'Bình Minh' },
        'bm.',
      );
    const count = async () =>
      Number((await one<{ n: string }>('SELECT (SELECT count(*) FROM report_requests) + (SELECT count(*) FROM outbox) AS n')).n);
    const before = await count();
    const b = await body();
    const outside = await t
      .http()
      .post('/api/requests')
      .set(await as('snv.cv'))
      .send({ ...b, organisationIds: [...b.organisationIds, stranger] })
      .expect(400);
    expect(outside.body.message).toMatch(/không thuộc phạm vi/);
    await t
      .http()
      .post('/api/requests')
      .set(await as('vhxh.truong'))
      .send({ ...b, organisationIds: [await orgId(TAN_PHU)] })
      .expect(400);
    await t
      .http()
      .post('/api/requests')
      .set(await as('snv.cv'))
      .send({ ...b, deadline: '2099-03-01' })
      .expect(400);
    await t
      .http()
      .post('/api/requests')
      .set(await as('snv.cv'))
      .send({ ...b, organisationIds: [] })
      .expect(400);
    expect(await count()).toBe(before);
  });

  it('issues a request; each addressed commune’s compiler is told and sees it (its own line only); others do not', async () => {
    const res = await t
      .http()
      .post('/api/requests')
      .set(await as('snv.cv'))
      .send(await body())
      .expect(201);
    requestId = res.body.id;
    expect(res.body).toMatchObject({
      numberText: '2150/SNV-CCHC',
      deadline,
      cutoffTo: '2099-03-10',
      issuer: { name: 'Sở Nội vụ tỉnh Đông Hòa' },
    });
    expect(res.body.targets.map((x: { organisation: { name: string }; status: string }) => [x.organisation.name, x.status])).toEqual([
      [AN_BINH, 'not_opened'],
      [TAN_PHU, 'not_opened'],
    ]);
    await t
      .http()
      .post('/api/requests')
      .set(await as('snv.cv'))
      .send(await body())
      .expect(409);
    await t.app.get(NotificationsService).flush();
    const told = await t.ds.query(
      `SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.message LIKE '%2150/SNV-CCHC%' ORDER BY u.username`,
    );
    expect(told.map((x: { username: string }) => x.username)).toEqual(['tanphu.vhxh.cv', 'tanphu.vhxh.truong', 'vhxh.cv', 'vhxh.truong']);
    const mine = (
      await t
        .http()
        .get('/api/requests')
        .set(await as('vhxh.truong'))
        .expect(200)
    ).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0].targets.map((x: { organisation: { name: string } }) => x.organisation.name)).toEqual([AN_BINH]);
    await t
      .http()
      .get(`/api/requests/${requestId}`)
      .set(await as('hoaloi.vhxh.truong'))
      .expect(404);
    expect(
      (
        await t
          .http()
          .get('/api/requests')
          .set(await as('hoaloi.vhxh.truong'))
          .expect(200)
      ).body,
    ).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('opens the report from the request in one click: basis, Kính gửi, deadline and cut-off from the request; once only', async () => {
    const notCompiler = await t
      .http()
      .post(`/api/requests/${requestId}/open`)
      .set(await as('kt.cv'))
      .expect(403);
    expect(notCompiler.body.message).toMatch(/mới được mở báo cáo/);
    const opened = await t
      .http()
      .post(`/api/requests/${requestId}/open`)
      .set(await as('vhxh.truong'))
      .expect(201);
    expect(opened.body.basis).toBe(
      'Thực hiện Văn bản số 2150/SNV-CCHC ngày 20/02/2099 của Sở Nội vụ tỉnh Đông Hòa về việc báo cáo công tác CCHC quý I năm 2099; UBND xã An Bình báo cáo như sau:',
    );
    expect(opened.body.recipients).toEqual(['Sở Nội vụ tỉnh Đông Hòa']);
    expect(opened.body.deadline).toBe(deadline);
    const row = await one<Record<string, string>>(
      `SELECT to_char(cutoff_from, 'YYYY-MM-DD') AS f, to_char(cutoff_to, 'YYYY-MM-DD') AS t, period_key FROM reports WHERE id = $1`,
      [opened.body.id],
    );
    expect(row).toEqual({ f: '2098-12-15', t: '2099-03-10', period_key: '2099-Q1' });
    const again = await t
      .http()
      .post(`/api/requests/${requestId}/open`)
      .set(await as('vhxh.cv'))
      .expect(409);
    expect(again.body.reportId).toBe(opened.body.id);
    // Two clicks at once in Tân Phú: one report.
    const both = await Promise.all(
      [1, 2].map(
        async () =>
          (
            await t
              .http()
              .post(`/api/requests/${requestId}/open`)
              .set(await as('tanphu.vhxh.truong'))
          ).status,
      ),
    );
    expect(both.sort()).toEqual([201, 409]);
    expect(Number((await one<{ n: string }>(`SELECT count(*) AS n FROM reports WHERE period_key = '2099-Q1'`)).n)).toBe(2);
    const status = (
      await t
        .http()
        .get(`/api/requests/${requestId}`)
        .set(await as('snv.cv'))
        .expect(200)
    ).body;
    expect(status.targets.map((x: { status: string; report: { id: string } | null }) => x.status)).toEqual(['in_progress', 'in_progress']);
    expect(status.targets[0].report.id).toBe(opened.body.id);
  });

  it('đôn đốc by hand: once per commune and day, even when clicked concurrently; only by the issuer', async () => {
    await t
      .http()
      .post(`/api/requests/${requestId}/remind`)
      .set(await as('vhxh.truong'))
      .send({})
      .expect(403);
    const results = await Promise.all(
      [1, 2, 3, 4].map(
        async () =>
          (
            await t
              .http()
              .post(`/api/requests/${requestId}/remind`)
              .set(await as('snv.cv'))
              .send({})
              .expect(200)
          ).body,
      ),
    );
    const reminded = results.flatMap((r) => r.reminded.map((o: { name: string }) => o.name)).sort();
    expect(reminded).toEqual([AN_BINH, TAN_PHU]);
    expect(results.flatMap((r) => r.skipped)).toHaveLength(6);
    expect(Number((await one<{ n: string }>('SELECT count(*) AS n FROM request_reminders WHERE request_id = $1', [requestId])).n)).toBe(2);
    await t.app.get(NotificationsService).flush();
    const told = await t.ds.query(
      `SELECT u.username, count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.message LIKE '%đôn đốc%' GROUP BY u.username ORDER BY u.username`,
    );
    expect(told).toEqual(['tanphu.vhxh.cv', 'tanphu.vhxh.truong', 'vhxh.cv', 'vhxh.truong'].map((username) => ({ username, n: 1 })));
    const status = (
      await t
        .http()
        .get(`/api/requests/${requestId}`)
        .set(await as('snv.cv'))
        .expect(200)
    ).body;
    expect(status.targets[0].lastReminder).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('đôn đốc automatically from N working days before the deadline, once per commune and day across sweeps', async () => {
    const reminders = t.app.get(RemindersService);
    const start = addWorkingDays(deadline, -2);
    const at = (day: string) => new Date(`${day}T02:00:00Z`);
    expect(await reminders.sweep(at(addWorkingDays(start, -1)))).toBe(0);
    // Three instances sweeping the same morning.
    const sent = await Promise.all([1, 2, 3].map(() => reminders.sweep(at(start))));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await reminders.sweep(at(start))).toBe(0);
    expect(await reminders.sweep(at(deadline))).toBe(2);
    expect(await reminders.sweep(new Date(`${deadline}T20:00:00Z`))).toBe(0); // the next day in Vietnam is past the deadline
    const days = await t.ds.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, count(*)::int AS n FROM request_reminders WHERE request_id = $1 AND kind = 'auto' GROUP BY 1, 2 ORDER BY 1`,
      [requestId],
    );
    expect(days).toEqual([
      { day: start, kind: 'auto', n: 2 },
      { day: deadline, kind: 'auto', n: 2 },
    ]);
  });
});
