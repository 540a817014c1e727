import { z } from 'zod';
import { isoDateTime, pageOf, pageParams, reportState, sectionState, text } from './primitives';
import { allowedEvent } from './reports';

/** "Việc của tôi": what needs the user's action now. */
export const inboxItem = z.object({
  reportId: z.string(),
  reportTitle: z.string(),
  reportState: reportState,
  version: z.int(),
  sectionId: z.string().optional(),
  sectionTitle: z.string().optional(),
  sectionState: sectionState.optional(),
  events: z.array(allowedEvent),
  deadline: z.string(),
  overdue: z.boolean(),
});

/** An open report request addressed to the caller's organisation, for its compilers: "Mở báo cáo" opens the report from it. */
export const inboxRequest = z.object({
  requestId: z.string(),
  numberText: z.string(),
  issuedOn: z.string(),
  subject: z.string(),
  issuer: z.object({ id: z.string(), name: z.string() }),
  periodKey: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
});

export const inboxQuery = z.strictObject({
  overdue: z.enum(['true', 'false', '1', '0']).optional(),
  ...pageParams,
});

/** One page of "Việc của tôi", most urgent first; `total` counts every item matching the filter, `overdue` and `dueSoon` all items. */
export const inboxPage = z.object({
  items: z.array(inboxItem),
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
  overdue: z.int(),
  /** Not overdue, due within 3 days. */
  dueSoon: z.int(),
  /** Open requests to open a report from (every one of them: a handful per quarter). */
  requests: z.array(inboxRequest),
  /** Entries of the organisation's incoming register waiting for the caller's receipt or refusal (its văn thư). */
  arrivals: z.int(),
});

export const notification = z.object({
  id: z.string(),
  reportId: z.string().nullable(),
  message: z.string(),
  createdAt: isoDateTime,
  read: z.boolean(),
});
export const notificationsQuery = z.strictObject({ ...pageParams });
/** A page of my notifications, newest first; `unread` counts all unread ones. */
export const notificationPage = pageOf(notification).extend({ unread: z.int() });

/** What the server-sent-event stream carries (`data:` of each message). */
export const pushedEvent = z.looseObject({
  type: z.string(),
  reportId: z.string().optional(),
  state: z.string().optional(),
  version: z.int().optional(),
  message: z.string().optional(),
});

/** Filters of the outgoing register (the CSV export takes these: every matching row). */
export const registerFilter = z.strictObject({
  year: z.coerce
    .number({ error: 'năm phải là số' })
    .int({ error: 'năm phải là số nguyên' })
    .min(2000, { error: 'năm không hợp lệ' })
    .max(2199, { error: 'năm không hợp lệ' })
    .optional(),
  q: text(200).optional(),
});
/** A page of the outgoing register, newest number first. */
export const registerQuery = registerFilter.extend(pageParams);

/** A row of the outgoing register (sổ đăng ký văn bản đi, ND 30 Phụ lục IV). */
export const registerEntry = z.object({
  id: z.string(),
  number: z.int(),
  numberText: z.string(),
  year: z.int(),
  date: z.string(),
  type: z.string(),
  subject: z.string(),
  signer: z.string(),
  recipients: z.array(z.string()),
  archive: z.string().nullable(),
  copies: z.int(),
  reportId: z.string().nullable(),
  dispatchedAt: isoDateTime.nullable(),
});
/** One page of the outgoing register; `total` counts every entry matching the filters. */
export const registerPage = pageOf(registerEntry);
