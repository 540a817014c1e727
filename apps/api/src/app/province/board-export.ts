import type { BoardItem } from '@trinhky/contracts';
import { formatDateShortVi } from '@trinhky/domain';
import { REPORT_STATE_LABELS, REQUEST_PROGRESS_LABELS } from '@trinhky/workflow';
import { exceljs } from '@trinhky/documents';

/** The board's columns, as the page shows them (Vietnamese headers, dd/mm/yyyy dates). */
const COLUMNS: { header: string; width: number; value: (r: BoardItem) => string | number | null }[] = [
  { header: 'Cơ quan', width: 34, value: (r) => r.organisation.name },
  { header: 'Báo cáo', width: 48, value: (r) => r.title },
  { header: 'Kỳ', width: 10, value: (r) => r.periodKey },
  { header: 'Tình hình', width: 18, value: (r) => REQUEST_PROGRESS_LABELS[r.progress] },
  { header: 'Trạng thái', width: 18, value: (r) => (r.state ? REPORT_STATE_LABELS[r.state] : '') },
  { header: 'Hạn nộp', width: 12, value: (r) => formatDateShortVi(r.deadline) },
  { header: 'Còn lại (ngày)', width: 14, value: (r) => r.daysLeft },
  { header: 'Quá hạn', width: 9, value: (r) => (r.overdue ? 'Có' : '') },
  { header: 'Đang ở', width: 36, value: (r) => r.holder },
  { header: 'Số, ký hiệu', width: 18, value: (r) => r.numberText ?? '' },
];

/** CSV (UTF-8 with BOM, comma-separated, CRLF): opens in Excel with the diacritics intact. */
export function boardCsv(items: BoardItem[]): string {
  const esc = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /[",\n;\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [COLUMNS.map((c) => esc(c.header)).join(','), ...items.map((r) => COLUMNS.map((c) => esc(c.value(r))).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** One sheet "Theo dõi", header row frozen, filters on. */
export async function boardXlsx(items: BoardItem[]): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  const ws = wb.addWorksheet('Theo dõi', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of items) ws.addRow(COLUMNS.map((c) => c.value(r)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
