import type { Block, ReportDocument, Run } from '@trinhky/domain';
import type { SrcLine } from '../import/types';
import type { JsonLineOf } from './json-lines';

/** A report held as data, as the figure checker reads it: the narrative, and the annex tables. */
export interface DocumentLines {
  /** Opening, body, closing, then every footnote after its block, the annexes' notes and the text left unplaced. */
  narrative: SrcLine[];
  /** "Phụ lục …", its title and its tables, one line per row. */
  annex: SrcLine[];
}

type Path = (string | number)[];

interface Piece {
  text: string;
  path: Path;
}

/**
 * Builds one source line from pieces (runs, cells), each piece at its own line of the JSON file:
 * `no` is the first piece's line, `spans` where the others start.
 */
function lineOf(pieces: Piece[], at: JsonLineOf, sep: string, fallback: number): SrcLine | null {
  let text = '';
  const spans: { no: number; at: number }[] = [];
  for (const p of pieces) {
    let t = p.text.replace(/\s+/gu, ' ');
    if (!t.trim()) continue;
    if (!text) t = t.trimStart();
    else if (sep) text += sep;
    else if (text.endsWith(' ') && t.startsWith(' ')) t = t.slice(1);
    const no = at(p.path) ?? spans[spans.length - 1]?.no ?? fallback;
    if (!spans.length || spans[spans.length - 1].no !== no) spans.push({ no, at: text.length });
    text += t;
  }
  text = text.trimEnd();
  if (!text) return null;
  return { no: spans[0].no, raw: text, text, spans: spans.length > 1 ? spans : undefined };
}

/**
 * A footnote's text as the lines a printed page shows: "11 Kết quả … qua các năm:" then each
 * "+ Năm 2021: …" item on its own line (the importer keeps a footnote as one string).
 */
function footnoteLines(n: number, text: string, no: number): SrcLine[] {
  return `${n} ${text}`
    .replace(/\s+/gu, ' ')
    .trim()
    .split(/(?<=[.;:])\s+(?=[+\-–•]\s+\p{Lu})/u)
    .map((t) => ({ no, raw: t, text: t }));
}

/**
 * The report as source lines in reading order, each on the line of report.json that holds its
 * text (`at`; without it, every line counts as its own). `root` is where the document sits in the
 * file (`['document']` in an import result).
 */
export function reportDocumentLines(
  doc: ReportDocument,
  at: JsonLineOf = () => undefined,
  root: Path = [],
  unplaced: Piece[] = [],
): DocumentLines {
  const narrative: SrcLine[] = [];
  const annex: SrcLine[] = [];
  let footnote = 0;
  let last = 1;
  const push = (out: SrcLine[], l: SrcLine | null) => {
    if (!l) return;
    last = l.no;
    out.push(l);
  };
  const runs = (rs: Run[], path: Path, prefix?: Piece): Piece[] => [
    ...(prefix ? [prefix] : []),
    ...rs.map((r, i) => ({ text: r.text, path: [...path, 'runs', i, 'text'] })),
  ];
  const notes = (rs: Run[], path: Path, out: SrcLine[]) => {
    rs.forEach((r, i) => {
      if (!r.footnote) return;
      footnote++;
      out.push(...footnoteLines(footnote, r.footnote, at([...path, 'runs', i, 'footnote']) ?? last));
    });
  };
  const walk = (blocks: Block[], path: Path, text: SrcLine[], tables: SrcLine[]) => {
    blocks.forEach((b, i) => {
      const p = [...path, i];
      if (b.type === 'table') {
        const head = b.header[b.header.length - 1] ?? [];
        push(
          tables,
          lineOf(
            [{ text: 'STT', path: [] }, ...head.map((c, k) => ({ text: c.text, path: [...p, 'header', b.header.length - 1, k, 'text'] }))],
            at,
            ' ',
            last,
          ),
        );
        b.rows.forEach((row, r) =>
          push(
            tables,
            lineOf(
              row.map((c, k) => ({ text: c.text, path: [...p, 'rows', r, k, 'text'] })),
              at,
              ' ',
              last,
            ),
          ),
        );
        (b.legend ?? []).forEach((t, k) => push(text, lineOf([{ text: t, path: [...p, 'legend', k] }], at, ' ', last)));
        return;
      }
      const label = b.type === 'heading' ? b.label : b.type === 'bullet' ? b.marker : '';
      const prefix = label ? { text: `${label} `, path: [...p, b.type === 'heading' ? 'label' : 'marker'] } : undefined;
      push(text, lineOf(runs(b.runs, p, prefix), at, '', last));
      notes(b.runs, p, text);
      if (b.type === 'heading') walk(b.children, [...p, 'children'], text, tables);
    });
  };
  push(narrative, lineOf([{ text: doc.kind, path: [...root, 'kind'] }], at, ' ', last));
  doc.subject.forEach((s, i) => push(narrative, lineOf([{ text: s, path: [...root, 'subject', i] }], at, ' ', last)));
  walk(doc.opening, [...root, 'opening'], narrative, narrative);
  walk(doc.body, [...root, 'body'], narrative, narrative);
  push(narrative, lineOf([{ text: doc.closing ?? '', path: [...root, 'closing'] }], at, ' ', last));
  doc.annexes.forEach((a, i) => {
    const p = [...root, 'annexes', i];
    const label = (a as { label?: string }).label || 'Phụ lục';
    push(annex, lineOf([{ text: label, path: [...p, 'label'] }], at, ' ', at([...p, 'title']) ?? last));
    push(annex, lineOf([{ text: a.title, path: [...p, 'title'] }], at, ' ', last));
    // The annex's notes (subtitle, paragraphs, legends, footnotes) are read as narrative text.
    push(narrative, lineOf([{ text: a.subtitle ?? '', path: [...p, 'subtitle'] }], at, ' ', last));
    walk(a.blocks, [...p, 'blocks'], narrative, annex);
  });
  for (const u of unplaced) push(narrative, lineOf([u], at, ' ', last));
  return { narrative, annex };
}
