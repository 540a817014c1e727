/**
 * The figures form's model: a part's catalogue group as rows, typed values parsed and shown in
 * Vietnamese format, computed rates, and the findings of the domain checker placed on their rows.
 * Pure functions over libs/domain: the form recomputes everything as the user types, no round trip.
 */
import {
  checkGroup,
  computeRates,
  findingKey,
  figuresProblems,
  formatNumberVi,
  groupValues,
  kindLabel,
  parseFigure,
  unexplained,
  type Finding,
  type Indicator,
  type IndicatorCatalogue,
  type IndicatorGroup,
  type PartFigures,
} from '@trinhky/domain';

export type CellInput = 'number' | 'coded' | 'pass' | 'text' | 'computed' | 'none';

export interface FigureRow {
  ind: Indicator;
  depth: number;
  /** The first "Trong đó" sub-row of its parent: the form prints "Trong đó:" above it. */
  firstPart: boolean;
  input: CellInput;
  unit: string;
}

/** Codes of rates whose part and total are indicators of the group: computed, never typed. */
export function computedCodes(group: IndicatorGroup): Set<string> {
  const codes = new Set(group.indicators.map((i) => i.code));
  return new Set(group.rules.flatMap((r) => (r.type === 'rate' && codes.has(r.part) && codes.has(r.total) ? [r.rate] : [])));
}

export function inputOf(ind: Indicator, group: IndicatorGroup, computed: Set<string>): CellInput {
  if (computed.has(ind.code)) return 'computed';
  switch (ind.kind.type) {
    case 'count':
    case 'money':
    case 'percent':
      return 'number';
    case 'coded':
      return 'coded';
    case 'pass':
      return 'pass';
    default:
      // A text indicator with children is a heading ("2. Thực hiện kế hoạch CCHC"), not a figure.
      return group.indicators.some((c) => c.parent === ind.code) ? 'none' : 'text';
  }
}

/** The group's indicators in catalogue order, children indented under their parent. */
export function figureRows(group: IndicatorGroup): FigureRow[] {
  const byCode = new Map(group.indicators.map((i) => [i.code, i]));
  const computed = computedCodes(group);
  const seenPart = new Set<string>();
  return group.indicators.map((ind) => {
    let depth = 0;
    for (let p = ind.parent; p && byCode.has(p) && depth < 5; p = byCode.get(p)?.parent) depth++;
    const firstPart = !!ind.part && !!ind.parent && !seenPart.has(ind.parent);
    if (ind.part && ind.parent) seenPart.add(ind.parent);
    const input = inputOf(ind, group, computed);
    const unit = ind.kind.type === 'coded' || ind.kind.type === 'pass' || input === 'none' ? '' : kindLabel(ind.kind);
    return { ind, depth, firstPart, input, unit };
  });
}

/** Empty values for every indicator and period (null = not reported). */
export function emptyFigures(group: IndicatorGroup, periods: number): PartFigures {
  return { values: Object.fromEntries(group.indicators.map((i) => [i.code, Array.from({ length: periods }, () => null)])) };
}

/** Stored values completed to the group's shape (a new indicator, a missing period → null). */
export function normaliseFigures(group: IndicatorGroup, periods: number, stored: PartFigures | null | undefined): PartFigures {
  const out = emptyFigures(group, periods);
  for (const code of Object.keys(out.values)) {
    const vs = stored?.values?.[code];
    if (vs) out.values[code] = out.values[code].map((_, p) => vs[p] ?? null);
  }
  const ex = stored?.explanations;
  return ex && Object.keys(ex).length ? { ...out, explanations: { ...ex } } : out;
}

/**
 * What a typed number shows once the field is left: "2139" → "2.139", "99,8" stays, "2.5" (not a
 * Vietnamese number) stays as typed so the problem shows.
 */
export function formatTyped(raw: string): string {
  const v = parseFigure(raw);
  if (v.kind !== 'number' || v.bound) return raw.trim();
  return formatNumberVi(v.value, v.decimals) + (v.percent ? ' %' : '');
}

/** A cell's own problem, before any rule: text where a number belongs. */
export function cellProblem(row: FigureRow, raw: string | null): string | null {
  if (raw === null || !raw.trim() || row.input !== 'number') return null;
  const v = parseFigure(raw);
  if (v.kind === 'number' || v.kind === 'blank') return null;
  return `"${raw.trim()}" không phải là số (viết 2.139 hoặc 99,81)`;
}

