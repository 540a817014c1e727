import type { Block, HeadingBlock, Run, TableBlock, TableCell as DocCell } from '@trinhky/domain';
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { tableColumns } from '../render/body';
import { FIRST_LINE_INDENT, LINE_SPACING, PARAGRAPH_AFTER, PT } from './layout';
import { DocxFootnotes, nfc, runsToChildren, text } from './runs';

export interface DocxBodyContext {
  notes: DocxFootnotes;
  /** Width of the text column in twips. */
  width: number;
}

export type BodyElement = Paragraph | Table;

function paragraph(ctx: DocxBodyContext, runs: Run[], opts: { centre?: boolean; keepNext?: boolean; before?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.centre ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: opts.centre ? undefined : { firstLine: FIRST_LINE_INDENT },
    spacing: { before: opts.before ?? 0, after: PARAGRAPH_AFTER, line: LINE_SPACING },
    keepNext: opts.keepNext || undefined,
    children: runsToChildren(runs, ctx.notes),
  });
}

/** Headings as the PDF writes them: "Phần I" centred over its caps title; "I." bold caps; "1." bold; "a)" plain. */
function heading(ctx: DocxBodyContext, b: HeadingBlock): BodyElement[] {
  const label = nfc(b.label);
  const runs = b.runs.map((r) => ({ ...r }));
  const out: BodyElement[] = [];
  switch (b.level) {
    case 'part':
      for (const r of runs) Object.assign(r, { bold: true, text: r.text.toUpperCase() });
      if (label) out.push(paragraph(ctx, [{ text: label, bold: true }], { centre: true, keepNext: true, before: 120 }));
      out.push(paragraph(ctx, runs, { centre: true, keepNext: true }));
      break;
    case 'section':
      for (const r of runs) Object.assign(r, { bold: true, text: r.text.toUpperCase() });
      out.push(paragraph(ctx, [...(label ? [{ text: `${label} `, bold: true }] : []), ...runs], { keepNext: true }));
      break;
    case 'item':
    case 'subitem':
      for (const r of runs) r.bold = r.bold ?? true;
      out.push(paragraph(ctx, [...(label ? [{ text: `${label} `, bold: true }] : []), ...runs], { keepNext: true }));
      break;
    case 'point':
      out.push(paragraph(ctx, [...(label ? [{ text: `${label} ` }] : []), ...runs]));
      break;
  }
  return [...out, ...blocksToDocx(ctx, b.children)];
}

const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Column widths in twips (fixed), from the block's relative widths or equal shares. */
export function columnTwips(t: TableBlock, width: number): number[] {
  const columns = tableColumns(t);
  const rel = t.widths && t.widths.length === columns && t.widths.every((w) => w > 0) ? t.widths : new Array<number>(columns).fill(1);
  const sum = rel.reduce((a, b) => a + b, 0);
  const out = rel.map((w) => Math.floor((w / sum) * width));
  out[out.length - 1] += width - out.reduce((a, b) => a + b, 0);
  return out;
}

function tableCell(c: DocCell, header: boolean, fontSize: number, widths: number[], col: number): TableCell {
  const span = Math.max(1, c.colSpan ?? 1);
  const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const align = c.align ?? (header ? 'center' : 'left');
  const lines = nfc(c.text).split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    rowSpan: c.rowSpan && c.rowSpan > 1 ? c.rowSpan : undefined,
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN },
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    children: lines.map(
      (l) =>
        new Paragraph({
          alignment: align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [text(l, { size: fontSize, bold: c.bold ?? header, italics: c.italic })],
        }),
    ),
  });
}

/** Rows with their cells placed on the grid (skipping columns covered by a row span from above). */
function tableRows(
  cells: DocCell[][],
  header: boolean,
  fontSize: number,
  widths: number[],
  covered: Set<string>,
  offset: number,
): TableRow[] {
  return cells.map((row, r) => {
    let col = 0;
    const children: TableCell[] = [];
    for (const c of row) {
      while (covered.has(`${offset + r}:${col}`)) col++;
      const span = Math.max(1, c.colSpan ?? 1);
      children.push(tableCell(c, header, fontSize, widths, col));
      for (let dr = 1; dr < (c.rowSpan ?? 1); dr++) for (let dc = 0; dc < span; dc++) covered.add(`${offset + r + dr}:${col + dc}`);
      col += span;
    }
    // Header rows repeat on every page; no row breaks across pages.
    return new TableRow({ tableHeader: header || undefined, cantSplit: true, children });
  });
}

/** A table with fixed column widths in twips and its header rows repeated on each page. */
export function docxTable(t: TableBlock, width: number): BodyElement[] {
  const widths = columnTwips(t, width);
  const fontSize = t.fontSize ?? PT.table;
  const covered = new Set<string>();
  const rows = [
    ...tableRows(t.header, true, fontSize, widths, covered, 0),
    ...tableRows(t.rows, false, fontSize, widths, covered, t.header.length),
  ];
  const out: BodyElement[] = [
    new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows }),
  ];
  // A legend already written in a row's name ("(Có tổ chức = 1; Không tổ chức = 0)") is not repeated under the table.
  const cells = [...t.header, ...t.rows].flat().map((c) => nfc(c.text));
  for (const l of (t.legend ?? []).filter((g) => !cells.some((c) => c.includes(nfc(g)))))
    out.push(new Paragraph({ children: [text(l, { size: fontSize, italics: true })] }));
  out.push(new Paragraph({ spacing: { after: PARAGRAPH_AFTER }, children: [] }));
  return out;
}

export function blocksToDocx(ctx: DocxBodyContext, blocks: Block[]): BodyElement[] {
  const out: BodyElement[] = [];
  for (const b of blocks) {
    if (b.type === 'heading') out.push(...heading(ctx, b));
    else if (b.type === 'paragraph') out.push(paragraph(ctx, b.runs));
    else if (b.type === 'bullet') out.push(paragraph(ctx, [{ text: `${b.marker} ` }, ...b.runs]));
    else out.push(...docxTable(b, ctx.width));
  }
  return out;
}
