import { startTestApp, type TestApp } from '../../testing/test-app';

/** Issue 9, defects 4 and 5: hostile text and dates are refused with a 400 that names the field, and change nothing. */
describe('input normalisation (database)', () => {
  let t: TestApp;
  let reportId: string;
  let vhxhSection: { id: string; code: string };
  let vhxhOther: { id: string };
  let ktSection: { id: string };
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });

  /** What a refused request must leave untouched. */
  const snapshot = async () => {
    const [counts] = await t.ds.query(
      `SELECT (SELECT count(*) FROM audit_entries)::int AS audit, (SELECT count(*) FROM admin_log WHERE action NOT LIKE 'auth.%')::int AS admin, (SELECT count(*) FROM reports)::int AS reports,
              (SELECT count(*) FROM section_revisions)::int AS revisions, (SELECT count(*) FROM units)::int AS units,
              (SELECT string_agg(id || ':' || version, ',' ORDER BY id) FROM reports) AS versions`,
    );
    return counts;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const list = (
      await t
        .http()
        .get('/api/reports')
        .set(await as('vhxh.truong'))
        .expect(200)
    ).body.items;
    reportId = list[0].id;
    const d = (
      await t
        .http()
        .get(`/api/reports/${reportId}`)
        .set(await as('vhxh.cv'))
        .expect(200)
    ).body;
    vhxhSection = d.sections.find((s: { unit: { code: string }; state: string }) => s.unit.code === 'VHXH' && s.state === 'assigned');
    vhxhOther = d.sections.filter((s: { unit: { code: string }; state: string }) => s.unit.code === 'VHXH' && s.state === 'assigned')[1];
    ktSection = d.sections.find((s: { code: string }) => s.code === 'II.5');
  });
  afterAll(() => t.close());

  it('refuses a NUL byte in a text field and in the search query of the register and the report list', async () => {
    const before = await snapshot();
    const unit = await t
      .http()
      .post('/api/admin/units')
      .set(await as('admin'))
      .send({ code: 'TP', name: 'Phòng\u0000Tư pháp' })
      .expect(400);
    expect(unit.body.message).toBe('Trường name chứa ký tự không hợp lệ (ký tự NUL).');
    const reg = await t
      .http()
      .get('/api/register?q=a%00b')
      .set(await as('vanthu'))
      .expect(400);
    expect(reg.body.message).toBe('Tham số q chứa ký tự không hợp lệ (ký tự NUL).');
    await t
      .http()
      .get('/api/reports?q=%00')
      .set(await as('vhxh.truong'))
      .expect(400);
    await t
      .http()
      .get('/api/reports?q=a&q=b')
      .set(await as('vhxh.truong'))
      .expect(400);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a lone surrogate in part content and in a unit name', async () => {
    const before = await snapshot();
    const h = await as('kt.cv');
    const content = {
      blocks: [
        { type: 'paragraph', runs: [{ text: 'ok' }] },
        { type: 'paragraph', runs: [{ text: 'Số liệu \uD800 quý' }] },
      ],
    };
    const res = await t
      .http()
      .put(`/api/reports/${reportId}/sections/${ktSection.id}/content`)
      .set(h)
      .send({ baseRevisionId: null, content })
      .expect(400);
    expect(res.body.message).toBe('Trường content.blocks[1].runs[0].text chứa ký tự không hợp lệ (ký tự Unicode lỗi (nửa cặp UTF-16)).');
    const plain = await t
      .http()
      .put(`/api/reports/${reportId}/sections/${ktSection.id}/content`)
      .set(h)
      .set('Content-Type', 'text/plain')
      .send('Đoạn \u0000 thêm')
      .expect(400);
    // (A lone surrogate cannot travel in a UTF-8 text body: the bytes arrive as U+FFFD.)
    expect(plain.body.message).toBe('Trường nội dung văn bản chứa ký tự không hợp lệ (ký tự NUL).');
    const unitId = (await t.ds.query(`SELECT id FROM units WHERE code = 'KT'`))[0].id;
    await t
      .http()
      .patch(`/api/admin/units/${unitId}`)
      .set(await as('admin'))
      .send({ name: 'Phòng Kinh tế \uDC00' })
      .expect(400);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an impossible calendar date on report creation and on import', async () => {
    const before = await snapshot();
    const h = await as('vhxh.truong');
    const period = { kind: 'quarter', year: 2099, index: 1 };
    const create = await t
      .http()
      .post('/api/reports')
      .set(h)
      .send({ templateCode: 'CCHC_QUY', period, deadline: '2099-02-31' })
      .expect(400);
    expect(create.body.message).toMatch(/hạn nộp báo cáo phải là ngày hợp lệ/i);
    await t.http().post('/api/reports').set(h).send({ templateCode: 'CCHC_QUY', period, deadline: '2199-02-31' }).expect(400);
    const imp = await t
      .http()
      .post('/api/imports/report')
      .set(h)
      .send({ text: 'BÁO CÁO\nI. KẾT QUẢ\nMột đoạn.', period, deadline: '2099-02-29' })
      .expect(400);
    expect(imp.body.message).toMatch(/hạn nộp báo cáo phải là ngày hợp lệ/i);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an object nested 3 000 deep inside a content run, and unknown keys in content', async () => {
    const before = await snapshot();
    const h = { ...(await as('kt.cv')), 'Content-Type': 'application/json' };
    const deep = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
    const raw = `{"baseRevisionId":null,"content":{"blocks":[{"type":"paragraph","runs":[{"text":"x","extra":${deep}}]}]}}`;
    const res = await t.http().put(`/api/reports/${reportId}/sections/${ktSection.id}/content`).set(h).send(raw).expect(400);
    expect(res.body.message).toMatch(/lồng nhau quá sâu/);
    const extra = { blocks: [{ type: 'paragraph', runs: [{ text: 'x', color: 'red' }] }] };
    const unknown = await t
      .http()
      .put(`/api/reports/${reportId}/sections/${ktSection.id}/content`)
      .set(h)
      .send({ baseRevisionId: null, content: extra })
      .expect(400);
    expect(unknown.body.message).toMatch(/blocks\[0\]\.runs\[0\]\.color: trường không được hỗ trợ/);
    expect(await snapshot()).toEqual(before);
  });

  it('stores and hashes a decomposed (NFD) comment as NFC, and the chain still verifies', async () => {
    const h = await as('vhxh.cv');
    const version = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body.version;
    const nfd = 'Đã nhận phân công, bắt đầu soạn thảo.'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'start_drafting', sectionId: vhxhSection.id, comment: nfd, expectedVersion: version })
      .expect(200);
    const [row] = await t.ds.query(`SELECT comment FROM audit_entries WHERE report_id = $1 ORDER BY seq DESC LIMIT 1`, [reportId]);
    expect(row.comment).toBe(nfd.normalize('NFC'));
    expect((await t.http().get(`/api/reports/${reportId}/audit/verify`).set(h).expect(200)).body).toMatchObject({ ok: true });
  });

  it('refuses a comment with a lone surrogate (no false tamper alarm): version and audit trail unchanged', async () => {
    const h = await as('vhxh.cv');
    const before = await snapshot();
    const version = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body.version;
    // Before the fix: 200, stored as U+FFFD, hashed over the original, and the chain said "tampered" from then on.
    const res = await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'start_drafting', sectionId: vhxhOther.id, comment: 'Bắt đầu \uD83D soạn', expectedVersion: version })
      .expect(400);
    expect(res.body.message).toBe('Trường comment chứa ký tự không hợp lệ (ký tự Unicode lỗi (nửa cặp UTF-16)).');
    expect(await snapshot()).toEqual(before);
    expect((await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body.version).toBe(version);
    expect((await t.http().get(`/api/reports/${reportId}/audit/verify`).set(h).expect(200)).body).toMatchObject({ ok: true });
  });

  it('refuses a NUL in a path parameter and a body nested deeper than the limit before parsing it', async () => {
    await t
      .http()
      .put('/api/admin/routing-policies/CC%00HC')
      .set(await as('admin'))
      .send({ policyCode: 'FULL' })
      .expect(400);
    await t
      .http()
      .get('/api/reports/%ZZ')
      .set(await as('admin'))
      .expect((r) => expect(r.status).toBeLessThan(500));
    const deep = await t
      .http()
      .post('/api/reports')
      .set(await as('admin'))
      .set('Content-Type', 'application/json')
      .send('['.repeat(100_000) + ']'.repeat(100_000))
      .expect(400);
    expect(deep.body.message).toMatch(/lồng nhau quá sâu/);
  });
});
