import type { Finding } from '@trinhky/domain';
import type { LogicalLine } from '../import/types';
import { checkStatement, type TextFigure } from './mini';
import { flowFindings } from './narrative-flow';
import {
  clauseEnd,
  findLast,
  isRate,
  lineAt,
  looseFractions,
  numbersOf,
  sentenceEnd,
  sentenceStart,
  type Fraction,
  type NumToken,
} from './text-numbers';

export interface ReadLine {
  l: LogicalLine;
  tokens: NumToken[];
  /** The tight fractions "2.139/2.143" of the line (read once with its numbers). */
  fractions: Fraction[];
}

const fig = (r: ReadLine, label: string, tok: NumToken): TextFigure => ({ label, tok, line: lineAt(r.l, tok.start) });
const isCount = (t: NumToken) => !t.skip && !t.percent && !t.decimals && !t.bound;
const PENDING_RE = /(?:đang|chưa)\s+giải quyết/iu;

/** "2.139/2.143 hồ sơ, đạt 99,81 %" and "đạt 99,81% (2.139/2.143 hồ sơ)": the stated rate against its parts. */
function fractionRates(r: ReadLine): Finding[] {
  const text = r.l.text;
  const { fractions } = r;
  if (!fractions.length && !text.includes('/')) return [];
  const all = [...fractions, ...looseFractions(text, r.tokens, fractions)].sort((a, b) => a.slash - b.slash);
  const out: Finding[] = [];
  all.forEach((f, i) => {
    const nextSlash = all[i + 1]?.part.start ?? text.length;
    const end = Math.min(clauseEnd(text, f.total.end), nextSlash);
    let rate = r.tokens.find((t) => isRate(t) && t.start >= f.total.end && t.start < end);
    if (!rate) {
      const prev = findLast(r.tokens, (t) => isRate(t) && t.end <= f.part.start);
      if (prev && /^[^;/]{0,40}\($/u.test(text.slice(prev.end, f.part.start).trimEnd())) rate = prev;
    }
    if (!rate || f.total.value === 0) return;
    out.push(
      ...checkStatement(
        { r: fig(r, 'tỷ lệ', rate), p: fig(r, 'phần', f.part), t: fig(r, 'tổng', f.total) },
        { type: 'rate', rate: 'r', part: 'p', total: 't' },
      ),
    );
  });
  return out;
}

interface Piece {
  num: NumToken;
  rate?: NumToken;
  label: string;
}

/** What a part is, in the report's words: the text before its figure, else the words after its unit. */
function pieceLabel(text: string, a: number, num: NumToken, fallback: string): string {
  const clean = (x: string) => x.replace(/^[\s:;,.()-]+|[\s:;,.()-]+$/gu, '').replace(/^(?:có|là)\s+/iu, '');
  const before = clean(text.slice(a, num.start)).split(/\s+/u).filter(Boolean).slice(-6).join(' ');
  if (before) return before;
  const after = clean(text.slice(num.end, num.end + 60).split(/[,;.(]/u)[0])
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 6)
    .join(' ');
  return after || fallback;
}

function piecesOf(text: string, from: number, to: number, tokens: NumToken[]): Piece[] {
  const seg = text.slice(from, to);
  let cuts = [...seg.matchAll(/;/gu)].map((m) => from + (m.index as number));
  if (!cuts.length) cuts = [...seg.matchAll(/,\s|\s+và\s+/gu)].map((m) => from + (m.index as number));
  const bounds = [from, ...cuts, to];
  const out: Piece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    if (PENDING_RE.test(text.slice(a, b))) break;
    const inside = tokens.filter((t) => t.start >= a && t.end <= b);
    const num = inside.find(isCount);
    if (!num) continue;
    out.push({
      num,
      rate: inside.find((t) => isRate(t) && t.start > num.start),
      label: pieceLabel(text, a, num, `thành phần ${out.length + 1}`),
    });
  }
  return out;
}

