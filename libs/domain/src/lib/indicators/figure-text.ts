import { computeRates } from './check';
import { groupValues, type PartFigures } from './part-figures';
import type { Indicator, IndicatorCatalogue, IndicatorGroup } from './types';
import { fmt, parseFigure } from './values';

/**
 * A run bound to an indicator's value (the editor's chip). Codes restart per group, so `group`
 * names the catalogue group ("TTHC"); without it the code must be unique in the catalogue.
 * `period` is an index into the catalogue's periods (default 0: the only one of a quarterly report).
 */
export interface FigureBinding {
  code: string;
  group?: string;
  period?: number;
}

/** A report's figures by catalogue group code (the part that holds the group), as stored. */
export type FiguresByGroup = Record<string, PartFigures | null | undefined>;

/** What a bound run shows when its figure is not reported yet. */
export const NOT_REPORTED = '…';

export type ResolvedBinding = { ok: true; group: IndicatorGroup; indicator: Indicator; period: number } | { ok: false; reason: string };

/** Finds the indicator a binding names, or says in Vietnamese why it names none. */
export function resolveBinding(catalogue: IndicatorCatalogue | undefined, b: FigureBinding): ResolvedBinding {
  if (!catalogue) return { ok: false, reason: 'Báo cáo này không có bảng số liệu để gắn số liệu.' };
  const groups = b.group ? catalogue.groups.filter((g) => g.code === b.group) : catalogue.groups;
  if (b.group && !groups.length) return { ok: false, reason: `Không có bảng số liệu mã "${b.group}".` };
  const hits = groups.flatMap((g) => g.indicators.filter((i) => i.code === b.code).map((i) => ({ g, i })));
  if (!hits.length) return { ok: false, reason: `Chỉ tiêu mã "${b.code}"${b.group ? ` (bảng ${b.group})` : ''} không có trong danh mục.` };
  if (hits.length > 1)
    return { ok: false, reason: `Mã "${b.code}" có ở nhiều bảng (${hits.map((h) => h.g.code).join(', ')}): cần ghi rõ bảng.` };
  const period = b.period ?? 0;
  if (!Number.isInteger(period) || period < 0 || period >= Math.max(1, catalogue.periods.length))
    return { ok: false, reason: `Chỉ tiêu mã "${b.code}": kỳ số ${period} không có (có ${catalogue.periods.length} kỳ).` };
  if (hits[0].i.kind.type === 'text' && hits[0].g.indicators.some((x) => x.parent === b.code))
    return { ok: false, reason: `Mã "${b.code}" là tiêu đề nhóm, không có giá trị.` };
  return { ok: true, group: hits[0].g, indicator: hits[0].i, period };
}

/** "Hồ sơ" → "hồ sơ" in running text; acronyms ("PAKN") stay as written. */
export function unitInText(unit: string): string {
  const first = unit.split(/\s+/)[0] ?? '';
  return first.length > 1 && first === first.toLocaleUpperCase('vi') ? unit : unit.toLocaleLowerCase('vi');
}

/**
 * The value of one indicator in one period, formatted: a rate whose part and total are indicators
 * is computed (never typed) when both are reported; null when not reported.
 */
export function figureValue(
  group: IndicatorGroup,
  figures: PartFigures | null | undefined,
  code: string,
  period: number,
): FigureShown | null {
  const ind = group.indicators.find((i) => i.code === code);
  if (!ind) return null;
  const values = groupValues(figures);
  if (ind.kind.type === 'percent' && group.rules.some((r) => r.type === 'rate' && r.rate === code)) {
    const computed = computeRates(group, values, period + 1)[code]?.[period];
    if (computed !== null && computed !== undefined) return { indicator: ind, number: computed, text: fmt(computed), computed: true };
  }
  const raw = figures?.values?.[code]?.[period];
  if (raw === null || raw === undefined || !raw.trim()) return null;
  const v = parseFigure(raw);
  if (v.kind === 'blank') return null;
  const k = ind.kind;
  if (v.kind === 'number') {
    if (k.type === 'coded') {
      const label = k.options.find((o) => o.value === v.value)?.label;
      return { indicator: ind, number: v.value, text: label ?? raw.trim(), computed: false };
    }
    return { indicator: ind, number: v.value, text: `${v.bound ?? ''}${fmt(v.value, v.decimals || undefined)}`, computed: false };
  }
  if (v.kind === 'pass') return { indicator: ind, number: null, text: v.passed ? 'Đạt' : 'Không đạt', computed: false };
  return { indicator: ind, number: null, text: raw.trim(), computed: false };
}

export interface FigureShown {
  indicator: Indicator;
  /** The number (a rate in percent points), null for labels and text. */
  number: number | null;
  /** The number in Vietnamese format without its unit ("2.139", "99,81"), or the label ("Có tổ chức", "Đạt"). */
  text: string;
  /** A rate computed from its part and total. */
  computed: boolean;
}

/** A shown value with its unit: "2.139 hồ sơ", "99,81 %", "1.500 triệu đồng"; labels and text as they are. */
export function withUnit(shown: FigureShown, opts: { countUnit?: boolean } = {}): string {
  const k = shown.indicator.kind;
  if (shown.number === null) return shown.text;
  if (k.type === 'percent') return `${shown.text} %`;
  if (k.type === 'money') return `${shown.text} ${k.unit}`;
  if (k.type === 'count' && opts.countUnit !== false) return `${shown.text} ${unitInText(k.unit)}`;
  return shown.text;
}

/**
 * The text of a run bound to a figure, as the PDF, the document endpoint and the editor's chip show
 * it: "2.139 hồ sơ", "99,81 %", "Có tổ chức"; NOT_REPORTED ("…") when the value is not reported,
 * and "[mã?]" when the binding names no indicator of the catalogue.
 */
export function figureText(catalogue: IndicatorCatalogue | undefined, figuresByGroup: FiguresByGroup, binding: FigureBinding): string {
  const r = resolveBinding(catalogue, binding);
  if (!r.ok) return `[${binding.code}?]`;
  const shown = figureValue(r.group, figuresByGroup[r.group.code], r.indicator.code, r.period);
  return shown ? withUnit(shown) : NOT_REPORTED;
}

/** A report's figures by group from its parts' figures by template part code ("II.2" → TTHC). */
export function figuresByGroupOf(
  catalogue: IndicatorCatalogue | undefined,
  byPart: Record<string, PartFigures | null | undefined>,
): FiguresByGroup {
  const out: FiguresByGroup = {};
  for (const g of catalogue?.groups ?? []) out[g.code] = byPart[g.part] ?? null;
  return out;
}
