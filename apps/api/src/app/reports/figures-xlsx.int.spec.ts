import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { startTestApp, type TestApp } from '../../testing/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Issue 11 §7: the annex and a part's sheet as .xlsx; a filled sheet imported with the save's checks. */
describe('figures as .xlsx (database)', () => {
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
  const download = async (path: string) => {
    const res = await t
      .http()
      .get(path)
      .set(await as('hcc.cv'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ExcelJS.Buffer);
    return wb;
  };
  const rowOf = (ws: ExcelJS.Worksheet, code: string) => {
    for (let r = 4; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code) return r;
    throw new Error(code);
  };
  const current = async () =>
    (
      await t
        .http()
        .get(url())
        .set(await as('hcc.cv'))
    ).body;
  let hcc: Record<string, string>;
  const upload = (bytes: Buffer, base?: string | null, type = XLSX) =>
    t
      .http()
      .post(`${url()}/figures.xlsx${base ? `?baseRevisionId=${base}` : ''}`)
      .set(hcc)
      .set('Content-Type', type)
      .send(bytes);
  const blankSheet = async () => {
    const wb = await download(`${url()}/figures.xlsx`);
    return { wb, ws: wb.worksheets[0] };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const h = await as('hcc.cv');
    hcc = h;
    reportId = (await t.http().get('/api/reports').set(h).expect(200)).body.items[0].id;
    const d = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
    section = d.sections.find((s: { code: string }) => s.code === 'II.2');
    await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'start_drafting', sectionId: section.id, expectedVersion: d.version })
      .expect(200);
    await t
      .http()
      .put(`${url()}/content`)
      .set(h)
      .send({ baseRevisionId: null, content: { blocks: [{ type: 'paragraph', runs: [{ text: 'Nội dung giữ nguyên' }] }] } })
      .expect(200);
  });
  afterAll(() => t.close());

  it('exports the whole annex, one sheet per group, with the hidden code column', async () => {
    const wb = await download(`/api/reports/${reportId}/annex.xlsx`);
    expect(wb.worksheets.map((w) => w.getCell(1, 1).value)).toEqual(
      ['CDDH', 'TC', 'TTHC', 'TCBM', 'CV', 'TCC', 'CQS'].map((g) => `trinhky:CCHC_QUY:1:${g}`),
    );
    expect(wb.worksheets[2].getColumn(1).hidden).toBe(true);
  });

  it('round trip: the blank sheet filled in Excel is stored as the part figures, content kept, findings returned', async () => {
    const { wb, ws } = await blankSheet();
    expect(wb.worksheets).toHaveLength(1);
    expect(ws.getCell(rowOf(ws, '4'), 5).value).toBeNull();
    const put = (code: string, v: number) => (ws.getCell(rowOf(ws, code), 5).value = v);
    put('4', 2182);
    put('5', 2143);
    put('5.1', 2139);
    put('5.2', 4);
    put('6', 26);
    const before = await current();
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), before.currentRevisionId).expect(200);
    expect(res.body.findings.map((f: { message: string }) => f.message)).toEqual([
      'Đã giải quyết 2.143 + đang giải quyết 26 = 2.169, khác tổng tiếp nhận 2.182 (lệch 13)',
    ]);
    const after = await current();
    expect(after.currentRevisionId).toBe(res.body.revisionId);
    expect(after.figures.values).toEqual({ '4': ['2.182'], '5': ['2.143'], '5.1': ['2.139'], '5.2': ['4'], '6': ['26'] });
    expect(after.content.blocks[0].runs[0].text).toBe('Nội dung giữ nguyên');
    // Downloaded again, the sheet carries the stored figures and the computed rate.
    const again = (await blankSheet()).ws;
    expect(again.getCell(rowOf(again, '5.1'), 5).value).toBe(2139);
    expect((again.getCell(rowOf(again, '5.3'), 5).value as ExcelJS.CellFormulaValue).result).toBeCloseTo(2139 / 2143);
  });

  it('refuses each bad file with a 4xx naming the cells, and changes nothing', async () => {
    const before = await current();
    const base = before.currentRevisionId;
    const { wb, ws } = await blankSheet();
    const r4 = rowOf(ws, '4');
    ws.getCell(r4, 5).value = 'hai nghìn';
    const textInNumber = await upload(Buffer.from(await wb.xlsx.writeBuffer()), base).expect(400);
    expect(textInNumber.body.message).toContain(`Ô E${r4}: "hai nghìn" không phải là số (chỉ tiêu 4 (Tổng số hồ sơ tiếp nhận))`);
    ws.getCell(r4, 5).value = 10;
    ws.getCell(rowOf(ws, '6'), 1).value = '77';
    expect((await upload(Buffer.from(await wb.xlsx.writeBuffer()), base).expect(400)).body.message).toContain(
      `Ô A${rowOf(ws, '77')}: mã chỉ tiêu "77" không có trong bảng "Cải cách thủ tục hành chính"`,
    );
    const other = await download(`/api/reports/${reportId}/annex.xlsx`);
    other.removeWorksheet(other.worksheets[2].id);
    expect((await upload(Buffer.from(await other.xlsx.writeBuffer()), base).expect(400)).body.message).toMatch(
      /Tệp không có trang tính của bảng "Cải cách thủ tục hành chính"/,
    );
    expect((await upload(Buffer.from('%PDF-1.7'), base).expect(400)).body.message).toMatch(/không phải là tệp Excel/);
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', Buffer.alloc(50 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect((await upload(bomb, base).expect(400)).body.message).toMatch(/zip bomb/);
    expect((await upload(Buffer.alloc(3 * 1024 * 1024, 1), base).expect(413)).body.message).toBe('Nội dung gửi lên quá lớn.');
    expect((await upload(Buffer.from('{}'), base, 'application/json').expect(415)).body.message).toMatch(/Hãy gửi tệp .xlsx/);
    // A stale base: the same 409 as saving content.
    const fine = await blankSheet();
    fine.ws.getCell(rowOf(fine.ws, '4'), 5).value = 1;
    const oldBase = before.revisions[before.revisions.length - 1].id;
    expect(oldBase).not.toBe(base);
    await upload(Buffer.from(await fine.wb.xlsx.writeBuffer()), oldBase).expect(409);
    const after = await current();
    expect(after.currentRevisionId).toBe(base);
    expect(after.revisions).toHaveLength(before.revisions.length);
    expect(after.figures.values).toEqual(before.figures.values);
  });

  it('keeps the same access rules as saving content: another department may not import', async () => {
    const { wb } = await blankSheet();
    const res = await t
      .http()
      .post(`${url()}/figures.xlsx?baseRevisionId=${(await current()).currentRevisionId}`)
      .set(await as('kt.cv'))
      .set('Content-Type', XLSX)
      .send(Buffer.from(await wb.xlsx.writeBuffer()));
    expect([403, 404]).toContain(res.status);
  });
});
