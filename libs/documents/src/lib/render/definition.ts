import type { ReportDocument } from '@trinhky/domain';
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { annexIsLandscape, buildAnnexContent } from './annex';
import { blocksToContent, type BodyContext } from './body';
import { buildClosingBlock, buildClosingParagraph, SIGNATURE_COLUMN_RATIO, SIGNATURE_IMAGE, signatureRoomHeight } from './closing';
import { slotCollector, type DocumentSlots } from './slots';
import { footnoteFooter, footnoteReserve } from './footnotes';
import { buildHeader, buildTitle, documentYear } from './header';
import {
  contentWidth,
  FONT,
  HEADER_LEFT_WIDTH,
  LANDSCAPE_MARGINS,
  LINE_HEIGHT,
  marginsArray,
  PORTRAIT_MARGINS,
  SIZE,
  type PageMargins,
} from './layout';
import { FootnoteCollector } from './text';

export interface RenderOptions {
  /** Used for the year of an undated document (defaults to now). */
  now?: Date;
  /** Leave the Số and date lines of an unnumbered document blank (they are filled at `issue`, over the signed bytes). */
  blankIssueSlots?: boolean;
  /** Receives the positions of the slots (number, date, signature room) once laid out. */
  slots?: DocumentSlots;
}

/** Deep NFC normalisation of every string of the document (data URLs left as they are). */
export function normalizeDocument<T>(value: T): T {
  if (typeof value === 'string') return (value.startsWith('data:') ? value : value.normalize('NFC')) as T;
  if (Array.isArray(value)) return value.map((v) => normalizeDocument(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalizeDocument(v);
    return out as T;
  }
  return value;
}

function pageNumber(n: number, margins: PageMargins): Content {
  return { text: String(n), alignment: 'center', fontSize: SIZE.pageNumber, margin: [margins.left, margins.top / 2 - 4, margins.right, 0] };
}

/** Page numbers of the main part: centred in the top margin from page 2. */
function mainHeader(margins: PageMargins): DynamicContent {
  return (currentPage) => (currentPage > 1 ? pageNumber(currentPage, margins) : null);
}

/** Annex pages are numbered on their own: the first call of a layout pass records the annex's first page. */
function annexHeader(margins: PageMargins): DynamicContent {
  let start = 0;
  let last = Number.POSITIVE_INFINITY;
  return (currentPage) => {
    if (currentPage <= last) start = currentPage;
    last = currentPage;
    const n = currentPage - start + 1;
    return n > 1 ? pageNumber(n, margins) : null;
  };
}

/** The pdfmake definition of a whole report (pure: no I/O). */
export function buildReportDefinition(input: ReportDocument, opts: RenderOptions = {}): TDocumentDefinitions {
  const doc = normalizeDocument(input);
  const year = documentYear(doc, opts.now);
  const width = contentWidth(PORTRAIT_MARGINS);
  const ctx: BodyContext = { footnotes: new FootnoteCollector(), marked: [], width };

  const main: Content[] = [
    buildHeader(doc, width - HEADER_LEFT_WIDTH, year, opts.blankIssueSlots),
    ...buildTitle(doc, width),
    ...blocksToContent(ctx, doc.opening),
    ...blocksToContent(ctx, doc.body),
    ...buildClosingParagraph(doc),
    buildClosingBlock(doc, width),
  ];
  const mainNotes = ctx.footnotes.notes.length;

  const annexSections = doc.annexes.map((annex, i) => {
    const landscape = annexIsLandscape(annex);
    const before = ctx.footnotes.notes.length;
    const ctxAnnex: BodyContext = { ...ctx, width: contentWidth(landscape ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS, landscape) };
    const content = buildAnnexContent(ctxAnnex, doc, annex, i, year);
    return { landscape, content, hasNotes: ctx.footnotes.notes.length > before };
  });

  const reserve = footnoteReserve(ctx.footnotes.notes, width);
  const withReserve = (m: PageMargins, has: boolean): PageMargins => (has ? { ...m, bottom: m.bottom + reserve } : m);
  const mainMargins = withReserve(PORTRAIT_MARGINS, mainNotes > 0);

  const sections: Content[] = [
    {
      section: main,
      pageSize: 'A4',
      pageOrientation: 'portrait',
      pageMargins: marginsArray(mainMargins),
      header: mainHeader(mainMargins),
    } as Content,
    ...annexSections.map((a) => {
      const m = withReserve(a.landscape ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS, a.hasNotes);
      return {
        section: a.content,
        pageSize: 'A4',
        pageOrientation: a.landscape ? 'landscape' : 'portrait',
        pageMargins: marginsArray(m),
        header: annexHeader(m),
      } as Content;
    }),
  ];

  const footer = ctx.footnotes.notes.length
    ? footnoteFooter({
        notes: ctx.footnotes.notes,
        marked: ctx.marked,
        reserve,
        marginsFor: (l) => (l ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS),
        widthFor: (l) => contentWidth(l ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS, l),
      })
    : undefined;

  const signatureWidth = width * SIGNATURE_COLUMN_RATIO;
  const collector = slotCollector({
    rightWidth: width - HEADER_LEFT_WIDTH,
    signatureColumn: { left: mainMargins.left + width - signatureWidth, width: signatureWidth },
    roomWidth: SIGNATURE_IMAGE.width,
    titleLines: doc.signature?.lines.length ?? 0,
    titleSize: SIZE.body,
    roomHeight: signatureRoomHeight(doc.signature),
  });
  return {
    ...(opts.slots
      ? {
          pageBreakBefore: (node: Parameters<typeof collector.pageBreakBefore>[0]) => {
            const r = collector.pageBreakBefore(node);
            Object.assign(opts.slots as DocumentSlots, collector.slots);
            return r;
          },
        }
      : {}),
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: marginsArray(mainMargins),
    info: { title: [doc.kind, ...doc.subject].join(' ').trim(), creator: 'Trình Ký', producer: 'Trình Ký (pdfmake)' },
    language: 'vi-VN',
    defaultStyle: { font: FONT, fontSize: SIZE.body, lineHeight: 1 },
    footer,
    content: sections,
  } as TDocumentDefinitions;
}

export { LINE_HEIGHT };
