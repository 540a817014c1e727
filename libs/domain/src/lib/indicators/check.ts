import { fmt, fmtPercent, numberOf, rateAgrees } from './values';
import type {
  FigureRef,
  FigureRule,
  FigureValue,
  Finding,
  GroupValues,
  Indicator,
  IndicatorGroup,
  LineLocator,
  PeriodColumn,
  RuleKind,
  Severity,
} from './types';

export interface CheckOptions {
  periods: PeriodColumn[];
  /** For files: the source line of each value. */
  locate?: LineLocator;
  /** Skip the per-value checks (kind, range, code list): only the rules. */
  skipKinds?: boolean;
}

interface Ctx {
  group: IndicatorGroup;
  values: GroupValues;
  opts: CheckOptions;
  byCode: Map<string, Indicator>;
  out: Finding[];
}

function cap(s: string): string {
  return s ? s[0].toLocaleUpperCase('vi') + s.slice(1) : s;
}

function labelOf(ind: Indicator | undefined, code: string): string {
  if (!ind) return code;
  return ind.short ?? `${code} (${ind.name.length > 60 ? `${ind.name.slice(0, 57)}…` : ind.name})`;
}

function emit(c: Ctx, p: number, severity: Severity, rule: RuleKind, codes: string[], message: string, extra: FigureRef[] = []): void {
  const multi = c.opts.periods.length > 1;
  const period = c.opts.periods[p]?.label;
  const figures: FigureRef[] = codes.map((code) => {
    const v = c.values[code]?.[p];
    const value = v === undefined || v.kind === 'blank' ? null : v.kind === 'number' ? v.value : v.raw.trim();
    return { code, label: labelOf(c.byCode.get(code), code), value, line: c.opts.locate?.(c.group.code, code, p), period };
  });
  const line = figures.find((f) => f.line !== undefined)?.line;
  // A rate rule checks part ≤ total too: the same finding from a partOf rule is said once (a
  // warnOnly partOf, where the catalogue allows the part above the total, keeps it a warning).
  const same = c.out.find((f) => f.rule === rule && f.period === period && f.codes.join() === codes.join());
  if (same) {
    if (severity === 'warning') same.severity = 'warning';
    return;
  }
  c.out.push({
    severity,
    rule,
    message: multi && period ? `${period}: ${message}` : message,
    group: c.group.code,
    codes,
    period,
    line,
    figures: [...figures, ...extra],
  });
}

const val = (c: Ctx, code: string, p: number): FigureValue | undefined => c.values[code]?.[p];
/** A figure for a rule: a percentage written in a count row is not a count (that row gets its own finding). */
const num = (c: Ctx, code: string, p: number): number | null => {
  const v = val(c, code, p);
  if (v?.kind === 'number' && v.percent && c.byCode.get(code)?.kind.type !== 'percent') return null;
  return numberOf(v);
};
const lab = (c: Ctx, code: string): string => labelOf(c.byCode.get(code), code);

/** Checks each value against its indicator's kind. */
function checkKinds(c: Ctx, p: number): void {
  for (const ind of c.group.indicators) {
    const v = val(c, ind.code, p);
    if (!v || v.kind === 'blank') continue;
    const k = ind.kind;
    if (k.type === 'text') continue;
    // Only a finding needs the label (a value is checked on every keystroke of a form).
    const L = () => cap(lab(c, ind.code));
    if (k.type === 'count' || k.type === 'money') {
      if (v.kind !== 'number') continue; // text notes in a count cell are not figures
      if (v.percent)
        emit(c, p, 'error', 'count-holds-percent', [ind.code], `${L()} là số lượng (${k.unit}) nhưng ghi tỷ lệ ${v.raw.trim()}`);
      else if (v.value < 0) emit(c, p, 'error', 'negative', [ind.code], `${L()} không được âm (${fmt(v.value)})`);
      else if (k.type === 'count' && !Number.isInteger(v.value))
        emit(c, p, 'error', 'whole-count', [ind.code], `${L()} phải là số nguyên (${fmt(v.value)} ${k.unit})`);
    } else if (k.type === 'percent') {
      if (v.kind !== 'number') continue;
      if (!v.percent && v.value > 100)
        emit(c, p, 'error', 'percent-holds-count', [ind.code], `${L()} là tỷ lệ (%) nhưng ghi số ${fmt(v.value)}`);
      else if (v.value < 0 || (v.value > 100 && !k.allowAbove100))
        emit(c, p, 'error', 'percent-range', [ind.code], `${L()} = ${fmtPercent(v.value)} nằm ngoài 0–100 %`);
    } else if (k.type === 'coded') {
      if (v.kind !== 'number' || v.percent || !k.options.some((o) => o.value === v.value)) {
        const allowed = k.options.map((o) => `${o.label} = ${o.value}`).join('; ');
        emit(c, p, 'error', 'code-list', [ind.code], `${L()} ghi "${v.raw.trim()}", không thuộc danh sách mã (${allowed})`);
      }
    } else if (k.type === 'pass') {
      if (v.kind !== 'pass')
        emit(c, p, 'error', 'pass-value', [ind.code], `${L()} phải là "Đạt" hoặc "Không đạt", đang ghi "${v.raw.trim()}"`);
    }
  }
}

