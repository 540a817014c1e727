import { SubsetFont, type FontStyle } from './appearance-font';
import type { PdfImageData } from './png-image';

/** The fonts one incremental update embeds (one subset per style, created when first used). */
export class AppearanceFonts {
  private readonly fonts = new Map<FontStyle, SubsetFont>();
  get(style: FontStyle): SubsetFont {
    let f = this.fonts.get(style);
    if (!f) {
      f = new SubsetFont(style, `TK${style[0].toUpperCase()}`);
      this.fonts.set(style, f);
    }
    return f;
  }
  all(): SubsetFont[] {
    return [...this.fonts.values()];
  }
}

/** A form XObject's content, drawn in a box of `width` × `height` (points). */
export interface Appearance {
  width: number;
  height: number;
  ops: string;
  /** Images the ops draw with `/<name> Do` (written as image XObjects, with an SMask for alpha). */
  images?: { name: string; image: PdfImageData }[];
}

/** Draws itself with the update's fonts (text is subset as it is shown). */
export type AppearanceBuilder = (fonts: AppearanceFonts, width: number, height: number) => Appearance;

const n = (v: number) => (Math.round(v * 100) / 100).toString();

function textAt(font: SubsetFont, text: string, size: number, x: number, y: number): { ops: string; width: number } {
  const run = font.show(text);
  return { ops: `BT /${font.resourceName} ${n(size)} Tf ${n(x)} ${n(y)} Td ${run.hex} Tj ET`, width: run.width * size };
}

/** One centred line of text (the register number, the place and date), black, filling the slot's box. */
export function textLineAppearance(text: string, size: number, style: FontStyle = 'normal'): AppearanceBuilder {
  return (fonts, width, height) => {
    const font = fonts.get(style);
    const w = font.show(text).width * size;
    const s = w > width ? (size * width) / w : size;
    const line = textAt(font, text, s, (width - Math.min(w, width)) / 2, height * 0.3);
    return { width, height, ops: `0 g\n${line.ops}` };
  };
}

