import { A4, HEADER_LEFT_WIDTH, SIZE } from './layout';

/** A rectangle on a page, in PDF user space (origin bottom-left, points); `page` is 1-based. */
export interface SlotRect {
  page: number;
  rect: [number, number, number, number];
}

/**
 * Where the layout reserves room for what is added after the leader signs: the register number and
 * the place-and-date line (filled by the văn thư at `issue`, as annotations over blank room), and the
 * signature room (the leader's signature widget; the agency's seal overlaps its left third).
 */
export interface DocumentSlots {
  number?: SlotRect;
  date?: SlotRect;
  signature?: SlotRect;
}

export const SLOT_IDS = { number: 'slot-number', date: 'slot-date', block: 'closing-block' } as const;

/** Tinos' line height per point of size (ascender − descender over units per em, as pdfmake lays lines). */
export const TINOS_LINE = 1.1074;

interface NodeInfo {
  id?: string;
  startPosition?: { pageNumber: number; left: number; top: number };
}

/** Widths of the header cells the number and date slots span (the right one depends on the page). */
export interface SlotGeometry {
  rightWidth: number;
  signatureColumn: { left: number; width: number };
  roomWidth: number;
  /** The signature block above the room: its number of title lines and their size. */
  titleLines: number;
  titleSize: number;
  /** The room's height: the signature image's box (with its margins), or the blank space plus its empty line. */
  roomHeight: number;
}

/**
 * Collects slot positions through pdfmake's `pageBreakBefore` hook (called with every laid-out node
 * and its position; it always answers "no break"). Positions are top-left based; converted here.
 */
export function slotCollector(geometry: SlotGeometry): { pageBreakBefore: (node: NodeInfo) => boolean; slots: DocumentSlots } {
  const slots: DocumentSlots = {};
  const y = (top: number) => A4.height - top;
  const lineRect = (page: number, left: number, top: number, width: number, size: number): SlotRect => ({
    page,
    rect: [left, y(top + size * 1.25), left + width, y(top - size * 0.1)],
  });
  return {
    slots,
    pageBreakBefore(node: NodeInfo): boolean {
      const p = node.startPosition;
      if (!p || !node.id) return false;
      if (node.id === SLOT_IDS.number) slots.number = lineRect(p.pageNumber, p.left, p.top, HEADER_LEFT_WIDTH, SIZE.header);
      else if (node.id === SLOT_IDS.date) slots.date = lineRect(p.pageNumber, p.left, p.top, geometry.rightWidth, SIZE.mottoSub + 1);
      else if (node.id === SLOT_IDS.block) {
        // Nodes inside the unbreakable closing block report the block's start; the room follows the title lines.
        const top = p.top + geometry.titleLines * geometry.titleSize * TINOS_LINE;
        const left = geometry.signatureColumn.left + (geometry.signatureColumn.width - geometry.roomWidth) / 2;
        slots.signature = { page: p.pageNumber, rect: [left, y(top + geometry.roomHeight), left + geometry.roomWidth, y(top)] };
      }
      return false;
    },
  };
}
