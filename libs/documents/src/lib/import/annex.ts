import type { Annex, Block, TableBlock, TableCell } from '@trinhky/domain';
import { ANNEX_RE } from './lines';
import type { SrcLine } from './types';

const VALUE_TOKEN = /^(?:[\d.,]+%?|-|x|X|Đạt|Không)$/u;
export const CODE_LINE = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s+(.*))?$/u;
const LEGEND_RE = /\(([^()]*=\s*\d[^()]*)\)/gu;

/** "… so với 2015": a year closing the indicator's name, not a value (seed 003 Phụ lục IV, 3.4). */
export function isYearOfName(tokens: string[]): boolean {
  const n = tokens.length;
  return n >= 2 && /^(?:19|20)\d\d$/u.test(tokens[n - 1]) && /^(?:với|năm|từ|đến|trước|sau)$/iu.test(tokens[n - 2]);
}

interface Row {
  code: string;
  text: string;
}

export function plausibleNext(prev: string | null, code: string): boolean {
  if (prev === null) return code === '1';
  const p = prev.split('.').map(Number);
  const c = code.split('.').map(Number);
  if (c.length === p.length + 1) return c.slice(0, -1).join('.') === prev && c[c.length - 1] === 1;
  if (c.length > p.length + 1) return false;
  // sibling or sibling of an ancestor: same prefix, last number + 1
  const prefix = p.slice(0, c.length - 1);
  return c.slice(0, -1).join('.') === prefix.join('.') && c[c.length - 1] === p[c.length - 1] + 1;
}

export const PERIOD_RE = /Năm\s+\d{4}(?:\s*\([^)]*\))?/gu;

/**
 * The flattened header is one text line per cell line: "STT Chỉ tiêu thống kê", then the period
 * cells ("Năm" / "2021" …). Lines between the name cell and the first period that begin a new cell
 * (a capital) are a group cell over the periods, e.g. seed 003 Phụ lục IV: "Các sở, ban, ngành,
 * UBND cấp huyện, đơn vị sự nghiệp công lập" above Năm 2021 … Năm 2025. Lines in lower case
 * continue the name cell. Returns the header text without the group, and the group.
 */
