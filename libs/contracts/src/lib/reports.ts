import { isCalendarDate } from '@trinhky/domain';
import { z } from 'zod';
import {
  codeName,
  eventType,
  idName,
  isoDate,
  isoDateTime,
  pageOf,
  pageParams,
  period,
  reportState,
  sectionState,
  text,
  uuid,
} from './primitives';

/** The report's deadline, with the message users know. */
export const reportDeadline = z
  .string({ error: 'hạn nộp báo cáo phải là ngày hợp lệ (yyyy-mm-dd)' })
  .refine((s) => isCalendarDate(s), { error: 'hạn nộp báo cáo phải là ngày hợp lệ (yyyy-mm-dd)' })
  .meta({ format: 'date', example: '2026-03-20' });

export const allowedEvent = z.object({
  type: eventType,
  sectionId: z.string().optional(),
  commentRequired: z.boolean(),
  /** Button label in Vietnamese ("Nộp", "Trả lại", "Ký"). */
  label: z.string(),
});

export const reportSummary = z.object({
  id: z.string(),
  title: z.string(),
  templateCode: z.string(),
  kind: z.string(),
  period: z.object({ kind: period.shape.kind, year: z.int(), index: z.int().optional() }),
  periodKey: z.string(),
  periodLabel: z.string(),
  state: reportState,
  version: z.int(),
  deadline: z.string(),
  cutOff: z.object({ from: z.string(), to: z.string() }),
  number: z.string().nullable(),
  issuedAt: z.string().nullable(),
  /** Who holds the report now, in words. */
  holder: z.string(),
  overdue: z.boolean(),
  sectionsTotal: z.int(),
  sectionsAccepted: z.int(),
  updatedAt: isoDateTime,
  /** The report's organisation: a province user follows several communes. */
  organisation: idName,
});

export const sectionSummary = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  title: z.string(),
  level: z.string(),
  unit: codeName,
  assignee: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  state: sectionState,
  deadline: z.string(),
  overdue: z.boolean(),
  currentRevisionId: z.string().nullable(),
  acceptedRevisionId: z.string().nullable(),
  lastComment: z.string().nullable(),
});

export const signatureView = z.object({ lines: z.array(z.string()), name: z.string(), signedAt: z.string() });

export const reportDetail = reportSummary.extend({
  subject: z.array(z.string()),
  recipients: z.array(z.string()),
  distribution: z.array(z.string()),
  basis: z.string().nullable(),
  revision: z.int(),
  policy: codeName,
  signature: signatureView.nullable(),
  sections: z.array(sectionSummary),
  allowedEvents: z.array(allowedEvent),
});

export const reportListQuery = z.object({
  state: text(400).optional(),
  period: text(40).optional(),
  unit: text(40).optional(),
  kind: text(40).optional(),
  template: text(40).optional(),
  overdue: z.enum(['true', 'false', '1', '0']).optional(),
  /** Accent-insensitive, on title and number. */
  q: text(200).optional(),
  organisation: z.uuid({ error: 'mã cơ quan trong bộ lọc không hợp lệ' }).optional(),
  ...pageParams,
});
/** A page of `GET /api/reports`: `total` counts every report matching the filters. */
export const reportPage = pageOf(reportSummary);

export const createReportRequest = z.strictObject({
  templateCode: text(40, 1).default('CCHC_QUY'),
  period,
  deadline: reportDeadline,
  basis: text(4_000).nullable().optional(),
  /** Part code → the part's own deadline (defaults to the template's, counted back from `deadline`). */
  sectionDeadlines: z.record(text(40), isoDate).optional(),
  /** Part code → the user it is assigned to. */
  assignees: z.record(text(40), uuid).optional(),
});

export const eventRequest = z.strictObject({
  type: eventType,
  sectionId: uuid.optional(),
  comment: text(4_000).optional(),
  payload: z.record(z.string(), z.unknown()).optional(),
  expectedVersion: z.int({ error: 'phải là số phiên bản (số nguyên)' }).min(1),
  /**
   * `sign`: the SHA-256 (hex) of the PDF the signer previewed (`X-Document-Sha256` of GET …/pdf).
   * The leader's signature is applied to exactly those bytes; a stale or missing hash is refused.
   */
  documentSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'phải là mã SHA-256 (64 ký tự thập lục phân, chữ thường)' })
    .optional(),
});

export const eventResult = z.object({
  state: reportState,
  version: z.int(),
  allowedEvents: z.array(allowedEvent),
  /** The register number ("07/BC-UBND") once issued. */
  number: z.string().nullable().optional(),
});

/** 409 on a stale `expectedVersion`; 403/422 carry `allowedEvents`. */
export const eventRefusal = z.looseObject({
  statusCode: z.int(),
  message: z.string(),
  state: reportState.optional(),
  version: z.int().optional(),
  allowedEvents: z.array(allowedEvent).optional(),
});
