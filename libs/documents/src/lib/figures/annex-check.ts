import {
  checkGroup,
  CCHC_QUARTERLY_FIGURES,
  CCHC_REVIEW_FIGURES,
  foldVietnamese,
  type FigureRule,
  type Finding,
  type GroupValues,
  type Indicator,
  type IndicatorGroup,
  type IndicatorKind,
  type PeriodColumn,
} from '@trinhky/domain';
import type { AnnexRow, AnnexTable } from './annex-rows';

// Folded to plain letters: foldVietnamese only normalises the spelling (tone placement), so the
// diacritics are dropped here (without this, "thủ tục" was compared as the fragments "th", "t").
// Memoised: catalogue names are compared with every annex row (bounded, cleared when large).
const folded = new Map<string, string[]>();
const words = (s: string): string[] => {
  const hit = folded.get(s);
  if (hit) return hit;
  const out = foldVietnamese(s.toLowerCase())
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .split(/[^a-z0-9]+/u)
    .filter((w) => w.length > 1);
  if (folded.size > 5000) folded.clear();
  folded.set(s, out);
  return out;
};
const wordSets = new Map<string, Set<string>>();
const wordSet = (s: string): Set<string> => {
  let hit = wordSets.get(s);
  if (!hit) {
    hit = new Set(words(s));
    if (wordSets.size > 5000) wordSets.clear();
    wordSets.set(s, hit);
  }
  return hit;
};
function overlap(small: string, big: string): number {
  const a = words(small);
  if (!a.length) return 0;
  const b = wordSet(big);
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / a.length;
}

/**
 * Rates that may pass 100 %: collection or spending against an estimate or a plan ("thu ngân sách so
 * với dự toán", "giải ngân", "thực hiện kế hoạch"), a comparison with another period, an excess.
 */
const ABOVE_100 =
  /(?:^|\s)thu(?=\s)|ngân sách|dự toán|giải ngân|kế hoạch vốn|thực hiện (?:kế hoạch|chỉ tiêu)|so với (?:cùng kỳ|năm|kỳ)|tăng trưởng|vượt/iu;

/** Kind of a row from its name and values: "Tỷ lệ …" is a rate, "Số …"/"Tổng số …" a count, a legend a coded answer. */
export function inferKind(row: AnnexRow): IndicatorKind {
  if (row.options) return { type: 'coded', options: row.options };
  const n = row.name.trim();
  if (/^(?:Tỷ|Tỉ) lệ(?=\s|$)/iu.test(n)) return { type: 'percent', allowAbove100: ABOVE_100.test(n) };
  if (row.cells.some((c) => c.value.kind === 'number' && c.value.unit)) return { type: 'money', unit: 'đồng' };
  if (/^(?:Tổng số|Số lượng|Số)(?=\s|$)/iu.test(n)) return { type: 'count', unit: '' };
  if (row.cells.length && row.cells.every((c) => c.value.kind === 'pass' || c.value.kind === 'blank')) return { type: 'pass' };
  return { type: 'text' };
}

const head = (name: string) => /^(?:Tổng số|Số lượng|Số)\s+(\S+(?:\s+\S+)?)/iu.exec(name)?.[1]?.toLowerCase();

/** Rules any annex carries by its shape: a rate over two counts; a "Trong đó" row within its parent. */
function inferRules(rows: AnnexRow[], kinds: Map<string, IndicatorKind>): FigureRule[] {
  const rules: FigureRule[] = [];
  for (const r of rows) {
    const children = rows.filter((c) => c.parent === r.code);
    const kind = kinds.get(r.code)?.type;
    if (kind === 'percent') {
      const counts = children.filter((c) => kinds.get(c.code)?.type === 'count');
      if (children.length === 2 && counts.length === 2) {
        const total = counts.find((c) => /^Tổng số|đề ra|được giao|cần phải|đủ điều kiện/iu.test(c.name)) ?? counts[0];
        const part = counts.find((c) => c !== total) as AnnexRow;
        rules.push({ type: 'rate', rate: r.code, part: part.code, total: total.code });
      }
    } else if (kind === 'count') {
      for (const c of children) {
        if (kinds.get(c.code)?.type !== 'count') continue;
        if (c.part || (head(c.name) && head(c.name) === head(r.name))) rules.push({ type: 'partOf', part: c.code, total: r.code });
      }
    }
  }
  return rules;
}

/** The catalogue group an annex is a copy of (by title), when the report follows a known form. */
function matchGroup(table: AnnexTable): IndicatorGroup | undefined {
  let best: { g: IndicatorGroup; s: number } | undefined;
  for (const cat of [CCHC_REVIEW_FIGURES, CCHC_QUARTERLY_FIGURES]) {
    for (const g of cat.groups) {
      const s = overlap(g.title, table.title);
      if (s >= 0.8 && (!best || s > best.s)) best = { g, s };
    }
  }
  return best?.g;
}

