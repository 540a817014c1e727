/** Reporting periods and data cut-offs (Nghị định 09/2019/NĐ-CP, Điều 12). */

export type PeriodKind = 'quarter' | 'half' | 'year' | 'nine_months';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–4 for quarters, 1–2 for half-years; absent for a year. */
  index?: number;
}

export interface CutOff {
  /** First day of data, ISO date. */
  from: string;
  /** Last day of data, ISO date. */
  to: string;
}

const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Validates a period; returns a Vietnamese message when invalid, null when valid. */
export function periodError(p: Partial<Period>): string | null {
  if (!p || typeof p !== 'object') return 'Kỳ báo cáo không hợp lệ.';
  if (!['quarter', 'half', 'year', 'nine_months'].includes(String(p.kind)))
    return 'Loại kỳ báo cáo phải là quý, 6 tháng, 9 tháng hoặc năm.';
  if (!Number.isInteger(p.year) || (p.year as number) < 2000 || (p.year as number) > 2100) return 'Năm của kỳ báo cáo không hợp lệ.';
  if (p.kind === 'quarter' && !(Number.isInteger(p.index) && (p.index as number) >= 1 && (p.index as number) <= 4))
    return 'Quý phải từ 1 đến 4.';
  if (p.kind === 'half' && !(Number.isInteger(p.index) && (p.index as number) >= 1 && (p.index as number) <= 2))
    return 'Kỳ 6 tháng phải là 1 (đầu năm) hoặc 2 (cuối năm).';
  return null;
}

/**
 * Data cut-off: quarter = 15th of the month before the quarter to the 14th of its last month;
 * half-year 15/12–14/6 and 15/6–14/12; nine months 15/12–14/9; year 15/12–14/12.
 */
export function dataCutOff(p: Period): CutOff {
  switch (p.kind) {
    case 'quarter': {
      const q = p.index ?? 1;
      const lastMonth = q * 3;
      const startMonth = lastMonth - 3; // month before the quarter
      return {
        from: startMonth === 0 ? iso(p.year - 1, 12, 15) : iso(p.year, startMonth, 15),
        to: iso(p.year, lastMonth, 14),
      };
    }
    case 'half':
      return p.index === 2
        ? { from: iso(p.year, 6, 15), to: iso(p.year, 12, 14) }
        : { from: iso(p.year - 1, 12, 15), to: iso(p.year, 6, 14) };
    case 'nine_months':
      return { from: iso(p.year - 1, 12, 15), to: iso(p.year, 9, 14) };
    case 'year':
      return { from: iso(p.year - 1, 12, 15), to: iso(p.year, 12, 14) };
  }
}

const QUARTER_ROMAN = ['I', 'II', 'III', 'IV'];

/** "Quý III năm 2025", "6 tháng đầu năm 2025", "năm 2025". */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'quarter':
      return `Quý ${QUARTER_ROMAN[(p.index ?? 1) - 1]} năm ${p.year}`;
    case 'half':
      return `6 tháng ${p.index === 2 ? 'cuối' : 'đầu'} năm ${p.year}`;
    case 'nine_months':
      return `9 tháng năm ${p.year}`;
    case 'year':
      return `năm ${p.year}`;
  }
}

/** The period after this one (for "phương hướng nhiệm vụ" of the next period). */
export function nextPeriod(p: Period): Period {
  switch (p.kind) {
    case 'quarter':
      return p.index === 4 ? { kind: 'quarter', year: p.year + 1, index: 1 } : { kind: 'quarter', year: p.year, index: (p.index ?? 1) + 1 };
    case 'half':
      return p.index === 2 ? { kind: 'half', year: p.year + 1, index: 1 } : { kind: 'half', year: p.year, index: 2 };
    default:
      return { kind: p.kind, year: p.year + 1 };
  }
}

/** Stable key for storage and filters: "2025-Q3", "2025-H1", "2025-9M", "2025". */
export function periodKey(p: Period): string {
  switch (p.kind) {
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'half':
      return `${p.year}-H${p.index}`;
    case 'nine_months':
      return `${p.year}-9M`;
    case 'year':
      return `${p.year}`;
  }
}

/** Adds (or, when negative, subtracts) working days (Mon–Fri) to an ISO date. Public holidays are not modelled. */
export function addWorkingDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + step);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Today's date in Vietnam (UTC+7), ISO. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
