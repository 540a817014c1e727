import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTestApp, type TestApp } from '../../testing/test-app';

const seed = (name: string) => readFileSync(join(resolve(__dirname, '../../../../../..'), 'shared', 'seeds', name), 'utf8');

describe('importing an existing report (database)', () => {
  let t: TestApp;
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  beforeAll(async () => {
    t = await startTestApp({ seed: 'organisation' });
  });
  afterAll(() => t.close());

  it('previews seed 000: the template parts it found and what it could not place', async () => {
    const res = await t
      .http()
      .post('/api/imports/preview')
      .set(await as('vhxh.truong'))
      .send({ text: seed('000_ccb5cca196e6a642.txt') })
      .expect(200);
    expect(Object.keys(res.body.found)).toEqual(expect.arrayContaining(['opening', 'I', 'III', 'IV', 'V']));
    expect(res.body.result.document.signature.lines).toEqual(['TM. UỶ BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(Array.isArray(res.body.result.unplaced)).toBe(true);
  });

  it('opens a report from it with the recognised sections already written, ready for the workflow', async () => {
    const h = await as('vhxh.truong');
    const res = await t
      .http()
      .post('/api/imports/report')
      .set(h)
      .send({ text: seed('000_ccb5cca196e6a642.txt'), period: { kind: 'quarter', year: 2026, index: 4 }, deadline: '2026-12-18' })
      .expect(201);
    const report = res.body.report;
    expect(report.state).toBe('draft');
    const filled = report.sections.filter((s: { currentRevisionId: string | null }) => s.currentRevisionId);
    expect(filled.length).toBeGreaterThanOrEqual(5);
    const part1 = report.sections.find((s: { code: string }) => s.code === 'I');
    const content = (await t.http().get(`/api/reports/${report.id}/sections/${part1.id}`).set(h).expect(200)).body.content;
    expect(JSON.stringify(content)).toContain('Kế hoạch số 09/KH-UBND ngày 31/7/2025');
    // It goes straight into the workflow.
    await t
      .http()
      .post(`/api/reports/${report.id}/events`)
      .set(h)
      .send({ type: 'open_collection', expectedVersion: report.version })
      .expect(200);
  });

  it('reads a Word (.docx) upload too', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    );
    const body = [
      'BÁO CÁO',
      'Tình hình thực hiện công tác cải cách hành chính Quý III năm 2025',
      'Kính gửi: Sở Nội vụ',
      'Thực hiện Văn bản số 1620/SNV-CCHC ngày 03/9/2025 của Sở Nội vụ; UBND xã An Bình báo cáo như sau:',
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH',
      '- Ban hành Kế hoạch số 09/KH-UBND ngày 31/7/2025.',
      'V. KIẾN NGHỊ, ĐỀ XUẤT',
      '- Hỗ trợ kinh phí.',
      'Trên đây là báo cáo của UBND xã An Bình./.',
    ];
    zip.file(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.map(para).join('')}</w:body></w:document>`,
    );
    const docx = await zip.generateAsync({ type: 'nodebuffer' });
    const res = await t
      .http()
      .post('/api/imports/preview')
      .set(await as('vhxh.truong'))
      .send({ docxBase64: docx.toString('base64') })
      .expect(200);
    expect(Object.keys(res.body.found)).toEqual(expect.arrayContaining(['I', 'V']));
    expect(JSON.stringify(res.body.result.document.body)).toContain('Kế hoạch số 09/KH-UBND');
  });

  it('says what is wrong with a bad upload, changing nothing', async () => {
    const h = await as('vhxh.truong');
    const before = (await t.ds.query('SELECT count(*) AS n FROM reports'))[0].n;
    expect((await t.http().post('/api/imports/preview').set(h).send({}).expect(400)).body.message).toMatch(
      /gửi nội dung báo cáo \(text\) hoặc tệp Word/,
    );
    expect(
      (
        await t
          .http()
          .post('/api/imports/preview')
          .set(h)
          .send({ docxBase64: Buffer.from('not a zip').toString('base64') })
          .expect(400)
      ).body.message,
    ).toMatch(/docx/);
    await t
      .http()
      .post('/api/imports/report')
      .set(await as('kt.cv'))
      .send({ text: 'BÁO CÁO\nx', period: { kind: 'quarter', year: 2026, index: 4 }, deadline: '2026-12-18' })
      .expect(403);
    expect((await t.ds.query('SELECT count(*) AS n FROM reports'))[0].n).toBe(before);
  });
});
