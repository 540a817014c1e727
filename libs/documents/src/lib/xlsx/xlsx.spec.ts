import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CCHC_QUARTERLY_FIGURES, CCHC_REVIEW_FIGURES } from '@trinhky/domain';
import { annexWorkbook } from './export';
import { readPartSheet } from './import';
import { zipProblem } from './zip-guard';

const Q = CCHC_QUARTERLY_FIGURES;

async function sheetOf(buf: Buffer, i = 0): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return { wb, ws: wb.worksheets[i] };
}
const rowOf = (ws: ExcelJS.Worksheet, code: string) => {
  for (let r = 4; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code) return r;
  throw new Error(code);
};
const out = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

describe('annex .xlsx export', () => {
  it('writes one sheet per group, numbers as numbers with formats, rates as formulas, a hidden code column', async () => {
    const buf = await annexWorkbook(Q, { TTHC: { values: { '5': ['2.143'], '5.1': ['2.139'], '3': ['99,5'] } } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name.split(' ')[0])).toEqual(Q.groups.map((g) => g.code));
    const ws = wb.worksheets[2];
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getCell(1, 1).value).toBe('trinhky:CCHC_QUY:1:TTHC');
    const r51 = rowOf(ws, '5.1');
    expect(ws.getCell(r51, 5).value).toBe(2139);
    expect(ws.getCell(r51, 5).numFmt).toBe('#,##0');
    expect(ws.getCell(rowOf(ws, '3'), 5).value).toBeCloseTo(0.995);
    const rate = ws.getCell(rowOf(ws, '5.3'), 5);
    expect(rate.numFmt).toBe('0.00 %');
    expect((rate.value as ExcelJS.CellFormulaValue).formula).toBe(
      `IF(OR(E${r51}="",E${rowOf(ws, '5')}="",E${rowOf(ws, '5')}=0),"",E${r51}/E${rowOf(ws, '5')})`,
    );
    expect((rate.value as ExcelJS.CellFormulaValue).result).toBeCloseTo(2139 / 2143);
  });

  it('has one value column per year for the multi-year review', async () => {
    const { ws } = await sheetOf(await annexWorkbook(CCHC_REVIEW_FIGURES, {}, ['PL1']));
    expect((ws.getRow(3).values as unknown[]).slice(5)).toEqual(CCHC_REVIEW_FIGURES.periods.map((p) => p.label));
  });
});

describe('part sheet import', () => {
  it('round trip: a blank sheet filled in Excel becomes the part figures; findings come back', async () => {
    const { wb, ws } = await sheetOf(await annexWorkbook(Q, {}, ['TTHC']));
    const put = (code: string, v: ExcelJS.CellValue) => (ws.getCell(rowOf(ws, code), 5).value = v);
    put('4', 2182);
    put('5', 2143);
    put('5.1', 2139);
    put('5.2', 4);
    put('6', 26);
    put('3', 1);
    put('9', '12');
    const got = await readPartSheet(await out(wb), Q, 'II.2');
    expect(got.ok && got.figures).toEqual({
      values: { '3': ['100'], '4': ['2.182'], '5': ['2.143'], '5.1': ['2.139'], '5.2': ['4'], '6': ['26'], '9': ['12'] },
    });
    expect(got.ok && got.findings.map((f) => f.message)).toEqual([
      'Đã giải quyết 2.143 + đang giải quyết 26 = 2.169, khác tổng tiếp nhận 2.182 (lệch 13)',
    ]);
  });

  it('names the cells at fault: text where a number belongs, not whole, unknown code, missing code', async () => {
    const { wb, ws } = await sheetOf(await annexWorkbook(Q, {}, ['TTHC']));
    const r4 = rowOf(ws, '4');
    ws.getCell(r4, 5).value = 'nhiều';
    ws.getCell(rowOf(ws, '6'), 1).value = '99.9';
    let got = await readPartSheet(await out(wb), Q, 'II.2');
    expect(got.ok ? [] : got.problems).toEqual([
      `Ô E${r4}: "nhiều" không phải là số (chỉ tiêu 4 (Tổng số hồ sơ tiếp nhận)).`,
      `Ô A${rowOf(ws, '99.9')}: mã chỉ tiêu "99.9" không có trong bảng "Cải cách thủ tục hành chính".`,
    ]);
    ws.getCell(r4, 5).value = 2.5;
    ws.getCell(rowOf(ws, '99.9'), 1).value = '6';
    got = await readPartSheet(await out(wb), Q, 'II.2');
    expect(got.ok ? [] : got.problems).toEqual([`Ô E${r4}: Tổng tiếp nhận phải là số nguyên (2,5 Hồ sơ).`]);
  });

  it('refuses the wrong sheet, a file that is not an xlsx, a zip bomb and an oversized file', async () => {
    const other = await annexWorkbook(Q, {}, ['TC']);
    const wrong = await readPartSheet(other, Q, 'II.2');
    expect(wrong.ok ? '' : wrong.problems[0]).toMatch(
      /Tệp không có trang tính của bảng "Cải cách thủ tục hành chính" \(mã TTHC.*tệp có "TC/,
    );
    const pdf = Buffer.from('%PDF-1.7 not a sheet');
    expect(await readPartSheet(pdf, Q, 'II.2')).toEqual({ ok: false, problems: [expect.stringMatching(/không phải là tệp Excel/)] });
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', Buffer.alloc(40 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(200_000);
    expect(zipProblem(bomb)).toMatch(/zip bomb/);
    expect(zipProblem(Buffer.concat([other, Buffer.alloc(3 * 1024 * 1024)]))).toMatch(/Tệp quá lớn/);
    const plainZip = new JSZip();
    plainZip.file('a.txt', 'x');
    expect(zipProblem(await plainZip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).toMatch(/thiếu phần bảng tính/);
  });
});
