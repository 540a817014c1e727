import { startTestApp, type TestApp } from '../../testing/test-app';

/** Issue 10 item 5: the part deadlines the create form sends are the ones stored and shown. */
describe('part deadlines sent with a new report (database)', () => {
  let t: TestApp;
  let h: Record<string, string>;
  const period = { kind: 'quarter', year: 2028, index: 2 };
  const reports = async () => Number((await t.ds.query('SELECT count(*) AS n FROM reports'))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    h = { Authorization: `Bearer ${await t.login('vhxh.truong')}` };
  });
  afterAll(() => t.close());

  it('stores and shows the deadlines sent, and the template default for the parts not named', async () => {
    const sent = { I: '2028-06-10', 'II.2': '2028-06-12', V: '2028-06-20' };
    const created = await t
      .http()
      .post('/api/reports')
      .set(h)
      .send({ templateCode: 'CCHC_QUY', period, deadline: '2028-06-20', sectionDeadlines: sent })
      .expect(201);
    const shown = (await t.http().get(`/api/reports/${created.body.id}`).set(h).expect(200)).body;
    const byCode = (sections: { code: string; deadline: string }[]) => Object.fromEntries(sections.map((s) => [s.code, s.deadline]));
    for (const [code, day] of Object.entries(sent)) {
      expect(byCode(created.body.sections)[code]).toBe(day);
      expect(byCode(shown.sections)[code]).toBe(day);
    }
    const stored = await t.ds.query(`SELECT code, to_char(deadline, 'YYYY-MM-DD') AS d FROM sections WHERE report_id = $1`, [
      created.body.id,
    ]);
    expect(Object.fromEntries(stored.map((r: { code: string; d: string }) => [r.code, r.d]))).toMatchObject(sent);
    // A part not named keeps the template's deadline (before the report's, not one of those sent).
    const other = byCode(shown.sections)['II.1'];
    expect(other < '2028-06-20').toBe(true);
    expect(Object.values(sent)).not.toContain(other);
  });

  it('refuses, in Vietnamese and opening nothing, a part due after the report, before the period, of an unknown part or not a date', async () => {
    const before = await reports();
    const send = (sectionDeadlines: Record<string, unknown>) =>
      t
        .http()
        .post('/api/reports')
        .set(h)
        .send({ templateCode: 'CCHC_QUY', period: { ...period, index: 3 }, deadline: '2028-09-20', sectionDeadlines });
    const late = await send({ I: '2028-09-21' }).expect(400);
    expect(late.body).toMatchObject({
      field: 'sectionDeadlines.I',
      message: expect.stringMatching(/không được sau hạn nộp báo cáo \(20\/09\/2028\)/),
    });
    const early = await send({ I: '2027-01-01' }).expect(400);
    expect(early.body.message).toMatch(/không được trước ngày đầu kỳ số liệu/);
    const unknown = await send({ 'IX.9': '2028-09-10' }).expect(400);
    expect(unknown.body.message).toMatch(/Phần "IX.9" không có trong mẫu báo cáo/);
    const bad = await send({ I: '2028-02-30' }).expect(400);
    expect(bad.body).toMatchObject({ field: 'sectionDeadlines.I', message: expect.stringMatching(/ngày có thật/) });
    expect(await reports()).toBe(before);
  });
});