/** "Tổng số TTHC: 383. Trong đó 380 TTHC cấp xã và 03 TTHC liên thông": the parts against their total. */
function trongDo(r: ReadLine): Finding[] {
  const text = r.l.text;
  const out: Finding[] = [];
  for (const m of text.matchAll(/trong đó(?:\s+(?:có|gồm))?\s*:?\s*/giu)) {
    const at = m.index as number;
    // The total is the last figure before "trong đó", not one inside a closed bracket ("(… Người có công: 03 hồ sơ); trong đó").
    const closed = [...text.slice(0, at).matchAll(/\([^()]*\)/gu)].map((b) => [b.index as number, (b.index as number) + b[0].length]);
    const total = findLast(r.tokens, (t) => t.end <= at && at - t.end <= 160 && !closed.some(([a, b]) => t.start > a && t.end < b));
    if (!total || !isCount(total)) continue;
    const between = text.slice(total.end, at);
    if (/\.\s/u.test(between) && !/^\s*[\p{L}]{0,12}\s*\.\s*$/u.test(between)) continue;
    if (/\d/u.test(between.replace(/\([^)]*\)/gu, ''))) continue;
    const from = at + m[0].length;
    const close = text.lastIndexOf('(', at) > text.lastIndexOf(')', at) ? text.indexOf(')', from) : -1;
    const to = Math.min(sentenceEnd(text, from), close >= 0 ? close : text.length);
    const pieces = piecesOf(text, from, to, r.tokens);
    if (!pieces.length) continue;
    const units = new Set(pieces.map((p) => p.num.unit).filter(Boolean));
    if (units.size > 1 || (total.unit && units.size === 1 && !units.has(total.unit))) continue;
    const against = (totalTok: NumToken): Finding[] => {
      const found: Finding[] = [];
      const figs: Record<string, TextFigure> = { t: fig(r, 'tổng số', totalTok) };
      pieces.forEach((p, i) => {
        figs[`p${i}`] = fig(r, p.label, p.num);
        // A part with its rate: the rate rule holds part ≤ total too, unless the rate says it passes 100 %.
        if (!p.rate) found.push(...checkStatement({ t: figs['t'], p: figs[`p${i}`] }, { type: 'partOf', part: 'p', total: 't' }));
        else
          found.push(
            ...checkStatement(
              { r: fig(r, 'tỷ lệ', p.rate), p: figs[`p${i}`], t: figs['t'] },
              { type: 'rate', rate: 'r', part: 'p', total: 't' },
            ),
          );
      });
      if (pieces.length >= 2 && pieces.every((p) => p.num.value <= totalTok.value)) {
        found.push(...checkStatement(figs, { type: 'sum', total: 't', parts: pieces.map((_, i) => `p${i}`), mode: 'atMost' }, 'warning'));
      }
      return found;
    };
    // "Đã giải quyết 480/500 hồ sơ, trong đó đúng hạn 470 hồ sơ": the parts may be of either figure.
    const found = against(total);
    const numerator = found.length ? r.fractions.find((f) => f.total === total)?.part : undefined;
    const other = numerator ? against(numerator) : undefined;
    out.push(...(other && other.length < found.length ? other : found));
  }
  return out;
}

/** "4.389 hồ sơ (Lĩnh vực Bảo trợ xã hội: 58 hồ sơ; Chứng thực: 3.801 hồ sơ; …)": a breakdown in brackets. */
function bracketBreakdown(r: ReadLine): Finding[] {
  const text = r.l.text;
  const out: Finding[] = [];
  for (const m of text.matchAll(/\(([^()]{6,400})\)/gu)) {
    const open = m.index as number;
    const total = findLast(r.tokens, (t) => t.end <= open && open - t.end <= 12 && /^\s*[\p{L}\s]{0,10}$/u.test(text.slice(t.end, open)));
    if (!total || !isCount(total)) continue;
    const items = m[1].split(';');
    if (items.length < 2) continue;
    const nums: NumToken[] = [];
    let offset = open + 1;
    for (const it of items) {
      const mm = /:\s*(\d[\d.]*)/u.exec(it);
      const tok = mm ? r.tokens.find((t) => t.start === offset + (mm.index as number) + mm[0].indexOf(mm[1])) : undefined;
      offset += it.length + 1;
      if (!tok || !isCount(tok)) return out;
      nums.push(tok);
    }
    const figs: Record<string, TextFigure> = { t: fig(r, 'tổng số', total) };
    nums.forEach((n, i) => (figs[`p${i}`] = fig(r, `thành phần ${i + 1}`, n)));
    out.push(...checkStatement(figs, { type: 'sum', total: 't', parts: nums.map((_, i) => `p${i}`), mode: 'exact' }, 'warning'));
  }
  return out;
}

