import type { BoardItem } from '@trinhky/contracts';
import { periodLabel, todayInVietnam, type Period } from '@trinhky/domain';
import { daysLeftOfDeadline, requestProgress } from '@trinhky/workflow';
import type { DataSource, EntityManager } from 'typeorm';
import { ReportEntity } from '../database/entities';
import { unitNamesFrom } from '../organisation/unit-names';
import { holderOf } from '../reports/report-views';
import { REFUSED_SQL, SUBMITTED_ON_SQL } from './request-views';

/**
 * The columns of a board row (`rep`: the report, may be null — a request's organisation that has not
 * opened it; `o`: the organisation). `$deadline` is the row's deadline expression.
 */
export const rowColumns = (deadline: string, overdue: string, period: 'rep' | 'rq'): string => `
  rep.id, coalesce(rep.title, '') AS title, rep.state, ${period}.period_key, ${period}.period_kind, ${period}.period_year, ${period}.period_index, to_char(${deadline}, 'YYYY-MM-DD') AS deadline,
  coalesce(${overdue}, false) AS overdue, rep.number_text, rep.updated_at, rep.policy, rep.recipients, o.id AS org_id, o.name AS org_name,
  ${SUBMITTED_ON_SQL} AS submitted_on, ${REFUSED_SQL} AS refused`;

type Row = Record<string, unknown>;

/**
 * Board items of rows: who holds each report now (libs/workflow `reportHolder`, from its parts and the
 * organisation's unit names), days left, progress (`requestProgress`, as on the request's page).
 */
export async function boardItems(db: DataSource | EntityManager, rows: Row[], now = new Date()): Promise<BoardItem[]> {
  const ids = rows.map((r) => r['id']).filter((x): x is string => typeof x === 'string');
  const orgIds = [...new Set(rows.map((r) => r['org_id'] as string))];
  const [sections, units]: [
    { report_id: string; state: string; unit_code: string }[],
    { organisation_id: string; code: string; name: string }[],
  ] = await Promise.all([
    ids.length ? db.query('SELECT report_id, state, unit_code FROM sections WHERE report_id = ANY($1::uuid[])', [ids]) : [],
    orgIds.length ? db.query('SELECT organisation_id, code, name FROM units WHERE organisation_id = ANY($1::uuid[])', [orgIds]) : [],
  ]);
  const byReport = new Map<string, { state: string; unitCode: string }[]>();
  for (const s of sections) byReport.set(s.report_id, [...(byReport.get(s.report_id) ?? []), { state: s.state, unitCode: s.unit_code }]);
  const today = todayInVietnam(now);
  return rows.map((r) => {
    const id = (r['id'] as string | null) ?? null;
    const state = (r['state'] as BoardItem['state']) ?? null;
    const deadline = r['deadline'] as string;
    const holder =
      id && state
        ? holderOf(
            Object.assign(new ReportEntity(), { state, policy: r['policy'], recipients: r['recipients'] ?? [] }),
            byReport.get(id) ?? [],
            undefined,
            unitNamesFrom(units.filter((u) => u.organisation_id === r['org_id'])),
          )
        : 'Chưa mở báo cáo';
    const left = daysLeftOfDeadline(state, deadline, today);
    return {
      id,
      title: r['title'] as string,
      state,
      periodKey: r['period_key'] as string,
      periodLabel: periodLabel({
        kind: r['period_kind'] as Period['kind'],
        year: r['period_year'] as number,
        ...(r['period_index'] ? { index: r['period_index'] as number } : {}),
      }),
      deadline,
      overdue: r['overdue'] as boolean,
      numberText: (r['number_text'] as string | null) ?? null,
      updatedAt: r['updated_at'] ? (r['updated_at'] as Date).toISOString() : null,
      organisation: { id: r['org_id'] as string, name: r['org_name'] as string },
      holder,
      daysLeft: left,
      progress: requestProgress({
        state,
        deadline,
        submittedOn: (r['submitted_on'] as string | null) ?? null,
        refused: r['refused'] as boolean,
        today,
      }),
    };
  });
}
