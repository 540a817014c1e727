import { z } from 'zod';
import { period, text } from './primitives';
import { reportDeadline, reportDetail } from './reports';

const MAX = 5 * 1024 * 1024;

/** What an import is read from: a plain-text report, or a Word file (base64). Exactly one of them. */
const source = {
  text: text(MAX).optional(),
  docxBase64: z
    .string()
    .max(Math.ceil((MAX * 4) / 3) + 4, { error: 'tệp quá lớn (tối đa 5 MB)' })
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, { error: 'không phải dữ liệu base64' })
    .optional(),
};
const oneSource = (b: { text?: string; docxBase64?: string }): boolean => !!b.text?.trim() !== !!b.docxBase64;
const sourceError = { error: 'gửi nội dung báo cáo (text) hoặc tệp Word (docxBase64), một trong hai', path: ['text'] };

export const importPreviewRequest = z.strictObject(source).refine(oneSource, sourceError);
export const importReportRequest = z
  .strictObject({ ...source, period, deadline: reportDeadline, basis: text(4_000).nullable().optional() })
  .refine(oneSource, sourceError);

export const sourceNote = z.object({ line: z.int(), text: z.string(), reason: z.string() });

export const importPreview = z.object({
  result: z.object({
    /** The report document as understood (libs/domain ReportDocument). */
    document: z.looseObject({ subject: z.array(z.string()) }),
    unplaced: z.array(sourceNote),
    removed: z.array(sourceNote),
    mapping: z.record(z.string(), z.string()),
    stats: z.record(z.string(), z.unknown()),
  }),
  /** Template part code → paragraphs found for it. */
  found: z.record(z.string(), z.int()),
  /** Template parts the text has no heading for. */
  missing: z.array(z.string()),
});

export const importCreated = z.object({
  report: reportDetail,
  found: z.record(z.string(), z.int()),
  missing: z.array(z.string()),
  unplaced: z.array(sourceNote),
  stats: z.record(z.string(), z.unknown()),
});
