import type { ReportDocument } from '@trinhky/domain';
import { AlignmentType, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { closingSentence, SIGNATURE_COLUMN_RATIO } from '../render/closing';
import { FIRST_LINE_INDENT, LINE_SPACING, PARAGRAPH_AFTER, PT, textWidth } from './layout';
import { nfc, text } from './runs';

export function closingParagraph(doc: ReportDocument): Paragraph[] {
  const t = closingSentence(doc.closing);
  if (!t) return [];
  return [
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: FIRST_LINE_INDENT },
      spacing: { after: PARAGRAPH_AFTER, line: LINE_SPACING },
      keepNext: true,
      children: [text(t)],
    }),
  ];
}

/**
 * Blank lines for the signature. The .docx is an editable copy: the signature and seal images of the
 * issued PDF are deliberately not copied into it (they could be lifted from an editable file).
 */
const SIGNATURE_ROOM_LINES = 4;

/**
 * "Nơi nhận:" on the left, the signature block on the right (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH /
 * PHÓ CHỦ TỊCH, room, name), as a borderless table of fixed widths kept on one page.
 */
export function closingTable(doc: ReportDocument): Table {
  const width = textWidth(false);
  const right = Math.round(width * SIGNATURE_COLUMN_RATIO);
  const left = width - right;
  const keep = { keepNext: true, keepLines: true };
  const leftParas = doc.distribution.length
    ? [
        new Paragraph({ ...keep, children: [text('Nơi nhận:', { size: PT.distributionTitle, bold: true, italics: true })] }),
        ...doc.distribution.map((l) => new Paragraph({ ...keep, children: [text(l, { size: PT.distribution })] })),
      ]
    : [new Paragraph({ children: [] })];
  const sig = doc.signature;
  const rightParas = sig
    ? [
        ...sig.lines.map(
          (l) => new Paragraph({ ...keep, alignment: AlignmentType.CENTER, children: [text(nfc(l).toUpperCase(), { bold: true })] }),
        ),
        ...Array.from({ length: SIGNATURE_ROOM_LINES }, () => new Paragraph({ children: [] })),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [text(sig.name, { bold: true })] }),
      ]
    : [new Paragraph({ children: [] })];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: left, type: WidthType.DXA }, children: leftParas }),
          new TableCell({ width: { size: right, type: WidthType.DXA }, children: rightParas }),
        ],
      }),
    ],
  });
}
