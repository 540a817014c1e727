import type ExcelJS from 'exceljs';
import { exceljs } from '../lazy-modules';
import { parseFigure, toRoman, type Aggregate, type AggregatedIndicator } from '@trinhky/domain';
import { COUNT_FORMAT, MONEY_FORMAT, PERCENT_FORMAT } from './export';
import { colLetter } from './layout';

export interface AggregateWorkbookInput {
  aggregate: Aggregate;
  /** "Tổng hợp báo cáo theo Văn bản số 2150/SNV-CCHC ngày 20/11/2026" */
  subtitle: string;
  /** The communes aggregated, in column order of the second sheet. */
  communes: { id: string; name: string }[];
}

export const AGGREGATE_SHEET = 'Tổng hợp';
export const COMMUNES_SHEET = 'Số liệu từng xã';
const HEADER_ROW = 4;
const FIRST_ROW = 5;
/** Sheet 1: A code, B name, C unit, then per period: total, communes that reported. */
const FIRST_PERIOD_COL = 4;
/** Sheet 2: A code, B name, C unit, then per period one column per commune (a period's communes are one range). */
const FIRST_COMMUNE_COL = 4;

function formatOf(ind: AggregatedIndicator): string | undefined {
  if (ind.kind === 'percent') return PERCENT_FORMAT;
  if (ind.kind === 'count') return COUNT_FORMAT;
  if (ind.kind === 'money') return MONEY_FORMAT;
  return undefined;
}

/** A commune's value as a cell: numbers as numbers (percentages as fractions), labels and text as written. */
function sourceCell(ind: AggregatedIndicator, value: string): ExcelJS.CellValue {
  if (ind.kind === 'count' || ind.kind === 'money' || ind.kind === 'percent') {
    const v = parseFigure(value);
    if (v.kind === 'number' && !v.bound) return ind.kind === 'percent' ? v.value / 100 : v.value;
  }
  return value;
}

/**
 * The aggregate of a request as .xlsx: sheet "Tổng hợp", one row per indicator (code, name, unit, per
 * period the total and the number of communes that reported); sums are SUM formulas over the second
 * sheet, rates are formulas over the summed part and total rows (never an average of percentages);
 * sheet "Số liệu từng xã": the same rows, one column per commune — where each figure comes from.
 */
export async function aggregateWorkbook(input: AggregateWorkbookInput): Promise<Buffer> {
  const { aggregate: agg, communes } = input;
  const periods = Math.max(1, agg.periods.length);
  const wb = new (exceljs().Workbook)();
  wb.creator = 'Trình Ký';
  wb.created = new Date(0);
  const sum = wb.addWorksheet(AGGREGATE_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 3 }] });
  const per = wb.addWorksheet(COMMUNES_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 3 }] });
  sum.columns = [
    { width: 8 },
    { width: 60 },
    { width: 14 },
    ...Array.from({ length: periods * 2 }, (_, i) => ({ width: i % 2 ? 10 : 18 })),
  ];
  per.columns = [
    { width: 8 },
    { width: 60 },
    { width: 14 },
    ...communes.flatMap(() => Array.from({ length: periods }, () => ({ width: 16 }))),
  ];
  sum.getCell(1, 1).value = `${agg.title.replace(/^Phụ lục\s*:?\s*/iu, 'Tổng hợp ')}`.toLocaleUpperCase('vi');
  sum.getCell(1, 1).font = { bold: true, size: 13 };
  sum.getCell(2, 1).value = `${input.subtitle}; số liệu của ${communes.length} cơ quan đã gửi báo cáo.`;
  sum.getCell(2, 1).font = { italic: true };
  per.getCell(1, 1).value = 'SỐ LIỆU TỪNG CƠ QUAN (nguồn của từng số tổng hợp)';
  per.getCell(1, 1).font = { bold: true, size: 13 };
  const head = sum.getRow(HEADER_ROW);
  head.values = [
    'STT',
    'Chỉ tiêu',
    'Đơn vị tính',
    ...agg.periods.flatMap((p) => [periods > 1 ? `Tổng ${p.label}` : 'Tổng', 'Số xã đã báo cáo']),
  ];
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const perHead = per.getRow(HEADER_ROW);
  perHead.values = [
    'STT',
    'Chỉ tiêu',
    'Đơn vị tính',
    ...agg.periods.flatMap((p) => communes.map((c) => (periods > 1 ? `${c.name} — ${p.label}` : c.name))),
  ];
  perHead.font = { bold: true };
  perHead.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const commCol = (ci: number, p: number) => FIRST_COMMUNE_COL + p * communes.length + ci;
  const index = new Map(communes.map((c, i) => [c.id, i]));

  let r = FIRST_ROW;
  agg.groups.forEach((g, gi) => {
    for (const ws of [sum, per]) {
      const row = ws.getRow(r);
      row.getCell(1).value = `${toRoman(gi + 1)}.`;
      row.getCell(2).value = g.title.toLocaleUpperCase('vi');
      row.font = { bold: true };
    }
    r++;
    const rowOf = new Map(g.indicators.map((ind, i) => [ind.code, r + i]));
    for (const ind of g.indicators) {
      for (const ws of [sum, per]) {
        const row = ws.getRow(r);
        row.getCell(1).value = ind.code;
        row.getCell(2).value = ind.part ? `Trong đó: ${ind.name}` : ind.name;
        row.getCell(3).value = ind.unit;
        if (ind.heading || !ind.parent) row.font = { bold: true };
        if (ind.part) row.getCell(2).font = { italic: true };
      }
      if (!ind.heading) {
        ind.periods.forEach((f, p) => {
          for (const s of f.sources) {
            const ci = index.get(s.organisationId);
            if (ci === undefined) continue;
            const cell = per.getCell(r, commCol(ci, p));
            cell.value = sourceCell(ind, s.value);
            const nf = formatOf(ind);
            if (nf) cell.numFmt = nf;
          }
          const total = sum.getCell(r, FIRST_PERIOD_COL + 2 * p);
          const count = sum.getCell(r, FIRST_PERIOD_COL + 2 * p + 1);
          count.value = f.reported;
          const nf = formatOf(ind);
          if (nf) total.numFmt = nf;
          const range = `'${COMMUNES_SHEET}'!${colLetter(commCol(0, p))}${r}:${colLetter(commCol(communes.length - 1, p))}${r}`;
          if (f.method === 'sum') {
            total.value = communes.length
              ? {
                  formula: `IF(COUNT(${range})=0,"",SUM(${range}))`,
                  result: f.value ?? '',
                }
              : null;
          } else if (f.method === 'rate' && f.rate) {
            const a = `${colLetter(FIRST_PERIOD_COL + 2 * p)}${rowOf.get(f.rate.part)}`;
            const b = `${colLetter(FIRST_PERIOD_COL + 2 * p)}${rowOf.get(f.rate.total)}`;
            total.value = { formula: `IF(OR(${a}="",${b}="",${b}=0),"",${a}/${b})`, result: f.value === null ? '' : f.value / 100 };
          } else if (f.method === 'weighted') total.value = f.value === null ? null : f.value / 100;
          else total.value = f.text || null;
          if (f.note && f.method !== 'rate') total.note = f.note;
        });
      }
      r++;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
