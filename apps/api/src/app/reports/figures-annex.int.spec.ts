import { createHash } from 'node:crypto';
import { pdfText } from '../../testing/pdf-text';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { canonical } from './canonical';

/** Issue 11 §2, §4: the statistics annex rendered from the stored figures; runs bound to a figure render its value. */
describe('figures in the PDF: the annex and bound runs (database, pdf.js)', () => {
  let t: TestApp;
  let reportId: string;
  let section: { id: string };
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const url = () => `/api/reports/${reportId}/sections/${section.id}`;
  const figures = (resolved: string) => ({
    values: { '4': ['2.182'], '4.1': ['1.000'], '4.2': ['1.182'], '5': [resolved], '5.1': ['2.139'], '5.2': ['4'], '6': ['39'] },
  });
  const bound = {
    blocks: [
      {
        type: 'paragraph',
        runs: [
          { text: 'Giải quyết đúng hạn ' },
          { text: 'bản cũ', figure: { group: 'TTHC', code: '5.1' } },
          { text: ', đạt ' },
          { text: '?', figure: { group: 'TTHC', code: '5.3' } },
          { text: '.' },
        ],
      },
    ],
  };
  const save = async (body: unknown, status = 200) => {
    const h = await as('hcc.cv');
    const cur = (await t.http().get(url()).set(h)).body.currentRevisionId;
    return t
      .http()
      .put(`${url()}/content`)
      .set(h)
      .send({ baseRevisionId: cur, ...(body as object) })
      .expect(status);
  };
  const pdf = async () =>
    (
      await pdfText(
        (
          await t
            .http()
            .get(`/api/reports/${reportId}/pdf`)
            .set(await as('hcc.cv'))
            .buffer(true)
            .parse((res, cb) => {
              const chunks: Buffer[] = [];
              res.on('data', (d: Buffer) => chunks.push(d));
              res.on('end', () => cb(null, Buffer.concat(chunks)));
            })
            .expect(200)
        ).body as Buffer,
      )
    ).join('\n');

  beforeAll(async () => {
    t = await startTestApp();
    const h = await as('hcc.cv');
    reportId = (await t.http().get('/api/reports').set(h).expect(200)).body.items[0].id;
    const d = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
    section = d.sections.find((s: { code: string }) => s.code === 'II.2');
    await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'start_drafting', sectionId: section.id, expectedVersion: d.version })
      .expect(200);
  });
  afterAll(() => t.close());

  it('renders "Phụ lục: Thống kê số liệu" from the stored figures, rates computed, every group with its header', async () => {
    await save({ content: { blocks: [] }, figures: figures('2.143') });
    const text = await pdf();
    expect(text).toContain('THỐNG KÊ SỐ LIỆU');
    for (const g of ['CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 'CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ'])
      expect(text).toContain(g);
    expect(text).toMatch(/Tổng số hồ sơ tiếp nhận Hồ sơ 2\.182/);
    expect(text).toMatch(/Hồ sơ giải quyết trước hạn và đúng hạn Hồ sơ 2\.139/);
    // 2.139 / 2.143, computed: no rate was typed.
    expect(text).toMatch(/Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn % 99,81 %/);
    expect(text.match(/STT Chỉ tiêu Đơn vị tính Kỳ báo cáo/g)?.length).toBeGreaterThanOrEqual(7);
  });

  it('refuses a bound run naming no indicator (400 naming the code); nothing is written', async () => {
    const before = (
      await t
        .http()
        .get(url())
        .set(await as('hcc.cv'))
    ).body.currentRevisionId;
    const bad = { blocks: [{ type: 'paragraph', runs: [{ text: 'x', figure: { group: 'TTHC', code: '9.9.9' } }] }] };
    expect((await save({ content: bad }, 400)).body.message).toMatch(/Chỉ tiêu mã "9\.9\.9" \(bảng TTHC\) không có trong danh mục/);
    const ambiguous = { blocks: [{ type: 'paragraph', runs: [{ text: 'x', figure: { code: '1' } }] }] };
    expect((await save({ content: ambiguous }, 400)).body.message).toMatch(/Mã "1" có ở nhiều bảng/);
    expect(
      (
        await t
          .http()
          .get(url())
          .set(await as('hcc.cv'))
      ).body.currentRevisionId,
    ).toBe(before);
  });

  it('renders a bound run as the figure with its unit, equal to the annex; changing the value changes both', async () => {
    await save({ content: bound });
    const doc = (
      await t
        .http()
        .get(`/api/reports/${reportId}/document`)
        .set(await as('hcc.cv'))
        .expect(200)
    ).body;
    expect(JSON.stringify(doc.body)).toContain('{"text":"2.139 hồ sơ","figure":{"code":"5.1","group":"TTHC"}}');
    expect(JSON.stringify(doc.body)).toContain('{"text":"99,81 %","figure":{"code":"5.3","group":"TTHC"}}');
    let text = await pdf();
    expect(text).toContain('Giải quyết đúng hạn 2.139 hồ sơ, đạt 99,81 %.');
    await save({ content: bound, figures: { values: { ...figures('2.143').values, '5.1': ['2.100'], '5.2': ['43'] } } });
    text = await pdf();
    expect(text).toContain('Giải quyết đúng hạn 2.100 hồ sơ, đạt 97,99 %.');
    expect(text).toMatch(/Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn % 97,99 %/);
    expect(text).not.toContain('99,81');
  });

  it('hashes a bound run by its binding: its cached text does not change the hash, its binding does', async () => {
    const hashOf = async (content: unknown) => {
      const saved = (await save({ content })).body;
      const [rev] = await t.ds.query('SELECT content, figures, content_hash FROM section_revisions WHERE id = $1', [saved.revisionId]);
      return rev;
    };
    const a = await hashOf(bound);
    const recached = JSON.parse(JSON.stringify(bound).replace('bản cũ', '2.100 hồ sơ'));
    const b = await hashOf(recached);
    expect(b.content.blocks[0].runs[1].text).toBe('2.100 hồ sơ');
    expect(b.content_hash).toBe(a.content_hash);
    const rebound = JSON.parse(JSON.stringify(bound).replace('"5.1"', '"5.2"'));
    expect((await hashOf(rebound)).content_hash).not.toBe(a.content_hash);
    const withoutText = JSON.parse(JSON.stringify(a.content), (k, v) =>
      v && typeof v === 'object' && v.figure ? { ...v, text: undefined } : v,
    );
    expect(a.content_hash).toBe(
      createHash('sha256')
        .update(canonical({ content: withoutText, figures: a.figures }))
        .digest('hex'),
    );
  });
});
