import type { LogicalLine, SourceNote, SrcLine } from './types';

export const ANNEX_RE = /^\s*Phụ\s+lục\s*([IVXLC]+|\d+)?\s*$/iu;
export const PAGE_NUMBER_RE = /^\s*\d{1,3}\s*$/;

/** `ANNEX_RE.test(l.raw)`, read only where it can hold (the line's first letter is a P). */
export const isAnnexHeading = (l: SrcLine): boolean => (l.text[0] === 'P' || l.text[0] === 'p') && ANNEX_RE.test(l.raw);
/** `PAGE_NUMBER_RE.test(l.raw)`, read only where it can hold (one to three characters). */
export const isPageNumber = (l: SrcLine): boolean => l.text.length > 0 && l.text.length <= 3 && PAGE_NUMBER_RE.test(l.raw);
const FOOTNOTE_SEPARATOR_RE = /^[ \t\u00a0_]{20,}$/;
const FOOTNOTE_START_RE = /^(\d{1,3})\s+(\S.*)$/;

/** Whitespace other than single spaces: only lines holding it need collapsing (two spaces, or a tab …). */
const OTHER_SPACE = /[^\S ]/;

export function toSourceLines(text: string): SrcLine[] {
  return text
    .normalize('NFC')
    .replace(/\u00a0/g, ' ')
    .split(/\r?\n/)
    .map((raw, i) => {
      // Same as raw.replace(/\s+/g, ' ').trim(), without a new string for the many lines already even.
      const t = raw.trim();
      return { no: i + 1, raw, text: t.includes('  ') || OTHER_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t };
    });
}

export interface ExtractedFootnote {
  number: number;
  text: string;
  line: number;
  /** Index in the body lines before which the footnote block stood (the page it belonged to). */
  before: number;
}

/**
 * Removes footnote bodies injected mid-text (a long blank separator, then "1 text…" lines until the
 * next page starts: a line with leading space or a page number) and stray page numbers.
 */
export function stripFootnotesAndPageNumbers(lines: SrcLine[]): { body: SrcLine[]; footnotes: ExtractedFootnote[]; removed: SourceNote[] } {
  const body: SrcLine[] = [];
  const footnotes: ExtractedFootnote[] = [];
  const removed: SourceNote[] = [];
  let inNotes = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!inNotes && FOOTNOTE_SEPARATOR_RE.test(l.raw)) {
      let j = i + 1; // the next non-empty line (no slice: separators can be many in a long report)
      while (j < lines.length && !lines[j].text) j++;
      const next = lines[j];
      const m = next && FOOTNOTE_START_RE.exec(next.text);
      if (m && Number(m[1]) === footnotes.length + 1) {
        inNotes = true;
        continue;
      }
    }
    if (inNotes) {
      if (!l.text) continue;
      if (/^\s/.test(l.raw) || PAGE_NUMBER_RE.test(l.raw)) {
        inNotes = false;
      } else {
        const m = FOOTNOTE_START_RE.exec(l.text);
        if (m && Number(m[1]) === footnotes.length + 1) {
          footnotes.push({ number: Number(m[1]), text: m[2], line: l.no, before: body.length });
        } else if (footnotes.length) {
          const f = footnotes[footnotes.length - 1];
          f.text = joinText(f.text, l.text);
        }
        continue;
      }
    }
    if (PAGE_NUMBER_RE.test(l.raw) && l.text) {
      removed.push({ line: l.no, text: l.text, reason: 'số trang (page number residue)' });
      continue;
    }
    body.push(l);
  }
  return { body, footnotes, removed };
}

/**
 * What goes between two wrapped pieces: nothing after a hyphen glued to a word before a capital or
 * a digit ("09/KH-" + "UBND"), else a space. Reads only the last two characters of `a`.
 */
export function joinSeparator(a: string, b: string): '' | ' ' {
  return /\S-$/.test(a.length > 2 ? a.slice(-2) : a) && /^[\p{Lu}\d]/u.test(b) ? '' : ' ';
}

/** Joins two wrapped pieces: "09/KH-" + "UBND" → "09/KH-UBND"; otherwise with a space. */
export function joinText(a: string, b: string): string {
  return joinSeparator(a, b) ? `${a} ${b}` : a + b;
}

const SENTENCE_END = /([.;:!?…]|\.\/\.)["”)]?$/;

/**
 * Re-joins hard-wrapped lines into logical lines. `isStart` says whether a line must begin a
 * new logical line (headings, bullets, fixed phrases).
 */
const CONNECTOR_END = /(?:^|\s)(và|của|các|về|trong|cho|đối với|theo|với|tại|từ|đến|là|được|có|những|thuộc|giữa|nhằm|để|hoặc|cấp|số)$/iu;

export function joinWrapped(
  lines: SrcLine[],
  isStart: (text: string, prevLast: string | null) => boolean,
  isHeading: (text: string) => boolean = () => false,
  wrapWidth = 60,
): LogicalLine[] {
  const out: LogicalLine[] = [];
  for (const l of lines) {
    if (!l.text) continue;
    const prev = out[out.length - 1];
    let join = false;
    if (prev && !isStart(l.text, prev.last)) {
      const last = prev.last;
      if (/\S-$/.test(last) && /^[\p{Lu}\d]/u.test(l.text)) join = true;
      else if (isHeading(prev.text)) join = /^[\p{Ll}\d(]/u.test(l.text) || CONNECTOR_END.test(last) || /[,-]$/.test(last);
      else if (SENTENCE_END.test(last) && /^[\p{Lu}"“(]/u.test(l.text)) join = false;
      else if (/^[\p{Ll}\d,.;:)%]/u.test(l.text)) join = true;
      else if (last.length >= wrapWidth) join = true;
      else if (/[,(-]$/.test(last)) join = true;
    }
    if (join && prev) {
      prev.text = joinText(prev.text, l.text);
      prev.last = l.text;
      prev.spans?.push({ no: l.no, at: prev.text.length - l.text.length });
    } else out.push({ no: l.no, text: l.text, last: l.text, spans: [{ no: l.no, at: 0 }] });
  }
  return out;
}
