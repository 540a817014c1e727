import { z } from 'zod';
import { uuid } from './primitives';

/** A part's figures as sent and stored: indicator code → one value per period as typed ("2.139", "99,81"; null = not reported), and one-line explanations of warnings keyed by finding key. */
export const partFigures = z.strictObject({
  values: z.record(z.string().max(40), z.array(z.string().max(500).nullable()).max(20)),
  explanations: z.record(z.string().max(200), z.string().max(500)).optional(),
});

export const figureRef = z.object({
  code: z.string().optional(),
  label: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  line: z.int().optional(),
  period: z.string().optional(),
});

export const finding = z.object({
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  message: z.string(),
  group: z.string().optional(),
  codes: z.array(z.string()),
  period: z.string().optional(),
  figures: z.array(figureRef),
  /** Stable key an explanation is stored under. */
  key: z.string(),
  explanation: z.string().nullable(),
});

export const indicatorView = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.object({ type: z.enum(['count', 'percent', 'money', 'coded', 'pass', 'text']) }).loose(),
  parent: z.string().optional(),
  part: z.boolean().optional(),
  short: z.string().optional(),
  weight: z.string().optional(),
});

/** GET section: the part's indicators (its catalogue group), the current values and their findings; null when the part has no figures. */
export const sectionFigures = z.object({
  catalogue: z.object({ template: z.string(), version: z.int(), title: z.string() }),
  periods: z.array(z.object({ key: z.string(), label: z.string() })),
  group: z.object({
    code: z.string(),
    title: z.string(),
    unit: z.string(),
    indicators: z.array(indicatorView),
    rules: z.array(z.object({ type: z.string() }).loose()),
  }),
  values: partFigures.shape.values,
  explanations: z.record(z.string(), z.string()),
  findings: z.array(finding),
});

/** GET /reports/{id}/checks: every finding of the report, with the part it is in and a link to the figures. */
export const reportCheck = finding.extend({ sectionId: z.string(), part: z.string(), partTitle: z.string(), link: z.string() });

/** The .xlsx media type (annex export, part sheets, their import). */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST …/figures.xlsx: the revision the import is based on (the part's current one; absent when the part has none yet). */
export const importPartSheetQuery = z.strictObject({ baseRevisionId: uuid.optional() });

/** What an import saved: the new revision and the findings between its figures (not refusals). */
export const importPartSheetResult = z.object({ revisionId: z.string(), number: z.int(), findings: z.array(finding) });
