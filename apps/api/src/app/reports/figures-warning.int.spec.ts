import { startTestApp, type TestApp } from '../../testing/test-app';

/** Issue 11 §3: a warning-only rule blocks submitting until explained; the reviewer sees the explanation. */
describe('a warning that needs an explanation (database)', () => {
  let t: TestApp;
  let reportId: string;
  let section: { id: string };
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const url = () => `/api/reports/${reportId}/sections/${section.id}`;
  const values = { '2.1': ['45'], '2.2': ['46'] };
  const event = async (user: string, type: string, status: number) => {
    const h = await as(user);
    const d = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
    return t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type, sectionId: section.id, expectedVersion: d.version })
      .expect(status);
  };
  const save = async (figures: unknown) => {
    const h = await as('vhxh.cv');
    const cur = (await t.http().get(url()).set(h)).body.currentRevisionId;
    const content = { blocks: [{ type: 'paragraph', runs: [{ text: 'Tổ chức bộ máy sau sắp xếp.' }] }] };
    return t.http().put(`${url()}/content`).set(h).send({ baseRevisionId: cur, content, figures }).expect(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const h = await as('vhxh.cv');
    reportId = (await t.http().get('/api/reports').set(h).expect(200)).body.items[0].id;
    const d = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
    section = d.sections.find((s: { code: string }) => s.code === 'II.3');
    await event('vhxh.cv', 'start_drafting', 200);
  });
  afterAll(() => t.close());

  it('refuses submitting with 422 until the warning is explained, then accepts; the reviewer reads the explanation', async () => {
    await save({ values });
    const got = (
      await t
        .http()
        .get(url())
        .set(await as('vhxh.cv'))
        .expect(200)
    ).body;
    expect(got.figures.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'part-of',
        message: 'Công chức có mặt 46 lớn hơn biên chế được giao 45 (lệch 1)',
        explanation: null,
      }),
    ]);
    const refused = await event('vhxh.cv', 'submit_section', 422);
    expect(refused.body.message).toMatch(
      /số liệu có 0 lỗi và 1 cảnh báo chưa giải trình: 2.2: Công chức có mặt 46 lớn hơn biên chế được giao 45/,
    );
    const [sec] = await t.ds.query('SELECT state FROM sections WHERE id = $1', [section.id]);
    expect(sec.state).toBe('drafting');

    const key = got.figures.findings[0].key;
    const explanation = 'Dôi dư 01 công chức sau sắp xếp đơn vị hành chính, bố trí trong thời hạn 5 năm.';
    await save({ values, explanations: { [key]: explanation } });
    await event('vhxh.cv', 'submit_section', 200);

    const seen = (
      await t
        .http()
        .get(url())
        .set(await as('vhxh.truong'))
        .expect(200)
    ).body;
    expect(seen.state).toBe('submitted');
    expect(seen.figures.findings).toEqual([expect.objectContaining({ severity: 'warning', key, explanation })]);
    const checks = (
      await t
        .http()
        .get(`/api/reports/${reportId}/checks`)
        .set(await as('vhxh.truong'))
        .expect(200)
    ).body;
    expect(checks).toEqual([expect.objectContaining({ part: 'II.3', severity: 'warning', explanation })]);
    await event('vhxh.truong', 'accept_section', 200);
  });
});
