import type { ReportDocument } from '@trinhky/domain';
import { AlignmentType, Document, Header, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions } from 'docx';
import { annexIsLandscape } from '../render/annex';
import { normalizeDocument } from '../render/definition';
import { documentYear } from '../render/header';
import { annexElements } from './annex';
import { blocksToDocx, type DocxBodyContext } from './body';
import { closingParagraph, closingTable } from './closing';
import { headerTable, titleParagraphs } from './header';
import { A4_TWIPS, FONT, halfPoints, LANDSCAPE, PORTRAIT, PT, textWidth, type TwipMargins } from './layout';
import { DocxFootnotes } from './runs';

export interface DocxOptions {
  /** Used for the year of an undated document (defaults to now). */
  now?: Date;
}

/** The page number centred in the top margin; the first page of each section has none (titlePg). */
function numberedHeaders(): ISectionOptions['headers'] {
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(PT.pageNumber) })],
  });
  return { default: new Header({ children: [number] }), first: new Header({ children: [new Paragraph({ children: [] })] }) };
}

function page(landscape: boolean, margins: TwipMargins) {
  return {
    size: {
      width: A4_TWIPS.width,
      height: A4_TWIPS.height,
      orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
    },
    // The page number sits in the middle of the top margin.
    margin: { ...margins, header: Math.round(margins.top / 2) - 100, footer: Math.round(margins.bottom / 2) },
    pageNumbers: { start: 1 },
  };
}

/** The docx Document of a report (pure, no I/O): ND 30 layout, the same ReportDocument the PDF renders. */
export function buildReportDocx(input: ReportDocument, opts: DocxOptions = {}): Document {
  const doc = normalizeDocument(input);
  const year = documentYear(doc, opts.now);
  const notes = new DocxFootnotes();
  const ctx: DocxBodyContext = { notes, width: textWidth(false) };
  const main: ISectionOptions = {
    properties: { page: page(false, PORTRAIT), titlePage: true },
    headers: numberedHeaders(),
    children: [
      headerTable(doc, year),
      ...titleParagraphs(doc),
      ...blocksToDocx(ctx, doc.opening),
      ...blocksToDocx(ctx, doc.body),
      ...closingParagraph(doc),
      closingTable(doc),
    ],
  };
  // Each annex is its own section, numbered on its own from its second page, landscape when its tables are wide.
  const annexes: ISectionOptions[] = doc.annexes.map((annex, i) => {
    const landscape = annexIsLandscape(annex);
    return {
      properties: { page: page(landscape, landscape ? LANDSCAPE : PORTRAIT), titlePage: true },
      headers: numberedHeaders(),
      children: annexElements({ notes, width: textWidth(landscape) }, doc, annex, i, year),
    };
  });
  return new Document({
    creator: 'Trình Ký',
    title: [doc.kind, ...doc.subject].join(' ').trim(),
    styles: {
      default: {
        document: { run: { font: FONT, size: halfPoints(PT.body) }, paragraph: { spacing: { after: 0 } } },
      },
    },
    footnotes: notes.toOptions(),
    sections: [main, ...annexes],
  });
}

/** The report as .docx bytes. */
export async function renderReportDocx(input: ReportDocument, opts: DocxOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocx(input, opts));
}
