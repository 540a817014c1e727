import { formatDateShortVi, formatRegisterNumber, toRoman, type Annex, type ReportDocument } from '@trinhky/domain';
import type { Content } from 'pdfmake/interfaces';
import { blocksToContent, tableColumns, type BodyContext } from './body';
import { LANDSCAPE_COLUMN_THRESHOLD, SIZE } from './layout';
import { nfc } from './text';

/** "Phụ lục" alone for a single annex, "Phụ lục I", "Phụ lục II"… when several. */
export function annexLabel(index: number, count: number): string {
  return count > 1 ? `Phụ lục ${toRoman(index + 1)}` : 'Phụ lục';
}

/** "(Kèm theo Báo cáo số 07/BC-UBND ngày 05/01/2026 của Ủy ban nhân dân xã An Bình)", with blanks before issue. */
export function annexReference(doc: ReportDocument, year: number): string {
  const kind = nfc(doc.kind).toLowerCase();
  const kindTitle = kind.charAt(0).toUpperCase() + kind.slice(1);
  const blank = (n: number) => '\u00a0'.repeat(n);
  const number = doc.number === null ? blank(8) : formatRegisterNumber(doc.number);
  const date = doc.date ? formatDateShortVi(doc.date) : `${blank(6)}/${blank(6)}/${year}`;
  return `(Kèm theo ${kindTitle} số ${number}/${nfc(doc.numberSuffix)} ngày ${date} của ${issuerPhrase(doc)})`;
}

/** "ỦY BAN NHÂN DÂN" + "XÃ AN BÌNH" → "Ủy ban nhân dân xã An Bình". */
export function issuerPhrase(doc: Pick<ReportDocument, 'issuer'>): string {
  const parent = nfc(doc.issuer.parent).replace(/\n/g, ' ').toLowerCase();
  const words = nfc(doc.issuer.name).toLowerCase().split(/\s+/).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
  return `${parent.charAt(0).toUpperCase()}${parent.slice(1)} ${name}`.trim();
}

/** Superset of the domain's Annex: the label as written in an imported source ("Phụ lục VI"). */
export interface LabelledAnnex extends Annex {
  label?: string;
}

export function annexIsLandscape(annex: Annex): boolean {
  if (annex.landscape !== undefined) return annex.landscape;
  return annex.blocks.some((b) => b.type === 'table' && tableColumns(b) > LANDSCAPE_COLUMN_THRESHOLD);
}

export function buildAnnexContent(ctx: BodyContext, doc: ReportDocument, annex: Annex, index: number, year: number): Content[] {
  const count = doc.annexes.length;
  return [
    { text: nfc((annex as LabelledAnnex).label ?? annexLabel(index, count)), bold: true, fontSize: SIZE.title, alignment: 'center' },
    { text: nfc(annex.title).toUpperCase(), bold: true, fontSize: SIZE.title, alignment: 'center' },
    ...(annex.subtitle ? [{ text: nfc(annex.subtitle), bold: true, fontSize: SIZE.header, alignment: 'center' as const }] : []),
    { text: annexReference(doc, year), italics: true, fontSize: SIZE.header, alignment: 'center', margin: [0, 2, 0, 10] },
    ...blocksToContent(ctx, annex.blocks),
  ];
}
