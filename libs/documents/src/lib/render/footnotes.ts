import type { Content, DynamicContent } from 'pdfmake/interfaces';
import type { MarkedNode } from './body';
import { SIZE } from './layout';
import type { FootnoteRef } from './text';

/**
 * Footnotes at the foot of the page of their marker.
 *
 * pdfmake has no footnotes. It lays out the body first and the footers afterwards, in the same
 * pass, and it lays out our own content objects in place: each text node receives `positions`,
 * one per line, with its page number. So the footer callback can find on which line — hence on
 * which page — each marker landed (the marker's character offset within its paragraph picks the
 * line), and print that page's notes. The footer area is the bottom margin, so the bottom margin
 * of documents with footnotes grows by a reserve sized for the longest pair of notes; notes that
 * do not fit continue on the next page's foot, as word processors do.
 */

const LINE = SIZE.footnote * 1.15;
const AVG_CHAR_WIDTH = SIZE.footnote * 0.46;
const RULE_SPACE = 8;

export function estimateNoteHeight(text: string, width: number): number {
  const lines = Math.max(1, Math.ceil(((text.length + 3) * AVG_CHAR_WIDTH) / width));
  return lines * LINE + 2;
}

/** Extra bottom margin for the footnote area: room for the two longest consecutive notes, capped. */
export function footnoteReserve(notes: FootnoteRef[], width: number): number {
  if (!notes.length) return 0;
  const h = notes.map((n) => estimateNoteHeight(n.text, width));
  let best = h[0];
  for (let i = 0; i + 1 < h.length; i++) best = Math.max(best, h[i] + h[i + 1]);
  return Math.min(Math.ceil(best + RULE_SPACE), 170);
}

/** Page of each footnote marker, from the positions pdfmake wrote on the marked nodes. */
export function markerPages(marked: MarkedNode[]): Map<number, number> {
  const pages = new Map<number, number>();
  for (const m of marked) {
    const positions = m.node.positions;
    if (!positions || !positions.length) continue;
    for (const mk of m.markers) {
      const line = Math.min(positions.length - 1, Math.floor(mk.fraction * positions.length));
      pages.set(mk.number, positions[line].pageNumber);
    }
  }
  return pages;
}

export interface FootnoteFooterOptions {
  notes: FootnoteRef[];
  marked: MarkedNode[];
  /** Left/right margins of the text column by page orientation. */
  marginsFor: (landscape: boolean) => { left: number; right: number };
  widthFor: (landscape: boolean) => number;
  reserve: number;
}

/** Footer callback printing each page's footnotes (pdfmake calls it page by page, in order, after the body). */
export function footnoteFooter(opts: FootnoteFooterOptions): DynamicContent {
  let lastPage = Number.POSITIVE_INFINITY;
  let byPage = new Map<number, number[]>();
  let carry: number[] = [];
  const textOf = new Map(opts.notes.map((n) => [n.number, n.text]));
  return (currentPage, _pageCount, pageSize) => {
    if (currentPage <= lastPage) {
      // A new layout pass: read the markers' pages afresh.
      byPage = new Map();
      for (const [n, p] of markerPages(opts.marked)) byPage.set(p, [...(byPage.get(p) ?? []), n]);
      carry = [];
    }
    lastPage = currentPage;
    const landscape = pageSize.orientation === 'landscape';
    const width = opts.widthFor(landscape);
    const due = [...carry, ...(byPage.get(currentPage) ?? [])].sort((a, b) => a - b);
    if (!due.length) return null;
    const shown: number[] = [];
    let used = RULE_SPACE;
    for (const n of due) {
      const h = estimateNoteHeight(textOf.get(n) ?? '', width);
      if (shown.length && used + h > opts.reserve) break;
      shown.push(n);
      used += h;
    }
    carry = due.slice(shown.length);
    const { left, right } = opts.marginsFor(landscape);
    const content: Content = {
      margin: [left, 2, right, 0],
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width / 3, y2: 0, lineWidth: 0.5 }], margin: [0, 0, 0, 3] },
        ...shown.map((n) => ({
          text: [{ text: String(n), sup: true, fontSize: 8 }, { text: ` ${textOf.get(n) ?? ''}` }],
          fontSize: SIZE.footnote,
          alignment: 'justify' as const,
          lineHeight: 1.0,
        })),
      ],
    };
    return content;
  };
}
