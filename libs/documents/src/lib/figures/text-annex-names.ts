import { foldVietnamese } from '@trinhky/domain';
import type { LogicalLine } from '../import/types';

/**
 * Naming an annex indicator in running text: the words of its name that say what is counted,
 * compared folded (spelling normalised, then no diacritics, no case). Words that only frame a figure ("số", "tổng số",
 * "đã", "được", "có" …) and the unit word carry no name; what is left must agree exactly or be
 * the clear best overlap — never guessed.
 */
const FRAME = new Set(
  'so tong luong cac cua da duoc co la trong do nam va cho tai ve voi theo nay ky bao cao hien thuoc tham quyen'.split(' '),
);

const folded = new Map<string, string[]>();
/** The folded words of a text (memoised, bounded: annex names are folded for every statement). */
export const words = (s: string): string[] => {
  const hit = folded.get(s);
  if (hit) return hit;
  const out = foldVietnamese(s)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (folded.size > 5000) folded.clear();
  folded.set(s, out);
  return out;
};

const contents = new Map<string, string[]>();
/** The content words of a name: framing words and the unit's words left out (memoised, bounded). */
export function contentWords(name: string, unit = ''): string[] {
  const key = `${unit}\u0000${name}`;
  const hit = contents.get(key);
  if (hit) return hit;
  const u = new Set(words(unit));
  const out = words(name).filter((w) => !FRAME.has(w) && !u.has(w) && !/^\d+$/.test(w));
  if (contents.size > 5000) contents.clear();
  contents.set(key, out);
  return out;
}

/** How well a phrase and a name agree (0–1): the F-measure of shared words, as sets, both ways. */
export function agreement(text: string[], name: string[]): number {
  const t = new Set(text);
  const n = new Set(name);
  const shared = [...t].filter((w) => n.has(w)).length;
  if (!shared) return 0;
  const a = shared / t.size;
  const b = shared / n.size;
  return (2 * a * b) / (a + b);
}

/**
 * The one candidate a phrase names: the best agreement ≥ `min`, ahead of the second by more than
 * `margin`. Undefined when none or unclear: a phrase that could name two rows names none.
 */
export function bestNamed<T>(phrase: string[], candidates: T[], nameOf: (c: T) => string[], min: number, margin = 0.1): T | undefined {
  const scored = candidates.map((c) => ({ c, s: agreement(phrase, nameOf(c)) })).filter((x) => x.s >= min);
  scored.sort((a, b) => b.s - a.s);
  const [a, b] = scored;
  if (!a || (b && a.s - b.s <= margin)) return undefined;
  return a.c;
}

const YEAR = /Năm\s+(20\d\d)/gu;

/** The year a statement is about: the last "Năm 20xx" before it on its logical line. */
export function yearBefore(text: string, at: number): string | null {
  const years = [...text.slice(0, at).matchAll(YEAR)];
  return years.length ? years[years.length - 1][1] : null;
}

/** The source line of an offset into a logical line. */
export function lineAt(l: LogicalLine, offset: number): number {
  let no = l.no;
  for (const s of l.spans ?? []) if (s.at <= offset) no = s.no;
  return no;
}

export const num = (s: string) => Number(s.replace(/\./g, ''));
export const NUM = String.raw`(\d{1,3}(?:\.\d{3})+|\d+)`;
