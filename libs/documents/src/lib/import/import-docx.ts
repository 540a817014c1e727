import type { Block, Run } from '@trinhky/domain';
import { NOTE_BASE, readDocxRaw, SENTINELS } from './docx-raw';
import { importPlainText } from './import-text';
import type { ImportResult } from './types';

const SENTINEL = /[\ue001-\uf8ff]/u;

/** Splits runs at footnote sentinels: the text before a sentinel carries that footnote. */
function attachRuns(runs: Run[], notes: string[], used: Set<number>): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (!SENTINEL.test(r.text)) {
      out.push(r);
      continue;
    }
    const parts = r.text.split(/([\ue001-\uf8ff])/u);
    for (let i = 0; i < parts.length; i += 2) {
      const text = parts[i];
      const mark = parts[i + 1];
      const n = mark ? mark.charCodeAt(0) - NOTE_BASE : 0;
      const run: Run = { ...r, text };
      delete run.footnote;
      if (n && notes[n - 1] !== undefined) {
        run.footnote = notes[n - 1];
        used.add(n);
      }
      if (text || run.footnote) out.push(run);
    }
    if (r.footnote) out[out.length - 1] = { ...out[out.length - 1], footnote: r.footnote };
  }
  return out;
}

function attachBlocks(blocks: Block[], notes: string[], used: Set<number>): void {
  for (const b of blocks) {
    if (b.type === 'table') continue;
    b.runs = attachRuns(b.runs, notes, used);
    if (b.type === 'heading') attachBlocks(b.children, notes, used);
  }
}

/** Deep copy with every sentinel left outside runs removed (labels, table cells, header fields). */
function strip<T>(value: T): T {
  if (typeof value === 'string') return value.replace(SENTINELS, '') as T;
  if (Array.isArray(value)) return value.map(strip) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v)])) as T;
  return value;
}

/**
 * Imports a .docx report: the paragraphs' text (mammoth) goes through the plain-text parser, and the
 * document's real footnotes (Word's footnotes.xml) are attached to the runs their references follow.
 */
export async function importDocx(buffer: Buffer): Promise<ImportResult> {
  const { text, notes } = await readDocxRaw(buffer);
  const result = importPlainText(text);
  if (!notes.length) return result;
  const used = new Set<number>();
  const d = result.document;
  for (const part of [d.opening, d.body, ...d.annexes.map((a) => a.blocks)]) attachBlocks(part, notes, used);
  const clean = strip(result);
  clean.stats = {
    ...clean.stats,
    footnotes: clean.stats.footnotes + notes.length,
    footnotesAttached: clean.stats.footnotesAttached + used.size,
  };
  notes.forEach((note, i) => {
    if (!used.has(i + 1)) clean.unplaced.push({ line: 0, text: note, reason: 'Chú thích không tìm thấy vị trí tham chiếu' });
  });
  return clean;
}
