import type { LogicalLine } from '../import/types';

/** A number written in a sentence, with its place (offset in the logical line) and what surrounds it. */
export interface NumToken {
  start: number;
  end: number;
  raw: string;
  value: number;
  decimals: number;
  percent: boolean;
  /** Preceded by ">", "trên" … : a bound, not a value. */
  bound: boolean;
  /** A date, a year, a document number or a level ("mức độ 3"): not a figure. */
  skip: boolean;
  /** The word(s) just after the number, lower case ("hồ sơ", "thủ tục"). */
  unit: string;
  /** "vượt 2,8%" (dự toán, kế hoạch): a rate of 100 % + the figure. */
  excess?: boolean;
  /** "tăng 5%", "giảm 3%" (so với cùng kỳ): a change, not the share of a part in a total. */
  change?: boolean;
}

/** "2.139", "99,81", "99,81 %"; and "99.81%" (a decimal point before a percent sign, as some reports write). */
const NUM_RE = /(\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?:,(\d+)|\.(\d{1,2})(?=\s?%))?(\s?%)?/gu;
/** Words that make the next number a label, not a figure. */
const LABEL_BEFORE =
  /(?:mức độ|độ|cấp|năm|quý|tháng|ngày|số|khoản|điều|điểm|lần thứ|giai đoạn|phiên bản|khóa|nhiệm kỳ|phường|xã|Nghị định|Thông tư|Quyết định|Kế hoạch)\s*$/iu;
const UNIT_RE = /^\s*([\p{L}]+(?:\s[\p{L}]+)?)/u;
const UNITS: Record<string, string> = {
  'hồ sơ': 'hồ sơ',
  hs: 'hồ sơ',
  'thủ tục': 'thủ tục',
  tthc: 'thủ tục',
  'văn bản': 'văn bản',
  'nhiệm vụ': 'nhiệm vụ',
  người: 'người',
  'đơn vị': 'đơn vị',
  'cơ quan': 'cơ quan',
  dvctt: 'dịch vụ',
  'dịch vụ': 'dịch vụ',
  'trường hợp': 'người',
};

/** The first letters of the unit words above: any other word after a number is no unit. */
const UNIT_INITIAL = /^\s*[hHtTvVnNđĐcCdD]/u;

export function unitWord(after: string): string {
  if (!UNIT_INITIAL.test(after)) return '';
  const m = UNIT_RE.exec(after);
  if (!m) return '';
  const two = m[1].toLowerCase();
  const one = two.split(' ')[0];
  return UNITS[two] ?? UNITS[one] ?? '';
}

/** A fraction "2.139/2.143" (part / total) found between two tokens. */
export interface Fraction {
  part: NumToken;
  total: NumToken;
  /** Index of the "/" in the text. */
  slash: number;
}

const EXCESS_BEFORE = /vượt(?:\s+(?:mức|kế hoạch|chỉ tiêu|dự toán))?(?:\s+(?:là|được))?\s*$/iu;
const CHANGE_BEFORE = /(?:tăng|giảm)(?:\s+(?:thêm|được|khoảng|gần|hơn|trên|là))?\s*$/iu;

const DATE_WORDS = /(?:ngày|đến|từ|tháng|trước|sau|hạn|lúc)\s*$/iu;

