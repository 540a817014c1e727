import {
  checkGroup,
  parseFigure,
  type FigureRule,
  type FigureValue,
  type Finding,
  type Indicator,
  type IndicatorGroup,
  type Severity,
} from '@trinhky/domain';
import type { NumToken } from './text-numbers';

/** One figure read from the text, with its source line. */
export interface TextFigure {
  label: string;
  tok: NumToken;
  line: number;
}

/**
 * Narrative statements become a small indicator group (one per statement) checked by the same
 * domain checker as forms and annexes, so a sentence and a form speak with one voice.
 */
/** A statement the checker evaluated (for tests and the report's table): silence is only proof if it looked. */
export interface Trace {
  rule: string;
  line: number;
  values: (number | string)[];
}
let trace: Trace[] | null = null;
export function traceChecks<T>(fn: () => T): { result: T; trace: Trace[] } {
  trace = [];
  try {
    const result = fn();
    // A computation read by two readers (a "trong đó" list and the flow of files) is one statement.
    const seen = new Set<string>();
    const unique = trace.filter((t) => {
      const key = `${t.rule}|${t.line}|${t.values.join()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { result, trace: unique };
  } finally {
    trace = null;
  }
}

/** The figure a token states: "vượt 2,8%" states 102,8 %. */
function valueOf(tok: NumToken): FigureValue {
  const v = parseFigure((tok.bound ? '>' : '') + tok.raw.replace(/\s/g, ''));
  if (!tok.excess || v.kind !== 'number') return v;
  const value = 100 + v.value;
  return { ...v, value, raw: `vượt ${tok.raw.trim()} (${value.toFixed(v.decimals).replace('.', ',')}%)` };
}

export function checkStatement(figs: Record<string, TextFigure>, rule: FigureRule, severity?: Severity): Finding[] {
  const indicators: Indicator[] = Object.entries(figs).map(([code, f]) => ({
    code,
    name: f.label,
    short: f.label,
    kind: f.tok.percent ? { type: 'percent' } : { type: 'count', unit: f.tok.unit || 'đơn vị' },
  }));
  trace?.push({
    rule: rule.type,
    line: Math.min(...Object.values(figs).map((f) => f.line)),
    values: Object.values(figs).map((f) => f.tok.value),
  });
  const group: IndicatorGroup = { code: 'VB', title: 'Văn bản', part: '', unit: 'VHXH', indicators, rules: [rule] };
  const values = Object.fromEntries(Object.entries(figs).map(([code, f]) => [code, [valueOf(f.tok)]]));
  const out = checkGroup(group, values, { periods: [], locate: (_g, code) => figs[code]?.line, skipKinds: true });
  for (const f of out) {
    delete f.group;
    f.codes = [];
    for (const x of f.figures) delete x.code; // figures of a sentence are not indicators: they point at lines
    if (severity) f.severity = severity;
  }
  return out;
}
