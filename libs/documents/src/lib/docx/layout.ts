/**
 * Page geometry and type of the .docx export, from Nghị định 30/2020, Phụ lục I — the same
 * decisions as the PDF (render/layout.ts), in Word's units: twentieths of a point (twips, "DXA")
 * for lengths and half-points for font sizes.
 */

import { SIZE } from '../render/layout';

export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

/** A4 in twips. */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;

export interface TwipMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Top/bottom 20 mm, left 30 mm, right 15 mm. */
export const PORTRAIT: TwipMargins = { top: mm(20), right: mm(15), bottom: mm(20), left: mm(30) };
/** Landscape annex pages: the binding edge (30 mm) stays at the top. */
export const LANDSCAPE: TwipMargins = { top: mm(30), right: mm(20), bottom: mm(15), left: mm(20) };

/** Width of the text column in twips. */
export function textWidth(landscape: boolean): number {
  const m = landscape ? LANDSCAPE : PORTRAIT;
  return (landscape ? A4_TWIPS.height : A4_TWIPS.width) - m.left - m.right;
}

export const FONT_NAME = 'Times New Roman';
/** All four slots: Word picks the eastAsia or cs font for some Vietnamese letters when only ascii is set. */
export const FONT = { ascii: FONT_NAME, hAnsi: FONT_NAME, eastAsia: FONT_NAME, cs: FONT_NAME } as const;

/** Sizes in points, the PDF's (×2 for Word's half-points). */
export const PT = SIZE;

export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** First-line indent 1,27 cm; 6 pt after a paragraph; line spacing ≈ 1,1 (Word's 240 = single). */
export const FIRST_LINE_INDENT = mm(12.7);
export const PARAGRAPH_AFTER = 6 * 20;
export const LINE_SPACING = 264;

/** Header columns (issuing body | national motto), fixed in twips: 195 pt as in the PDF, the rest. */
export const HEADER_LEFT = 195 * 20;
