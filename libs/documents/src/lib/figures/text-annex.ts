import { fmt, parseFigure, rateAgrees, type Finding } from '@trinhky/domain';
import type { LogicalLine } from '../import/types';
import type { AnnexRow, AnnexTable } from './annex-rows';
import { bestNamed, contentWords, lineAt, num, NUM, words, yearBefore } from './text-annex-names';
import { column, countRe, countStatements, finding, lowerFirst, lowerVi, numberIn, type KnownRow } from './text-annex-counts';

export type { KnownRow } from './text-annex-counts';

/** "Tỷ lệ X: có N …/M …", "Tỷ lệ X là: N …/M …": a stated rate's part and total. */
const PAIR = new RegExp(
  String.raw`([Tt]ỷ lệ [^:;.%/]{3,120}?)\s*(?::|\slà\s*:?)\s*(?:có\s+)?${NUM}(?:\s[^/;]{0,200}?)?\s?\/\s*${NUM}`,
  'gu',
);
/** "Tỷ lệ X đạt 99,81%", "Tỷ lệ X: 97,04 %": a stated rate alone. */
const PERCENT = /([Tt]ỷ lệ [^:;.%/\d]{3,120}?)\s*(?::|\slà\s*:?|\sđạt(?:\s+tỷ lệ)?)\s*([<>≥≤]?\d{1,3}(?:,\d{1,2})?)\s*%/gu;
interface RatePair {
  table: AnnexTable;
  row: AnnexRow;
  children: AnnexRow[];
}

/** Annex rate rows with exactly two child rows (total and part). */
function ratePairs(annexes: AnnexTable[]): RatePair[] {
  const out: RatePair[] = [];
  for (const table of annexes)
    for (const row of table.rows) {
      const children = table.rows.filter((r) => r.parent === row.code);
      if (!/^tỷ lệ/iu.test(row.name) || children.length !== 2) continue;
      if (children.some((c) => c.cells.length !== table.periods.length)) continue;
      out.push({ table, row, children });
    }
  return out;
}

/**
 * A figure in the text that contradicts the same indicator in the annex, in the column of the year
 * the text names ("+ Năm 2024: …"; a single-column annex needs none):
 * - a stated rate's part and total ("Tỷ lệ X: có 45 …/45 …") against the annex rate row it names;
 * - a stated rate alone ("Tỷ lệ X đạt 97,04%") against the annex rate row (stated or computed);
 * - a count in the row's unit ("tiếp nhận 2.182 hồ sơ", "ban hành 45/45 văn bản") against the count
 *   row whose name says exactly what the words before the figure say.
 * Which row is meant comes from the annex's names and the catalogue's units, compared folded: a
 * phrase that could name two rows names none (no guessing, no finding).
 */
