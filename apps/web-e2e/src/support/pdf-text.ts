/** Text of a PDF, read with pdfjs-dist (the page's own rendering is not trusted for this). */
export async function pdfText(bytes: Buffer): Promise<string> {
  // Text extraction needs no canvas: stand-ins keep pdfjs from looking for the optional `canvas` package.
  const g = globalThis as Record<string, unknown>;
  g['DOMMatrix'] ??= class DOMMatrix {};
  g['Path2D'] ??= class Path2D {};
  const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
    getDocument(src: { data: Uint8Array; isEvalSupported?: boolean; verbosity?: number }): {
      promise: Promise<{
        numPages: number;
        destroy(): Promise<void>;
        getPage(n: number): Promise<{
          getTextContent(): Promise<{ items: { str?: string; hasEOL?: boolean }[] }>;
          getAnnotations(): Promise<{ subtype?: string; contentsObj?: { str?: string } }[]>;
        }>;
      }>;
    };
  };
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    // pdf.js's text content is the page content only: the number and date the văn thư's incremental
    // update writes at `issue` are FreeText annotations, read from their /Contents.
    const notes = (await page.getAnnotations())
      .filter((a) => a.subtype === 'FreeText' && a.contentsObj?.str)
      .map((a) => a.contentsObj?.str);
    pages.push([content.items.map((it) => (it.str ?? '') + (it.hasEOL ? '\n' : '')).join(''), ...notes].join('\n'));
  }
  await doc.destroy();
  return pages.join('\n').normalize('NFC');
}
