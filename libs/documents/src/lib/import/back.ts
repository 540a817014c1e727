import type { SignatureBlock } from '@trinhky/domain';
import type { SourceNote, SrcLine } from './types';

const AUTHORITY_RE = /^(TM|KT|TL|TUQ|Q)\.\s*\S/u;

function isCapsLine(t: string): boolean {
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/** "Nơi nhận:" list and the signature block (authority lines kept as written, then the name). */
export function parseBack(lines: SrcLine[]): { distribution: string[]; signature: SignatureBlock | null; unplaced: SourceNote[] } {
  const distribution: string[] = [];
  const sigLines: string[] = [];
  let name = '';
  const unplaced: SourceNote[] = [];
  let mode: 'list' | 'sig' | 'done' = 'list';
  for (const l of lines) {
    const t = l.text;
    if (!t) continue;
    if (/^Nơi nhận\s*:?$/iu.test(t)) continue;
    if (mode === 'list') {
      if (/^[-–+]/.test(t)) {
        distribution.push(t.replace(/^[–]/, '-').replace(/^-(?=\S)/, '- '));
        continue;
      }
      if (AUTHORITY_RE.test(t) || isCapsLine(t)) mode = 'sig';
      else if (distribution.length) {
        distribution[distribution.length - 1] += ` ${t}`;
        continue;
      }
    }
    if (mode === 'sig') {
      if (AUTHORITY_RE.test(t) || isCapsLine(t)) {
        sigLines.push(t);
        continue;
      }
      if (/^[\p{Lu}][\p{Ll}]*(\s+[\p{Lu}][\p{Ll}]*){1,5}$/u.test(t)) {
        name = t;
        mode = 'done';
        continue;
      }
    }
    unplaced.push({
      line: l.no,
      text: t,
      reason: mode === 'done' ? 'sau chữ ký (after the signature)' : 'không nhận dạng được trong phần Nơi nhận/chữ ký',
    });
  }
  return { distribution, signature: sigLines.length || name ? { lines: sigLines, name } : null, unplaced };
}
