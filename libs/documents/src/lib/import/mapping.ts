import { CCHC_QUARTERLY, foldVietnamese, runsText, type Block, type HeadingBlock, type ReportTemplate } from '@trinhky/domain';
import { walkBlocks } from './tree';

interface Found {
  block: HeadingBlock;
  path: string;
}

const wordsOf = (s: string) =>
  foldVietnamese(s.replace(/\{[^}]*\}/g, ''))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Similarity of two headings: share of the shorter one's words found in the other (tone-mark variants folded). */
export function headingScore(template: string, heading: string): number {
  const a = wordsOf(template);
  const b = wordsOf(heading);
  if (!a.length || !b.length) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3 && short.length !== a.length) return 0;
  const set = new Set(long);
  return short.filter((w) => set.has(w)).length / short.length;
}

/** Maps the template's parts onto the imported document's headings: part code → block path. */
export function mapToTemplate(opening: Block[], body: Block[], template: ReportTemplate = CCHC_QUARTERLY): Record<string, string> {
  const headings: Found[] = [];
  walkBlocks(body, 'body', (b, path) => {
    if (b.type === 'heading') headings.push({ block: b, path });
  });
  const mapping: Record<string, string> = {};
  if (opening.length) mapping['opening'] = 'opening';
  const best = (candidates: Found[], title: string, label: string, min = 0.6): Found | undefined => {
    let top: Found | undefined;
    let score = 0;
    for (const c of candidates) {
      const s = headingScore(title, runsText(c.block.runs));
      if (s > score) {
        score = s;
        top = c;
      }
    }
    if (top && score >= min) return top;
    return candidates.find((c) => c.block.label === label);
  };
  const sections = headings.filter((h) => h.block.level === 'section');
  const parents: Record<string, Found | undefined> = {};
  for (const h of template.headings) parents[h.code] = best(sections, h.title, h.label);
  for (const part of template.parts) {
    if (part.level === 'opening') continue;
    if (part.level === 'section') {
      const f = best(sections, part.title, part.label);
      if (f) mapping[part.code] = f.path;
      continue;
    }
    const parent = part.parent ? parents[part.parent] : undefined;
    const pool = parent
      ? headings.filter((h) => h.path.startsWith(`${parent.path}.children`) && h.block.level === 'item')
      : headings.filter((h) => h.block.level === 'item');
    const f = best(pool, part.title, part.label);
    if (f) mapping[part.code] = f.path;
  }
  return mapping;
}
