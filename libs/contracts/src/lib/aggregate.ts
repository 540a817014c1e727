import { z } from 'zod';
import { idName, isoDate, reportState } from './primitives';

/** Issue 12 §5: the figures of a request's communes that submitted, summed per indicator, traceable to each commune. */

/** A commune behind a figure, with the value it reported ("2.139", "Có tổ chức", "Đạt"). */
export const figureSource = z.object({ organisationId: z.string(), organisationName: z.string(), value: z.string() });

export const aggregatedFigure = z.object({
  /** sum (counts, money), rate (recomputed from the summed part and total), weighted (a typed percentage weighted by its total), codes / pass (counted per value), answers (free text: who answered), none (not aggregated: see note). */
  method: z.enum(['sum', 'rate', 'weighted', 'codes', 'pass', 'answers', 'none']),
  value: z.number().nullable(),
  text: z.string(),
  rate: z.object({ part: z.string(), total: z.string(), partSum: z.number().nullable(), totalSum: z.number().nullable() }).optional(),
  counts: z.array(z.object({ value: z.union([z.number(), z.boolean()]), label: z.string(), count: z.int() })).optional(),
  /** How many communes reported the figure (blank = not reported). */
  reported: z.int(),
  note: z.string().optional(),
  sources: z.array(figureSource),
});

export const aggregatedIndicator = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(['count', 'percent', 'money', 'coded', 'pass', 'text']),
  parent: z.string().optional(),
  part: z.boolean().optional(),
  heading: z.boolean(),
  periods: z.array(aggregatedFigure),
});

export const aggregatedGroup = z.object({
  code: z.string(),
  title: z.string(),
  part: z.string(),
  indicators: z.array(aggregatedIndicator),
});

/** A commune whose submitted report is in the aggregate: the report and the revision its figures come from. */
export const aggregateIncluded = z.object({
  organisation: idName,
  report: z.object({ id: z.string(), state: reportState, numberText: z.string().nullable(), revision: z.int() }),
});

/** An addressed commune not (yet) in the aggregate, and why. */
export const aggregateExcluded = z.object({
  organisation: idName,
  report: z.object({ id: z.string(), state: reportState }).nullable(),
  reason: z.string(),
});

export const requestAggregate = z.object({
  request: z.object({ id: z.string(), numberText: z.string(), subject: z.string(), templateCode: z.string(), periodKey: z.string() }),
  catalogue: z.object({ template: z.string(), version: z.int(), title: z.string() }),
  periods: z.array(z.object({ key: z.string(), label: z.string() })),
  included: z.array(aggregateIncluded),
  notIncluded: z.array(aggregateExcluded),
  groups: z.array(aggregatedGroup),
  /** The superior's compiled report: opened already (reportId), or whether the caller may open it (with the reason if not). */
  compile: z.object({ allowed: z.boolean(), reason: z.string().nullable(), reportId: z.string().nullable() }),
});

/** POST /requests/{id}/compile: the compiled report's deadline (default: 5 working days after the later of today and the request's deadline). */
export const compileRequestBody = z.strictObject({ deadline: isoDate.optional() });

export type FigureSourceView = z.output<typeof figureSource>;
export type AggregatedFigureView = z.output<typeof aggregatedFigure>;
export type AggregatedIndicatorView = z.output<typeof aggregatedIndicator>;
export type RequestAggregate = z.output<typeof requestAggregate>;
export type CompileRequestBody = z.output<typeof compileRequestBody>;
