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

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const toSuperscript = (n: number) => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');

interface Candidate {
  holder: number;
  /** Offset of the marker in the holder's text (its runs joined). */
  at: number;
  length: number;
  /** Relaxed candidates (after an upper-case word, glued to a year) are taken only inside the note's page. */
  strict: boolean;
}

/** Markers of footnote `n` in `text`, strict ones and relaxed ones. */
function markerCandidates(text: string, n: number): { at: number; length: number; strict: boolean }[] {
  const out: { at: number; length: number; strict: boolean }[] = [];
  const digits = String(n);
  // Glued to a word, a closing quote or bracket, or a percentage: "giai đoạn1", "hành chính3.", "98%10.".
  const glued = new RegExp(`(?<=[\\p{L}")\\]”’%])${digits}(?![\\d/])(?!\\.\\d)`, 'gu');
  for (const m of text.matchAll(glued)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 6), at);
    if (/\p{Lu}{2,}$/u.test(before) && !/\p{Ll}/u.test(before)) {
      // Upper-case letters before the digits are usually an identifier (UBTVQH15, "80/2015/QH13"); a
      // standalone abbreviation followed by punctuation ("02 TTHC9.") may carry the marker.
      const word = /(?:^|\s)(\p{Lu}+)$/u.exec(text.slice(0, at));
      if (word && /^(?:[.,;:)]|\s|$)/u.test(text.slice(at + digits.length))) out.push({ at, length: digits.length, strict: false });
      continue;
    }
    out.push({ at, length: digits.length, strict: true });
  }
  // Superscript digits kept by the extraction.
  const sup = toSuperscript(n);
  for (let at = text.indexOf(sup); at >= 0; at = text.indexOf(sup, at + 1)) {
    if (!SUPERSCRIPT.includes(text[at - 1] ?? '') && !SUPERSCRIPT.includes(text[at + sup.length] ?? ''))
      out.push({ at, length: sup.length, strict: true });
  }
  // Glued to a year: "đến tháng 4/202511:" (2025 + note 11), before punctuation or a space.
  const year = new RegExp(`(?<=(?:^|\\D)(?:19|20)\\d\\d)${digits}(?=[.,;:)]|\\s|$)`, 'gu');
  for (const m of text.matchAll(year)) out.push({ at: m.index ?? 0, length: digits.length, strict: false });
  return out.sort((a, b) => a.at - b.at);
}

export interface FootnoteLocator {
  /** Source line (1-based) of a character of a holder's text, when known. */
  lineOf(holder: RunRef, offset: number): number | undefined;
}

/**
 * Attaches extracted footnotes to their markers, glued to words by extraction ("giai đoạn1",
 * "hành chính3.", "98%10.", "TTHC9.", "4/202511:"), searched in reading order after the previous
 * marker. When the locator knows the source lines, a marker must stand on the note's page: after
 * the previous page's notes and before the note itself; relaxed forms are only taken there.
 * A footnote whose marker cannot be found is attached to the end of the block the fallback gives
 * (the one nearest before its original position) and reported in `unattached`.
 */
export function attachFootnotes(
  blocks: Block[],
  notes: ExtractedFootnote[],
  fallback: (note: ExtractedFootnote) => RunRef | null,
  locator?: FootnoteLocator,
): { attached: number; fallback: number; unattached: ExtractedFootnote[] } {
  const holders: RunRef[] = [];
  collectRunHolders(blocks, holders);
  const texts = holders.map((h) => h.runs.map((r) => (r.footnote ? `${r.text}\u0000` : r.text)).join(''));
  const found: { note: ExtractedFootnote; c: Candidate }[] = [];
  const unattached: ExtractedFootnote[] = [];
  let cursor = { holder: 0, at: 0 };
  notes.forEach((note, i) => {
    // The page of the note starts after the previous page's notes (a block before another `before`).
    const previousPage = notes
      .slice(0, i)
      .reverse()
      .find((p) => p.before !== note.before);
    const lower = previousPage?.line ?? 0;
    let best: Candidate | null = null;
    for (let h = cursor.holder; h < holders.length && !best?.strict; h++) {
      for (const c of markerCandidates(texts[h], note.number)) {
        if (h === cursor.holder && c.at < cursor.at) continue;
        const line = locator?.lineOf(holders[h], c.at);
        const inPage = line !== undefined && line > lower && line < note.line;
        if (line !== undefined && line >= note.line) break;
        if (c.strict ? line !== undefined && !inPage : !inPage) continue;
        if (c.strict) {
          best = { holder: h, ...c };
          break;
        }
        best ??= { holder: h, ...c };
      }
      if (locator && best === null) {
        const first = locator.lineOf(holders[h], 0);
        if (first !== undefined && first >= note.line) break;
      }
    }
    if (best) {
      found.push({ note, c: best });
      cursor = { holder: best.holder, at: best.at + best.length };
    } else unattached.push(note);
  });
  // Split the runs, last marker first so earlier offsets stay valid.
  for (const { note, c } of [...found].sort((a, b) => b.c.holder - a.c.holder || b.c.at - a.c.at)) {
    const runs = holders[c.holder].runs;
    let start = 0;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r];
      const len = run.text.length + (run.footnote ? 1 : 0);
      if (c.at < start + len && !(run.footnote && c.at === start + run.text.length)) {
        const at = c.at - start;
        const head: Run = { ...run, text: run.text.slice(0, at), footnote: note.text };
        const tail: Run = { ...run, text: run.text.slice(at + c.length) };
        runs.splice(r, 1, head, ...(tail.text || run.footnote ? [tail] : []));
        break;
      }
      start += len;
    }
  }
  let fell = 0;
  for (const note of unattached) {
    const target = fallback(note);
    if (target) {
      target.runs.push({ text: '', footnote: note.text });
      fell++;
    }
  }
  return { attached: found.length, fallback: fell, unattached };
}
