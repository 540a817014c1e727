import type { ReportDocument } from '@trinhky/domain';
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  type TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { MOTTO, MOTTO_SUB, numberLine, placeDateLine } from '../render/header';
import { HEADER_LEFT, PT, textWidth } from './layout';
import { nfc, text } from './runs';

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const CELL_NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

/** A centred paragraph with a short rule under it (a bottom border indented to `ruleTwips`). */
function ruled(children: TextRun[], cellWidth: number, ruleTwips: number): Paragraph {
  const indent = Math.max(0, Math.round((cellWidth - ruleTwips) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: indent, right: indent },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children,
  });
}

const centred = (children: TextRun[], spacingBefore = 0): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: spacingBefore, after: 0 }, children });

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: CELL_NO_BORDERS, children });
}

/**
 * The two-column header as a borderless table with fixed widths in twips (LibreOffice ignores
 * percentage widths): issuing body | Quốc hiệu and Tiêu ngữ, then Số | place and date.
 */
export function headerTable(doc: ReportDocument, year: number): Table {
  const width = textWidth(false);
  const left = HEADER_LEFT;
  const right = width - left;
  const parentLines = nfc(doc.issuer.parent)
    .split('\n')
    .filter(Boolean)
    .map((l) => centred([text(l.toUpperCase(), { size: PT.header })]));
  const issuer = ruled([text(nfc(doc.issuer.name).toUpperCase(), { size: PT.header, bold: true })], left, 70 * 20);
  const motto = centred([text(MOTTO, { size: PT.motto, bold: true })]);
  // "Độc lập - Tự do - Hạnh phúc" underlined by a rule as long as the line (≈ 159 pt at 13 pt).
  const mottoSub = ruled([text(MOTTO_SUB, { size: PT.mottoSub, bold: true })], right, 160 * 20);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [cell(left, [...parentLines, issuer]), cell(right, [motto, mottoSub])] }),
      new TableRow({
        children: [
          cell(left, [centred([text(numberLine(doc), { size: PT.header })], 120)]),
          cell(right, [centred([text(placeDateLine(doc, year), { size: PT.mottoSub + 1, italics: true })], 120)]),
        ],
      }),
    ],
  });
}

/** "BÁO CÁO", the subject lines and a short rule, then "Kính gửi:". */
export function titleParagraphs(doc: ReportDocument): Paragraph[] {
  const width = textWidth(false);
  const subject = doc.subject.map(nfc);
  const out: Paragraph[] = [centred([text(nfc(doc.kind).toUpperCase(), { size: PT.title, bold: true })], 360)];
  subject.forEach((s, i) => {
    const runs = [text(s, { size: PT.title, bold: true })];
    out.push(i === subject.length - 1 ? ruled(runs, width, Math.round(width / 4)) : centred(runs));
  });
  if (!subject.length) out.push(ruled([], width, Math.round(width / 4)));
  const recipients = doc.recipients.map(nfc).filter(Boolean);
  const recipientPara = (t: string, first: boolean) =>
    new Paragraph({
      alignment: recipients.length === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
      indent: recipients.length === 1 ? undefined : { left: Math.round(width * 0.18) + (first ? 0 : 1100) },
      spacing: { before: first ? 200 : 0, after: 0 },
      children: [text(t)],
    });
  if (recipients.length === 1) out.push(recipientPara(`Kính gửi: ${recipients[0]}`, true));
  else
    recipients.forEach((r, i) => {
      const line = /^[-–]/.test(r) ? r : `- ${r}`;
      out.push(recipientPara(i === 0 ? `Kính gửi: ${line}` : line, i === 0));
    });
  out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
  return out;
}
