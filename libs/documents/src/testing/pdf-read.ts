/** Reads a PDF back with pdfjs-dist (tests only): text items with positions, page sizes, fonts. */

export interface PdfTextItem {
  str: string;
  x: number;
  /** Distance from the top of the page, in points. */
  y: number;
  width: number;
  height: number;
  fontName: string;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Items merged into runs on one baseline (gaps under 12 pt), in reading order. */
  segments: PdfTextItem[];
  text: string;
}

/** Merges text items on the same baseline into segments, splitting at wide gaps (columns). */
export function toSegments(items: PdfTextItem[], gap = 12): PdfTextItem[] {
  const byY = items.filter((i) => i.str.length).sort((a, b) => a.y - b.y);
  const lines: PdfTextItem[][] = [];
  for (const it of byY) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - it.y) <= 2) line.push(it);
    else lines.push([it]);
  }
  const out: PdfTextItem[] = [];
  for (const line of lines) {
    let last: PdfTextItem | undefined;
    for (const it of line.sort((a, b) => a.x - b.x)) {
      if (!it.str.trim() && it.width >= gap) {
        last = undefined; // a wide gap filled with a space by pdf.js: a column break
        continue;
      }
      const space = last ? it.x - (last.x + last.width) : Infinity;
      if (last && space < gap) {
        const sep = space > 1 && !last.str.endsWith(' ') && !it.str.startsWith(' ') ? ' ' : '';
        last.str += sep + it.str;
        last.width = it.x + it.width - last.x;
      } else {
        last = { ...it };
        out.push(last);
      }
    }
  }
  return out;
}

export interface PdfReadResult {
  pages: PdfPage[];
  fontNames: string[];
  /** True when every font used has an embedded font program. */
  fontsEmbedded: boolean;
}

interface PdfJs {
  getDocument(src: { data: Uint8Array; disableFontFace?: boolean; verbosity?: number; useSystemFonts?: boolean }): {
    promise: Promise<PdfDoc>;
  };
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
  destroy(): Promise<void>;
}
interface PdfPageProxy {
  view: number[];
  getTextContent(): Promise<{ items: { str: string; transform: number[]; width: number; height: number; fontName: string }[] }>;
  getOperatorList(): Promise<unknown>;
  commonObjs: { get(id: string): { name?: string; missingFile?: boolean } | undefined; has(id: string): boolean };
}

const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as PdfJs;

export async function readPdf(buffer: Buffer): Promise<PdfReadResult> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), disableFontFace: true, verbosity: 0, useSystemFonts: false }).promise;
  const pages: PdfPage[] = [];
  const fonts = new Map<string, boolean>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const height = y1 - y0;
    const content = await page.getTextContent();
    const items: PdfTextItem[] = content.items
      .filter((i) => typeof i.str === 'string')
      .map((i) => ({ str: i.str, x: i.transform[4], y: height - i.transform[5], width: i.width, height: i.height, fontName: i.fontName }));
    if (n === 1 || n === doc.numPages) {
      await page.getOperatorList();
      for (const id of new Set(items.map((i) => i.fontName))) {
        if (page.commonObjs.has(id)) {
          const f = page.commonObjs.get(id);
          fonts.set(f?.name ?? id, !f?.missingFile);
        }
      }
    }
    pages.push({ number: n, width: x1 - x0, height, items, segments: toSegments(items), text: items.map((i) => i.str).join(' ') });
  }
  await doc.destroy();
  return { pages, fontNames: [...fonts.keys()], fontsEmbedded: fonts.size > 0 && [...fonts.values()].every(Boolean) };
}

// Word lists and their in-order comparison live in the library (the .docx round trip measures with them too).
export { inOrderCoverage, lcsLength, words } from '../lib/text/words';
