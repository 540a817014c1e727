/** Table edits of the section editor (rows and columns of a table block), pure and copy-on-write. */
import type { TableBlock, TableCell } from '@trinhky/domain';

export function cloneTable(t: TableBlock): TableBlock {
  return JSON.parse(JSON.stringify(t)) as TableBlock;
}

export function emptyTable(cols = 3): TableBlock {
  const cells = (n: number): TableCell[] => Array.from({ length: n }, () => ({ text: '' }));
  return { type: 'table', header: [cells(cols).map((c, i) => ({ ...c, text: i === 0 ? 'STT' : '', bold: true }))], rows: [cells(cols)] };
}

/** Number of columns of a table (the widest row, counting spans). */
export function columnCount(t: TableBlock): number {
  const width = (row: TableCell[]): number => row.reduce((n, c) => n + (c.colSpan ?? 1), 0);
  return Math.max(1, ...t.header.map(width), ...t.rows.map(width));
}

export function addRow(t: TableBlock): TableBlock {
  const n = columnCount(t);
  return { ...t, rows: [...t.rows, Array.from({ length: n }, () => ({ text: '' }))] };
}

export function removeRow(t: TableBlock, index: number): TableBlock {
  return { ...t, rows: t.rows.filter((_, i) => i !== index) };
}

export function addColumn(t: TableBlock): TableBlock {
  return {
    ...t,
    header: t.header.map((row) => [...row, { text: '', bold: true }]),
    rows: t.rows.map((row) => [...row, { text: '' }]),
    widths: t.widths ? [...t.widths, 1] : undefined,
  };
}

export function removeColumn(t: TableBlock): TableBlock {
  if (columnCount(t) <= 1) return t;
  return {
    ...t,
    header: t.header.map((row) => row.slice(0, -1)),
    rows: t.rows.map((row) => row.slice(0, -1)),
    widths: t.widths?.slice(0, -1),
  };
}
