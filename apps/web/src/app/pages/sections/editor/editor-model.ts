/**
 * The section editor's model: a flat list of blocks with inline markup, mapped to and from the
 * document model (libs/domain). Only what the document model can express is editable — paragraphs,
 * "-"/"+" bullets, numbered headings, tables, bold (**…**) and italic (*…*) — never HTML.
 */
import { bindingMarkup, parseBinding } from './figures/figure-source';
import { pointLabel, type Block, type HeadingLevel, type Run, type SectionContent, type TableBlock, type TableCell } from '@trinhky/domain';

export type EditorBlock =
  | { id: number; kind: 'paragraph'; text: string }
  | { id: number; kind: 'bullet'; marker: '-' | '+'; text: string }
  | { id: number; kind: 'heading'; level: HeadingLevel; label: string; text: string }
  | { id: number; kind: 'table'; table: TableBlock };

export type EditorBlockKind = EditorBlock['kind'];

let nextId = 1;
export function newId(): number {
  return nextId++;
}

export const HEADING_ORDER: HeadingLevel[] = ['part', 'section', 'item', 'subitem', 'point'];

export const HEADING_NAMES: Record<HeadingLevel, string> = {
  part: 'Phần',
  section: 'Mục (I., II.)',
  item: 'Mục nhỏ (1., 2.)',
  subitem: 'Mục con (1.1.)',
  point: 'Điểm (a), b))',
};

/** Runs → "plain **bold** *italic* ***both***"; a literal "*" or "\" is escaped with "\"; a footnote as "^[…]". */
export function runsToMarkup(runs: Run[]): string {
  return runs
    .map((r) => {
      if (r.figure) return bindingMarkup(r.figure);
      const text = r.text.replace(/\\/g, '\\\\').replace(/\*/g, '\\*').replace(/\^\[/g, '\\^[').replace(/\{\{/g, '\\{{');
      const mark = r.bold && r.italic ? '***' : r.bold ? '**' : r.italic ? '*' : '';
      const body = text && mark ? `${mark}${text}${mark}` : text;
      return body + (r.footnote ? `^[${r.footnote.replace(/]/g, '\\]')}]` : '');
    })
    .join('');
}

/** The inverse of {@link runsToMarkup}. Unclosed markers are kept as text. Adjacent runs with the same emphasis merge. */
export function markupToRuns(markup: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = (): void => {
    if (!buf) return;
    const run: Run = { text: buf };
    if (bold) run.bold = true;
    if (italic) run.italic = true;
    runs.push(run);
    buf = '';
  };
  // Markers that have a partner later on; an unpaired one stays literal.
  const src = markup.normalize('NFC');
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '\\' && i + 1 < src.length) {
      buf += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '{' && src[i + 1] === '{') {
      const end = src.indexOf('}}', i + 2);
      const figure = end > 0 ? parseBinding(src.slice(i + 2, end)) : null;
      if (figure) {
        flush();
        runs.push({ text: '', figure });
        i = end + 2;
        continue;
      }
    }
    if (ch === '^' && src[i + 1] === '[') {
      const end = findClose(src, i + 2);
      if (end > 0) {
        flush();
        const note = src.slice(i + 2, end).replace(/\\]/g, ']');
        if (runs.length) runs[runs.length - 1].footnote = note;
        else runs.push({ text: '', footnote: note });
        i = end + 1;
        continue;
      }
    }
    if (ch === '*') {
      let n = 1;
      while (src[i + n] === '*' && n < 3) n++;
      const wantBold = n >= 2;
      const wantItalic = n === 1 || n === 3;
      const closing = (wantBold ? bold : true) && (wantItalic ? italic : true);
      if (closing || hasPartner(src, i + n, n)) {
        flush();
        if (wantBold) bold = !bold;
        if (wantItalic) italic = !italic;
        i += n;
        continue;
      }
    }
    buf += ch;
    i++;
  }
  flush();
  return mergeRuns(runs);
}

function findClose(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i;
  }
  return -1;
}

