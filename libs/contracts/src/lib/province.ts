import { z } from 'zod';
import { idName, isoDate, isoDateTime, pageOf, pageParams, period, reportState, text, uuid } from './primitives';

/** Issue 12: the superior agency takes part — receivers, report requests, đôn đốc, the province board. */

/** Which agency receives a report kind from the caller's organisation (default: its parent). */
export const receiverView = z.object({ reportKind: z.string(), receiver: idName.nullable(), configured: z.boolean() });
export const setReceiverRequest = z.strictObject({ receiverId: uuid });

export const createRequestBody = z.strictObject({
  numberText: text(60, 1).meta({ example: '2150/SNV-CCHC' }),
  issuedOn: isoDate,
  subject: text(500, 1).meta({ example: 'về việc báo cáo công tác CCHC quý IV năm 2026' }),
  templateCode: text(40, 1).default('CCHC_QUY'),
  period,
  deadline: isoDate,
  cutoffFrom: isoDate.optional(),
  cutoffTo: isoDate.optional(),
  remindDaysBefore: z
    .int({ error: 'số ngày nhắc phải là số nguyên' })
    .min(0, { error: 'số ngày nhắc không âm' })
    .max(30, { error: 'tối đa 30 ngày' })
    .default(2),
  organisationIds: z.array(uuid).min(1, { error: 'chọn ít nhất một cơ quan nhận' }).max(500, { error: 'tối đa 500 cơ quan' }),
});

/** Where an addressed organisation stands (libs/workflow `requestProgress`, the same on the request's page). */
export const requestProgress = z.enum(['not_opened', 'collecting', 'signed', 'submitted', 'late', 'refused', 'received', 'cancelled']);

/** Where one addressed organisation stands on a request. */
export const targetStatus = z.enum(['not_opened', 'in_progress', 'submitted', 'submitted_late', 'cancelled']);
export const requestTarget = z.object({
  organisation: idName,
  report: z.object({ id: z.string(), state: reportState, numberText: z.string().nullable() }).nullable(),
  status: targetStatus,
  /** Past the deadline and not submitted, or submitted after it. */
  late: z.boolean(),
  lastReminder: isoDate.nullable(),
  /** As the province board shows it (libs/workflow `requestProgress`). */
  progress: requestProgress,
});

export const requestView = z.object({
  id: z.string(),
  numberText: z.string(),
  issuedOn: isoDate,
  subject: z.string(),
  templateCode: z.string(),
  periodKey: z.string(),
  deadline: isoDate,
  cutoffFrom: isoDate,
  cutoffTo: isoDate,
  remindDaysBefore: z.int(),
  issuer: idName,
  createdAt: isoDateTime,
  /** The basis paragraph a commune's report opened from it starts with. */
  basis: z.string(),
  targets: z.array(requestTarget),
});

/** A page of report requests (issued by, or addressed to, the caller's organisation), newest first. */
export const requestsQuery = z.strictObject({
  /** `true`: only those the caller's organisation issued; `false`: only those addressed to it. */
  issued: z.enum(['true', 'false'], { error: 'issued phải là true hoặc false' }).optional(),
  ...pageParams,
});
export const requestPage = pageOf(requestView);
export const remindRequest = z.strictObject({ organisationIds: z.array(uuid).max(500).optional() });
export const remindResult = z.object({
  reminded: z.array(idName),
  /** Already reminded today, or nothing to remind (submitted). */
  skipped: z.array(z.object({ organisation: idName, reason: z.string() })),
});

export const boardQuery = z.strictObject({
  period: text(40).optional(),
  state: text(200).optional(),
  organisation: uuid.optional(),
  overdue: z.enum(['true', 'false', '1', '0']).optional(),
  /** Accent-insensitive, on the commune's name, the report's title and number. */
  q: text(200).optional(),
  /** One request: every organisation it is addressed to, a row each (not opened ones included). */
  request: uuid.optional(),
  ...pageParams,
});
export const boardItem = z.object({
  /** The report; null: the addressed organisation has not opened it (board of one request). */
  id: z.string().nullable(),
  title: z.string(),
  state: reportState.nullable(),
  periodKey: z.string(),
  periodLabel: z.string(),
  deadline: isoDate,
  overdue: z.boolean(),
  numberText: z.string().nullable(),
  updatedAt: isoDateTime.nullable(),
  organisation: idName,
  /** Who holds it now, in words. */
  holder: z.string(),
  /** Days left until the deadline (negative: overdue) while it runs; null once sent. */
  daysLeft: z.int().nullable(),
  progress: requestProgress,
});
export const boardPage = pageOf(boardItem);
export const boardTotalsQuery = boardQuery.omit({ limit: true, offset: true });
export const boardTotals = z.object({
  total: z.int(),
  overdue: z.int(),
  byState: z.array(z.object({ state: reportState, count: z.int() })),
  byOrganisation: z.array(z.object({ organisation: idName, count: z.int(), overdue: z.int() })),
  /** Board of one request: addressed organisations that have not opened their report. */
  notOpened: z.int(),
});

