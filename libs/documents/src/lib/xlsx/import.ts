import type ExcelJS from 'exceljs';
import { exceljs } from '../lazy-modules';
import {
  checkGroup,
  figuresProblems,
  formatNumberVi,
  groupForPart,
  groupValues,
  isHeadingRow,
  parseFigure,
  VALUE_RULES,
  type Finding,
  type Indicator,
  type IndicatorCatalogue,
  type IndicatorGroup,
  type PartFigures,
} from '@trinhky/domain';
import { CODE_COL, colLetter, FIRST_DATA_ROW, FIRST_VALUE_COL, parseMarker, sheetMarker } from './layout';
import { XLSX_LIMITS, zipProblem, type ZipLimits } from './zip-guard';

export type SheetImport = { ok: true; figures: PartFigures; findings: Finding[] } | { ok: false; problems: string[] };

/** A number as stored: Vietnamese format, at most 6 decimals ("2.139", "2,5"). */
const stored = (n: number): string => formatNumberVi(Number(n.toFixed(6)));

const computedRate = (g: IndicatorGroup, code: string) =>
  g.rules.some(
    (r) =>
      r.type === 'rate' && r.rate === code && g.indicators.some((i) => i.code === r.part) && g.indicators.some((i) => i.code === r.total),
  );

/** One cell → the typed string, or a problem (without the cell name). */
function cellValue(ind: Indicator, cell: ExcelJS.Cell): { value: string | null } | { problem: string } {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && 'formula' in v) v = (v as ExcelJS.CellFormulaValue).result ?? null;
  if (v && typeof v === 'object' && 'richText' in v) v = (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  if (v && typeof v === 'object' && 'error' in v) return { problem: `ô lỗi công thức (${(v as ExcelJS.CellErrorValue).error})` };
  if (v === null || v === undefined || (typeof v === 'string' && !v.trim())) return { value: null };
  if (v instanceof Date) return { problem: 'là ngày tháng, không phải số liệu' };
  const k = ind.kind;
  const what = `chỉ tiêu ${ind.code} (${ind.name})`;
  if (k.type === 'text') return { value: String(v).trim() };
  if (k.type === 'pass') {
    const p = parseFigure(String(v));
    return p.kind === 'pass'
      ? { value: p.passed ? 'Đạt' : 'Không đạt' }
      : { problem: `"${String(v)}" phải là "Đạt" hoặc "Không đạt" (${what})` };
  }
  if (k.type === 'coded' && typeof v === 'string') {
    const opt = k.options.find((o) => o.label.toLocaleLowerCase('vi') === v.trim().toLocaleLowerCase('vi'));
    if (opt) return { value: String(opt.value) };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { problem: `"${v}" không phải là số (${what})` };
    return { value: stored(k.type === 'percent' && /%/.test(cell.numFmt ?? '') ? v * 100 : v) };
  }
  if (typeof v === 'boolean') return { problem: `"${v ? 'TRUE' : 'FALSE'}" không phải là số (${what})` };
  const p = parseFigure(String(v));
  if (p.kind === 'number') return { value: String(v).trim() };
  return { problem: `"${String(v).trim().slice(0, 60)}" không phải là số (${what})` };
}

/** The sheet of this group: the one whose A1 marker names the catalogue's template and the group. */
function findSheet(wb: ExcelJS.Workbook, catalogue: IndicatorCatalogue, group: IndicatorGroup): ExcelJS.Worksheet | string {
  const marked = wb.worksheets.map((ws) => ({ ws, m: parseMarker(ws.getCell(1, CODE_COL).value) }));
  const hit = marked.find((x) => x.m && x.m.template === catalogue.template && x.m.group === group.code);
  if (hit) return hit.ws;
  const others = marked.filter((x) => x.m).map((x) => `"${x.ws.name}" (bảng ${x.m?.group})`);
  return `Tệp không có trang tính của bảng "${group.title}" (mã ${group.code}, ${sheetMarker(catalogue, group)})${
    others.length ? `; tệp có ${others.join(', ')}` : ''
  }. Hãy tải mẫu của phần này và nhập vào đó.`;
}

