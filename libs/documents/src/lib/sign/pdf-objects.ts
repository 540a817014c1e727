/**
 * Just enough PDF reading to append an incremental update: the last revision's cross-reference
 * (classic `xref` tables, as pdfkit and our own updates write them, followed through /Prev) and the
 * text of a dictionary object. Native Buffer searches only — no whole-file string conversion.
 */

export interface PdfRevision {
  /** Byte offset of the last `xref` section (the new trailer's /Prev). */
  startxref: number;
  size: number;
  root: number;
  info: number | null;
  /** The trailer's /ID array, copied to the next trailer. */
  id: string | null;
  /** Object number → byte offset of its latest version. */
  offsets: Map<number, number>;
}

const latin1 = (pdf: Buffer, from: number, to: number) => pdf.toString('latin1', Math.max(0, from), Math.min(pdf.length, to));

function refIn(dict: string, key: string): number | null {
  const m = dict.match(new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`));
  return m ? Number(m[1]) : null;
}

function readSection(pdf: Buffer, at: number, offsets: Map<number, number>): string {
  const head = latin1(pdf, at, at + 4);
  if (head !== 'xref') throw new Error('Tệp PDF dùng bảng tham chiếu dạng nén (xref stream): chưa hỗ trợ ký gia tăng trên tệp này.');
  const trailerAt = pdf.indexOf('trailer', at, 'latin1');
  if (trailerAt < 0) throw new Error('Tệp PDF hỏng: thiếu trailer.');
  const lines = latin1(pdf, at + 4, trailerAt).split(/\r\n|\r|\n/);
  let num = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(/\s+/);
    if (parts.length === 2) {
      num = Number(parts[0]);
      continue;
    }
    if (parts[2] === 'n' && !offsets.has(num)) offsets.set(num, Number(parts[0]));
    else if (parts[2] === 'f' && !offsets.has(num)) offsets.set(num, -1);
    num++;
  }
  const end = pdf.indexOf('startxref', trailerAt, 'latin1');
  return latin1(pdf, trailerAt, end < 0 ? trailerAt + 2048 : end);
}

/** The last revision: trailer fields and every object's latest offset. */
export function readRevision(pdf: Buffer): PdfRevision {
  const tailFrom = Math.max(0, pdf.length - 2048);
  const sx = pdf.lastIndexOf('startxref', pdf.length, 'latin1');
  if (sx < tailFrom) throw new Error('Tệp PDF hỏng: thiếu startxref.');
  const startxref = Number(
    latin1(pdf, sx + 9, sx + 40)
      .trim()
      .split(/\s+/)[0],
  );
  const offsets = new Map<number, number>();
  const trailer = readSection(pdf, startxref, offsets);
  const size = Number(trailer.match(/\/Size\s+(\d+)/)?.[1] ?? 0);
  const root = refIn(trailer, 'Root');
  if (root === null) throw new Error('Tệp PDF hỏng: trailer thiếu /Root.');
  const id = trailer.match(/\/ID\s*(\[[^\]]*\])/)?.[1] ?? null;
  const seen = new Set([startxref]);
  for (let prev = trailer.match(/\/Prev\s+(\d+)/); prev;) {
    const at = Number(prev[1]);
    if (seen.has(at)) break;
    seen.add(at);
    prev = readSection(pdf, at, offsets).match(/\/Prev\s+(\d+)/);
  }
  return { startxref, size, root, info: refIn(trailer, 'Info'), id, offsets };
}

/** The text between `N G obj` and `endobj` (a dictionary object; not for streams' binary data). */
export function objectText(pdf: Buffer, rev: PdfRevision, num: number): string {
  const at = rev.offsets.get(num);
  if (at === undefined || at < 0) throw new Error(`Tệp PDF hỏng: không có đối tượng ${num}.`);
  const end = pdf.indexOf('endobj', at, 'latin1');
  const text = latin1(pdf, at, end < 0 ? at + 4096 : end);
  const start = text.indexOf('obj');
  return text.slice(start + 3).trim();
}

/** The end of the value starting at `i` in `s` (dictionaries, arrays, strings, refs, names, numbers). */
function valueEnd(s: string, i: number): number {
  while (/\s/.test(s[i] ?? '')) i++;
  const c = s[i];
  if (c === '<' && s[i + 1] === '<') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      if (s[j] === '(') j = valueEnd(s, j) - 1;
      else if (s.startsWith('<<', j)) {
        depth++;
        j++;
      } else if (s.startsWith('>>', j)) {
        depth--;
        j++;
        if (depth === 0) return j + 1;
      }
    }
    return s.length;
  }
  if (c === '[') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      if (s[j] === '(') j = valueEnd(s, j) - 1;
      else if (s[j] === '[') depth++;
      else if (s[j] === ']' && --depth === 0) return j + 1;
    }
    return s.length;
  }
  if (c === '(') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      if (s[j] === '\\') j++;
      else if (s[j] === '(') depth++;
      else if (s[j] === ')' && --depth === 0) return j + 1;
    }
    return s.length;
  }
  if (c === '<') return s.indexOf('>', i) + 1;
  const ref = /^\d+\s+\d+\s+R/.exec(s.slice(i, i + 24));
  if (ref) return i + ref[0].length;
  const tok = /^\/?[^\s/<>[\]()]*/.exec(s.slice(i));
  return i + Math.max(1, tok ? tok[0].length : 1);
}

/** The raw value of `/key` at the top level of the dictionary text `dict` (`<< … >>`), or null. */
export function dictGet(dict: string, key: string): string | null {
  const span = keySpan(dict, key);
  return span ? dict.slice(span.valueStart, span.end).trim() : null;
}

/** `dict` with `/key` set to `value` (replaced at its place, or added before the closing `>>`). */
export function dictSet(dict: string, key: string, value: string): string {
  const span = keySpan(dict, key);
  if (span) return `${dict.slice(0, span.valueStart)} ${value}${dict.slice(span.end)}`;
  const close = dict.lastIndexOf('>>');
  return `${dict.slice(0, close).trimEnd()}\n/${key} ${value}\n>>`;
}

function keySpan(dict: string, key: string): { valueStart: number; end: number } | null {
  let i = dict.indexOf('<<') + 2;
  const last = dict.lastIndexOf('>>');
  while (i < last) {
    while (/\s/.test(dict[i] ?? '')) i++;
    if (i >= last || dict[i] !== '/') return null;
    const name = /^\/[^\s/<>[\]()]+/.exec(dict.slice(i))?.[0] ?? '/';
    const valueStart = i + name.length;
    const end = valueEnd(dict, valueStart);
    if (name === `/${key}`) return { valueStart, end };
    i = end;
  }
  return null;
}

/** The object numbers of the refs in an array value (`[3 0 R 5 0 R]`). */
export function refsOf(array: string | null): number[] {
  return array ? [...array.matchAll(/(\d+)\s+\d+\s+R/g)].map((m) => Number(m[1])) : [];
}

/** The first page's object number: Root → Pages → Kids, depth first. */
export function pageObject(pdf: Buffer, rev: PdfRevision, pageIndex: number): number {
  const pages: number[] = [];
  const walk = (num: number): void => {
    const dict = objectText(pdf, rev, num);
    if (/\/Type\s*\/Page\b(?!s)/.test(dict)) pages.push(num);
    else for (const kid of refsOf(dictGet(dict, 'Kids'))) if (pages.length <= pageIndex) walk(kid);
  };
  const pagesRef = refsOf(dictGet(objectText(pdf, rev, rev.root), 'Pages'))[0];
  if (pagesRef === undefined) throw new Error('Tệp PDF hỏng: thiếu cây trang.');
  walk(pagesRef);
  const page = pages[pageIndex];
  if (page === undefined) throw new Error(`Tệp PDF không có trang ${pageIndex + 1}.`);
  return page;
}
