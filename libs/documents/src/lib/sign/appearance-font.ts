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
  layout(text: string): { glyphs: FkGlyph[] };
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

/**
 * A Tinos subset embedded as a Type0 / CIDFontType2 font (Identity-H, a ToUnicode map so text
 * extraction reads the Vietnamese back). Show every text first, then `write` once.
 */
export class SubsetFont {
  private readonly font: FkFont;
  private readonly subset: ReturnType<FkFont['createSubset']>;
  private readonly used = new Map<number, { cid: number; width: number; text: string }>();
  readonly resourceName: string;

  constructor(style: FontStyle, resourceName: string) {
    this.font = fontFile(style);
    this.subset = this.font.createSubset();
    this.resourceName = resourceName;
  }

  private scale(v: number): number {
    return Math.round((v * 1000) / this.font.unitsPerEm);
  }

  /** The hex glyph string of `text` for a `Tj`, and its width at 1 pt. */
  show(text: string): { hex: string; width: number } {
    let hex = '';
    let width = 0;
    for (const g of this.font.layout(text.normalize('NFC')).glyphs) {
      let u = this.used.get(g.id);
      if (!u) {
        u = { cid: this.subset.includeGlyph(g), width: this.scale(g.advanceWidth), text: String.fromCodePoint(...g.codePoints) };
        this.used.set(g.id, u);
      }
      hex += u.cid.toString(16).padStart(4, '0');
      width += u.width / 1000;
    }
    return { hex: `<${hex}>`, width };
  }

  /** Writes the font objects into the update; returns the Type0 font's object number. */
  write(update: IncrementalUpdate): number {
    const f = this.font;
    const tag = 'TKSIG' + String.fromCharCode(65 + (this.resourceName.charCodeAt(this.resourceName.length - 1) % 26));
    const baseName = `${tag}+${f.postscriptName.replace(/[^\x21-\x7e]|[/()<>[\]{}%#]/g, '')}`;
    const program = Buffer.from(this.subset.encode());
    const fontFile2 = update.add({ dict: `<<\n/Length1 ${program.length}\n>>`, stream: program });
    const b = f.bbox;
    const descriptor = update.add(
      `<<\n/Type /FontDescriptor\n/FontName /${baseName}\n/Flags 32\n/FontBBox [${[b.minX, b.minY, b.maxX, b.maxY].map((v) => this.scale(v)).join(' ')}]\n` +
        `/ItalicAngle 0\n/Ascent ${this.scale(f.ascent)}\n/Descent ${this.scale(f.descent)}\n/CapHeight ${this.scale(f.capHeight)}\n/StemV 80\n/FontFile2 ${fontFile2} 0 R\n>>`,
    );
    const byCid = [...this.used.values()].sort((a, c) => a.cid - c.cid);
    const widths = byCid.map((u) => `${u.cid} [${u.width}]`).join(' ');
    const cidFont = update.add(
      `<<\n/Type /Font\n/Subtype /CIDFontType2\n/BaseFont /${baseName}\n/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>\n` +
        `/FontDescriptor ${descriptor} 0 R\n/W [${widths}]\n/CIDToGIDMap /Identity\n>>`,
    );
    const utf16 = (s: string) => Buffer.from(s, 'utf16le').swap16().toString('hex');
    const entries = byCid.map((u) => `<${u.cid.toString(16).padStart(4, '0')}> <${utf16(u.text)}>`);
    const chunks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const part = entries.slice(i, i + 100);
      chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
    }
    const cmap =
      '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
      '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n' +
      `${chunks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
    const toUnicode = update.add({ dict: '<<\n>>', stream: Buffer.from(cmap, 'latin1') });
    return update.add(
      `<<\n/Type /Font\n/Subtype /Type0\n/BaseFont /${baseName}\n/Encoding /Identity-H\n/DescendantFonts [${cidFont} 0 R]\n/ToUnicode ${toUnicode} 0 R\n>>`,
    );
  }
}
