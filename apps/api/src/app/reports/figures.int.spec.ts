import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { canonical } from './canonical';

/** Figures as data (issue 11): stored with the part's immutable revision, hashed with it, validated. */
describe('section figures (database)', () => {
  let t: TestApp;
  let reportId: string;
  let section: { id: string; code: string };
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const url = () => `/api/reports/${reportId}/sections/${section.id}`;
  const content = { blocks: [{ type: 'paragraph', runs: [{ text: 'Tài chính công' }] }] };
  const v = (x: string | null) => [x];

  beforeAll(async () => {
    t = await startTestApp();
    const h = await as('kt.cv');
    reportId = (await t.http().get('/api/reports').set(h).expect(200)).body.items[0].id;
    const d = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
    section = d.sections.find((s: { code: string }) => s.code === 'II.5');
    await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'start_drafting', sectionId: section.id, expectedVersion: d.version })
      .expect(200);
  });
  afterAll(() => t.close());

  it('keeps the catalogue version the report was opened with and shows the part its indicators', async () => {
    const [row] = await t.ds.query('SELECT figures_catalogue_version AS v FROM reports WHERE id = $1', [reportId]);
    expect(row.v).toBe(1);
    const got = (
      await t
        .http()
        .get(url())
        .set(await as('kt.cv'))
        .expect(200)
    ).body;
    expect(got.figures.catalogue).toEqual({ template: 'CCHC_QUY', version: 1, title: 'Phụ lục: Thống kê số liệu' });
    expect(got.figures.group.code).toBe('TCC');
    expect(got.figures.group.indicators.map((i: { code: string }) => i.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2',
      '3',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
    ]);
    expect(got.figures.values).toEqual({});
    expect(got.figures.findings).toEqual([]);
  });

  it('stores figures in the revision, hashed with its content; findings come back with the section', async () => {
    const h = await as('kt.cv');
    const figures = {
      values: {
        '1.1': v('1.000'),
        '1.2': v('950'),
        '1.3': v('96,5'),
        '3': v('10'),
        '3.1': v('2'),
        '3.2': v('3'),
        '3.3': v('4'),
        '3.4': v(null),
      },
    };
    const cur = (await t.http().get(url()).set(h)).body.currentRevisionId;
    const saved = await t.http().put(`${url()}/content`).set(h).send({ baseRevisionId: cur, content, figures }).expect(200);
    const [rev] = await t.ds.query('SELECT content, figures, content_hash FROM section_revisions WHERE id = $1', [saved.body.revisionId]);
    expect(rev.figures).toEqual(figures);
    expect(rev.content_hash).toBe(
      createHash('sha256')
        .update(canonical({ content: rev.content, figures }))
        .digest('hex'),
    );
    const [sec] = await t.ds.query('SELECT current_content_hash FROM sections WHERE id = $1', [section.id]);
    expect(sec.current_content_hash).toBe(rev.content_hash);
    const got = (await t.http().get(url()).set(h).expect(200)).body;
    expect(got.figures.values['1.2']).toEqual(['950']);
    expect(got.figures.findings.map((f: { rule: string; message: string }) => [f.rule, f.message])).toEqual([
      ['rate', 'Tỷ lệ giải ngân ghi 96,5 nhưng 950/1.000 = 95,00 % (lệch 1,50 điểm)'],
    ]);
    // A content-only edit keeps the figures (and so a hash over both).
    const next = await t
      .http()
      .put(`${url()}/content`)
      .set(h)
      .send({ baseRevisionId: saved.body.revisionId, content: { blocks: [{ type: 'paragraph', runs: [{ text: 'Sửa chữ' }] }] } })
      .expect(200);
    const [rev2] = await t.ds.query('SELECT figures FROM section_revisions WHERE id = $1', [next.body.revisionId]);
    expect(rev2.figures).toEqual(figures);
    const old = (await t.http().get(`${url()}/revisions/${saved.body.revisionId}`).set(h).expect(200)).body;
    expect(old.figures).toEqual(figures);
  });

  it('refuses figures that break their own indicator with a 400 naming it in Vietnamese; nothing is written', async () => {
    const h = await as('kt.cv');
    const before = (await t.http().get(url()).set(h)).body;
    const put = (figures: unknown) =>
      t.http().put(`${url()}/content`).set(h).send({ baseRevisionId: before.currentRevisionId, content, figures });
    expect((await put({ values: { '3': v('2,5') } }).expect(400)).body.message).toMatch(/Chỉ tiêu 3: .*phải là số nguyên/);
    expect((await put({ values: { '3': v('mười') } }).expect(400)).body.message).toMatch(
      /Chỉ tiêu 3 \(Tổng số đơn vị sự nghiệp công lập\): "mười" không phải là số/,
    );
    expect((await put({ values: { '9.9': v('1') } }).expect(400)).body.message).toMatch(
      /Chỉ tiêu mã "9.9" không có trong bảng "Cải cách tài chính công"/,
    );
    expect((await put({ values: { '3': ['1', '2'] } }).expect(400)).body.message).toMatch(/cần đúng 1 giá trị/);
    expect((await put({ values: { '2': v('-3') } }).expect(400)).body.message).toMatch(/Số liệu không hợp lệ/);
    const after = (await t.http().get(url()).set(h)).body;
    expect(after.currentRevisionId).toBe(before.currentRevisionId);
    expect(after.revisions).toHaveLength(before.revisions.length);
  });

  it('refuses submitting a part whose figures hold an error (422 listing it); the checks endpoint links it; corrected, it submits', async () => {
    const h = await as('kt.cv');
    const d = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
    const refused = await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'submit_section', sectionId: section.id, expectedVersion: d.version })
      .expect(422);
    expect(refused.body.message).toBe(
      'Chưa nộp được phần 5. Cải cách tài chính công: số liệu có 1 lỗi và 0 cảnh báo chưa giải trình: 1.3: Tỷ lệ giải ngân ghi 96,5 nhưng 950/1.000 = 95,00 % (lệch 1,50 điểm).',
    );
    const [sec] = await t.ds.query('SELECT state FROM sections WHERE id = $1', [section.id]);
    expect(sec.state).toBe('drafting');
    const checks = (await t.http().get(`/api/reports/${reportId}/checks`).set(h).expect(200)).body;
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      sectionId: section.id,
      part: 'II.5',
      severity: 'error',
      rule: 'rate',
      codes: ['1.3', '1.2', '1.1'],
      link: `/reports/${reportId}/sections/${section.id}#chi-tieu-1.3`,
    });
    const cur = (await t.http().get(url()).set(h)).body;
    const values = { ...cur.figures.values, '1.3': v('95') };
    await t.http().put(`${url()}/content`).set(h).send({ baseRevisionId: cur.currentRevisionId, content, figures: { values } }).expect(200);
    expect((await t.http().get(`/api/reports/${reportId}/checks`).set(h).expect(200)).body).toEqual([]);
    const d2 = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
    await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'submit_section', sectionId: section.id, expectedVersion: d2.version })
      .expect(200);
  });
});
