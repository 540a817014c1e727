/** Inline markup of the section editor: runs ↔ "plain **bold** *italic*", footnotes "^[…]", bound figures. */
import { bindingMarkup, parseBinding } from './figures/figure-source';
import type { Run } from '@trinhky/domain';

/** Runs → "plain **bold** *italic* ***both***"; a literal "*" or "\" is escaped with "\"; a footnote as "^[…]". */
export function runsToMarkup(runs: Run[]): string {
  return runs
    .map((r) => {
      if (r.figure) return bindingMarkup(r.figure);
      const text = r.text.replace(/\\/g, '\\\\').replace(/\*/g, '\\*').replace(/\^\[/g, '\\^[').replace(/\{\{/g, '\\{{');
      const mark = r.bold && r.italic ? '***' : r.bold ? '**' : r.italic ? '*' : '';
      const body = text && mark ? `${mark}${text}${mark}` : text;
      return body + (r.footnote ? `^[${r.footnote.replace(/]/g, '\\]')}]` : '');
    })
    .join('');
}

/** The inverse of {@link runsToMarkup}. Unclosed markers are kept as text. Adjacent runs with the same emphasis merge. */
export function markupToRuns(markup: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = (): void => {
    if (!buf) return;
    const run: Run = { text: buf };
    if (bold) run.bold = true;
    if (italic) run.italic = true;
    runs.push(run);
    buf = '';
  };
  // Markers that have a partner later on; an unpaired one stays literal.
  const src = markup.normalize('NFC');
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '\\' && i + 1 < src.length) {
      buf += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '{' && src[i + 1] === '{') {
      const end = src.indexOf('}}', i + 2);
      const figure = end > 0 ? parseBinding(src.slice(i + 2, end)) : null;
      if (figure) {
        flush();
        runs.push({ text: '', figure });
        i = end + 2;
        continue;
      }
    }
    if (ch === '^' && src[i + 1] === '[') {
      const end = findClose(src, i + 2);
      if (end > 0) {
        flush();
        const note = src.slice(i + 2, end).replace(/\\]/g, ']');
        if (runs.length) runs[runs.length - 1].footnote = note;
        else runs.push({ text: '', footnote: note });
        i = end + 1;
        continue;
      }
    }
    if (ch === '*') {
      let n = 1;
      while (src[i + n] === '*' && n < 3) n++;
      const wantBold = n >= 2;
      const wantItalic = n === 1 || n === 3;
      const closing = (wantBold ? bold : true) && (wantItalic ? italic : true);
      if (closing || hasPartner(src, i + n, n)) {
        flush();
        if (wantBold) bold = !bold;
        if (wantItalic) italic = !italic;
        i += n;
        continue;
      }
    }
    buf += ch;
    i++;
  }
  flush();
  return mergeRuns(runs);
}

function findClose(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i;
  }
  return -1;
}

function hasPartner(s: string, from: number, n: number): boolean {
  const marker = '*'.repeat(n);
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(marker, i) && i > from) return true;
  }
  return false;
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && !prev.footnote && !prev.figure && !r.figure && !!prev.bold === !!r.bold && !!prev.italic === !!r.italic) {
      prev.text += r.text;
      if (r.footnote) prev.footnote = r.footnote;
    } else out.push({ ...r });
  }
  return out.length ? out : [{ text: '' }];
}
