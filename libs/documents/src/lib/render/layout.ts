/** Page geometry and type sizes from Nghị định 30/2020, Phụ lục I (all lengths in points). */

export const MM = 72 / 25.4;

export const A4 = { width: 595.28, height: 841.89 } as const;

export interface PageMargins {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Top/bottom 20 mm, left 30 mm, right 15 mm (within the 20–25 / 30–35 / 15–20 mm ranges). */
export const PORTRAIT_MARGINS: PageMargins = { left: 30 * MM, top: 20 * MM, right: 15 * MM, bottom: 20 * MM };

/** Landscape annex pages: the binding edge (30 mm) stays at the top. */
export const LANDSCAPE_MARGINS: PageMargins = { left: 20 * MM, top: 30 * MM, right: 20 * MM, bottom: 15 * MM };

export const FONT = 'Tinos';

export const SIZE = {
  body: 14,
  header: 13,
  motto: 12,
  mottoSub: 13,
  title: 14,
  pageNumber: 13,
  distributionTitle: 12,
  distribution: 11,
  footnote: 10,
  table: 11,
} as const;

/** First-line indent 1.27 cm. */
export const FIRST_LINE_INDENT = 12.7 * MM;
/** Paragraph spacing after, ≥ 6 pt. */
export const PARAGRAPH_AFTER = 6;
export const LINE_HEIGHT = 1.1;

/** Header columns: issuing body (left) and national motto (right). */
export const HEADER_LEFT_WIDTH = 195;

/** Width of "Độc lập - Tự do - Hạnh phúc" in Tinos Bold per point of size (measured with fontkit: 159.14 pt at 13 pt). */
export const MOTTO_SUB_WIDTH_PER_PT = 159.14 / 13;

/** Tables with more columns than this switch their annex to landscape. */
export const LANDSCAPE_COLUMN_THRESHOLD = 7;

export function contentWidth(margins: PageMargins, landscape = false): number {
  return (landscape ? A4.height : A4.width) - margins.left - margins.right;
}

export function marginsArray(m: PageMargins): [number, number, number, number] {
  return [m.left, m.top, m.right, m.bottom];
}
