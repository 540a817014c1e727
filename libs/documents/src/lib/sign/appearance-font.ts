import { deflateSync } from 'node:zlib';
import { tinosFonts } from '../render/render';
import type { IncrementalUpdate } from './incremental';

/*
 * fontkit comes with pdfmake (through pdfkit); it lays out and subsets the TrueType font the
 * annotations' appearance streams show (Vietnamese needs more than the standard 14 fonts' WinAnsi).
 */
interface FkGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
interface FkFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  postscriptName: string;
  glyphForCodePoint(cp: number): FkGlyph;
  createSubset(): { includeGlyph(g: FkGlyph): number; encode(): Uint8Array };
}
const fontkit = require('fontkit') as { openSync(path: string): FkFont };

export type FontStyle = 'normal' | 'bold' | 'italics';
const cache = new Map<FontStyle, FkFont>();

function fontFile(style: FontStyle): FkFont {
  let f = cache.get(style);
  if (!f) {
    const files = Object.values(tinosFonts())[0];
    f = fontkit.openSync(files[style]);
    cache.set(style, f);
  }
  return f;
}

/** Every letter of Vietnamese (NFC, both cases) and printable ASCII: what appearance text may contain. */
const VIETNAMESE = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const REPERTOIRE = [
  ...new Set([
    ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
    ...VIETNAMESE,
    ...VIETNAMESE.toUpperCase(),
    '–',
    '’',
    '“',
    '”',
  ]),
];

interface Prepared {
  font: FkFont;
  /** The subset's TrueType program, deflated once. */
  program: Buffer;
  programLength: number;
  byChar: Map<string, { cid: number; width: number }>;
  widths: string;
  toUnicode: Buffer;
}
const prepared = new Map<FontStyle, Prepared>();

/**
 * One subset per style for the whole process: fontkit's subset encoder costs ~80 ms a call, so the
 * repertoire is encoded once (~25 KB deflated per style) and every update embeds the same program.
 */
function prepare(style: FontStyle): Prepared {
  const done = prepared.get(style);
  if (done) return done;
  const font = fontFile(style);
  const subset = font.createSubset();
  const scale = (v: number) => Math.round((v * 1000) / font.unitsPerEm);
  const byChar = new Map<string, { cid: number; width: number }>();
  const byGlyph = new Map<number, { cid: number; width: number }>();
  const entries: string[] = [];
  const widths: string[] = [];
  for (const ch of REPERTOIRE) {
    const g = font.glyphForCodePoint(ch.codePointAt(0) as number);
    if (!g.id) continue; // not in the font
    let u = byGlyph.get(g.id);
    if (!u) {
      u = { cid: subset.includeGlyph(g), width: scale(g.advanceWidth) };
      byGlyph.set(g.id, u);
      widths.push(`${u.cid} [${u.width}]`);
      entries.push(`<${u.cid.toString(16).padStart(4, '0')}> <${Buffer.from(ch, 'utf16le').swap16().toString('hex')}>`);
    }
    byChar.set(ch, u);
  }
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  const cmap =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n' +
    `${chunks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
  const raw = Buffer.from(subset.encode());
  const p: Prepared = {
    font,
    program: deflateSync(raw),
    programLength: raw.length,
    byChar,
    widths: widths.join(' '),
    toUnicode: deflateSync(Buffer.from(cmap, 'latin1')),
  };
  prepared.set(style, p);
  return p;
}

/**
 * A Tinos subset embedded as a Type0 / CIDFontType2 font (Identity-H, a ToUnicode map so text
 * extraction reads the Vietnamese back). A character outside the repertoire is shown as a space.
 */
export class SubsetFont {
  private readonly p: Prepared;
  readonly resourceName: string;

  constructor(style: FontStyle, resourceName: string) {
    this.p = prepare(style);
    this.resourceName = resourceName;
  }

  /** The hex glyph string of `text` for a `Tj`, and its width at 1 pt. */
  show(text: string): { hex: string; width: number } {
    let hex = '';
    let width = 0;
    const space = this.p.byChar.get(' ') as { cid: number; width: number };
    for (const ch of text.normalize('NFC').replace(/\u00a0/g, ' ')) {
      const u = this.p.byChar.get(ch) ?? space;
      hex += u.cid.toString(16).padStart(4, '0');
      width += u.width / 1000;
    }
    return { hex: `<${hex}>`, width };
  }

  /** Writes the font objects into the update; returns the Type0 font's object number. */
  write(update: IncrementalUpdate): number {
    const { font: f, program, programLength, widths, toUnicode } = this.p;
    const scale = (v: number) => Math.round((v * 1000) / f.unitsPerEm);
    const tag = 'TKSIG' + String.fromCharCode(65 + (this.resourceName.charCodeAt(this.resourceName.length - 1) % 26));
    const baseName = `${tag}+${f.postscriptName.replace(/[^\x21-\x7e]|[/()<>[\]{}%#]/g, '')}`;
    const fontFile2 = update.add({ dict: `<<\n/Length1 ${programLength}\n/Filter /FlateDecode\n>>`, stream: program, raw: true });
    const b = f.bbox;
    const descriptor = update.add(
      `<<\n/Type /FontDescriptor\n/FontName /${baseName}\n/Flags 32\n/FontBBox [${[b.minX, b.minY, b.maxX, b.maxY].map(scale).join(' ')}]\n` +
        `/ItalicAngle 0\n/Ascent ${scale(f.ascent)}\n/Descent ${scale(f.descent)}\n/CapHeight ${scale(f.capHeight)}\n/StemV 80\n/FontFile2 ${fontFile2} 0 R\n>>`,
    );
    const cidFont = update.add(
      `<<\n/Type /Font\n/Subtype /CIDFontType2\n/BaseFont /${baseName}\n/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>\n` +
        `/FontDescriptor ${descriptor} 0 R\n/W [${widths}]\n/CIDToGIDMap /Identity\n>>`,
    );
    const cmap = update.add({ dict: '<<\n/Filter /FlateDecode\n>>', stream: toUnicode, raw: true });
    return update.add(
      `<<\n/Type /Font\n/Subtype /Type0\n/BaseFont /${baseName}\n/Encoding /Identity-H\n/DescendantFonts [${cidFont} 0 R]\n/ToUnicode ${cmap} 0 R\n>>`,
    );
  }
}

/** Encodes the appearance fonts' subsets now (≈ 80 ms a style, once per process), so no signature waits for it. */
export function warmAppearanceFonts(styles: FontStyle[] = ['normal', 'italics']): void {
  for (const s of styles) prepare(s);
}