export interface AnnexCheck {
  table: AnnexTable;
  group: IndicatorGroup;
  findings: Finding[];
}

/** Builds the annex's indicator group (catalogue rows where the names agree, inferred rows otherwise) and checks it. */
export function checkAnnexTable(table: AnnexTable): AnnexCheck {
  const known = matchGroup(table);
  const kinds = new Map<string, IndicatorKind>();
  // The catalogue row a row is a copy of: same code, and names that agree.
  const matched = new Set<string>();
  const indicators: Indicator[] = table.rows.map((r) => {
    const cat = known?.indicators.find((i) => i.code === r.code && overlap(i.name, r.name) >= 0.6);
    if (cat) matched.add(r.code);
    const kind = cat && cat.kind.type !== 'text' ? cat.kind : inferKind(r);
    kinds.set(r.code, kind);
    return { code: r.code, name: r.name, kind, parent: r.parent, part: r.part };
  });
  // A "Trong đó" sub-row counts what its parent counts.
  for (const ind of indicators) {
    const parentKind = ind.parent ? kinds.get(ind.parent) : undefined;
    if (ind.part && ind.kind.type === 'text' && parentKind?.type === 'count') {
      ind.kind = parentKind;
      kinds.set(ind.code, parentKind);
    }
  }
  const codesOf = (r: FigureRule): string[] =>
    r.type === 'rate'
      ? [r.rate, r.part, r.total]
      : r.type === 'sum'
        ? [r.total, ...r.parts]
        : r.type === 'partOf'
          ? [r.part, r.total]
          : [r.received, r.resolved, ...(r.pending ?? [])];
  const rowCodes = new Set(table.rows.map((x) => x.code));
  const fromCatalogue = (known?.rules ?? []).filter((r) => codesOf(r).every((c) => matched.has(c) || !rowCodes.has(c)));
  const ruleKey = (r: FigureRule) => JSON.stringify(codesOf(r).slice().sort());
  const catalogueKeys = new Set(fromCatalogue.map(ruleKey));
  const inferred = inferRules(table.rows, kinds).filter((r) => !catalogueKeys.has(ruleKey(r)));
  const rules = [...fromCatalogue, ...inferred];
  const group: IndicatorGroup = {
    code: table.label,
    title: table.title,
    part: known?.part ?? '',
    unit: known?.unit ?? 'VHXH',
    indicators,
    rules,
  };
  const byCode = new Map(table.rows.map((r) => [r.code, r]));
  const k = table.periods.length;
  const columns = new Map<number, PeriodColumn[]>();
  const periodsFor = (n: number): PeriodColumn[] => {
    let hit = columns.get(n);
    if (!hit) {
      hit = Array.from({ length: n }, (_, i) => ({
        key: String(i),
        label: n === k ? table.periods[i] : `giá trị thứ ${i + 1}/${n} (cột chưa rõ)`,
      }));
      columns.set(n, hit);
    }
    return hit;
  };
  const locate = (_g: string, code: string, p: number) => byCode.get(code)?.cells[p]?.line ?? byCode.get(code)?.line;
  const findings: Finding[] = [];
  // Per-value checks, each row in its own columns.
  const sameCode = new Map<string, Indicator[]>();
  for (const i of indicators) sameCode.set(i.code, [...(sameCode.get(i.code) ?? []), i]);
  for (const r of table.rows) {
    const one: IndicatorGroup = { ...group, indicators: sameCode.get(r.code) ?? [], rules: [] };
    findings.push(...checkGroup(one, { [r.code]: r.cells.map((c) => c.value) }, { periods: periodsFor(r.cells.length), locate }));
  }
  // Rules: columns are compared only between rows written with the same number of cells.
  for (const rule of rules) {
    const codes = codesOf(rule).filter((c) => byCode.has(c));
    const anchor =
      rule.type === 'rate' ? rule.total : rule.type === 'sum' ? rule.total : rule.type === 'partOf' ? rule.total : rule.received;
    const n = byCode.get(anchor)?.cells.length ?? 0;
    if (!n) continue;
    const values: GroupValues = {};
    for (const c of codes) {
      const cells = byCode.get(c)?.cells ?? [];
      if (cells.length === n || (c === (rule.type === 'rate' ? rule.rate : '') && cells.length === n))
        values[c] = cells.map((x) => x.value);
    }
    findings.push(...checkGroup({ ...group, rules: [rule] }, values, { periods: periodsFor(n), locate, skipKinds: true }));
  }
  return { table, group, findings };
}