/** "Tổng số hồ sơ đã giải quyết: 2.143" then "Tổng số hồ sơ đã giải quyết trước hạn và đúng hạn: 2.139 hồ sơ, đạt tỷ lệ 99,81%". */
function subjectParts(lines: ReadLine[]): Finding[] {
  const out: Finding[] = [];
  const seen: { subject: string; f: TextFigure; idx: number }[] = [];
  lines.forEach((r, idx) => {
    for (const m of r.l.text.matchAll(/Tổng số ([^:;.\d]{3,120}?)(?:\s+là)?\s*:\s*(?=\d)/giu)) {
      const subject = m[1].toLowerCase().replace(/\s+/g, ' ').trim();
      const tok = r.tokens.find((t) => t.start === (m.index as number) + m[0].length);
      if (!tok || !isCount(tok)) continue;
      const f = fig(r, `tổng số ${subject}`, tok);
      for (const s of seen) {
        if (idx - s.idx > 3 || !subject.startsWith(`${s.subject} `)) continue;
        const end = clauseEnd(r.l.text, tok.end, 60);
        const rate = r.tokens.find((t) => isRate(t) && t.start > tok.end && t.start < end);
        if (!rate || s.f.tok.value === 0) out.push(...checkStatement({ t: s.f, p: f }, { type: 'partOf', part: 'p', total: 't' }));
        else out.push(...checkStatement({ r: fig(r, 'tỷ lệ', rate), p: f, t: s.f }, { type: 'rate', rate: 'r', part: 'p', total: 't' }));
      }
      seen.push({ subject, f, idx });
    }
  });
  return out;
}

const BULLET = /^(?:[-–•]\s*)?\+\s*/u;
/** "- Hồ sơ đã giải quyết: 477 hồ sơ" over "+ Trước hạn: 398", "+ Đúng hạn: 79", "+ Quá hạn: 0". */
function subBullets(lines: ReadLine[]): Finding[] {
  const out: Finding[] = [];
  const head = (r: ReadLine) => /^[-–•](?!\s*\+)/u.test(r.l.text) && /:\s*\d[\d.]*\s*[\p{L}\s]{0,12}\.?$/u.test(r.l.text);
  lines.forEach((r, i) => {
    if (!head(r)) return;
    const total = r.tokens[r.tokens.length - 1];
    if (!total || !isCount(total)) return;
    const parts: TextFigure[] = [];
    for (let j = i + 1; j < lines.length && BULLET.test(lines[j].l.text); j++) {
      const t = lines[j].tokens.find(isCount);
      if (!t || !/:\s*$/u.test(lines[j].l.text.slice(0, t.start))) return;
      parts.push(fig(lines[j], `thành phần ${parts.length + 1}`, t));
    }
    if (parts.length < 2) return;
    const figs: Record<string, TextFigure> = { t: fig(r, 'tổng số', total) };
    parts.forEach((p, k) => {
      figs[`p${k}`] = p;
      out.push(...checkStatement({ t: figs['t'], p }, { type: 'partOf', part: 'p', total: 't' }));
    });
    out.push(...checkStatement(figs, { type: 'sum', total: 't', parts: parts.map((_, k) => `p${k}`), mode: 'exact' }, 'warning'));
  });
  return out;
}

export function readLines(lines: LogicalLine[]): ReadLine[] {
  return lines.map((l) => ({ l, ...numbersOf(l.text) }));
}

/** Every arithmetic check the narrative can be held to. */
export function checkNarrative(lines: ReadLine[]): Finding[] {
  const all = [
    ...lines.flatMap((r) => [...fractionRates(r), ...trongDo(r), ...bracketBreakdown(r)]),
    ...subjectParts(lines),
    ...subBullets(lines),
    ...flowFindings(lines),
  ];
  // The same figures read by two readers ("trong đó" and the flow of files) are one finding.
  const seen = new Set<string>();
  return all.filter((f) => {
    const key = `${f.rule}|${f.figures
      .map((x) => `${x.line}:${x.value}`)
      .sort()
      .join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
export { sentenceStart };
