import type ExcelJS from 'exceljs';
import { exceljs } from '../lazy-modules';
import {
  figureValue,
  isHeadingRow,
  type FiguresByGroup,
  type IndicatorCatalogue,
  type IndicatorGroup,
  type PartFigures,
  unitColumn,
} from '@trinhky/domain';
import { CODE_COL, colLetter, FIRST_DATA_ROW, FIRST_VALUE_COL, HEADER_ROW, sheetMarker, sheetName } from './layout';

/** Display formats: Excel stores them in its own notation; a Vietnamese-locale Excel shows 2.139 and 99,81 %. */
export const COUNT_FORMAT = '#,##0';
export const MONEY_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.00 %';

function rateRule(group: IndicatorGroup, code: string) {
  const r = group.rules.find((x) => x.type === 'rate' && x.rate === code);
  return r && r.type === 'rate' ? r : undefined;
}

function addGroupSheet(
  wb: ExcelJS.Workbook,
  catalogue: IndicatorCatalogue,
  group: IndicatorGroup,
  figures: PartFigures | null | undefined,
): void {
  const periods = Math.max(1, catalogue.periods.length);
  const ws = wb.addWorksheet(sheetName(group), { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 3 }] });
  ws.columns = [
    { width: 10, hidden: true },
    { width: 7 },
    { width: 60 },
    { width: 14 },
    ...Array.from({ length: periods }, () => ({ width: 14 })),
  ];
  ws.getCell(1, CODE_COL).value = sheetMarker(catalogue, group);
  const last = FIRST_VALUE_COL + periods - 1;
  ws.mergeCells(1, 2, 1, last);
  ws.getCell(1, 2).value = `${catalogue.title} — ${group.title}`.toLocaleUpperCase('vi');
  ws.getCell(1, 2).font = { bold: true, size: 13 };
  ws.getCell(1, 2).alignment = { horizontal: 'center' };
  ws.getCell(2, 2).value = 'Nhập số theo định dạng Việt Nam; để trống = chưa báo cáo. Tỷ lệ có công thức được tự tính.';
  ws.getCell(2, 2).font = { italic: true, size: 10 };
  const header = ws.getRow(HEADER_ROW);
  header.values = ['Mã', 'STT', 'Chỉ tiêu', 'Đơn vị tính', ...catalogue.periods.map((p) => p.label)];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const rowOf = new Map(group.indicators.map((ind, i) => [ind.code, FIRST_DATA_ROW + i]));
  group.indicators.forEach((ind, i) => {
    const r = FIRST_DATA_ROW + i;
    const row = ws.getRow(r);
    const heading = isHeadingRow(group, ind);
    row.getCell(CODE_COL).value = ind.code;
    row.getCell(2).value = ind.code;
    row.getCell(3).value = ind.part ? `Trong đó: ${ind.name}` : ind.name;
    const k = ind.kind;
    row.getCell(4).value =
      k.type === 'coded'
        ? k.options.map((o) => `${o.value} = ${o.label}`).join('; ')
        : k.type === 'pass'
          ? 'Đạt/Không đạt'
          : unitColumn(ind);
    if (heading || !ind.parent) row.font = { bold: heading || !ind.parent };
    if (ind.part) row.getCell(3).font = { italic: true };
    if (heading) return;
    const rate = rateRule(group, ind.code);
    const partRow = rate && rowOf.get(rate.part);
    const totalRow = rate && rowOf.get(rate.total);
    for (let p = 0; p < periods; p++) {
      const cell = row.getCell(FIRST_VALUE_COL + p);
      const col = colLetter(FIRST_VALUE_COL + p);
      const shown = figureValue(group, figures, ind.code, p);
      if (k.type === 'percent') cell.numFmt = PERCENT_FORMAT;
      else if (k.type === 'count') cell.numFmt = COUNT_FORMAT;
      else if (k.type === 'money') cell.numFmt = MONEY_FORMAT;
      if (partRow && totalRow) {
        const [a, b] = [`${col}${partRow}`, `${col}${totalRow}`];
        cell.value = {
          formula: `IF(OR(${a}="",${b}="",${b}=0),"",${a}/${b})`,
          result: shown?.number !== null && shown?.number !== undefined ? shown.number / 100 : '',
        } as ExcelJS.CellFormulaValue;
        continue; // computed, never typed: stays locked
      }
      cell.protection = { locked: false };
      if (k.type === 'coded') {
        cell.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${k.options.map((o) => o.value).join(',')}"`] };
        cell.value = shown?.number ?? null;
      } else if (k.type === 'pass') {
        cell.dataValidation = { type: 'list', allowBlank: true, formulae: ['"Đạt,Không đạt"'] };
        cell.value = shown?.text ?? null;
      } else if (k.type === 'text') cell.value = shown?.text ?? null;
      else
        cell.value =
          shown?.number === null || shown?.number === undefined ? null : k.type === 'percent' ? shown.number / 100 : shown.number;
    }
  });
  // Structure locked (codes, names, formulas); values editable. No password: a commune may unprotect it.
  void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

/**
 * The annex as .xlsx: one sheet per group (all groups, or the ones named: a part's "blank sheet"),
 * numbers as numbers with display formats, rates as formulas over the part and total cells, a hidden
 * code column and a marker in A1 so an import matches rows and sheets.
 */
export async function annexWorkbook(catalogue: IndicatorCatalogue, figuresByGroup: FiguresByGroup, groups?: string[]): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'Trình Ký';
  wb.created = new Date(0);
  for (const g of catalogue.groups) if (!groups || groups.includes(g.code)) addGroupSheet(wb, catalogue, g, figuresByGroup[g.code]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