/** "05/01/2026 09:00:00 +07:00": the signing time in Vietnam's time zone (UTC+7). */
export function vietnamTime(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 19)} +07:00`;
}

/**
 * The leader's signature widget: who signed and when, in blue. Over a signature image (drawn in the
 * page content the leader signs) the lines sit small along the bottom; without one they fill the room.
 */
export function leaderAppearance(name: string, at: Date, overImage: boolean, image?: PdfImageData | null): AppearanceBuilder {
  return (fonts, width, height) => {
    if (image) {
      // The signature image fitted above two small lines of who signed and when.
      const caption = leaderAppearance(name, at, true)(fonts, width, height);
      const room = height - 18;
      const scale = Math.min(width / image.width, room / image.height);
      const [w, h] = [image.width * scale, image.height * scale];
      const draw = `q ${n(w)} 0 0 ${n(h)} ${n((width - w) / 2)} ${n(18 + (room - h) / 2)} cm /TKImg Do Q`;
      return { width, height, ops: `${draw}\n${caption.ops}`, images: [{ name: 'TKImg', image }] };
    }
    // One style only (each style embeds a ~22 KB font subset in the update).
    const regular = fonts.get('normal');
    const lines: { font: SubsetFont; text: string; size: number }[] = overImage
      ? [
          { font: regular, text: `Ký bởi: ${name}`, size: 6.5 },
          { font: regular, text: `Thời gian ký: ${vietnamTime(at)}`, size: 6.5 },
        ]
      : [
          { font: regular, text: name, size: 12 },
          { font: regular, text: `Ký bởi: ${name}`, size: 8 },
          { font: regular, text: `Thời gian ký: ${vietnamTime(at)}`, size: 8 },
        ];
    let y = overImage ? 2 + lines.length * 8 : height / 2 + 12;
    const ops = ['0.05 0.2 0.6 rg'];
    for (const l of lines) {
      const w = l.font.show(l.text).width * l.size;
      const s = w > width ? (l.size * width) / w : l.size;
      y -= s * 1.25;
      ops.push(textAt(l.font, l.text, s, (width - Math.min(w, width)) / 2, y).ops);
    }
    return { width, height, ops: ops.join('\n') };
  };
}

/** A circle as four Bézier curves (k = 0.5523). */
function circle(cx: number, cy: number, r: number): string {
  const k = 0.5523 * r;
  return [
    `${n(cx + r)} ${n(cy)} m`,
    `${n(cx + r)} ${n(cy + k)} ${n(cx + k)} ${n(cy + r)} ${n(cx)} ${n(cy + r)} c`,
    `${n(cx - k)} ${n(cy + r)} ${n(cx - r)} ${n(cy + k)} ${n(cx - r)} ${n(cy)} c`,
    `${n(cx - r)} ${n(cy - k)} ${n(cx - k)} ${n(cy - r)} ${n(cx)} ${n(cy - r)} c`,
    `${n(cx + k)} ${n(cy - r)} ${n(cx + r)} ${n(cy - k)} ${n(cx + r)} ${n(cy)} c`,
  ].join(' ');
}

function star(cx: number, cy: number, r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 ? r * 0.4 : r;
    pts.push(`${n(cx + rr * Math.cos(a))} ${n(cy + rr * Math.sin(a))} ${i ? 'l' : 'm'}`);
  }
  return `${pts.join(' ')} h f`;
}

/** Text along an arc centred at the top (upper) or bottom (lower) of the circle, upright. */
function arcText(font: SubsetFont, text: string, cx: number, cy: number, radius: number, maxSize: number, lower: boolean): string {
  const chars = [...text];
  const widthAt1 = chars.reduce((sum, c) => sum + font.show(c).width, 0);
  const maxSpan = lower ? Math.PI * 0.55 : Math.PI * 1.45;
  const size = Math.min(maxSize, (maxSpan * radius) / widthAt1);
  const span = (widthAt1 * size) / radius;
  const ops: string[] = [];
  let done = 0;
  for (const c of chars) {
    const w = font.show(c).width * size;
    const mid = (done + w / 2) / radius;
    const theta = lower ? -Math.PI / 2 - span / 2 + mid : Math.PI / 2 + span / 2 - mid;
    const rot = lower ? theta + Math.PI / 2 : theta - Math.PI / 2;
    const r = lower ? radius + size * 0.7 : radius;
    const [cos, sin] = [Math.cos(rot), Math.sin(rot)];
    const x = cx + r * Math.cos(theta) - (cos * w) / 2;
    const y = cy + r * Math.sin(theta) - (sin * w) / 2;
    ops.push(
      `BT /${font.resourceName} ${n(size)} Tf ${n(cos)} ${n(sin)} ${n(-sin)} ${n(cos)} ${n(x)} ${n(y)} Tm ${font.show(c).hex} Tj ET`,
    );
    done += w;
  }
  return ops.join('\n');
}

/**
 * The agency's red seal, drawn as vector operators: two rings with the organisation's name between
 * them, its place at the bottom, a star in the middle (the round seal of a People's Committee).
 */
export function sealAppearance(organisation: string, place: string): AppearanceBuilder {
  return (fonts, width, height) => {
    const font = fonts.get('normal'); // the number line's style: the update embeds one subset fewer
    const cx = width / 2;
    const cy = height / 2;
    const r = Math.min(width, height) / 2 - 1;
    const ops = [
      '0.84 0.07 0.07 RG 0.84 0.07 0.07 rg',
      `2 w ${circle(cx, cy, r)} S`,
      `0.8 w ${circle(cx, cy, r - 3.5)} S`,
      `0.8 w ${circle(cx, cy, r * 0.56)} S`,
      star(cx, cy, r * 0.3),
      arcText(font, organisation.toUpperCase(), cx, cy, r * 0.7, r * 0.2, false),
      arcText(font, place.toUpperCase(), cx, cy, r * 0.7, r * 0.17, true),
    ];
    return { width, height, ops: ops.join('\n') };
  };
}
