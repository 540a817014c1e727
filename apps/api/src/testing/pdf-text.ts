/**
 * Reads a PDF's text back with pdf.js (the real parser), page by page. Pieces that touch on the same
 * line are joined without a space (pdfmake splits "01/BC-UBND" at "/" and "-"). pdf.js's text content
 * is the page content only: the text of the page's FreeText annotations (the number and date the
 * văn thư's incremental update writes at `issue`) is read from `getAnnotations()` and appended.
 */
export async function pdfText(bytes: Buffer): Promise<string[]> {
  interface Item {
    str?: string;
    width?: number;
    transform?: number[];
  }
  interface PdfDoc {
    numPages: number;
    getPage(n: number): Promise<{
      getTextContent(): Promise<{ items: Item[] }>;
      getAnnotations(): Promise<{ subtype?: string; contentsObj?: { str?: string } }[]>;
    }>;
  }
  const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
    getDocument(src: { data: Uint8Array; disableFontFace?: boolean; verbosity?: number }): { promise: Promise<PdfDoc> };
  };
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const { items } = await page.getTextContent();
    let out = '';
    let prev: { x: number; y: number } | null = null;
    for (const it of items) {
      if (!it.str || !it.transform) continue;
      const x = it.transform[4];
      const y = it.transform[5];
      const touching = prev && Math.abs(prev.y - y) < 0.5 && Math.abs(prev.x - x) < 1;
      out += (out && !touching ? ' ' : '') + it.str;
      prev = { x: x + (it.width ?? 0), y };
    }
    for (const a of await page.getAnnotations()) if (a.subtype === 'FreeText' && a.contentsObj?.str) out += ` ${a.contentsObj.str}`;
    pages.push(out.replace(/\s+/g, ' ').normalize('NFC'));
  }
  return pages;
}
