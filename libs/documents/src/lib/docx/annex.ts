import type { Annex, ReportDocument } from '@trinhky/domain';
import { AlignmentType, Paragraph } from 'docx';
import { annexLabel, annexReference, type LabelledAnnex } from '../render/annex';
import { blocksToDocx, type BodyElement, type DocxBodyContext } from './body';
import { PT } from './layout';
import { nfc, text } from './runs';

const centred = (t: string, style: { size: number; bold?: boolean; italics?: boolean }, after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, keepNext: true, children: [text(t, style)] });

/** "Phụ lục …", the title, the subtitle, "(Kèm theo Báo cáo số …)", then the annex's blocks. */
export function annexElements(ctx: DocxBodyContext, doc: ReportDocument, annex: Annex, index: number, year: number): BodyElement[] {
  return [
    centred(nfc((annex as LabelledAnnex).label ?? annexLabel(index, doc.annexes.length)), { size: PT.title, bold: true }),
    centred(nfc(annex.title).toUpperCase(), { size: PT.title, bold: true }),
    ...(annex.subtitle ? [centred(annex.subtitle, { size: PT.header, bold: true })] : []),
    centred(annexReference(doc, year), { size: PT.header, italics: true }, 200),
    ...blocksToDocx(ctx, annex.blocks),
  ];
}
