import { fmt, type FigureRef, type Finding, type IndicatorKind } from '@trinhky/domain';
import type { LogicalLine } from '../import/types';
import type { AnnexRow, AnnexTable } from './annex-rows';
import { contentWords, lineAt, num, NUM, yearBefore } from './text-annex-names';

// The counts the text states ("tiếp nhận 2.182 hồ sơ") against the annex's count rows, and the helpers the
// rate checks of text-annex.ts share with them.

/** "… N <unit>" and "… N/M <unit>": a count (or a part of a total) in a unit an annex row counts in. */
export const countRe = (units: string[]) =>
  new RegExp(
    String.raw`${NUM}(?:\s?\/\s?${NUM})?\s+(${units.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\p{L}])`,
    'giu',
  );

/** An annex row with what the checker knows of it: its kind (from the catalogue or its shape). */
export interface KnownRow {
  table: AnnexTable;
  row: AnnexRow;
  kind: IndicatorKind;
}

export const column = (table: AnnexTable, year: string | null): number =>
  year ? table.periods.findIndex((x) => x.includes(year)) : table.periods.length === 1 ? 0 : -1;
export const numberIn = (r: AnnexRow, p: number): number | null => {
  const v = r.cells[p]?.value;
  return v && v.kind === 'number' ? v.value : null;
};
/** "Tỷ lệ DVCTT …" → "tỷ lệ DVCTT …" (acronyms kept). */
export const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const at = (year: string | null) => (year ? `Năm ${year}: ` : '');

export function finding(line: number, year: string | null, message: string, figures: FigureRef[]): Finding {
  return {
    severity: 'error',
    rule: 'text-vs-annex',
    message: `${at(year)}${message}`,
    codes: [],
    ...(year ? { period: `Năm ${year}` } : {}),
    line,
    figures,
  };
}

const CLAUSE_BREAK = /[:;,.()–]|\s-\s/gu;
/** Where the clauses of a line start: the end of each break, left to right (as `split` would cut the line). */
function clauseBreaks(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(CLAUSE_BREAK)) out.push((m.index ?? 0) + m[0].length);
  return out;
}

const lowered = new Map<string, string>();
/** Unit words lower-cased (memoised: the locale-aware call is slow and the words are few). */
export function lowerVi(s: string): string {
  let hit = lowered.get(s);
  if (hit === undefined) {
    hit = s.toLocaleLowerCase('vi');
    if (lowered.size > 1000) lowered.clear();
    lowered.set(s, hit);
  }
  return hit;
}

export function countStatements(
  l: LogicalLine,
  rows: (KnownRow & { unit: string; content: string[] })[],
  match: RegExp,
  taken: [number, number, number][],
): Finding[] {
  const out: Finding[] = [];
  let breaks: number[] | null = null;
  for (const m of l.text.matchAll(match)) {
    const start = m.index ?? 0;
    if (taken.some(([, a, b]) => start >= a && start < b)) continue;
    const unit = lowerVi(m[3]);
    // The words that name the figure: its own clause (from the last clause break before it), at most six words before it.
    breaks ??= clauseBreaks(l.text);
    let from = 0;
    for (const b of breaks) {
      if (b > start) break;
      from = b;
    }
    const said = l.text.slice(from, start).trim().split(/\s+/u).slice(-6).join(' ');
    const phrase = contentWords(said, unit);
    if (phrase.length < 2) continue;
    const same = rows.filter((k) => k.unit === unit);
    const distinct = new Set(phrase).size;
    // The row whose name says exactly what the phrase says; else the one row whose name holds all of it.
    const exact = same.filter((k) => {
      const name = k.content;
      return name.length === distinct && phrase.every((w) => name.includes(w));
    });
    const holding = same.filter((k) => phrase.every((w) => k.content.includes(w)));
    const chosen = exact.length ? exact : holding;
    if (chosen.length !== 1) continue;
    const hit = chosen[0];
    const year = yearBefore(l.text, start);
    const p = column(hit.table, year);
    if (p < 0) continue;
    const annex = numberIn(hit.row, p);
    const stated = num(m[1]);
    if (annex === null || annex === stated) continue;
    const line = lineAt(l, start);
    out.push(
      finding(
        line,
        year,
        `văn bản ghi ${said.trim()} ${m[1]}${m[2] ? `/${m[2]}` : ''} ${m[3]}, phụ lục ${hit.row.code} (${hit.row.name}) ghi ${fmt(annex)} (dòng ${hit.row.cells[p].line})`,
        [
          { label: 'văn bản', value: stated, line },
          { code: hit.row.code, label: `phụ lục ${hit.row.code}`, value: annex, line: hit.row.cells[p].line, period: hit.table.periods[p] },
        ],
      ),
    );
  }
  return out;
}
