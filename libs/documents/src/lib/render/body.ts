import type { Block, HeadingBlock, Run, TableBlock } from '@trinhky/domain';
import type { Content, ContentText, TableCell as PdfCell } from 'pdfmake/interfaces';
import { FIRST_LINE_INDENT, LINE_HEIGHT, PARAGRAPH_AFTER, SIZE } from './layout';
import { FootnoteCollector, nfc, runsToInlines } from './text';

/** A paragraph node carrying footnote markers: after layout, pdfmake fills `positions` (one per line). */
export interface MarkedNode {
  node: ContentText & { positions?: { pageNumber: number }[] };
  markers: { number: number; fraction: number }[];
}

export interface BodyContext {
  footnotes: FootnoteCollector;
  marked: MarkedNode[];
  width: number;
}

function paragraph(ctx: BodyContext, prefix: Run[], runs: Run[], extra: Partial<ContentText> = {}): ContentText {
  const { inlines, markers, length } = runsToInlines([...prefix, ...runs], ctx.footnotes);
  const node: ContentText = {
    text: inlines.length ? inlines : '',
    alignment: 'justify',
    leadingIndent: FIRST_LINE_INDENT,
    lineHeight: LINE_HEIGHT,
    margin: [0, 0, 0, PARAGRAPH_AFTER],
    ...extra,
  };
  if (markers.length)
    ctx.marked.push({ node, markers: markers.map((m) => ({ number: m.number, fraction: length ? m.offset / length : 0 })) });
  return node;
}

function heading(ctx: BodyContext, b: HeadingBlock): Content[] {
  const label = nfc(b.label);
  const runs = b.runs.map((r) => ({ ...r }));
  let prefix: Run[] = label ? [{ text: `${label} `, bold: b.level !== 'point' }] : [];
  let extra: Partial<ContentText> = {};
  switch (b.level) {
    case 'part':
      // "Phần I" centred, title centred bold caps on the next line.
      prefix = label ? [{ text: `${label}\n`, bold: true }] : [];
      for (const r of runs) {
        r.bold = true;
        r.text = r.text.toUpperCase();
      }
      extra = { alignment: 'center', leadingIndent: 0, margin: [0, 6, 0, PARAGRAPH_AFTER] };
      break;
    case 'section':
      for (const r of runs) {
        r.bold = true;
        r.text = r.text.toUpperCase();
      }
      break;
    case 'item':
    case 'subitem':
      for (const r of runs) r.bold = r.bold ?? true;
      break;
    case 'point':
      break;
  }
  return [paragraph(ctx, prefix, runs, { ...extra, headlineLevel: 1 } as Partial<ContentText>), ...blocksToContent(ctx, b.children)];
}

function cellContent(c: TableBlock['rows'][number][number], fontSize: number, header: boolean): PdfCell {
  const cell: PdfCell & Record<string, unknown> = {
    text: nfc(c.text),
    bold: c.bold ?? (header ? true : undefined),
    italics: c.italic || undefined,
    alignment: c.align ?? (header ? 'center' : undefined),
    fontSize,
  };
  if (c.colSpan && c.colSpan > 1) cell['colSpan'] = c.colSpan;
  if (c.rowSpan && c.rowSpan > 1) cell['rowSpan'] = c.rowSpan;
  return cell as PdfCell;
}

/** Pads a row with the placeholders pdfmake expects after spanning cells. */
function padRows(rows: PdfCell[][], columns: number): PdfCell[][] {
  const grid: (PdfCell | undefined)[][] = rows.map(() => new Array(columns).fill(undefined));
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (col < columns && grid[r][col] !== undefined) col++;
      if (col >= columns) break;
      const c = cell as Record<string, unknown>;
      const cs = Number(c['colSpan'] ?? 1);
      const rs = Number(c['rowSpan'] ?? 1);
      grid[r][col] = cell;
      for (let dr = 0; dr < rs; dr++)
        for (let dc = 0; dc < cs; dc++)
          if ((dr || dc) && r + dr < rows.length && col + dc < columns) grid[r + dr][col + dc] = {} as PdfCell;
      col += cs;
    }
  });
  return grid.map((row) => row.map((c) => c ?? ''));
}

export function tableColumns(t: TableBlock): number {
  const count = (row: { colSpan?: number }[]) => row.reduce((s, c) => s + (c.colSpan ?? 1), 0);
  return Math.max(t.widths?.length ?? 0, ...[...t.header, ...t.rows].map(count), 1);
}

export function tableContent(t: TableBlock, width: number): Content[] {
  const columns = tableColumns(t);
  const fontSize = t.fontSize ?? SIZE.table;
  const header = t.header.map((row) => row.map((c) => cellContent(c, fontSize, true)));
  const rows = t.rows.map((row) => row.map((c) => cellContent(c, fontSize, false)));
  const body = padRows([...header, ...rows], columns);
  // Relative widths become absolute (cell padding 4 pt each side, rules 1 pt).
  const avail = width - columns * 9 - 1;
  const sum = t.widths && t.widths.length === columns ? t.widths.reduce((a, b) => a + b, 0) : 0;
  const widths: (number | string)[] = sum > 0 ? (t.widths as number[]).map((w) => (w / sum) * avail) : new Array(columns).fill('*');
  const out: Content[] = [{ table: { headerRows: header.length, dontBreakRows: true, widths, body }, margin: [0, 2, 0, PARAGRAPH_AFTER] }];
  for (const l of t.legend ?? []) out.push({ text: nfc(l), italics: true, fontSize: fontSize, margin: [0, 0, 0, 2] });
  return out;
}

export function blocksToContent(ctx: BodyContext, blocks: Block[]): Content[] {
  const out: Content[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        out.push(...heading(ctx, b));
        break;
      case 'paragraph':
        out.push(paragraph(ctx, [], b.runs));
        break;
      case 'bullet':
        out.push(paragraph(ctx, [{ text: `${b.marker} ` }], b.runs));
        break;
      case 'table':
        out.push(...tableContent(b, ctx.width));
        break;
    }
  }
  return out;
}
