import { unitColumn } from './annex-table';
import type { Aggregate, AggregatedFigure, AggregatedGroup, AggregateSource } from './aggregate-types';
import { groupValues } from './part-figures';
import type { FigureValue, Indicator, IndicatorCatalogue, IndicatorGroup } from './types';
import { fmt } from './values';

interface Cell {
  src: AggregateSource;
  v: FigureValue;
}

const isHeading = (g: IndicatorGroup, ind: Indicator): boolean =>
  ind.kind.type === 'text' && g.indicators.some((x) => x.parent === ind.code);

/** A number a sum may use: a number, not a percentage written in a count or money row (the checker refuses those). */
function summable(ind: Indicator, v: FigureValue): number | null {
  if (v.kind !== 'number' || v.bound) return null;
  if (v.percent && ind.kind.type !== 'percent') return null;
  return v.value;
}

function shown(ind: Indicator, v: FigureValue): string {
  const k = ind.kind;
  if (v.kind === 'number') {
    if (k.type === 'coded') return k.options.find((o) => o.value === v.value)?.label ?? v.raw.trim();
    return `${v.bound ?? ''}${fmt(v.value, v.decimals || undefined)}`;
  }
  if (v.kind === 'pass') return v.passed ? 'Đạt' : 'Không đạt';
  return v.raw.trim();
}

function cellsOf(group: IndicatorGroup, sources: AggregateSource[], period: number): Map<string, Cell[]> {
  const out = new Map<string, Cell[]>(group.indicators.map((i) => [i.code, []]));
  for (const src of sources) {
    const values = groupValues(src.figures[group.code]);
    for (const [code, vs] of Object.entries(values)) {
      const v = vs[period];
      const list = out.get(code);
      if (list && v && v.kind !== 'blank') list.push({ src, v });
    }
  }
  return out;
}

function sumOf(ind: Indicator, cells: Cell[]): number | null {
  const ns = cells.map((c) => summable(ind, c.v)).filter((n): n is number => n !== null);
  // Integers are summed exactly; money with decimals is rounded to the cent to avoid 0,1 + 0,2 artefacts.
  return ns.length ? Math.round(ns.reduce((a, b) => a + b, 0) * 100) / 100 : null;
}

function aggregateOne(group: IndicatorGroup, ind: Indicator, cells: Map<string, Cell[]>): AggregatedFigure {
  const mine = cells.get(ind.code) ?? [];
  const sources = mine.map((c) => ({
    organisationId: c.src.organisationId,
    organisationName: c.src.organisationName,
    value: shown(ind, c.v),
  }));
  const base = { reported: mine.length, sources };
  const byCode = new Map(group.indicators.map((i) => [i.code, i]));
  const k = ind.kind;
  if (k.type === 'count' || k.type === 'money') {
    const value = sumOf(ind, mine);
    return { method: 'sum', value, text: value === null ? '' : fmt(value), ...base };
  }
  if (k.type === 'percent') {
    const rule = group.rules.find((r) => r.type === 'rate' && r.rate === ind.code);
    if (rule && rule.type === 'rate') {
      const partSum = sumOf(byCode.get(rule.part) as Indicator, cells.get(rule.part) ?? []);
      const totalSum = sumOf(byCode.get(rule.total) as Indicator, cells.get(rule.total) ?? []);
      const value = partSum === null || totalSum === null || totalSum === 0 ? null : (partSum / totalSum) * 100;
      // Behind a computed rate: the communes that reported both its part and its total, with their own rate.
      const totals = new Map(
        (cells.get(rule.total) ?? []).map((c) => [c.src.organisationId, summable(byCode.get(rule.total) as Indicator, c.v)]),
      );
      const rated = (cells.get(rule.part) ?? []).flatMap((c) => {
        const a = summable(byCode.get(rule.part) as Indicator, c.v);
        const b = totals.get(c.src.organisationId);
        return a === null || b === null || b === undefined ? [] : [{ src: c.src, text: b === 0 ? '' : fmt((a / b) * 100, 2) }];
      });
      return {
        method: 'rate',
        value,
        text: value === null ? '' : fmt(value, 2),
        rate: { part: rule.part, total: rule.total, partSum, totalSum },
        note: `Tính lại từ tổng chỉ tiêu ${rule.part} / tổng chỉ tiêu ${rule.total} × 100 (không lấy bình quân các tỷ lệ).`,
        reported: rated.length,
        sources: rated.map((x) => ({ organisationId: x.src.organisationId, organisationName: x.src.organisationName, value: x.text })),
      };
    }
    const weight = ind.weight ? byCode.get(ind.weight) : undefined;
    if (weight) {
      const w = new Map((cells.get(weight.code) ?? []).map((c) => [c.src.organisationId, summable(weight, c.v)]));
      let num = 0;
      let den = 0;
      for (const c of mine) {
        const wi = w.get(c.src.organisationId);
        const x = c.v.kind === 'number' && !c.v.bound ? c.v.value : null;
        if (x === null || wi === null || wi === undefined) continue;
        num += x * wi;
        den += wi;
      }
      const value = den > 0 ? num / den : null;
      return {
        method: 'weighted',
        value,
        text: value === null ? '' : fmt(value, 2),
        note: `Bình quân gia quyền theo chỉ tiêu ${weight.code} (${weight.name}) của từng xã.`,
        ...base,
      };
    }
    return {
      method: 'none',
      value: null,
      text: '',
      note: 'Không tổng hợp: tỷ lệ do xã tự ghi, danh mục không có chỉ tiêu tổng để tính lại; xem số liệu từng xã.',
      ...base,
    };
  }
  if (k.type === 'coded') {
    const counts = k.options.map((o) => ({
      value: o.value,
      label: o.label,
      count: mine.filter((c) => c.v.kind === 'number' && !c.v.percent && c.v.value === o.value).length,
    }));
    return { method: 'codes', value: null, text: counts.map((c) => `${c.label}: ${c.count}`).join('; '), counts, ...base };
  }
  if (k.type === 'pass') {
    const counts = [true, false].map((passed) => ({
      value: passed,
      label: passed ? 'Đạt' : 'Không đạt',
      count: mine.filter((c) => c.v.kind === 'pass' && c.v.passed === passed).length,
    }));
    return { method: 'pass', value: null, text: counts.map((c) => `${c.label}: ${c.count}`).join('; '), counts, ...base };
  }
  return {
    method: 'answers',
    value: null,
    text: mine.length ? `${fmt(mine.length)} xã trả lời` : '',
    note: 'Nội dung tự do: không cộng, xem câu trả lời của từng xã.',
    ...base,
  };
}

