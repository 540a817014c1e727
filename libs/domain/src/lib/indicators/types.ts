/** Figures as data: indicator catalogues, values and findings (issue 11). Pure data, no framework. */
import type { UnitCode } from '../organisation';

export type MoneyUnit = 'đồng' | 'triệu đồng' | 'tỷ đồng';

export interface CodeOption {
  value: number;
  label: string;
}

/** What an indicator holds. */
export type IndicatorKind =
  | { type: 'count'; unit: string }
  | { type: 'percent'; allowAbove100?: boolean }
  | { type: 'money'; unit: MoneyUnit }
  | { type: 'coded'; options: CodeOption[] }
  | { type: 'pass' }
  | { type: 'text' };

export interface Indicator {
  /** Code within its group (annex): "3.2.4". Codes restart per group. */
  code: string;
  name: string;
  kind: IndicatorKind;
  /** Code of the parent row; a "Trong đó" child names its parent here and sets `part`. */
  parent?: string;
  /** A "Trong đó" sub-row (a part of the parent). */
  part?: boolean;
  /** Short label used in findings ("đã giải quyết"); defaults to the code and name. */
  short?: string;
  /**
   * A percentage typed by hand (no rate rule): the code of the indicator it is a share of, so that
   * communes' values can be aggregated as an average weighted by it (never a plain average).
   */
  weight?: string;
}

/** Rules tie indicators of one group together (codes are local to the group). */
export type FigureRule =
  /** rate = part / total × 100; computed, never typed, when part and total are indicators. */
  | { type: 'rate'; rate: string; part: string; total: string }
  /** total = Σ parts (`exact`), or Σ parts ≤ total (`atMost`); `warnOnly` where a difference may be explained. */
  | { type: 'sum'; total: string; parts: string[]; mode: 'exact' | 'atMost'; warnOnly?: boolean }
  /** part ≤ total; `warnOnly` where the catalogue allows the part above the total with an explanation. */
  | { type: 'partOf'; part: string; total: string; warnOnly?: boolean }
  /** received (+ carried over, when not already inside received) = resolved + pending. */
  | { type: 'flow'; received: string; resolved: string; pending?: string[]; carried?: string; carriedIncluded?: boolean };

export interface IndicatorGroup {
  /** Stable code of the group: "TTHC", "PL3". */
  code: string;
  title: string;
  /** Template part (report section) the group belongs to, e.g. "II.2". */
  part: string;
  /** Department that fills the group. */
  unit: UnitCode;
  indicators: Indicator[];
  rules: FigureRule[];
}

export interface PeriodColumn {
  key: string;
  label: string;
}

/** An indicator catalogue of one template, versioned: a report keeps the version it was opened with. */
export interface IndicatorCatalogue {
  template: string;
  version: number;
  title: string;
  /**
   * One column per period: as written for a single-period catalogue; for a multi-year one
   * (`yearly`), the default columns, relabelled per report by `catalogueForReport` (one per year
   * ending with the report's year, the last "tính đến" the report's data cut-off).
   */
  periods: PeriodColumn[];
  /** Columns are years ending with the report's year (the multi-year review). */
  yearly?: boolean;
  groups: IndicatorGroup[];
}

/** A parsed value as typed or as written in a report. */
export type FigureValue =
  | { kind: 'blank'; raw: string }
  | { kind: 'number'; value: number; percent: boolean; decimals: number; bound?: '>' | '<' | '≥' | '≤'; unit?: string; raw: string }
  | { kind: 'pass'; passed: boolean; raw: string }
  | { kind: 'done'; raw: string }
  | { kind: 'text'; raw: string };

/** Values of one group: code → one value per period (index in `periods`). */
export type GroupValues = Record<string, (FigureValue | undefined)[]>;

export type Severity = 'error' | 'warning';

export type RuleKind =
  | 'rate'
  | 'sum'
  | 'part-of'
  | 'flow'
  | 'whole-count'
  | 'negative'
  | 'percent-range'
  | 'count-holds-percent'
  | 'percent-holds-count'
  | 'code-list'
  | 'pass-value'
  | 'parent-child'
  | 'text-vs-annex';

export interface FigureRef {
  /** Indicator code, when the figure is an indicator. */
  code?: string;
  label: string;
  value: number | string | null;
  /** Source line (1-based) when the figure comes from a file. */
  line?: number;
  period?: string;
}

export interface Finding {
  severity: Severity;
  rule: RuleKind;
  message: string;
  /** Group and indicator codes the finding points at (forms). */
  group?: string;
  codes: string[];
  period?: string;
  /** Source line (1-based) the finding is reported on (files). */
  line?: number;
  figures: FigureRef[];
}

/** Where a value came from, for files: group code, indicator code, period index → source line. */
export type LineLocator = (group: string, code: string, period: number) => number | undefined;
