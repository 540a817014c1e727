import type { Block, ReportDocument } from '@trinhky/domain';

/**
 * Resolves an importer mapping path ("opening", "body[1]", "body[1].children[0]") to the blocks that
 * become the section's content: the opening's blocks, or a heading's children.
 */
export function blocksAt(doc: ReportDocument, path: string): Block[] | null {
  if (path === 'opening') return doc.opening;
  const steps = path.split('.');
  let list: Block[] | null = null;
  let current: Block | null = null;
  for (const step of steps) {
    const m = /^(body|children)\[(\d+)\]$/.exec(step);
    if (!m) return null;
    list = m[1] === 'body' ? doc.body : current && current.type === 'heading' ? current.children : null;
    if (!list) return null;
    current = list[Number(m[2])] ?? null;
    if (!current) return null;
  }
  return current && current.type === 'heading' ? current.children : current ? [current] : null;
}
