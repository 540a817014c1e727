import { startTestApp, type TestApp } from '../../testing/test-app';

describe('section content (database)', () => {
  let t: TestApp;
  let reportId: string;
  let section: { id: string; code: string };
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });

  beforeAll(async () => {
    t = await startTestApp();
    const list = (
      await t
        .http()
        .get('/api/reports')
        .set(await as('kt.cv'))
        .expect(200)
    ).body.items;
    reportId = list[0].id;
    const d = (
      await t
        .http()
        .get(`/api/reports/${reportId}`)
        .set(await as('kt.cv'))
        .expect(200)
    ).body;
    section = d.sections.find((s: { code: string }) => s.code === 'II.5');
  });

  it('refuses a save before drafting started (422, with what to do) and from the unit head (403); nothing is written', async () => {
    const h = await as('kt.cv');
    const early = await t
      .http()
      .put(`${url()}/content`)
      .set(h)
      .send({ baseRevisionId: null, content: content('Quá sớm') })
      .expect(422);
    expect(early.body.message).toBe(`Phần này đang ở bước 'Đã giao': hãy bấm "Bắt đầu soạn" trước khi sửa.`);
    const d = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
    await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'start_drafting', sectionId: section.id, expectedVersion: d.version })
      .expect(200);
    const head = await t
      .http()
      .put(`${url()}/content`)
      .set(await as('kt.truong'))
      .send({ baseRevisionId: null, content: content('Trưởng phòng sửa') })
      .expect(403);
    expect(head.body.message).toMatch(/không được phân công soạn phần Cải cách tài chính công/);
    expect((await t.http().get(url()).set(h).expect(200)).body.revisions).toEqual([]);
  });
  afterAll(() => t.close());

  const url = () => `/api/reports/${reportId}/sections/${section.id}`;
  const content = (text: string) => ({
    blocks: [
      { type: 'paragraph', runs: [{ text }] },
      { type: 'bullet', marker: '-', runs: [{ text: 'Dự toán: 1.234 triệu đồng', bold: true }] },
    ],
  });

  it('saves immutable revisions; an edit must name the current revision (409 otherwise, showing the other version)', async () => {
    const h = await as('kt.cv');
    const first = await t
      .http()
      .put(`${url()}/content`)
      .set(h)
      .send({ baseRevisionId: null, content: content('Bản đầu') })
      .expect(200);
    const second = await t
      .http()
      .put(`${url()}/content`)
      .set(h)
      .send({ baseRevisionId: first.body.revisionId, content: content('Bản hai') })
      .expect(200);
    expect(second.body.number).toBe(2);
    const stale = await t
      .http()
      .put(`${url()}/content`)
      .set(h)
      .send({ baseRevisionId: first.body.revisionId, content: content('Bản xung đột') })
      .expect(409);
    expect(stale.body.current).toMatchObject({ revisionId: second.body.revisionId, author: 'Vũ Thị Thu' });
    expect(stale.body.current.content.blocks[0].runs[0].text).toBe('Bản hai');
    const got = (await t.http().get(url()).set(h).expect(200)).body;
    expect(got.currentRevisionId).toBe(second.body.revisionId);
    expect(got.revisions.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    const old = (await t.http().get(`${url()}/revisions/${first.body.revisionId}`).set(h).expect(200)).body;
    expect(old.content.blocks[0].runs[0].text).toBe('Bản đầu');
    await expect(t.ds.query('UPDATE section_revisions SET content = $1', ['{}'])).rejects.toThrow(/append-only/);
  });

  it('appends text/plain as paragraphs on top of the current revision', async () => {
    const h = await as('kt.cv');
    const res = await t
      .http()
      .put(`${url()}/content`)
      .set(h)
      .set('Content-Type', 'text/plain')
      .send('Đoạn thêm một\n- ý thêm\n')
      .expect(200);
    const got = (await t.http().get(url()).set(h).expect(200)).body;
    expect(got.currentRevisionId).toBe(res.body.revisionId);
    expect(got.content.blocks.slice(-2)).toEqual([
      { type: 'paragraph', runs: [{ text: 'Đoạn thêm một' }] },
      { type: 'bullet', marker: '-', runs: [{ text: 'ý thêm' }] },
    ]);
    expect(got.content.blocks[0].runs[0].text).toBe('Bản hai');
  });

  it('refuses other units, bad content and bad ids with readable 4xx', async () => {
    const cur = (
      await t
        .http()
        .get(url())
        .set(await as('kt.cv'))
    ).body.currentRevisionId;
    const other = await t
      .http()
      .put(`${url()}/content`)
      .set(await as('vp.cv'))
      .send({ baseRevisionId: cur, content: content('x') })
      .expect(403);
    expect(other.body.message).toMatch(/không được phân công/);
    const bad = await t
      .http()
      .put(`${url()}/content`)
      .set(await as('kt.cv'))
      .send({ baseRevisionId: cur, content: { blocks: [{ type: 'script' }] } })
      .expect(400);
    expect(bad.body).toMatchObject({ field: 'content.blocks[0].type' });
    expect(bad.body.message).toMatch(/^Trường content\.blocks\[0\]\.type: /);
    await t
      .http()
      .put(`${url()}/content`)
      .set(await as('kt.cv'))
      .send({ content: content('x') })
      .expect(400);
    await t
      .http()
      .get(`/api/reports/${reportId}/sections/xyz`)
      .set(await as('kt.cv'))
      .expect(404);
  });
});