/** Numbers of a logical line; dates (31/7/2025, 7/2025), document numbers (09/KH-UBND), years and labels ("mức độ 3") are `skip`. */
export function numbersOf(text: string): { tokens: NumToken[]; fractions: Fraction[] } {
  const tokens: NumToken[] = [];
  for (const m of text.matchAll(NUM_RE)) {
    const start = m.index as number;
    const end = start + m[0].length;
    const prev = text[start - 1] ?? ' ';
    if (/[\p{L}%]/u.test(prev)) continue; // "KH1", footnote markers "98%10"
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(end, end + 24);
    const decimals = m[2] ?? m[3];
    const percent = m[4];
    const value = Number(m[1].replace(/\./g, '') + (decimals ? `.${decimals}` : ''));
    const year = !decimals && !percent && /^(?:19|20)\d\d$/u.test(m[1]) && !/^\s?(?:hồ sơ|thủ tục|người|văn bản)/iu.test(after);
    const doc =
      /^\/\s?[\p{L}]/u.test(after) ||
      /^-(?:\d|[\p{Lu}])/u.test(after) ||
      (prev === '-' && /\d-$/u.test(text.slice(Math.max(0, start - 3), start)));
    tokens.push({
      start,
      end,
      // A decimal point is read as the comma it stands for (the value's raw form is Vietnamese).
      raw: m[3] ? m[0].replace(`.${m[3]}`, `,${m[3]}`) : m[0],
      value,
      decimals: decimals?.length ?? 0,
      percent: !!percent,
      bound: /(?:>|≥|trên|hơn)\s*$/iu.test(before),
      skip: year || doc || LABEL_BEFORE.test(before) || /\d[-–]$/u.test(before),
      unit: percent ? '%' : unitWord(after),
      ...(percent && EXCESS_BEFORE.test(before) ? { excess: true } : {}),
      ...(percent && CHANGE_BEFORE.test(before) ? { change: true } : {}),
    });
  }
  const slashBetween = (a: NumToken, b: NumToken) => /^\s*\/\s*$/u.test(text.slice(a.end, b.start));
  const fractions: Fraction[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (!slashBetween(a, b)) continue;
    const chain = (i > 0 && slashBetween(tokens[i - 1], a)) || (i + 2 < tokens.length && slashBetween(b, tokens[i + 2]));
    const isYear = /^(?:19|20)\d\d\d*$/u.test(b.raw);
    const dateLike = a.value <= 31 && b.value <= 12 && DATE_WORDS.test(text.slice(Math.max(0, a.start - 12), a.start));
    if (chain || isYear || dateLike || a.percent || b.percent) {
      a.skip = b.skip = true;
      continue;
    }
    if (a.decimals || b.decimals || a.skip || b.skip) continue;
    fractions.push({ part: a, total: b, slash: text.indexOf('/', a.end) });
  }
  return { tokens, fractions };
}

/** A stated rate ("đạt 99,81%", "vượt 2,8%"), not a change ("tăng 5% so với cùng kỳ"). */
export const isRate = (t: NumToken): boolean => t.percent && !t.change;

/** The last element that satisfies `pred` (as `[...xs].reverse().find(pred)`, without the copy). */
export function findLast<T>(xs: readonly T[], pred: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i])) return xs[i];
  return undefined;
}

/** A fraction written with words between its part and "/": "395 hồ sơ … toàn trình/ 575 hồ sơ". */
export function looseFractions(text: string, tokens: NumToken[], tight: Fraction[]): Fraction[] {
  const out: Fraction[] = [];
  for (const m of text.matchAll(/\/\s*(?=\d)/gu)) {
    const slash = m.index as number;
    if (tight.some((f) => f.slash === slash)) continue;
    const total = tokens.find((t) => t.start >= slash && t.start <= slash + m[0].length);
    if (!total || total.skip || total.percent || total.decimals) continue;
    if (/^\s*\/\s*\d[\d.]*\s*\//u.test(text.slice(slash - 1))) continue;
    const limit = Math.max(sentenceStart(text, slash), text.lastIndexOf(';', slash) + 1, slash - 200);
    const part = findLast(tokens, (t) => t.end <= slash && t.start >= limit && !t.skip && !t.percent && !t.decimals && !t.bound);
    if (!part) continue;
    if (/[/]/u.test(text.slice(part.end, slash))) continue;
    out.push({ part, total, slash });
  }
  return out;
}

/** Source line (1-based) of a character offset in a logical line. */
export function lineAt(l: LogicalLine, offset: number): number {
  let no = l.no;
  for (const s of l.spans ?? []) if (s.at <= offset) no = s.no;
  return no;
}

/** Sentence and clause limits: ". " before a capital, ";", or the end. */
export function sentenceEnd(text: string, from: number): number {
  const re = /\.(?=\s+[\p{Lu}"“(+-])|\.\s*$|\.\/\./gu;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

/**
 * Where the clause that states a figure's rate ends: the sentence's end, a ";", or a new subject —
 * "trong đó …" (its parts) or ", tỷ lệ X …" (another rate) — so that "1.200/1.250 hồ sơ, tỷ lệ hài
 * lòng đạt 98%" does not read 98 % as the fraction's rate.
 */
export function clauseEnd(text: string, from: number, limit = 250): number {
  const re = /;|trong đó|(?:,|\s-|\svà)\s+(?:tỷ|tỉ) lệ/giu;
  re.lastIndex = from;
  const m = re.exec(text);
  return Math.min(sentenceEnd(text, from), m ? m.index : text.length, from + limit);
}

export function sentenceStart(text: string, to: number): number {
  const re = /\.\s+(?=[\p{Lu}"“(+-])/gu;
  let at = 0;
  for (const m of text.slice(0, to).matchAll(re)) at = (m.index as number) + m[0].length;
  return at;
}