export type ReceiverView = z.output<typeof receiverView>;
export type CreateRequestBody = z.output<typeof createRequestBody>;
export type RequestView = z.output<typeof requestView>;
export type RequestTarget = z.output<typeof requestTarget>;
export type RemindResult = z.output<typeof remindResult>;
export type BoardQuery = z.output<typeof boardQuery>;
export type BoardPage = z.output<typeof boardPage>;
export type BoardTotals = z.output<typeof boardTotals>;
export type BoardItem = z.output<typeof boardItem>;
export type RequestProgressView = z.output<typeof requestProgress>;

/** The superior's incoming register (sổ văn bản đến): one row per delivered report revision. */
export const arrivalStatus = z.enum(['arrived', 'received', 'refused']);
export const incomingEntry = z.object({
  id: z.string(),
  year: z.int(),
  /** Số đến: running from 1 each year in the receiving organisation. */
  arrivalNumber: z.int(),
  arrivedAt: isoDateTime,
  sender: idName,
  numberText: z.string(),
  documentDate: isoDate,
  subject: z.string(),
  reportId: z.string(),
  revision: z.int(),
  requestId: z.string().nullable(),
  pdfSha256: z.string(),
  status: arrivalStatus,
  answeredAt: isoDateTime.nullable(),
  answeredBy: z.string().nullable(),
  refusalReason: z.string().nullable(),
  /** Whether the caller may receive or refuse it now (libs/workflow `mayAnswerArrival`). */
  canAnswer: z.boolean(),
});
export const incomingQuery = z.strictObject({
  status: arrivalStatus.optional(),
  year: z.coerce.number({ error: 'năm phải là số' }).int().min(2000).max(2199).optional(),
  q: text(200).optional(),
  ...pageParams,
});
export const incomingPage = pageOf(incomingEntry);
export const refusalRequest = z.strictObject({
  reason: z
    .string({ error: 'cần nhập lý do từ chối tiếp nhận' })
    .trim()
    .min(1, { error: 'cần nhập lý do từ chối tiếp nhận' })
    .max(4000, { error: 'tối đa 4 000 ký tự' }),
});

/** Where a report's delivery stands, as its sender sees it. */
export const deliveryStatus = z.enum(['not_dispatched', 'outside', 'pending', 'arrived', 'received', 'refused']);
export const deliveryView = z.object({
  reportId: z.string(),
  revision: z.int(),
  /** The in-system receiving agency; null: outside the system (the sender's văn thư records the answer). */
  receiver: idName.nullable(),
  status: deliveryStatus,
  /** Pending: attempts so far, the last error and when it is tried again. */
  attempts: z.int(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoDateTime.nullable(),
  arrival: z
    .object({
      arrivalNumber: z.int(),
      year: z.int(),
      arrivedAt: isoDateTime,
      answeredAt: isoDateTime.nullable(),
      answeredBy: z.string().nullable(),
      refusalReason: z.string().nullable(),
    })
    .nullable(),
  /** Earlier revisions' deliveries (refused ones), newest first. */
  history: z.array(z.object({ revision: z.int(), status: arrivalStatus, arrivedAt: isoDateTime, refusalReason: z.string().nullable() })),
});
export const pendingDelivery = z.object({
  reportId: z.string(),
  title: z.string(),
  numberText: z.string().nullable(),
  receiver: idName.nullable(),
  attempts: z.int(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoDateTime,
  since: isoDateTime,
});

/** A page of the deliveries still pending, oldest first; `failing=true`: only those whose last attempt failed. */
export const pendingDeliveriesQuery = z.strictObject({
  failing: z.enum(['true', 'false'], { error: 'failing phải là true hoặc false' }).optional(),
  ...pageParams,
});
export const pendingDeliveryPage = pageOf(pendingDelivery);

export type IncomingEntry = z.output<typeof incomingEntry>;
export type IncomingQuery = z.output<typeof incomingQuery>;
export type IncomingPage = z.output<typeof incomingPage>;
export type DeliveryView = z.output<typeof deliveryView>;
export type PendingDelivery = z.output<typeof pendingDelivery>;
export type PendingDeliveryPage = z.output<typeof pendingDeliveryPage>;
export type PendingDeliveriesQuery = z.output<typeof pendingDeliveriesQuery>;
export type RequestPage = z.output<typeof requestPage>;
export type ArrivalStatusName = z.output<typeof arrivalStatus>;
