import type { Block, Run } from '@trinhky/domain';
import type { ExtractedFootnote } from './lines';

interface RunRef {
  runs: Run[];
}

function collectRunHolders(blocks: Block[], out: RunRef[]): void {
  for (const b of blocks) {
    if (b.type === 'table') continue;
    out.push(b);
    if (b.type === 'heading') collectRunHolders(b.children, out);
  }
}

/**
 * Attaches extracted footnotes to their markers, glued to words by extraction ("giai đoạn1",
 * "hành chính3."): searched in reading order after the previous marker. A footnote whose marker
 * cannot be found is attached to the end of the block nearest before its original position.
 */
export function attachFootnotes(blocks: Block[], notes: ExtractedFootnote[], fallback: (note: ExtractedFootnote) => RunRef | null): { attached: number; fallback: number } {
  const holders: RunRef[] = [];
  collectRunHolders(blocks, holders);
  let hi = 0;
  let from = 0;
  let attached = 0;
  let fell = 0;
  for (const note of notes) {
    const re = new RegExp(`(?<=[\\p{Ll}\\p{Lu}")\\]”])${note.number}(?![\\d/])(?!\\.\\d)`, 'u');
    let placed = false;
    for (let h = hi; h < holders.length && !placed; h++) {
      const runs = holders[h].runs;
      for (let r = 0; r < runs.length && !placed; r++) {
        const run = runs[r];
        if (run.footnote) continue;
        const start = h === hi && r === runs.length - 1 ? from : 0;
        const slice = run.text.slice(start);
        const m = re.exec(slice);
        if (!m) continue;
        const at = start + m.index;
        // Upper-case letters before the digits are usually an identifier (UBTVQH15), unless lower-case letters precede them.
        const before = run.text.slice(Math.max(0, at - 6), at);
        if (/\p{Lu}{2,}$/u.test(before) && !/\p{Ll}/u.test(before)) continue;
        const head: Run = { ...run, text: run.text.slice(0, at), footnote: note.text };
        const tail: Run = { ...run, text: run.text.slice(at + String(note.number).length) };
        runs.splice(r, 1, head, ...(tail.text ? [tail] : []));
        hi = h;
        from = 0;
        placed = true;
        attached++;
      }
    }
    if (!placed) {
      const target = fallback(note);
      if (target) {
        target.runs.push({ text: '', footnote: note.text });
        fell++;
      }
    }
  }
  return { attached, fallback: fell };
}