/** Rates computed from their parts, written as the annex shows them ("99,81"); null when a part is missing. */
export function withComputedRates(group: IndicatorGroup, periods: number, figures: PartFigures): PartFigures {
  const rates = computeRates(group, groupValues(figures), periods);
  const values = { ...figures.values };
  for (const [code, vs] of Object.entries(rates))
    if (values[code]) values[code] = vs.map((r) => (r === null ? null : formatNumberVi(Math.round(r * 100) / 100, 2)));
  return { ...figures, values };
}

/** Only the explanations of warnings that still exist are kept (a fixed figure drops its explanation). */
export function keptExplanations(findings: Finding[], figures: PartFigures): PartFigures {
  const live = new Set(findings.filter((f) => f.severity === 'warning').map(findingKey));
  const explanations = Object.fromEntries(Object.entries(figures.explanations ?? {}).filter(([k, v]) => live.has(k) && v.trim()));
  const { values } = figures;
  return Object.keys(explanations).length ? { values, explanations } : { values };
}

export interface FiguresState {
  /** What is saved: typed values, computed rates filled in, explanations of live warnings only. */
  figures: PartFigures;
  findings: Finding[];
  /** Cell problems ("không phải là số") by `code@period`. */
  cells: Record<string, string>;
  /** What the API would refuse at saving (figuresProblems), in Vietnamese. */
  problems: string[];
  /** Errors and unexplained warnings: submitting is blocked while any remain. */
  open: Finding[];
}

export function figuresState(catalogue: IndicatorCatalogue, partCode: string, group: IndicatorGroup, typed: PartFigures): FiguresState {
  const n = catalogue.periods.length;
  const rows = figureRows(group);
  const cells: Record<string, string> = {};
  for (const row of rows)
    (typed.values[row.ind.code] ?? []).forEach((raw, p) => {
      const problem = cellProblem(row, raw);
      if (problem) cells[`${row.ind.code}@${p}`] = problem;
    });
  const filled = withComputedRates(group, n, typed);
  const findings = checkGroup(group, groupValues(filled), { periods: catalogue.periods });
  const figures = keptExplanations(findings, filled);
  const problems = figuresProblems(catalogue, partCode, figures);
  return { figures, findings, cells, problems, open: unexplained(findings, figures) };
}

/** Why "Nộp phần" is disabled, or null when the figures allow submitting. */
export function submitBlock(state: FiguresState | null): string | null {
  if (!state) return null;
  const bad = Object.keys(state.cells).length;
  if (bad) return `Chưa nộp được: ${bad} ô số liệu không phải là số.`;
  const errors = state.open.filter((f) => f.severity === 'error').length;
  const warnings = state.open.length - errors;
  if (!errors && !warnings) return null;
  const parts = [errors ? `${errors} lỗi số liệu cần sửa` : '', warnings ? `${warnings} cảnh báo cần giải trình` : ''].filter(Boolean);
  return `Chưa nộp được: ${parts.join(' và ')}.`;
}

/** Findings shown on a row: those whose first figure is this indicator. */
export function findingsOf(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.codes[0] === code);
}

/** Cells a finding ties together (highlighted), as `code@period` keys. */
export function tiedCells(findings: Finding[], periodLabels: string[]): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    const p = f.period ? periodLabels.indexOf(f.period) : 0;
    for (const code of f.codes) out.add(`${code}@${Math.max(0, p)}`);
  }
  return out;
}

/** A stored value as the read-only view shows it: numbers formatted with their unit, codes by their label. */
export function displayValue(row: FigureRow, raw: string | null): string {
  if (raw === null || !raw.trim()) return '—';
  const k = row.ind.kind;
  if (k.type === 'coded') {
    const v = parseFigure(raw);
    const opt = v.kind === 'number' ? k.options.find((o) => o.value === v.value) : undefined;
    return opt ? opt.label : raw;
  }
  if (row.input === 'number' || row.input === 'computed') {
    const shown = formatTyped(raw);
    return k.type === 'percent' && !shown.endsWith('%') ? `${shown} %` : shown;
  }
  return raw;
}
