import { foldVietnamese, fmt, type Finding } from '@trinhky/domain';
import type { LogicalLine } from '../import/types';
import type { AnnexRow, AnnexTable } from './annex-rows';

/** "Tỷ lệ X: có 45 hồ sơ …/45 hồ sơ …": a stated rate's part and total, under the year the line names. */
const STATEMENT = /(Tỷ lệ [^:;.%]{5,120}?)\s*:\s*có\s+(\d{1,3}(?:\.\d{3})+|\d+)\s[^/;]{0,200}?\/\s*(\d{1,3}(?:\.\d{3})+|\d+)/gu;
const YEAR = /Năm\s+(20\d\d)/gu;

const key = (s: string) =>
  foldVietnamese(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const num = (s: string) => Number(s.replace(/\./g, ''));

function lineAt(l: LogicalLine, offset: number): number {
  let no = l.no;
  for (const s of l.spans ?? []) if (s.at <= offset) no = s.no;
  return no;
}

interface RateRow {
  table: AnnexTable;
  row: AnnexRow;
  children: AnnexRow[];
}

/** Annex rate rows with exactly two child rows (total and part), by folded name. */
function rateRows(annexes: AnnexTable[]): Map<string, RateRow[]> {
  const out = new Map<string, RateRow[]>();
  for (const table of annexes)
    for (const row of table.rows) {
      const children = table.rows.filter((r) => r.parent === row.code);
      if (!/^tỷ lệ/iu.test(row.name) || children.length !== 2) continue;
      if (children.some((c) => c.cells.length !== table.periods.length)) continue;
      const k = key(row.name);
      out.set(k, [...(out.get(k) ?? []), { table, row, children }]);
    }
  return out;
}

/**
 * A figure in the text that contradicts the same indicator in the annex: a stated rate's part and
 * total ("Năm 2025: Tỷ lệ hồ sơ trực tuyến toàn trình: có 45 …/45 …") against the annex row of the
 * same name and year (its two child rows). Only exact name matches are compared (no guessing).
 */
export function checkTextAgainstAnnex(lines: LogicalLine[], annexes: AnnexTable[]): Finding[] {
  const rows = rateRows(annexes);
  if (!rows.size) return [];
  const out: Finding[] = [];
  for (const l of lines) {
    for (const m of l.text.matchAll(STATEMENT)) {
      const hits = rows.get(key(m[1]));
      if (!hits) continue;
      const before = l.text.slice(0, m.index);
      const years = [...before.matchAll(YEAR)];
      const year = years.length ? years[years.length - 1][1] : null;
      if (!year) continue;
      const [part, total] = [num(m[2]), num(m[3])];
      for (const { table, row, children } of hits) {
        const p = table.periods.findIndex((x) => x.includes(year));
        if (p < 0) continue;
        const cells = children.map((c) => c.cells[p]);
        const vals = cells.map((c) => (c.value.kind === 'number' ? c.value.value : null));
        if (vals.some((v) => v === null)) continue;
        const [a, b] = [Math.min(...(vals as number[])), Math.max(...(vals as number[]))];
        if (Math.min(part, total) === a && Math.max(part, total) === b) continue;
        const line = lineAt(l, m.index ?? 0);
        out.push({
          severity: 'error',
          rule: 'text-vs-annex',
          message: `Năm ${year}: văn bản ghi ${m[1].trim().toLocaleLowerCase('vi')} ${fmt(part)}/${fmt(total)}, phụ lục ${row.code} ghi ${fmt(a)}/${fmt(b)} (dòng ${cells[0].line})`,
          codes: [],
          period: `Năm ${year}`,
          line,
          figures: [
            { label: 'văn bản: phần', value: part, line },
            { label: 'văn bản: tổng', value: total, line },
            ...children.map((c, i) => ({
              code: c.code,
              label: `phụ lục ${c.code}`,
              value: vals[i],
              line: cells[i].line,
              period: table.periods[p],
            })),
          ],
        });
      }
    }
  }
  return out;
}