/**
 * Reads a filled .xlsx into a part's figures with the checks a save makes: the file is checked as a
 * zip (size, zip bomb) before parsing, the sheet must be this group's, every row's code must be an
 * indicator, every value fit its kind. Problems name the cells ("Ô E14: …"); findings between figures
 * (rates, sums) are returned, not refused. Rates computed from their part and total are not read.
 */
export async function readPartSheet(
  buf: Buffer,
  catalogue: IndicatorCatalogue,
  partCode: string,
  limits: ZipLimits = XLSX_LIMITS,
): Promise<SheetImport> {
  const group = groupForPart(catalogue, partCode);
  if (!group) return { ok: false, problems: ['Phần này không có bảng số liệu.'] };
  const zip = zipProblem(buf, limits);
  if (zip) return { ok: false, problems: [zip] };
  const wb = new (exceljs().Workbook)();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, problems: ['Tệp .xlsx không đọc được (tệp hỏng hoặc không phải bảng tính Excel).'] };
  }
  const ws = findSheet(wb, catalogue, group);
  if (typeof ws === 'string') return { ok: false, problems: [ws] };
  const periods = Math.max(1, catalogue.periods.length);
  const byCode = new Map(group.indicators.map((i) => [i.code, i]));
  const values: PartFigures['values'] = {};
  const where = new Map<string, number>();
  const problems: string[] = [];
  const at = (row: number, col: number) => `Ô ${colLetter(col)}${row}`;
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const rawCode = row.getCell(CODE_COL).value;
    const code = rawCode === null || rawCode === undefined ? '' : String(rawCode).trim();
    const filled = Array.from({ length: periods }, (_, p) => row.getCell(FIRST_VALUE_COL + p)).filter(
      (c) => c.value !== null && c.value !== '',
    );
    if (!code) {
      if (filled.length) problems.push(`${at(r, CODE_COL)}: dòng có số liệu nhưng thiếu mã chỉ tiêu (cột mã ẩn đã bị xóa?).`);
      continue;
    }
    const ind = byCode.get(code);
    if (!ind) {
      problems.push(`${at(r, CODE_COL)}: mã chỉ tiêu "${code.slice(0, 40)}" không có trong bảng "${group.title}".`);
      continue;
    }
    if (where.has(code)) {
      problems.push(`${at(r, CODE_COL)}: chỉ tiêu ${code} xuất hiện hai lần (dòng ${where.get(code)} và ${r}).`);
      continue;
    }
    where.set(code, r);
    if (isHeadingRow(group, ind) || computedRate(group, code)) continue;
    const vs: (string | null)[] = [];
    for (let p = 0; p < periods; p++) {
      const got = cellValue(ind, row.getCell(FIRST_VALUE_COL + p));
      if ('problem' in got) problems.push(`${at(r, FIRST_VALUE_COL + p)}: ${got.problem}.`);
      vs.push('value' in got ? got.value : null);
    }
    if (vs.some((v) => v !== null)) values[code] = vs;
  }
  if (problems.length) return { ok: false, problems };
  const figures: PartFigures = { values };
  const findings = checkGroup(group, groupValues(figures), { periods: catalogue.periods });
  const valueProblems = findings
    .filter((f) => VALUE_RULES.has(f.rule))
    .map((f) => {
      const p = Math.max(
        0,
        catalogue.periods.findIndex((x) => x.label === f.period),
      );
      return `${at(where.get(f.codes[0]) ?? 0, FIRST_VALUE_COL + p)}: ${f.message}.`;
    });
  if (valueProblems.length) return { ok: false, problems: valueProblems };
  const shape = figuresProblems(catalogue, partCode, figures);
  if (shape.length) return { ok: false, problems: shape };
  return { ok: true, figures, findings: findings.filter((f) => !VALUE_RULES.has(f.rule)) };
}