function checkRule(c: Ctx, r: FigureRule, p: number): void {
  if (r.type === 'rate') {
    const part = num(c, r.part, p);
    const total = num(c, r.total, p);
    if (part === null || total === null) return;
    const stated = val(c, r.rate, p);
    const rateKind = c.byCode.get(r.rate)?.kind;
    const above = rateKind?.type === 'percent' && !!rateKind.allowAbove100;
    const statedRate = stated?.kind === 'number' && (stated.percent || stated.value <= 100) ? stated : undefined;
    // A rate that may pass 100 % (budget collection: 1.234/1.200 = 102,8 %), or a stated rate above
    // 100 % that the figures bear out: the part legitimately exceeds the total; only a stated rate
    // its parts contradict is a finding.
    const exceeds = part > total && (above || (statedRate !== undefined && statedRate.value > 100));
    if (part > total && !exceeds) {
      emit(
        c,
        p,
        'error',
        'part-of',
        [r.part, r.total],
        `${cap(lab(c, r.part))} ${fmt(part)} lớn hơn ${lab(c, r.total)} ${fmt(total)} (lệch ${fmt(part - total)})`,
      );
      return;
    }
    if (total === 0 || !statedRate) return;
    const computed = (part / total) * 100;
    if (!rateAgrees(statedRate, computed)) {
      emit(
        c,
        p,
        'error',
        'rate',
        [r.rate, r.part, r.total],
        `${cap(lab(c, r.rate))} ghi ${statedRate.raw.trim()} nhưng ${fmt(part)}/${fmt(total)} = ${fmtPercent(computed, 2)} (lệch ${fmt(Math.abs(computed - statedRate.value), 2)} điểm)`,
      );
    }
  } else if (r.type === 'sum') {
    const total = num(c, r.total, p);
    const parts = r.parts.map((code) => num(c, code, p));
    const given = parts.filter((x): x is number => x !== null);
    if (total === null || !given.length) return;
    const sum = given.reduce((a, b) => a + b, 0);
    const shown = r.parts.filter((_, i) => parts[i] !== null);
    const expr = shown.map((code, i) => `${lab(c, code)} ${fmt(given[i])}`).join(' + ');
    const complete = given.length === parts.length;
    const diff = sum - total;
    if (diff > 0 || (complete && r.mode === 'exact' && diff !== 0)) {
      const sev: Severity = r.warnOnly ? 'warning' : 'error';
      emit(
        c,
        p,
        sev,
        r.mode === 'exact' && complete ? 'sum' : 'parent-child',
        [r.total, ...shown],
        `${cap(expr)} = ${fmt(sum)}, ${diff > 0 ? 'lớn hơn' : 'khác'} ${lab(c, r.total)} ${fmt(total)} (lệch ${fmt(Math.abs(diff))})`,
      );
    }
  } else if (r.type === 'partOf') {
    const part = num(c, r.part, p);
    const total = num(c, r.total, p);
    if (part !== null && total !== null && part > total) {
      emit(
        c,
        p,
        r.warnOnly ? 'warning' : 'error',
        'part-of',
        [r.part, r.total],
        `${cap(lab(c, r.part))} ${fmt(part)} lớn hơn ${lab(c, r.total)} ${fmt(total)} (lệch ${fmt(part - total)})`,
      );
    }
  } else {
    const received = num(c, r.received, p);
    const resolved = num(c, r.resolved, p);
    if (received === null || resolved === null) return;
    const pendingCodes = (r.pending ?? []).filter((code) => num(c, code, p) !== null);
    const carried = r.carried ? num(c, r.carried, p) : null;
    const inflow = received + (carried !== null && r.carriedIncluded === false ? carried : 0);
    const inflowText =
      carried !== null && r.carriedIncluded === false
        ? `${lab(c, r.received)} ${fmt(received)} + ${lab(c, r.carried as string)} ${fmt(carried)} = ${fmt(inflow)}`
        : `${lab(c, r.received)} ${fmt(inflow)}`;
    if (!pendingCodes.length) {
      if (resolved > inflow)
        emit(
          c,
          p,
          'error',
          'flow',
          [r.resolved, r.received],
          `${cap(lab(c, r.resolved))} ${fmt(resolved)} lớn hơn ${inflowText} (lệch ${fmt(resolved - inflow)})`,
        );
      return;
    }
    const out = resolved + pendingCodes.reduce((a, code) => a + (num(c, code, p) as number), 0);
    const tolerateCarried = carried !== null && r.carriedIncluded === undefined && (out === received || out === received + carried);
    if (out !== inflow && !tolerateCarried) {
      const expr = [r.resolved, ...pendingCodes].map((code) => `${lab(c, code)} ${fmt(num(c, code, p) as number)}`).join(' + ');
      emit(
        c,
        p,
        'error',
        'flow',
        [r.received, r.resolved, ...pendingCodes],
        `${cap(expr)} = ${fmt(out)}, khác ${inflowText} (lệch ${fmt(Math.abs(out - inflow))})`,
      );
    }
  }
}

/** The one checker: a form being typed, a part submitted, a report signed, an imported file. */
export function checkGroup(group: IndicatorGroup, values: GroupValues, opts: CheckOptions): Finding[] {
  const c: Ctx = { group, values, opts, byCode: new Map(group.indicators.map((i) => [i.code, i])), out: [] };
  const n = Math.max(1, opts.periods.length);
  for (let p = 0; p < n; p++) {
    if (!opts.skipKinds) checkKinds(c, p);
    for (const r of group.rules) checkRule(c, r, p);
  }
  return c.out;
}

/** Rates whose part and total are indicators are computed, never typed: value per period, or null. */
export function computeRates(group: IndicatorGroup, values: GroupValues, periods: number): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const r of group.rules) {
    if (r.type !== 'rate') continue;
    out[r.rate] = Array.from({ length: Math.max(1, periods) }, (_, p) => {
      const part = numberOf(values[r.part]?.[p]);
      const total = numberOf(values[r.total]?.[p]);
      return part === null || total === null || total === 0 ? null : (part / total) * 100;
    });
  }
  return out;
}
