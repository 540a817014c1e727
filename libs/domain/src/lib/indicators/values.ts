import { formatNumberVi } from '../format';
import type { FigureValue } from './types';

/**
 * Vietnamese numbers: "." groups thousands, "," marks decimals: "2.139", "2,5", "1.198.020.000đ",
 * "99,58%", ">99%". A dot followed by exactly three digits is a thousands separator; "1542" is 1542.
 */
const NUMBER_RE = /^(>=|<=|[><≥≤])?\s*(-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?)\s*(%|đ|đồng|triệu đồng|tỷ đồng)?$/u;

/** Parses one cell or typed value; blank (and "-", "…") = not reported, never zero. */
const DIGITS = /^\d+$/;

export function parseFigure(raw: string): FigureValue {
  // Most cells and figures are plain digits ("38", "2139"): the same value as below, without the general reading.
  if (DIGITS.test(raw)) return { kind: 'number', value: Number(raw), percent: false, decimals: 0, bound: undefined, unit: undefined, raw };
  const t = raw.replace(/\s+/g, ' ').trim();
  if (!t || /^[-–.…_]+$/u.test(t)) return { kind: 'blank', raw };
  if (/^x$/iu.test(t)) return { kind: 'done', raw };
  if (/^đạt$/iu.test(t)) return { kind: 'pass', passed: true, raw };
  if (/^(không|chưa) đạt$/iu.test(t)) return { kind: 'pass', passed: false, raw };
  const m = NUMBER_RE.exec(t);
  if (!m) return { kind: 'text', raw };
  const num = m[2];
  const decimals = num.includes(',') ? num.length - num.indexOf(',') - 1 : 0;
  const value = Number(num.replace(/\./g, '').replace(',', '.'));
  const bound = m[1] ? ((({ '>=': '≥', '<=': '≤' } as Record<string, string>)[m[1]] ?? m[1]) as '>' | '<' | '≥' | '≤') : undefined;
  const unit = m[3] === 'đ' ? 'đồng' : m[3] && m[3] !== '%' ? m[3] : undefined;
  return { kind: 'number', value, percent: m[3] === '%', decimals, bound, unit, raw };
}

export function numberOf(v: FigureValue | undefined): number | null {
  return v && v.kind === 'number' ? v.value : null;
}

/** "2.139", "99,81" (two decimals for rates unless fewer are needed). */
export function fmt(n: number, decimals?: number): string {
  if (decimals !== undefined) return formatNumberVi(n, decimals);
  if (Number.isInteger(n)) return formatNumberVi(n);
  return formatNumberVi(Math.round(n * 100) / 100, Number.isInteger(Math.round(n * 100) / 10) ? 1 : 2);
}

export function fmtPercent(n: number, decimals?: number): string {
  return `${fmt(n, decimals)} %`;
}

/** Tolerance for stated rates: rounding or truncation to the stated decimals, plus 0,01 point. */
export const RATE_TOLERANCE = 0.01;

/**
 * Does a stated rate agree with the computed one? Accepts rounding (±½ unit of the last digit)
 * and truncation (up to one unit below) to the stated decimals, within 0,01 point; ">99 %" holds
 * when the computed rate is above 99.
 */
export function rateAgrees(stated: { value: number; decimals: number; bound?: string }, computed: number): boolean {
  const unit = Math.pow(10, -stated.decimals);
  const eps = RATE_TOLERANCE + 1e-9;
  switch (stated.bound) {
    case '>':
    case '≥':
      return computed >= stated.value - eps;
    case '<':
    case '≤':
      return computed <= stated.value + eps;
    default:
      return computed >= stated.value - unit / 2 - eps && computed < stated.value + unit + eps;
  }
}
