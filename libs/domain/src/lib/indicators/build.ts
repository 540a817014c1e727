import type { CodeOption, FigureRule, Indicator, IndicatorKind, MoneyUnit } from './types';

/** Small builders so catalogues read like the annex tables they come from. */
export const count = (code: string, name: string, unit: string, extra: Partial<Indicator> = {}): Indicator => ({
  code,
  name,
  kind: { type: 'count', unit },
  ...extra,
});
export const percent = (code: string, name: string, extra: Partial<Indicator> & { allowAbove100?: boolean } = {}): Indicator => {
  const { allowAbove100, ...rest } = extra;
  return { code, name, kind: { type: 'percent', allowAbove100 }, ...rest };
};
export const money = (code: string, name: string, unit: MoneyUnit, extra: Partial<Indicator> = {}): Indicator => ({
  code,
  name,
  kind: { type: 'money', unit },
  ...extra,
});
export const coded = (code: string, name: string, options: CodeOption[], extra: Partial<Indicator> = {}): Indicator => ({
  code,
  name,
  kind: { type: 'coded', options },
  ...extra,
});
export const pass = (code: string, name: string, extra: Partial<Indicator> = {}): Indicator => ({
  code,
  name,
  kind: { type: 'pass' },
  ...extra,
});
export const text = (code: string, name: string, extra: Partial<Indicator> = {}): Indicator => ({
  code,
  name,
  kind: { type: 'text' },
  ...extra,
});
export const heading = (code: string, name: string): Indicator => ({ code, name, kind: { type: 'text' } });

export const YES_NO = (yes: string, no: string): CodeOption[] => [
  { value: 0, label: no },
  { value: 1, label: yes },
];
export const PROGRESS: CodeOption[] = [
  { value: 0, label: 'Chưa thực hiện' },
  { value: 1, label: 'Đang thực hiện' },
  { value: 2, label: 'Hoàn thành' },
];

export const rate = (r: string, part: string, total: string): FigureRule => ({ type: 'rate', rate: r, part, total });
export const sum = (total: string, parts: string[], mode: 'exact' | 'atMost' = 'exact', warnOnly?: boolean): FigureRule => ({
  type: 'sum',
  total,
  parts,
  mode,
  warnOnly,
});
export const partOf = (part: string, total: string, warnOnly?: boolean): FigureRule =>
  warnOnly ? { type: 'partOf', part, total, warnOnly } : { type: 'partOf', part, total };

export function kindLabel(k: IndicatorKind): string {
  switch (k.type) {
    case 'count':
      return k.unit;
    case 'percent':
      return '%';
    case 'money':
      return k.unit;
    case 'coded':
      return k.options.map((o) => `${o.label} = ${o.value}`).join('; ');
    case 'pass':
      return 'Đạt/Không đạt';
    default:
      return '';
  }
}
