/**
 * Rasterises PDF pages to PNG (tests only): pdfjs-dist draws on @napi-rs/canvas (prebuilt from npm,
 * no system library). Used to save page 1 and the last page of every seed under test-output/samples/
 * for review; reviewed copies live in docs/samples/.
 */
import { DOMMatrix, ImageData, Path2D, createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';

// pdf.js draws glyph outlines with these; in Node they must exist before it loads.
Object.assign(globalThis, { Path2D, DOMMatrix, ImageData });

interface CanvasAndContext {
  canvas: Canvas;
  context: SKRSContext2D;
}

class NapiCanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    const canvas = createCanvas(Math.max(1, Math.ceil(width)), Math.max(1, Math.ceil(height)));
    return { canvas, context: canvas.getContext('2d') };
  }
  reset(c: CanvasAndContext, width: number, height: number): void {
    c.canvas.width = Math.ceil(width);
    c.canvas.height = Math.ceil(height);
  }
  destroy(c: CanvasAndContext): void {
    c.canvas.width = 0;
    c.canvas.height = 0;
  }
}

interface PdfJs {
  getDocument(src: { data: Uint8Array; disableFontFace: boolean; verbosity: number; canvasFactory: NapiCanvasFactory }): {
    promise: Promise<PdfDoc>;
  };
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<{
    getViewport(o: { scale: number }): { width: number; height: number };
    render(o: { canvasContext: SKRSContext2D; viewport: unknown; canvasFactory: NapiCanvasFactory }): { promise: Promise<void> };
  }>;
  destroy(): Promise<void>;
}

const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as PdfJs;

export interface RasterPage {
  number: number;
  png: Buffer;
  /** Share of pixels that are not white (0–1): a blank page is ≈ 0. */
  ink: number;
}

/** Renders the given pages (1-based; negative counts from the end) at `scale` (1 = 72 dpi). */
export async function rasterPages(pdf: Buffer, pages: number[], scale = 1.2): Promise<RasterPage[]> {
  const factory = new NapiCanvasFactory();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, verbosity: 0, canvasFactory: factory }).promise;
  try {
    const out: RasterPage[] = [];
    for (const wanted of pages) {
      const number = wanted < 0 ? doc.numPages + 1 + wanted : wanted;
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale });
      const { canvas, context } = factory.create(viewport.width, viewport.height);
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvasContext: context, viewport, canvasFactory: factory }).promise;
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 600) dark++;
      out.push({ number, png: await canvas.encode('png'), ink: dark / (pixels.length / 4) });
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
