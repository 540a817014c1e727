import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { pdfText } from '../../testing/pdf-text';
import { startTestApp, type TestApp } from '../../testing/test-app';

/**
 * Issue 11 §2: the multi-year review (template CCHC_SO_KET) through the API — opened for Quý I/2025,
 * its parts go to their departments, a part's figures are one value per year (Năm 2021 … Năm 2025
 * "tính đến" the cut-off), checked year by year, and the PDF annex (landscape) and the .xlsx have a
 * column per year. Bound runs are stored with their figure's current text (§4).
 */
describe('the multi-year review report (database, pdf.js)', () => {
  let t: TestApp;
  let reportId: string;
  let section: { id: string };
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const url = () => `/api/reports/${reportId}/sections/${section.id}`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- supertest's parser signature
  const binary = (res: any, cb: (e: Error | null, b: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (d: Buffer) => chunks.push(d));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  };
  const bytes = async (path: string) =>
    (
      await t
        .http()
        .get(path)
        .set(await as('hcc.cv'))
        .buffer(true)
        .parse(binary)
        .expect(200)
    ).body as Buffer;
  const pdf = async () => (await pdfText(await bytes(`/api/reports/${reportId}/pdf`))).join('\n');
  const docx = async () => {
    const zip = await JSZip.loadAsync(await bytes(`/api/reports/${reportId}/document.docx`));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    return xml
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .normalize('NFC');
  };
  const current = async () =>
    (
      await t
        .http()
        .get(url())
        .set(await as('hcc.cv'))
        .expect(200)
    ).body;
  const save = async (body: object, status = 200) =>
    t
      .http()
      .put(`${url()}/content`)
      .set(await as('hcc.cv'))
      .send({ baseRevisionId: (await current()).currentRevisionId, ...body })
      .expect(status);
  // PL3 5.1 PAKN received, 5.2 resolved: 2024 resolves more than it received.
  const figures = (resolved2024: string) => ({
    values: {
      '1.4': ['120', '118', '115', '110', '108'],
      '5.1': ['3', '5', '2', '4', '1'],
      '5.2': ['3', '5', '2', resolved2024, '1'],
    },
  });
  const bound = (period: number) => ({
    blocks: [
      {
        type: 'paragraph',
        runs: [
          { text: 'Năm 2024 đã giải quyết ' },
          { text: 'cũ', figure: { group: 'PL3', code: '5.2', period } },
          { text: ' phản ánh, kiến nghị.' },
        ],
      },
    ],
  });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('opens a review report from the template: its title, subject and parts assigned to their departments', async () => {
    const res = await t
      .http()
      .post('/api/reports')
      .set(await as('vhxh.truong'))
      .send({ templateCode: 'CCHC_SO_KET', period: { kind: 'quarter', year: 2025, index: 1 }, deadline: '2025-04-10' })
      .expect(201);
    reportId = res.body.id;
    expect(res.body.title).toBe('Báo cáo sơ kết CCHC giai đoạn 2021-2025');
    expect(res.body.subject[0]).toBe('Sơ kết 05 năm (2021-2025) thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021');
    const parts = (res.body.sections as { code: string; unit: { code: string } }[]).map((s) => [s.code, s.unit.code]);
    expect(parts).toEqual([
      ['opening', 'VHXH'],
      ['I', 'VHXH'],
      ['II.1', 'VP'],
      ['II.2', 'HCC'],
      ['II.3', 'VHXH'],
      ['II.4', 'VHXH'],
      ['II.5', 'KT'],
      ['II.6', 'VP'],
      ['III', 'VHXH'],
      ['IV', 'VHXH'],
      ['V', 'VHXH'],
    ]);
    const [row] = await t.ds.query('SELECT template_code, figures_catalogue_version FROM reports WHERE id = $1', [reportId]);
    expect(row).toEqual({ template_code: 'CCHC_SO_KET', figures_catalogue_version: 1 });
    let v = res.body.version as number;
    v = (
      await t
        .http()
        .post(`/api/reports/${reportId}/events`)
        .set(await as('vhxh.truong'))
        .send({ type: 'open_collection', expectedVersion: v })
        .expect(200)
    ).body.version;
    section = res.body.sections.find((s: { code: string }) => s.code === 'II.2');
    await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(await as('hcc.cv'))
      .send({ type: 'start_drafting', sectionId: section.id, expectedVersion: v })
      .expect(200);
  });

  it('shows the part one column per year, the last up to the data cut-off', async () => {
    const s = await current();
    expect(s.figures.catalogue).toEqual({
      template: 'CCHC_SO_KET',
      version: 1,
      title: 'Phụ lục: Thống kê các chỉ tiêu giai đoạn 2021–2025',
    });
    expect(s.figures.periods.map((p: { label: string }) => p.label)).toEqual([
      'Năm 2021',
      'Năm 2022',
      'Năm 2023',
      'Năm 2024',
      'Năm 2025 (tính đến 14/3)',
    ]);
    expect(s.figures.group.code).toBe('PL3');
  });

  it('saves per-year figures and finds the inconsistent year only; a wrong number of years is a 400', async () => {
    const bad = await save({ content: { blocks: [] }, figures: { values: { '5.1': ['3', '5'] } } }, 400);
    expect(bad.body.message).toMatch(/cần đúng 5 giá trị .* Năm 2021, Năm 2022, Năm 2023, Năm 2024, Năm 2025 \(tính đến 14\/3\)/);
    await save({ content: bound(3), figures: figures('6') });
    const s = await current();
    expect(s.figures.values['5.2']).toEqual(['3', '5', '2', '6', '1']);
    expect(s.figures.findings).toEqual([
      expect.objectContaining({
        rule: 'part-of',
        severity: 'error',
        period: 'Năm 2024',
        codes: ['5.2', '5.1'],
        message: expect.stringMatching(/^Năm 2024: .* 6 lớn hơn .* 4 \(lệch 2\)$/),
      }),
    ]);
    const checks = (
      await t
        .http()
        .get(`/api/reports/${reportId}/checks`)
        .set(await as('vhxh.truong'))
        .expect(200)
    ).body;
    expect(checks.map((c: { part: string; period: string }) => [c.part, c.period])).toEqual([['II.2', 'Năm 2024']]);
  });

  it('renders the annex with a column per year, landscape, and the same values in the .xlsx', async () => {
    const raw = await bytes(`/api/reports/${reportId}/pdf`);
    const pages = await pdfText(raw);
    const annex = pages.filter((p) => p.includes('CẢI CÁCH THỦ TỤC HÀNH CHÍNH') && p.includes('Năm 2023'));
    expect(annex.length).toBeGreaterThan(0);
    const text = annex.join('\n');
    expect(text).toMatch(/STT Chỉ tiêu Đơn vị tính Năm 2021 Năm 2022 Năm 2023 Năm 2024 Năm 2025 \(tính đến 14\/3\)/);
    expect(text).toMatch(/Số lượng PAKN đã giải quyết trong năm PAKN 3 5 2 6 1/);
    expect(text).toMatch(/Tổng số TTHC Thủ tục 120 118 115 110 108/);
    // The annex pages are A4 landscape (wider than tall); the body pages portrait.
    const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
      getDocument(src: { data: Uint8Array; verbosity?: number }): { promise: Promise<{ getPage(n: number): Promise<{ view: number[] }> }> };
    };
    const doc = await pdfjs.getDocument({ data: new Uint8Array(raw), verbosity: 0 }).promise;
    const page = await doc.getPage(pages.indexOf(annex[0]) + 1);
    expect(page.view[2]).toBeGreaterThan(page.view[3]);
    expect((await doc.getPage(1)).view[2]).toBeLessThan((await doc.getPage(1)).view[3]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes(`/api/reports/${reportId}/annex.xlsx`)) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets.find((w) => w.getCell(1, 1).value === 'trinhky:CCHC_SO_KET:1:PL3');
    expect(ws).toBeDefined();
    const header = (ws as ExcelJS.Worksheet).getRow(3).values as unknown[];
    expect(header.slice(5)).toEqual(['Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025 (tính đến 14/3)']);
    let r = 4;
    while ((ws as ExcelJS.Worksheet).getCell(r, 1).value !== '5.2') r++;
    expect([5, 6, 7, 8, 9].map((c) => (ws as ExcelJS.Worksheet).getCell(r, c).value)).toEqual([3, 5, 2, 6, 1]);
  });

  it('stores a bound run with its figure’s current text: changing the figure changes the stored content, the PDF and the DOCX', async () => {
    let s = await current();
    expect(s.content.blocks[0].runs[1]).toEqual({ text: '6 PAKN', figure: { group: 'PL3', code: '5.2', period: 3 } });
    expect(await pdf()).toContain('Năm 2024 đã giải quyết 6 PAKN phản ánh, kiến nghị.');
    expect(await docx()).toContain('Năm 2024 đã giải quyết 6 PAKN phản ánh, kiến nghị.');
    // Only the figures change; the content sent still carries the old cached text.
    await save({ content: s.content, figures: figures('4') });
    s = await current();
    expect(s.content.blocks[0].runs[1].text).toBe('4 PAKN');
    expect(s.figures.findings).toEqual([]);
    const [rev] = await t.ds.query('SELECT content FROM section_revisions WHERE id = $1', [s.currentRevisionId]);
    expect(rev.content.blocks[0].runs[1].text).toBe('4 PAKN');
    const text = await pdf();
    expect(text).toContain('Năm 2024 đã giải quyết 4 PAKN phản ánh, kiến nghị.');
    expect(text).not.toContain('6 PAKN');
    const word = await docx();
    expect(word).toContain('Năm 2024 đã giải quyết 4 PAKN phản ánh, kiến nghị.');
    expect(word).not.toContain('6 PAKN');
  });

  it('takes a filled sheet with a column per year: stored per year, the year found, the bound text refreshed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes(`${url()}/figures.xlsx`)) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    let r = 4;
    while (ws.getCell(r, 1).value !== '5.2') r++;
    expect([5, 6, 7, 8, 9].map((c) => ws.getCell(r, c).value)).toEqual([3, 5, 2, 4, 1]);
    ws.getCell(r, 8).value = 7; // Năm 2024
    const res = await t
      .http()
      .post(`${url()}/figures.xlsx?baseRevisionId=${(await current()).currentRevisionId}`)
      .set(await as('hcc.cv'))
      .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(Buffer.from(await wb.xlsx.writeBuffer()))
      .expect(200);
    expect(res.body.findings).toEqual([expect.objectContaining({ rule: 'part-of', period: 'Năm 2024' })]);
    const s = await current();
    expect(s.figures.values['5.2']).toEqual(['3', '5', '2', '7', '1']);
    expect(s.content.blocks[0].runs[1].text).toBe('7 PAKN');
  });
});
