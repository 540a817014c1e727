import { parseFigure, type CodeOption, type FigureValue } from '@trinhky/domain';
import { CODE_LINE, isYearOfName, PERIOD_RE, plausibleNext } from '../import/annex';
import { isAnnexHeading } from '../import/lines';
import type { SrcLine } from '../import/types';

/** A value cell of an annex row, with the source line it was read from. */
export interface AnnexCell {
  raw: string;
  value: FigureValue;
  line: number;
}

export interface AnnexRow {
  code: string;
  name: string;
  line: number;
  cells: AnnexCell[];
  /** Code list written in the name or unit cell: "(Có tổ chức = 1; Không tổ chức = 0)". */
  options?: CodeOption[];
  /** A "Trong đó" sub-row: a part of the row above. */
  part?: boolean;
  parent?: string;
}

export interface AnnexTable {
  label: string;
  title: string;
  line: number;
  periods: string[];
  rows: AnnexRow[];
}

/** Value forms real reports use: "2.139", "99,58%", ">99%", "1.198.020.000đ", "x", "Đạt", "-". */
const VALUE = /^(?:[<>≥≤]?\d[\d.,]*%?|\d[\d.]*đ|-|x|X|Đạt)$/u;
const OTHER_SPACE = /[^\S ]/u;
const LEGEND = /\(([^()]*=\s*\d[^()]*)\)/u;

export function legendOptions(name: string): CodeOption[] | undefined {
  const m = LEGEND.exec(name);
  if (!m) return undefined;
  const opts = m[1]
    .split(/[;,]/u)
    .map((p) => /^\s*(.+?)\s*=\s*(\d+)\s*$/u.exec(p))
    .filter((x): x is RegExpExecArray => !!x);
  return opts.length >= 2 ? opts.map((o) => ({ value: Number(o[2]), label: o[1] })) : undefined;
}

interface Tok {
  t: string;
  line: number;
}

function parseTable(label: string, chunk: SrcLine[]): AnnexTable | null {
  const lines = chunk.filter((l) => l.text);
  const start = lines.findIndex((l) => /^STT\b/u.test(l.text));
  if (start < 0) return null;
  const title = lines
    .slice(0, start)
    .filter((l) => !/^\(\s*Kèm theo/iu.test(l.text))
    .map((l) => l.text)
    .join(' ');
  const header: string[] = [];
  // Each row's words with the source line of each (two arrays: no object per word).
  const rows: { code: string; line: number; words: string[]; nos: number[] }[] = [];
  const addWords = (row: { words: string[]; nos: number[] }, text: string, l: SrcLine) => {
    if (l.spans) {
      // A report.json row: each cell on its own line of the file.
      const from = l.text.length - text.length;
      for (const m of text.matchAll(/\S+/gu)) {
        const at = from + (m.index as number);
        let no = l.no;
        for (const s of l.spans) if (s.at <= at) no = s.no;
        row.words.push(m[0]);
        row.nos.push(no);
      }
      return;
    }
    // Source lines come with single spaces (toSourceLines): split on a space then, as /\s+/ would.
    for (const w of text.includes('  ') || OTHER_SPACE.test(text) ? text.split(/\s+/u) : text.split(' '))
      if (w) {
        row.words.push(w);
        row.nos.push(l.no);
      }
  };
  let last: string | null = null;
  let repeated = false;
  for (const l of lines.slice(start)) {
    if (rows.length && /^STT\b/u.test(l.text)) {
      repeated = true;
      continue;
    }
    const m = CODE_LINE.exec(l.text);
    // A line of values only ("1 2 3") continues the row above even when it starts like a code.
    const valuesOnly = () => l.text.includes(' ') && rows.length > 0 && l.text.split(/\s+/u).every((x) => VALUE.test(x));
    if (m && plausibleNext(last, m[1]) && !valuesOnly()) {
      const row = { code: m[1], line: l.no, words: [], nos: [] };
      addWords(row, m[2] ?? '', l);
      rows.push(row);
      last = m[1];
      repeated = false;
    } else if (repeated && !m) continue;
    else if (rows.length) addWords(rows[rows.length - 1], l.text, l);
    else header.push(l.text);
  }
  if (!rows.length) return null;
  const periods = [...header.join(' ').matchAll(PERIOD_RE)].map((m) => m[0]);
  const k = Math.max(periods.length, 1);
  const out: AnnexRow[] = [];
  for (const r of rows) {
    const { words } = r;
    // The name is words[0, n); the values are taken from its end.
    let n = words.length;
    const cells: Tok[] = [];
    while (n && cells.length < k * 2 && !(n >= 2 && isYearOfName([words[n - 2], words[n - 1]]))) {
      const lastWord = words[n - 1];
      // "… tự bảo đảm từ 30% -": a figure after "từ", "dưới" … belongs to the name, and so does what follows it.
      if (VALUE.test(lastWord) && /^(?:từ|đến|dưới|trên|khoảng|hơn|với|là|tối thiểu)$/iu.test(words[n - 2] ?? '')) {
        n = words.length;
        cells.length = 0;
        break;
      }
      if (VALUE.test(lastWord)) {
        n--;
        cells.unshift({ t: lastWord, line: r.nos[n] });
      } else if (/^đạt$/iu.test(lastWord) && n >= 2 && /^(?:chưa|không)$/iu.test(words[n - 2])) {
        n -= 2;
        cells.unshift({ t: `${words[n]} ${lastWord}`, line: r.nos[n + 1] });
      } else break;
    }
    let name = words.slice(0, n).join(' ');
    if (cells.length > k)
      name = `${name} ${cells
        .splice(0, cells.length - k)
        .map((c) => c.t)
        .join(' ')}`.trim();
    const depth = r.code.split('.').length;
    out.push({
      code: r.code,
      name,
      line: r.line,
      cells: cells.map((c) => ({ raw: c.t, value: parseFigure(c.t), line: c.line })),
      options: legendOptions(name),
      part: /^Trong đó/iu.test(name) || undefined,
      parent: depth > 1 ? r.code.split('.').slice(0, -1).join('.') : undefined,
    });
  }
  return { label, title, line: chunk[0]?.no ?? 0, periods: periods.length ? periods : ['Kết quả'], rows: out };
}

/** Reads the annexes of a report (the source lines after the signature) as tables of typed figures. */
export function readAnnexTables(lines: SrcLine[]): AnnexTable[] {
  const starts = lines.map((l, i) => (isAnnexHeading(l) ? i : -1)).filter((i) => i >= 0);
  const out: AnnexTable[] = [];
  starts.forEach((s, n) => {
    const t = parseTable(lines[s].text.replace(/\s+/g, ' '), lines.slice(s, n + 1 < starts.length ? starts[n + 1] : lines.length).slice(1));
    if (t) out.push({ ...t, line: lines[s].no });
  });
  return out;
}
