/** Filtering, totals and CSV of report lists (Báo cáo, Theo dõi). Pure functions, unit-tested. */
import { periodKey, periodLabel, type Period } from '@trinhky/domain';
import { reportDeadlineRuns } from '@trinhky/workflow';
import { daysLeft, formatDate, todayIso } from './format';
import { reportStateLabel } from './labels';
import type { ReportSummary } from '@trinhky/contracts';
import type { ReportState } from '@trinhky/workflow';

export interface ReportListFilter {
  period: string;
  kind: string;
  state: string;
  unit: string;
  overdue: boolean;
  q: string;
  /** Organisation id ('' = all): for a province user following several communes. */
  organisation: string;
}

export const EMPTY_FILTER: ReportListFilter = { period: '', kind: '', state: '', unit: '', overdue: false, q: '', organisation: '' };

/** Lower case without diacritics ("Cải cách" → "cai cach"), so a search works typed either way. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The units a report involves. The list API gives `holder` (unit names of who holds it now);
 * a unit filter matches the holder text or the code itself.
 */
export function matchesUnit(r: ReportSummary, unit: string, unitName?: string): boolean {
  if (!unit) return true;
  const hay = searchKey(r.holder);
  return hay.includes(searchKey(unitName ?? unit)) || hay.includes(searchKey(unit));
}

export function filterReports(list: ReportSummary[], f: ReportListFilter, unitNames: Record<string, string> = {}): ReportSummary[] {
  const words = searchKey(f.q).split(' ').filter(Boolean);
  return list.filter((r) => {
    if (f.organisation && r.organisation.id !== f.organisation) return false;
    if (f.period && r.periodKey !== f.period) return false;
    if (f.kind && r.kind !== f.kind) return false;
    if (f.state && r.state !== f.state) return false;
    if (f.overdue && !r.overdue) return false;
    if (f.unit && !matchesUnit(r, f.unit, unitNames[f.unit])) return false;
    if (words.length) {
      const hay = searchKey([r.title, r.periodLabel, r.number ?? '', r.holder, reportStateLabel(r.state), r.organisation.name].join(' '));
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/** Distinct periods of a list, newest first, as select options. */
export function periodOptions(list: ReportSummary[]): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const r of list) if (!seen.has(r.periodKey)) seen.set(r.periodKey, r.periodLabel);
  return [...seen.entries()].sort((a, b) => b[0].localeCompare(a[0])).map(([key, label]) => ({ key, label }));
}

/** Distinct organisations of a list by name; more than one only for a user who follows other organisations. */
export function organisationOptions(list: ReportSummary[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of list) if (!seen.has(r.organisation.id)) seen.set(r.organisation.id, r.organisation.name);
  return [...seen.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export function kindOptions(list: ReportSummary[]): string[] {
  return [...new Set(list.map((r) => r.kind))].sort();
}

export function totalsByState(list: ReportSummary[]): { state: ReportState; count: number }[] {
  const m = new Map<ReportState, number>();
  for (const r of list) m.set(r.state, (m.get(r.state) ?? 0) + 1);
  return [...m.entries()].map(([state, count]) => ({ state, count }));
}

/** Days left until the deadline; null once the report was sent or cancelled (libs/workflow `reportDeadlineRuns`). */
export function daysLeftOf(r: ReportSummary, today = todayIso()): number | null {
  if (!reportDeadlineRuns(r.state) || !r.deadline) return null;
  return daysLeft(r.deadline.slice(0, 10), today);
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV of the tracking board (UTF-8 with BOM so spreadsheet programs read the Vietnamese). */
export function trackingCsv(list: ReportSummary[], today = todayIso(), withOrganisation = organisationOptions(list).length > 1): string {
  // The organisation column when the list spans several, or is another organisation's (a province following its communes).
  const withOrg = withOrganisation;
  const head = [
    ...(withOrg ? ['Cơ quan'] : []),
    'Báo cáo',
    'Kỳ',
    'Loại',
    'Trạng thái',
    'Số',
    'Hạn nộp',
    'Còn lại (ngày)',
    'Quá hạn',
    'Đang xử lý',
    'Phần đã chấp nhận',
  ];
  const rows = list.map((r) => {
    const left = daysLeftOf(r, today);
    return [
      ...(withOrg ? [r.organisation.name] : []),
      r.title,
      r.periodLabel,
      r.kind,
      reportStateLabel(r.state),
      r.number ?? '',
      formatDate(r.deadline),
      left === null ? '' : left,
      r.overdue ? 'Có' : 'Không',
      r.holder,
      `${r.sectionsAccepted}/${r.sectionsTotal}`,
    ];
  });
  return '\uFEFF' + [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Saves a text or blob as a download. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Period options without loading every report: the years around `today`, each with its quarters, halves, 9 months. */
export function recentPeriodOptions(today = todayIso(), back = 5): { key: string; label: string }[] {
  const year = Number(today.slice(0, 4));
  const out: { key: string; label: string }[] = [];
  for (let y = year + 1; y >= year - back; y--) {
    const periods: Period[] = [
      { kind: 'year', year: y },
      { kind: 'nine_months', year: y },
      { kind: 'half', year: y, index: 2 },
      { kind: 'half', year: y, index: 1 },
      ...[4, 3, 2, 1].map((index) => ({ kind: 'quarter' as const, year: y, index })),
    ];
    for (const p of periods) out.push({ key: periodKey(p), label: periodLabel(p) });
  }
  return out;
}

/** The list filter as `GET /api/reports` (and the board) take it. */
export function listQuery(f: ReportListFilter): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.period) q['period'] = f.period;
  if (f.kind) q['kind'] = f.kind;
  if (f.state) q['state'] = f.state;
  if (f.unit) q['unit'] = f.unit;
  if (f.overdue) q['overdue'] = 'true';
  if (f.q.trim()) q['q'] = f.q.trim();
  if (f.organisation) q['organisation'] = f.organisation;
  return q;
}