function splitHeaderGroup(parts: string[]): { headerText: string; group: string | null } {
  const whole = parts.join(' ').replace(/^STT\s*/u, '');
  const first = (parts[0] ?? '').replace(/^STT\s*/u, '');
  const periodAt = parts.findIndex((t) => /^Năm\b/u.test(t));
  if (periodAt < 1 || /Năm\s+\d{4}/u.test(first)) return { headerText: whole, group: null };
  const name = [first];
  let i = 1;
  while (i < periodAt && /^[\p{Ll}(]/u.test(parts[i])) name.push(parts[i++]);
  const groupParts = parts.slice(i, periodAt);
  const rest = parts.slice(periodAt).join(' ');
  const periods = [...rest.matchAll(PERIOD_RE)].length;
  const group = groupParts.join(' ').replace(/\s+/g, ' ').trim();
  if (!group || !/^\p{Lu}/u.test(group) || periods < 2 || group.split(' ').length < 2) return { headerText: whole, group: null };
  return { headerText: `${name.join(' ')} ${rest}`, group };
}

/** Reconstructs a flattened statistics table: rows start at hierarchical codes (1, 1.1, 3.2.1). */
export function parseFlatTable(lines: SrcLine[]): { table: TableBlock; before: string[] } | null {
  const texts = lines.map((l) => l.text).filter(Boolean);
  const start = texts.findIndex((t) => /^STT\b/u.test(t));
  if (start < 0) return null;
  const before = texts.slice(0, start);
  const headerParts: string[] = [];
  const rows: Row[] = [];
  let lastCode: string | null = null;
  let repeatedHeader = false;
  for (const t of texts.slice(start)) {
    // A header repeated where the source table continued on a new page: the renderer repeats it anyway.
    if (rows.length && /^STT\b/u.test(t)) {
      repeatedHeader = true;
      continue;
    }
    const m = CODE_LINE.exec(t);
    const valuesOnly = t.split(/\s+/).every((x) => VALUE_TOKEN.test(x));
    if (m && plausibleNext(lastCode, m[1]) && !(valuesOnly && t.includes(' ') && rows.length)) {
      rows.push({ code: m[1], text: m[2] ?? '' });
      lastCode = m[1];
      repeatedHeader = false;
    } else if (repeatedHeader && !m) {
      continue;
    } else if (rows.length) {
      const r = rows[rows.length - 1];
      r.text = r.text ? `${r.text} ${t}` : t;
    } else headerParts.push(t);
  }
  if (!rows.length) return null;
  const { headerText, group } = splitHeaderGroup(headerParts);
  const periods = [...headerText.matchAll(PERIOD_RE)].map((m) => m[0]);
  const firstPeriod = periods.length ? headerText.indexOf(periods[0]) : -1;
  const nameHeader = (firstPeriod >= 0 ? headerText.slice(0, firstPeriod) : headerText).trim() || 'Chỉ tiêu';
  let trailing = '';
  if (periods.length) {
    const lastEnd = headerText.lastIndexOf(periods[periods.length - 1]) + periods[periods.length - 1].length;
    trailing = headerText.slice(lastEnd).trim();
  }
  const valueHeaders = periods.length ? periods : ['Kết quả'];
  if (trailing) valueHeaders[valueHeaders.length - 1] += ` ${trailing}`;
  const k = valueHeaders.length;
  const legend = new Set<string>();
  const bodyRows: TableCell[][] = rows.map((r) => {
    const tokens = r.text.split(/\s+/).filter(Boolean);
    const values: string[] = [];
    while (tokens.length && VALUE_TOKEN.test(tokens[tokens.length - 1]) && values.length < Math.max(k, 1) * 2 && !isYearOfName(tokens))
      values.unshift(tokens.pop() as string);
    let name = tokens.join(' ');
    for (const m of name.matchAll(LEGEND_RE)) legend.add(m[1].trim());
    let cells: string[];
    if (values.length === k) cells = values;
    else if (values.length < k) cells = [...values, ...new Array(k - values.length).fill('')];
    else {
      cells = values.slice(values.length - k);
      name = `${name} ${values.slice(0, values.length - k).join(' ')}`.trim();
    }
    const depth = r.code.split('.').length;
    const isPart = /^Trong đó/iu.test(name);
    return [
      { text: r.code, align: 'center' as const, bold: depth === 1 || undefined },
      { text: name, bold: depth === 1 || undefined, italic: isPart || undefined },
      ...cells.map((c) => ({ text: c, align: 'center' as const })),
    ];
  });
  const widths = [6, 40, ...new Array(k).fill(k > 4 ? 10 : 14)];
  return {
    before,
    table: {
      type: 'table',
      // A group cell over the period columns makes a two-level header (STT and the name span both rows).
      header: group
        ? [
            [
              { text: 'STT', rowSpan: 2 },
              { text: nameHeader, rowSpan: 2 },
              { text: group, colSpan: k },
            ],
            valueHeaders.map((h) => ({ text: h })),
          ]
        : [[{ text: 'STT' }, { text: nameHeader }, ...valueHeaders.map((h) => ({ text: h }))]],
      rows: bodyRows,
      widths,
      fontSize: k > 4 ? 10 : 11,
      legend: legend.size ? [...legend] : undefined,
    },
  };
}

/** Splits the annex part of the source into annexes: "Phụ lục I", title lines, "(Kèm theo …)", content. */
export function parseAnnexes(lines: SrcLine[]): Annex[] {
  const annexes: Annex[] = [];
  const starts = lines.map((l, i) => (ANNEX_RE.test(l.raw) ? i : -1)).filter((i) => i >= 0);
  starts.forEach((s, n) => {
    const chunk = lines.slice(s + 1, n + 1 < starts.length ? starts[n + 1] : lines.length).filter((l) => l.text);
    const refAt = chunk.findIndex((l) => /^\(\s*Kèm theo/iu.test(l.text));
    const titleLines = refAt >= 0 && refAt <= 5 ? chunk.slice(0, refAt) : chunk.slice(0, 1);
    const rest = refAt >= 0 && refAt <= 5 ? chunk.slice(refAt + 1) : chunk.slice(1);
    const blocks: Block[] = [];
    const parsed = parseFlatTable(rest);
    if (parsed) {
      for (const t of parsed.before) blocks.push({ type: 'paragraph', runs: [{ text: t }] });
      blocks.push(parsed.table);
    } else {
      for (const l of rest) blocks.push({ type: 'paragraph', runs: [{ text: l.text }] });
    }
    const label = lines[s].text.replace(/\s+/g, ' ');
    annexes.push({ label, title: titleLines.map((l) => l.text).join(' '), blocks } as Annex);
  });
  return annexes;
}
