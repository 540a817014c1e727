/**
 * Parsed fonts and shaped words shared by every PDF this process renders.
 *
 * PINNED to pdfmake 0.3.11, pdfkit 0.19.1 and fontkit 2.0.4 (shared-fonts.spec.ts fails when
 * any of them, or an internal used here, changes). Without this, each pdfmake document reads and
 * parses the TTFs again (pdfkit's `PDFFontFactory.open` → `fontkit.create`), decodes their
 * GSUB/GPOS/glyf tables again, and reshapes every word (pdfkit's `EmbeddedFont.layoutCache` is
 * per document).
 *
 * How: pdfmake's `PDFDocument.provideFont` (once per document and face) is wrapped. Before pdfmake
 * asks pdfkit for a registered face (`doc.font(path)`), an `EmbeddedFont` is built over the
 * process's one fontkit font for that file and put in pdfkit's `_fontFamilies` under the same
 * key, id (`F<n>`) and order pdfkit would have used; pdfkit then finds it there. Per document stay:
 * the `EmbeddedFont` itself, its subset (each PDF embeds only its own glyphs), its widths and
 * ToUnicode map. Shared: the fontkit font (tables and glyph objects) and the shaped runs of plain
 * words (`layoutCached`, no OpenType features), capped at RUNS_PER_FONT per face, oldest dropped.
 *
 * ToUnicode: pdfkit takes a glyph's code points from the fontkit glyph object, which keeps the
 * code points it was FIRST created with, and fontkit also creates glyphs with no code points (the
 * base letter of a decomposed "ề", a subset's composite parts). Per document the first use used to
 * win; shared, the first use in the process would, and a later document's "e" came out as "" or
 * another letter in pdf.js. So each shared font is warmed once (warmUp): every cmap glyph is
 * created with its own code point before any document uses it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Shaped words kept per face (≈ 1,4 KB each, measured): ≤ ≈ 7 MB a face, ≈ 27 MB if all four fill.
 * The three seeds together use 3 552 (2 668 of them in the regular face).
 */
export const RUNS_PER_FONT = 5_000;
let runsPerFont = RUNS_PER_FONT;
/** Shaped first, so the ligature glyphs keep the letters they are formed from (not U+FB01 or a PUA code). */
const LIGATURES = 'fi fl ff ffi ffl';

interface GlyphRun {
  advanceWidth: number;
}
interface FontkitFont {
  postscriptName: string;
  characterSet: number[];
  layout(text: string): GlyphRun;
  glyphForCodePoint(cp: number): unknown;
}
interface EmbeddedFont {
  name: string;
  font: FontkitFont;
  layoutCache?: unknown;
  layoutRun(text: string): GlyphRun;
  layoutCached(text: string): GlyphRun;
}
type EmbeddedFontClass = new (doc: PdfkitDoc, font: FontkitFont, id: string) => EmbeddedFont;
interface PdfkitDoc {
  options: { fontLayoutCache?: boolean };
  _fontCount: number;
  _fontFamilies: Record<string, EmbeddedFont | undefined>;
  _font: EmbeddedFont;
  font(src: string | Buffer): PdfkitDoc;
}
interface PdfmakeDoc extends PdfkitDoc {
  fonts: Record<string, Record<string, string | string[] | undefined> | undefined>;
  fontCache: Record<string, Record<string, unknown> | undefined>;
  getFontType(bold: boolean, italics: boolean): string;
  validateLocalFile(p: unknown): void;
}
type PdfmakeDocClass = (new (...args: unknown[]) => PdfmakeDoc) & {
  prototype: PdfmakeDoc & { provideFont(family: string, bold: boolean, italics: boolean): unknown };
};

interface Shared {
  EmbeddedFont: EmbeddedFontClass;
  font: FontkitFont;
  runs: Map<string, GlyphRun>;
}

const shared = new Map<string, Shared>();
const files = new Set<string>();
let enabled = true;
let installed = false;

/** pdfmake's pdfkit document class (a subclass of pdfkit's PDFDocument). */
export function pdfmakeDocumentClass(): PdfmakeDocClass {
  return (require('pdfmake/js/PDFDocument') as { default: PdfmakeDocClass }).default;
}

function sharedFor(file: string): Shared {
  let s = shared.get(file);
  if (!s) {
    // A throwaway document parses the file once; its EmbeddedFont gives the class and the fontkit font.
    const Doc = pdfmakeDocumentClass();
    const probe = new Doc({}, {}, {}, {}, { autoFirstPage: false }).font(fs.readFileSync(file))._font;
    warmUp(probe.font);
    s = { EmbeddedFont: probe.constructor as EmbeddedFontClass, font: probe.font, runs: new Map() };
    shared.set(file, s);
  }
  return s;
}

/**
 * Creates every glyph object of the font once, each with its own code point (the lowest, when two
 * map to one glyph: U+0020 before U+00A0, U+002D before U+00AD), ligatures first as shaped.
 */
function warmUp(font: FontkitFont): void {
  font.layout(LIGATURES);
  for (const cp of [...font.characterSet].sort((a, b) => a - b)) font.glyphForCodePoint(cp);
}

/** The same steps as pdfkit's `font(src)` for a new face, over the shared fontkit font. */
function preload(doc: PdfkitDoc, file: string): void {
  const s = sharedFor(file);
  if (doc._fontFamilies[file] || doc._fontFamilies[s.font.postscriptName]) return; // pdfkit's own path
  const embedded = new s.EmbeddedFont(doc, s.font, `F${++doc._fontCount}`);
  embedded.layoutCache = undefined;
  const runs = s.runs;
  embedded.layoutCached = function (this: EmbeddedFont, text: string): GlyphRun {
    let run = runs.get(text);
    if (run === undefined) {
      run = this.layoutRun(text);
      if (runs.size >= runsPerFont) runs.delete(runs.keys().next().value as string);
      runs.set(text, run);
    }
    return run;
  };
  doc._fontFamilies[file] = embedded;
  if (embedded.name && !doc._fontFamilies[embedded.name]) doc._fontFamilies[embedded.name] = embedded;
}

/** Shares the parsed fonts and shaped words of these TTF files across every later pdfmake document. */
export function shareFonts(paths: readonly string[]): void {
  for (const p of paths) files.add(path.resolve(p));
  if (installed) return;
  installed = true;
  const proto = pdfmakeDocumentClass().prototype;
  const provideFont = proto.provideFont;
  proto.provideFont = function (this: PdfmakeDoc, family: string, bold: boolean, italics: boolean): unknown {
    const type = this.getFontType(bold, italics);
    const def = this.fonts[family]?.[type];
    const src = Array.isArray(def) ? def[0] : def;
    if (enabled && typeof src === 'string' && !this.fontCache[family]?.[type] && this.options.fontLayoutCache !== false) {
      const file = path.resolve(src);
      if (files.has(file) && file === src) {
        this.validateLocalFile(src);
        preload(this, file);
      }
    }
    return provideFont.call(this, family, bold, italics);
  };
}

/** Tests: render with pdfkit's own per-document fonts (false) or the shared ones (true). */
export function setFontSharing(on: boolean): void {
  enabled = on;
}

/** Tests: a smaller cap on the shaped words kept per face. */
export function setRunsPerFont(n: number): void {
  runsPerFont = n;
  for (const s of shared.values()) while (s.runs.size > n) s.runs.delete(s.runs.keys().next().value as string);
}

/** Tests and benchmarks: the shaped words kept per face file. */
export function sharedRunCounts(): Record<string, number> {
  return Object.fromEntries([...shared].map(([file, s]) => [path.basename(file), s.runs.size]));
}
