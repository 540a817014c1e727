/** Reads a PDF's text back with pdf.js (the real parser), page by page. */
export async function pdfText(bytes: Buffer): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
    getDocument(src: { data: Uint8Array; useSystemFonts?: boolean; disableFontFace?: boolean; verbosity?: number }): { promise: Promise<PdfDoc> };
  };
  interface PdfDoc {
    numPages: number;
    getPage(n: number): Promise<{ getTextContent(): Promise<{ items: { str?: string }[] }> }>;
  }
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => it.str ?? '').join(' ').replace(/\s+/g, ' ').normalize('NFC'));
  }
  return pages;
}
