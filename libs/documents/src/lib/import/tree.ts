import { VI_POINT_LETTERS, type Block, type HeadingBlock, type HeadingLevel } from '@trinhky/domain';
import type { LogicalLine } from './types';

export interface Label {
  level: HeadingLevel;
  label: string;
  rest: string;
  /** A point written "a." or "a-" (normalised to "a)"): accepted only in sequence. */
  variant?: boolean;
}

const RANK: Record<HeadingLevel, number> = { part: 0, section: 1, item: 2, subitem: 3, point: 4 };

/** Recognises a heading label at the start of a line: "Phần I", "I.", "1.", "1.1.", "a)". */
export function parseLabel(text: string): Label | null {
  let m = /^(Phần\s+(?:[IVX]+|thứ\s+\S+))\s*[.:]?\s*(.*)$/u.exec(text);
  if (m) return { level: 'part', label: m[1].replace(/\s+/g, ' '), rest: m[2] };
  m = /^([IVX]{1,5})\.\s*(\S.*)$/u.exec(text);
  if (m) return { level: 'section', label: `${m[1]}.`, rest: m[2] };
  m = /^(\d{1,2}(?:\.\d{1,2}){1,2})\.?\s+(\S.*)$/u.exec(text);
  if (m) return { level: 'subitem', label: `${m[1]}.`, rest: m[2] };
  m = /^(\d{1,2})\.\s+(\S.*)$/u.exec(text);
  if (m) return { level: 'item', label: `${m[1]}.`, rest: m[2] };
  m = /^([a-eg-il-vxyđ])\)\s*(\S.*)$/u.exec(text);
  if (m) return { level: 'point', label: `${m[1]})`, rest: m[2] };
  // Variants typed by some drafters: "a. Kết quả…", "b- Tồn tại…" (a capital must follow).
  m = /^([a-eg-il-vxyđ])\s?[.\-–]\s+(\p{Lu}.*)$/u.exec(text);
  if (m) return { level: 'point', label: `${m[1]})`, rest: m[2], variant: true };
  return null;
}

export function bulletOf(text: string): { marker: '-' | '+'; rest: string } | null {
  const m = /^([-–+])\s*(\S.*)$/u.exec(text);
  if (!m) return null;
  return { marker: m[1] === '+' ? '+' : '-', rest: m[2] };
}

export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/** Items whose "title" is a long sentence are numbered paragraphs, not headings. */
const LONG_ITEM = 220;

/** Where a block's first run starts in the source: its logical line and the offset of the run's text in it. */
export interface BlockOrigin {
  line: LogicalLine;
  offset: number;
}

/**
 * Lettered points follow the Vietnamese order under their parent heading: "a)" starts a list, each
 * next point is the next letter (one skipped letter is tolerated: some reports go from d) to e)).
 * A line out of sequence is text that happens to start with a letter and ")" (or "a.").
 */
function pointInSequence(letter: string, previous: number | undefined): boolean {
  const idx = (VI_POINT_LETTERS as readonly string[]).indexOf(letter);
  if (idx === 0) return true;
  const prev = previous ?? -1;
  return idx > prev && idx - prev <= 2;
}

/** Builds the body tree from logical lines (headings nest by level; text attaches to the deepest open heading). */
export function buildTree(lines: LogicalLine[], origins?: Map<Block, BlockOrigin>): Block[] {
  const body: Block[] = [];
  const stack: HeadingBlock[] = [];
  const lastPoint = new Map<HeadingBlock | null, number>();
  const attach = (b: Block) => (stack.length ? stack[stack.length - 1].children : body).push(b);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    let label = parseLabel(text);
    if (label?.level === 'point') {
      // Points are headings whatever their length ("a) Về tình hình …: text" is still point a).
      const parent = [...stack].reverse().find((h) => h.level !== 'point') ?? null;
      const letter = label.label.slice(0, -1);
      if (pointInSequence(letter, lastPoint.get(parent))) lastPoint.set(parent, (VI_POINT_LETTERS as readonly string[]).indexOf(letter));
      else label = null;
    }
    if (label && !(label.level !== 'part' && label.level !== 'point' && label.rest.length > LONG_ITEM)) {
      let title = label.rest;
      const first = i;
      if (label.level === 'part' || label.level === 'section') {
        // Titles in capitals continue on the following lines.
        while (i + 1 < lines.length && isAllCaps(lines[i + 1].text) && !parseLabel(lines[i + 1].text) && !bulletOf(lines[i + 1].text)) {
          title = title ? `${title} ${lines[i + 1].text}` : lines[i + 1].text;
          i++;
        }
      }
      const h: HeadingBlock = { type: 'heading', level: label.level, label: label.label, runs: [{ text: title }], children: [] };
      origins?.set(h, { line: lines[first], offset: text.length - label.rest.length });
      while (stack.length && RANK[stack[stack.length - 1].level] >= RANK[label.level]) stack.pop();
      attach(h);
      stack.push(h);
      continue;
    }
    const bullet = bulletOf(text);
    const b: Block = bullet
      ? { type: 'bullet', marker: bullet.marker, runs: [{ text: bullet.rest }] }
      : { type: 'paragraph', runs: [{ text }] };
    origins?.set(b, { line: lines[i], offset: bullet ? text.length - bullet.rest.length : 0 });
    attach(b);
  }
  return body;
}

/** Visits every block with its path ("body[1].children[0]"). */
export function walkBlocks(blocks: Block[], base: string, visit: (b: Block, path: string, depth: number) => void, depth = 0): void {
  blocks.forEach((b, i) => {
    const path = `${base}[${i}]`;
    visit(b, path, depth);
    if (b.type === 'heading') walkBlocks(b.children, `${path}.children`, visit, depth + 1);
  });
}