/**
 * Many reports' figures of one catalogue version → per indicator and period: counts and money summed,
 * rates recomputed from the summed parts (never an average of percentages), typed percentages weighted
 * by their total where the catalogue names it (otherwise not aggregated, with the reason), coded answers
 * and Đạt / Không đạt counted per value, free text counted (not summed); blank = not reported. Each
 * figure lists the communes behind it with their values.
 */
export function aggregateFigures(catalogue: IndicatorCatalogue, sources: AggregateSource[]): Aggregate {
  const periods = Math.max(1, catalogue.periods.length);
  const groups = catalogue.groups.map((g): AggregatedGroup => {
    const cells = Array.from({ length: periods }, (_, p) => cellsOf(g, sources, p));
    return {
      code: g.code,
      title: g.title,
      part: g.part,
      indicators: g.indicators.map((ind) => {
        const heading = isHeading(g, ind);
        return {
          code: ind.code,
          name: ind.name,
          unit: unitColumn(ind),
          kind: ind.kind.type,
          ...(ind.parent ? { parent: ind.parent } : {}),
          ...(ind.part ? { part: true } : {}),
          heading,
          periods: heading
            ? cells.map(() => ({ method: 'answers' as const, value: null, text: '', reported: 0, sources: [] }))
            : cells.map((c) => aggregateOne(g, ind, c)),
        };
      }),
    };
  });
  return {
    template: catalogue.template,
    version: catalogue.version,
    title: catalogue.title,
    periods: catalogue.periods,
    sources: sources.length,
    groups,
  };
}

/**
 * The aggregate as a part's figures (what the superior's compiled report starts from): sums and weighted
 * rates as typed values in Vietnamese format; rates with a rule stay computed (null: never typed); coded
 * answers, Đạt / Không đạt and free text are left for the superior to write (a count is not an answer).
 */
export function aggregatedPartFigures(agg: Aggregate, groupCode: string): { values: Record<string, (string | null)[]> } | null {
  const g = agg.groups.find((x) => x.code === groupCode);
  if (!g) return null;
  const values: Record<string, (string | null)[]> = {};
  for (const ind of g.indicators) {
    if (ind.heading) continue;
    values[ind.code] = ind.periods.map((f) =>
      f.value === null || (f.method !== 'sum' && f.method !== 'weighted') ? null : fmt(f.value, f.method === 'weighted' ? 2 : undefined),
    );
  }
  return { values };
}