export function checkTextAgainstAnnex(lines: LogicalLine[], annexes: AnnexTable[], known: KnownRow[] = []): Finding[] {
  if (!annexes.length) return [];
  const pairs = ratePairs(annexes);
  // Names are folded once per check, not per statement.
  const pairWords = new Map(pairs.map((p) => [p, words(p.row.name)]));
  const pairNames = (p: RatePair) => pairWords.get(p) ?? [];
  const rates = known
    .filter((k) => k.kind.type === 'percent' && /^tỷ lệ/iu.test(k.row.name))
    .map((k) => ({ ...k, words: words(k.row.name) }));
  const counts = known.flatMap((k) => {
    if (k.kind.type !== 'count' || !k.kind.unit) return [];
    const unit = lowerVi(k.kind.unit);
    return [{ ...k, unit, content: contentWords(k.row.name, unit) }];
  });
  const countMatch = counts.length ? countRe([...new Set(counts.map((k) => k.unit))]) : null;
  const out: Finding[] = [];
  const spans: [number, number, number][] = [];
  for (const [li, l] of lines.entries()) {
    // PAIR and PERCENT both start at "Tỷ lệ " / "tỷ lệ ": a line without it has neither.
    const rateWords = l.text.includes('ỷ lệ ');
    for (const m of rateWords ? l.text.matchAll(PAIR) : []) {
      const year = yearBefore(l.text, m.index ?? 0);
      const hit = bestNamed(words(m[1]), pairs, pairNames, 0.8);
      if (!hit) continue;
      spans.push([li, m.index ?? 0, (m.index ?? 0) + m[0].length]);
      const p = column(hit.table, year);
      if (p < 0) continue;
      const [part, total] = [num(m[2]), num(m[3])];
      const vals = hit.children.map((c) => numberIn(c, p));
      if (vals.some((v) => v === null)) continue;
      const [a, b] = [Math.min(...(vals as number[])), Math.max(...(vals as number[]))];
      if (Math.min(part, total) === a && Math.max(part, total) === b) continue;
      const line = lineAt(l, m.index ?? 0);
      const cells = hit.children.map((c) => c.cells[p]);
      out.push(
        finding(
          line,
          year,
          `văn bản ghi ${lowerFirst(m[1].trim())} ${fmt(part)}/${fmt(total)}, phụ lục ${hit.row.code} ghi ${fmt(a)}/${fmt(b)} (dòng ${cells[0].line})`,
          [
            { label: 'văn bản: phần', value: part, line },
            { label: 'văn bản: tổng', value: total, line },
            ...hit.children.map((c, i) => ({
              code: c.code,
              label: `phụ lục ${c.code}`,
              value: vals[i],
              line: cells[i].line,
              period: hit.table.periods[p],
            })),
          ],
        ),
      );
    }
    if (rates.length && rateWords) out.push(...percentStatements(l, rates, pairs));
    if (countMatch)
      out.push(
        ...countStatements(
          l,
          counts,
          countMatch,
          spans.filter((x) => x[0] === li),
        ),
      );
  }
  return out;
}

function percentStatements(l: LogicalLine, rows: (KnownRow & { words: string[] })[], pairs: RatePair[]): Finding[] {
  const out: Finding[] = [];
  for (const m of l.text.matchAll(PERCENT)) {
    const hit = bestNamed(words(m[1]), rows, (k) => k.words, 0.8);
    if (!hit) continue;
    const year = yearBefore(l.text, m.index ?? 0);
    const p = column(hit.table, year);
    if (p < 0) continue;
    const stated = parseFigure(`${m[2]}%`);
    if (stated.kind !== 'number') continue;
    const cell = hit.row.cells[p];
    const annex = cell?.value.kind === 'number' ? cell.value : null;
    const pair = pairs.find((x) => x.row === hit.row);
    const parts = pair?.children.map((c) => numberIn(c, p));
    const computed =
      parts && parts.every((v) => v !== null) && Math.max(...(parts as number[])) > 0
        ? (Math.min(...(parts as number[])) / Math.max(...(parts as number[]))) * 100
        : null;
    const agrees = annex
      ? rateAgrees(stated, annex.value) || rateAgrees(annex, stated.value)
      : computed === null || rateAgrees(stated, computed);
    if (agrees || (!annex && computed === null)) continue;
    const shown = annex ? cell.raw.trim() : `${fmt(computed as number, 2)} %`;
    const line = lineAt(l, m.index ?? 0);
    out.push(
      finding(
        line,
        year,
        `văn bản ghi ${lowerFirst(m[1].trim())} ${m[2]} %, phụ lục ${hit.row.code} ghi ${shown} (dòng ${cell?.line ?? hit.row.line})`,
        [
          { label: 'văn bản', value: stated.value, line },
          {
            code: hit.row.code,
            label: `phụ lục ${hit.row.code}`,
            value: annex?.value ?? computed,
            line: cell?.line ?? hit.row.line,
            period: hit.table.periods[p],
          },
        ],
      ),
    );
  }
  return out;
}
