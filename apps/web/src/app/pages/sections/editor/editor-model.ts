/**
 * The section editor's model: a flat list of blocks with inline markup, mapped to and from the
 * document model (libs/domain). Only what the document model can express is editable — paragraphs,
 * "-"/"+" bullets, numbered headings, tables, bold (**…**) and italic (*…*) — never HTML.
 */
import { pointLabel, type Block, type HeadingLevel, type SectionContent, type TableBlock } from '@trinhky/domain';
import { markupToRuns, runsToMarkup } from './editor-markup';
import { cloneTable } from './editor-tables';

export { markupToRuns, runsToMarkup } from './editor-markup';
export { addColumn, addRow, cloneTable, columnCount, emptyTable, removeColumn, removeRow } from './editor-tables';

export type EditorBlock =
  | { id: number; kind: 'paragraph'; text: string }
  | { id: number; kind: 'bullet'; marker: '-' | '+'; text: string }
  | { id: number; kind: 'heading'; level: HeadingLevel; label: string; text: string }
  | { id: number; kind: 'table'; table: TableBlock };

export type EditorBlockKind = EditorBlock['kind'];

let nextId = 1;
export function newId(): number {
  return nextId++;
}

export const HEADING_ORDER: HeadingLevel[] = ['part', 'section', 'item', 'subitem', 'point'];

export const HEADING_NAMES: Record<HeadingLevel, string> = {
  part: 'Phần',
  section: 'Mục (I., II.)',
  item: 'Mục nhỏ (1., 2.)',
  subitem: 'Mục con (1.1.)',
  point: 'Điểm (a), b))',
};

/** Document blocks → flat editor blocks (headings first, their children after them). */
export function toEditorBlocks(content: SectionContent | null | undefined): EditorBlock[] {
  const out: EditorBlock[] = [];
  const walk = (blocks: Block[]): void => {
    for (const b of blocks) {
      switch (b.type) {
        case 'paragraph':
          out.push({ id: newId(), kind: 'paragraph', text: runsToMarkup(b.runs) });
          break;
        case 'bullet':
          out.push({ id: newId(), kind: 'bullet', marker: b.marker, text: runsToMarkup(b.runs) });
          break;
        case 'heading':
          out.push({ id: newId(), kind: 'heading', level: b.level, label: b.label, text: runsToMarkup(b.runs) });
          walk(b.children ?? []);
          break;
        case 'table':
          out.push({ id: newId(), kind: 'table', table: cloneTable(b) });
          break;
      }
    }
  };
  walk(content?.blocks ?? []);
  return out;
}

/**
 * Flat editor blocks → document blocks. A heading owns the blocks after it up to the next heading of
 * the same or a higher level; empty paragraphs and bullets are dropped.
 */
export function fromEditorBlocks(blocks: EditorBlock[]): SectionContent {
  const root: Block[] = [];
  const stack: { rank: number; children: Block[] }[] = [{ rank: -1, children: root }];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      const rank = HEADING_ORDER.indexOf(b.level);
      while (stack.length > 1 && stack[stack.length - 1].rank >= rank) stack.pop();
      const h: Block = { type: 'heading', level: b.level, label: b.label.trim(), runs: markupToRuns(b.text.trim()), children: [] };
      stack[stack.length - 1].children.push(h);
      stack.push({ rank, children: h.children });
      continue;
    }
    const target = stack[stack.length - 1].children;
    if (b.kind === 'table') target.push(cloneTable(b.table));
    else {
      const text = b.text.trim();
      if (!text) continue;
      const typed = b.kind === 'paragraph' ? /^([-+])\s+(.*)$/s.exec(text) : null;
      if (typed) target.push({ type: 'bullet', marker: typed[1] as '-' | '+', runs: markupToRuns(typed[2]) });
      else if (b.kind === 'paragraph') target.push({ type: 'paragraph', runs: markupToRuns(text) });
      else target.push({ type: 'bullet', marker: b.marker, runs: markupToRuns(text) });
    }
  }
  return { blocks: root };
}

/** Same content? (Compares the document model, so whitespace-only edits do not count.) */
export function sameContent(a: SectionContent, b: SectionContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A starting point for merging after a conflict: their version, then the blocks of mine that theirs
 * does not contain (by text), in my order.
 */
export function mergeContents(mine: SectionContent, theirs: SectionContent): EditorBlock[] {
  const theirBlocks = toEditorBlocks(theirs);
  const key = (b: EditorBlock): string =>
    b.kind === 'table' ? JSON.stringify(b.table) : `${b.kind}:${'label' in b ? b.label : ''}:${b.text}`;
  const known = new Set(theirBlocks.map(key));
  const extra = toEditorBlocks(mine).filter((b) => !known.has(key(b)));
  return [...theirBlocks, ...extra];
}

/** A part's expected outline as a starting point: one point heading ("a)", "b)") and an empty paragraph per item. */
export function outlineBlocks(items: string[]): EditorBlock[] {
  return items.flatMap((text, i): EditorBlock[] => [
    { id: newId(), kind: 'heading', level: 'point', label: pointLabel(i), text },
    { id: newId(), kind: 'paragraph', text: '' },
  ]);
}
