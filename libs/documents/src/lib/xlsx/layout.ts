import type { IndicatorCatalogue, IndicatorGroup } from '@trinhky/domain';

/** The sheet layout shared by export and import: a hidden code column A, then STT, name, unit, one column per period. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CODE_COL = 1;
export const FIRST_VALUE_COL = 5;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

/** A1 of each sheet (hidden column): which catalogue and group the sheet holds, so an import knows what it reads. */
export function sheetMarker(catalogue: IndicatorCatalogue, group: IndicatorGroup): string {
  return `trinhky:${catalogue.template}:${catalogue.version}:${group.code}`;
}

export function parseMarker(v: unknown): { template: string; version: number; group: string } | null {
  const m = typeof v === 'string' ? /^trinhky:([A-Z0-9_]+):(\d+):([A-Za-z0-9_.-]+)$/.exec(v) : null;
  return m ? { template: m[1], version: Number(m[2]), group: m[3] } : null;
}

/** Excel column letters: 1 → A, 5 → E, 27 → AA. */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Sheet names: ≤ 31 characters, none of []:*?/\ (Excel's rule). */
export function sheetName(group: IndicatorGroup): string {
  return `${group.code} ${group.title}`
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim();
}
