import { formatPlaceDateVi, formatRegisterNumber, type ReportDocument } from '@trinhky/domain';
import type { Content } from 'pdfmake/interfaces';
import { HEADER_LEFT_WIDTH, MOTTO_SUB_WIDTH_PER_PT, SIZE } from './layout';
import { SLOT_IDS } from './slots';
import { nfc } from './text';

export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO_SUB = 'Độc lập - Tự do - Hạnh phúc';

/** A horizontal rule of `length` points centred in a box of `boxWidth`. */
export function centredRule(length: number, boxWidth: number, marginTop = 3): Content {
  const x = Math.max(0, (boxWidth - length) / 2);
  return { canvas: [{ type: 'line', x1: x, y1: 0, x2: x + length, y2: 0, lineWidth: 0.6 }], margin: [0, marginTop, 0, 0] };
}

/** "Số: 07/BC-UBND", or "Số:      /BC-UBND" while the register number is not yet issued. */
export function numberLine(doc: Pick<ReportDocument, 'number' | 'numberSuffix'>): string {
  const n = doc.number === null ? '\u00a0'.repeat(8) : formatRegisterNumber(doc.number);
  return `Số: ${n}/${nfc(doc.numberSuffix)}`;
}

/** Year for the blank date line: from the document's date, else the current year. */
export function documentYear(doc: Pick<ReportDocument, 'date'>, now = new Date()): number {
  return doc.date ? Number(doc.date.slice(0, 4)) : now.getFullYear();
}

export function placeDateLine(doc: Pick<ReportDocument, 'place' | 'date'>, year: number): string {
  return nfc(formatPlaceDateVi(doc.place, doc.date, year)).replace(/ {2,}/g, (s) => '\u00a0'.repeat(s.length * 2));
}

/**
 * The two-column header: issuing body | national motto, then Số | place and date on one row.
 * With `blankIssueSlots` (the version a leader signs before it is numbered) the Số and date lines
 * are left blank: the văn thư's incremental update at `issue` writes them there (see ./slots.ts).
 */
export function buildHeader(doc: ReportDocument, rightWidth: number, year: number, blankIssueSlots = false): Content {
  const leftWidth = HEADER_LEFT_WIDTH;
  const blank = blankIssueSlots && doc.number === null;
  const mottoSubWidth = MOTTO_SUB_WIDTH_PER_PT * SIZE.mottoSub;
  const issuerLines = nfc(doc.issuer.parent)
    .split('\n')
    .filter(Boolean)
    .map((l) => ({ text: l.toUpperCase(), fontSize: SIZE.header, alignment: 'center' as const }));
  const left: Content[] = [
    ...issuerLines,
    { text: nfc(doc.issuer.name).toUpperCase(), bold: true, fontSize: SIZE.header, alignment: 'center' },
    centredRule(Math.min(70, leftWidth / 2), leftWidth),
  ];
  const right: Content[] = [
    { text: MOTTO, bold: true, fontSize: SIZE.motto, alignment: 'center' },
    { text: MOTTO_SUB, bold: true, fontSize: SIZE.mottoSub, alignment: 'center' },
    centredRule(mottoSubWidth, rightWidth),
  ];
  return {
    table: {
      widths: [leftWidth, rightWidth],
      body: [
        [{ stack: left }, { stack: right }],
        [
          {
            text: blank ? '\u00a0' : numberLine(doc),
            fontSize: SIZE.header,
            alignment: 'center',
            margin: [0, 6, 0, 0],
            id: SLOT_IDS.number,
          },
          {
            text: blank ? '\u00a0' : placeDateLine(doc, year),
            italics: true,
            fontSize: SIZE.mottoSub + 1,
            alignment: 'center',
            margin: [0, 6, 0, 0],
            id: SLOT_IDS.date,
          },
        ],
      ],
    },
    layout: 'noBorders',
    margin: [-4, 0, -4, 0],
  };
}

/** "BÁO CÁO", the subject lines and a short rule, then "Kính gửi:". */
export function buildTitle(doc: ReportDocument, width: number): Content[] {
  const out: Content[] = [
    { text: nfc(doc.kind).toUpperCase(), bold: true, fontSize: SIZE.title, alignment: 'center', margin: [0, 18, 0, 0] },
    ...doc.subject.map((s) => ({ text: nfc(s), bold: true, fontSize: SIZE.title, alignment: 'center' as const })),
    centredRule(width / 4, width, 4),
  ];
  const recipients = doc.recipients.map(nfc).filter(Boolean);
  if (recipients.length === 1) {
    out.push({ text: `Kính gửi: ${recipients[0]}`, fontSize: SIZE.body, alignment: 'center', margin: [0, 10, 0, 10] });
  } else if (recipients.length > 1) {
    out.push({
      columns: [
        { width: 'auto', text: 'Kính gửi:', fontSize: SIZE.body },
        { width: '*', stack: recipients.map((r) => ({ text: /^[-–]/.test(r) ? r : `- ${r}`, fontSize: SIZE.body })) },
      ],
      columnGap: 8,
      margin: [width * 0.18, 10, 0, 10],
    });
  } else {
    out.push({ text: '', margin: [0, 6, 0, 0] });
  }
  return out;
}

/**
 * The two lines the văn thư's incremental update writes at `issue` over the blank slots:
 * "Số: 01/BC-UBND" and "An Bình, ngày 05 tháng 01 năm 2026".
 */
export function issueStampLines(doc: ReportDocument): { number: string; date: string } {
  const space = (s: string) => s.replace(/\u00a0/g, ' ').normalize('NFC');
  return { number: space(numberLine(doc)), date: space(placeDateLine(doc, documentYear(doc))) };
}