function hasPartner(s: string, from: number, n: number): boolean {
  const marker = '*'.repeat(n);
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(marker, i) && i > from) return true;
  }
  return false;
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && !prev.footnote && !prev.figure && !r.figure && !!prev.bold === !!r.bold && !!prev.italic === !!r.italic) {
      prev.text += r.text;
      if (r.footnote) prev.footnote = r.footnote;
    } else out.push({ ...r });
  }
  return out.length ? out : [{ text: '' }];
}

/** Document blocks → flat editor blocks (headings first, their children after them). */
export function toEditorBlocks(content: SectionContent | null | undefined): EditorBlock[] {
  const out: EditorBlock[] = [];
  const walk = (blocks: Block[]): void => {
    for (const b of blocks) {
      switch (b.type) {
        case 'paragraph':
          out.push({ id: newId(), kind: 'paragraph', text: runsToMarkup(b.runs) });
          break;
        case 'bullet':
          out.push({ id: newId(), kind: 'bullet', marker: b.marker, text: runsToMarkup(b.runs) });
          break;
        case 'heading':
          out.push({ id: newId(), kind: 'heading', level: b.level, label: b.label, text: runsToMarkup(b.runs) });
          walk(b.children ?? []);
          break;
        case 'table':
          out.push({ id: newId(), kind: 'table', table: cloneTable(b) });
          break;
      }
    }
  };
  walk(content?.blocks ?? []);
  return out;
}

/**
 * Flat editor blocks → document blocks. A heading owns the blocks after it up to the next heading of
 * the same or a higher level; empty paragraphs and bullets are dropped.
 */
export function fromEditorBlocks(blocks: EditorBlock[]): SectionContent {
  const root: Block[] = [];
  const stack: { rank: number; children: Block[] }[] = [{ rank: -1, children: root }];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      const rank = HEADING_ORDER.indexOf(b.level);
      while (stack.length > 1 && stack[stack.length - 1].rank >= rank) stack.pop();
      const h: Block = { type: 'heading', level: b.level, label: b.label.trim(), runs: markupToRuns(b.text.trim()), children: [] };
      stack[stack.length - 1].children.push(h);
      stack.push({ rank, children: h.children });
      continue;
    }
    const target = stack[stack.length - 1].children;
    if (b.kind === 'table') target.push(cloneTable(b.table));
    else {
      const text = b.text.trim();
      if (!text) continue;
      const typed = b.kind === 'paragraph' ? /^([-+])\s+(.*)$/s.exec(text) : null;
      if (typed) target.push({ type: 'bullet', marker: typed[1] as '-' | '+', runs: markupToRuns(typed[2]) });
      else if (b.kind === 'paragraph') target.push({ type: 'paragraph', runs: markupToRuns(text) });
      else target.push({ type: 'bullet', marker: b.marker, runs: markupToRuns(text) });
    }
  }
  return { blocks: root };
}

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

/** Same content? (Compares the document model, so whitespace-only edits do not count.) */
export function sameContent(a: SectionContent, b: SectionContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A starting point for merging after a conflict: their version, then the blocks of mine that theirs
 * does not contain (by text), in my order.
 */
export function mergeContents(mine: SectionContent, theirs: SectionContent): EditorBlock[] {
  const theirBlocks = toEditorBlocks(theirs);
  const key = (b: EditorBlock): string =>
    b.kind === 'table' ? JSON.stringify(b.table) : `${b.kind}:${'label' in b ? b.label : ''}:${b.text}`;
  const known = new Set(theirBlocks.map(key));
  const extra = toEditorBlocks(mine).filter((b) => !known.has(key(b)));
  return [...theirBlocks, ...extra];
}

/** A part's expected outline as a starting point: one point heading ("a)", "b)") and an empty paragraph per item. */
export function outlineBlocks(items: string[]): EditorBlock[] {
  return items.flatMap((text, i): EditorBlock[] => [
    { id: newId(), kind: 'heading', level: 'point', label: pointLabel(i), text },
    { id: newId(), kind: 'paragraph', text: '' },
  ]);
}
