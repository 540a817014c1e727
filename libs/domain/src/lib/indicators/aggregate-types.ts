import type { FiguresByGroup } from './figure-text';
import type { Indicator } from './types';

/** One commune's report as aggregation reads it: its figures by catalogue group (the submitted revision's). */
export interface AggregateSource {
  organisationId: string;
  organisationName: string;
  figures: FiguresByGroup;
}

/**
 * How a figure was aggregated: `sum` (counts, money), `rate` (recomputed from the summed part and
 * total), `weighted` (a typed percentage averaged with the weight of the total it is a share of),
 * `codes` (coded answers counted per value), `pass` (Đạt / Không đạt counted), `answers` (free text:
 * only how many answered), `none` (a typed percentage the catalogue gives no total for: not aggregated).
 */
export type AggregateMethod = 'sum' | 'rate' | 'weighted' | 'codes' | 'pass' | 'answers' | 'none';

/** A commune behind a figure and what it reported (as shown: "2.139", "Có tổ chức", "Đạt"). */
export interface FigureSource {
  organisationId: string;
  organisationName: string;
  value: string;
}

export interface AggregatedFigure {
  method: AggregateMethod;
  /** The aggregated number (a sum, or a rate in percent points); null when there is none. */
  value: number | null;
  /** Vietnamese display of the aggregate: "4.282", "99,81", "Có tổ chức: 2; Không tổ chức: 1". */
  text: string;
  /** For a rate: the summed part and total it is computed from (codes and sums). */
  rate?: { part: string; total: string; partSum: number | null; totalSum: number | null };
  /** Coded answers and Đạt / Không đạt: how many communes gave each value (every option listed). */
  counts?: { value: number | boolean; label: string; count: number }[];
  /** How many communes reported the figure (blank = not reported). */
  reported: number;
  /** Why the figure is not aggregated, or how it was (weighted by …). */
  note?: string;
  /** The communes behind the figure, with their values (those that reported it). */
  sources: FigureSource[];
}

export interface AggregatedIndicator {
  code: string;
  name: string;
  /** The unit column: "Hồ sơ", "%", "triệu đồng"; empty for coded, pass and text. */
  unit: string;
  kind: Indicator['kind']['type'];
  parent?: string;
  part?: boolean;
  /** A heading row (no value). */
  heading: boolean;
  /** One aggregate per period of the catalogue. */
  periods: AggregatedFigure[];
}

export interface AggregatedGroup {
  code: string;
  title: string;
  part: string;
  indicators: AggregatedIndicator[];
}

export interface Aggregate {
  template: string;
  version: number;
  title: string;
  periods: { key: string; label: string }[];
  /** How many reports were aggregated. */
  sources: number;
  groups: AggregatedGroup[];
}
