import { reportDeadlineRuns, requestProgress } from '@trinhky/workflow';
import type { RequestTarget, RequestView } from '@trinhky/contracts';
import { formatDateShortVi, todayInVietnam } from '@trinhky/domain';

/** One report_requests row joined with its issuer's name. */
export interface RequestRow {
  id: string;
  organisation_id: string;
  issuer_name: string;
  number_text: string;
  issued_on: string;
  subject: string;
  template_code: string;
  period_key: string;
  period_kind: string;
  period_year: number;
  period_index: number | null;
  deadline: string;
  cutoff_from: string;
  cutoff_to: string;
  remind_days_before: number;
  created_at: Date;
}

/** One addressed organisation with its report (if opened), when it was first submitted and the last đôn đốc. */
export interface TargetRow {
  request_id: string;
  organisation_id: string;
  organisation_name: string;
  report_id: string | null;
  report_state: string | null;
  report_number_text: string | null;
  submitted_on: string | null;
  last_reminder: string | null;
  /** The superior refused the last revision it received (the report is being redone). */
  refused: boolean;
}

/** Whether the superior's answer to the report's last delivered revision is a refusal (`rep`: the report). */
export const REFUSED_SQL = `coalesce((SELECT e.status = 'refused' FROM incoming_entries e WHERE e.report_id = rep.id ORDER BY e.revision DESC LIMIT 1), false)`;

/** The first submission's day in Vietnam time (from the audit chain; `rep`: the report). */
export const SUBMITTED_ON_SQL = `(SELECT to_char(min(a.at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') FROM audit_entries a WHERE a.report_id = rep.id AND a.to_state = 'submitted')`;

/** The columns of RequestRow (aliased r = report_requests, o = the issuer). */
export const REQUEST_COLUMNS = `r.id, r.organisation_id, o.name AS issuer_name, r.number_text, to_char(r.issued_on, 'YYYY-MM-DD') AS issued_on, r.subject,
  r.template_code, r.period_key, r.period_kind, r.period_year, r.period_index, to_char(r.deadline, 'YYYY-MM-DD') AS deadline,
  to_char(r.cutoff_from, 'YYYY-MM-DD') AS cutoff_from, to_char(r.cutoff_to, 'YYYY-MM-DD') AS cutoff_to, r.remind_days_before, r.created_at`;

/** Targets of the given requests, with the first submission's day in Vietnam time (from the audit chain). */
export const TARGETS_SQL = `
  SELECT t.request_id, t.organisation_id, o.name AS organisation_name, t.report_id, rep.state AS report_state, rep.number_text AS report_number_text,
         ${SUBMITTED_ON_SQL} AS submitted_on, ${REFUSED_SQL} AS refused,
         (SELECT to_char(max(m.day), 'YYYY-MM-DD') FROM request_reminders m WHERE m.request_id = t.request_id AND m.organisation_id = t.organisation_id) AS last_reminder
    FROM report_request_targets t
    JOIN organisations o ON o.id = t.organisation_id
    LEFT JOIN reports rep ON rep.id = t.report_id
   WHERE t.request_id = ANY($1::uuid[])
   ORDER BY o.name`;

/** Whether the organisation still owes the report (đôn đốc makes sense). */
export const owesReport = (t: TargetRow): boolean => t.report_state === null || reportDeadlineRuns(t.report_state);

export function targetView(t: TargetRow, deadline: string, now = new Date()): RequestTarget {
  const today = todayInVietnam(now);
  const report =
    t.report_id && t.report_state
      ? { id: t.report_id, state: t.report_state as NonNullable<RequestTarget['report']>['state'], numberText: t.report_number_text }
      : null;
  let status: RequestTarget['status'];
  let late: boolean;
  if (!report) {
    status = 'not_opened';
    late = today > deadline;
  } else if (report.state === 'cancelled') {
    status = 'cancelled';
    late = false;
  } else if (!reportDeadlineRuns(report.state)) {
    late = (t.submitted_on ?? today) > deadline;
    status = late ? 'submitted_late' : 'submitted';
  } else {
    status = 'in_progress';
    late = today > deadline;
  }
  const progress = requestProgress({ state: t.report_state, deadline, submittedOn: t.submitted_on, refused: t.refused, today });
  return {
    organisation: { id: t.organisation_id, name: t.organisation_name },
    report,
    status,
    late,
    lastReminder: t.last_reminder,
    progress,
  };
}

/** "Thực hiện Văn bản số 2150/SNV-CCHC ngày 20/11/2026 của Sở Nội vụ tỉnh Đông Hòa về việc …; UBND xã … báo cáo như sau:" */
export function basisFrom(r: Pick<RequestRow, 'number_text' | 'issued_on' | 'issuer_name' | 'subject'>, place?: string): string {
  const subject = r.subject
    .trim()
    .replace(/^về việc\s+/i, '')
    .replace(/[.;:]+$/, '');
  const who = place ? `UBND xã ${place}` : 'Ủy ban nhân dân xã';
  return `Thực hiện Văn bản số ${r.number_text} ngày ${formatDateShortVi(r.issued_on)} của ${r.issuer_name} về việc ${subject}; ${who} báo cáo như sau:`;
}

export function requestView(r: RequestRow, targets: TargetRow[], now = new Date()): RequestView {
  return {
    id: r.id,
    numberText: r.number_text,
    issuedOn: r.issued_on,
    subject: r.subject,
    templateCode: r.template_code,
    periodKey: r.period_key,
    deadline: r.deadline,
    cutoffFrom: r.cutoff_from,
    cutoffTo: r.cutoff_to,
    remindDaysBefore: r.remind_days_before,
    issuer: { id: r.organisation_id, name: r.issuer_name },
    createdAt: r.created_at.toISOString(),
    basis: basisFrom(r),
    targets: targets.filter((t) => t.request_id === r.id).map((t) => targetView(t, r.deadline, now)),
  };
}
