import { checkGroup } from './check';
import type { Finding, GroupValues, IndicatorCatalogue, IndicatorGroup } from './types';
import { parseFigure } from './values';

/**
 * A part's figures as stored with its revision: each indicator code → one typed value per period
 * (as the user wrote it, Vietnamese format: "2.139", "99,81"; null = not reported), and the
 * one-line explanations the drafter gave for warnings (keyed by `findingKey`).
 */
export interface PartFigures {
  values: Record<string, (string | null)[]>;
  explanations?: Record<string, string>;
}

/** The catalogue group a template part fills, if any. */
export function groupForPart(catalogue: IndicatorCatalogue | undefined, partCode: string): IndicatorGroup | undefined {
  return catalogue?.groups.find((g) => g.part === partCode);
}

/** A finding's stable key: the explanation a drafter gives is stored under it. */
export function findingKey(f: Pick<Finding, 'rule' | 'codes' | 'period'>): string {
  return `${f.rule}:${f.codes.join(',')}${f.period ? `@${f.period}` : ''}`;
}

export function groupValues(figures: PartFigures | null | undefined): GroupValues {
  const out: GroupValues = {};
  for (const [code, vs] of Object.entries(figures?.values ?? {})) out[code] = vs.map((v) => (v === null ? undefined : parseFigure(v)));
  return out;
}

/** Every finding of a part's figures (none when the part has no catalogue group). */
export function checkPartFigures(
  catalogue: IndicatorCatalogue | undefined,
  partCode: string,
  figures: PartFigures | null | undefined,
): Finding[] {
  const group = groupForPart(catalogue, partCode);
  if (!group || !catalogue || !figures) return [];
  return checkGroup(group, groupValues(figures), { periods: catalogue.periods });
}

/** Rules that check one value against its own indicator: refused at saving, not merely reported. */
export const VALUE_RULES: ReadonlySet<string> = new Set([
  'whole-count',
  'negative',
  'percent-range',
  'count-holds-percent',
  'percent-holds-count',
  'code-list',
  'pass-value',
]);

/**
 * Shape problems of submitted figures, in Vietnamese, each naming the indicator: unknown codes,
 * a wrong number of periods, text where a number belongs, and values that break their own kind
 * (not whole, outside the code list, …). Rule findings between figures are not problems here.
 */
export function figuresProblems(catalogue: IndicatorCatalogue | undefined, partCode: string, figures: unknown): string[] {
  const group = groupForPart(catalogue, partCode);
  if (!group || !catalogue) return ['Phần này không có bảng số liệu.'];
  const f = figures as Partial<PartFigures> | null;
  if (!f || typeof f !== 'object' || !f.values || typeof f.values !== 'object' || Array.isArray(f.values))
    return ['Số liệu phải có dạng {values: {mã chỉ tiêu: [giá trị theo kỳ]}}.'];
  const out: string[] = [];
  const n = catalogue.periods.length;
  const byCode = new Map(group.indicators.map((i) => [i.code, i]));
  for (const [code, vs] of Object.entries(f.values)) {
    const ind = byCode.get(code);
    if (!ind) {
      out.push(`Chỉ tiêu mã "${code}" không có trong bảng "${group.title}".`);
      continue;
    }
    const name = `Chỉ tiêu ${code} (${ind.name})`;
    if (!Array.isArray(vs) || vs.length !== n || vs.some((v) => v !== null && (typeof v !== 'string' || v.length > 500))) {
      out.push(`${name}: cần đúng ${n} giá trị (chuỗi hoặc null), theo các kỳ ${catalogue.periods.map((p) => p.label).join(', ')}.`);
      continue;
    }
    if (ind.kind.type === 'text') continue;
    vs.forEach((v, p) => {
      if (v === null) return;
      const parsed = parseFigure(v);
      const at = n > 1 ? ` (${catalogue.periods[p].label})` : '';
      const wantsNumber =
        ind.kind.type === 'count' || ind.kind.type === 'money' || ind.kind.type === 'percent' || ind.kind.type === 'coded';
      if (wantsNumber && parsed.kind !== 'number' && parsed.kind !== 'blank') out.push(`${name}${at}: "${v}" không phải là số.`);
    });
  }
  for (const [k, text] of Object.entries(f.explanations ?? {})) {
    if (typeof text !== 'string' || text.length > 500 || /[\r\n]/.test(text))
      out.push(`Giải trình "${k}" phải là một dòng, tối đa 500 ký tự.`);
  }
  if (out.length) return out;
  const kinds = checkGroup(group, groupValues(f as PartFigures), { periods: catalogue.periods }).filter((x) => VALUE_RULES.has(x.rule));
  return kinds.map((x) => `Chỉ tiêu ${x.codes[0]}: ${x.message}`);
}

/** Findings left unanswered: every error, and warnings without an explanation. */
export function unexplained(findings: Finding[], figures: PartFigures | null | undefined): Finding[] {
  const ex = figures?.explanations ?? {};
  return findings.filter((f) => f.severity === 'error' || !ex[findingKey(f)]?.trim());
}
