import type { DataSource } from 'typeorm';
import type { ReceivingAgency } from '@trinhky/workflow';
import { type ActorRow, actorJson } from '../organisation/people.service';
import { REPORT_COLUMNS, SECTIONS_JSON, queryPooled, readableBy, reportFromRow, sectionFromRow } from './report-rows';
import type { ReportEntity, SectionEntity } from '../database/entities';

/**
 * Everything `GET /api/reports/:id` answers, in one statement ($1 report, $2 user, $3 the user's
 * organisation): the report's columns; whether the caller's organisation reads it (its own, or one
 * it follows: followed_organisations, migration 1764800000000); its parts; the caller's actor row;
 * the in-system receiver (`report_receiver`, only for the report's own organisation, the one that
 * acts on it); the assignees' names, the organisation's units and name. Seven round trips before.
 */
const DETAIL_SQL = `SELECT ${REPORT_COLUMNS},
  ${readableBy('r.organisation_id', '$3')} AS tk_readable,
  ${SECTIONS_JSON} AS tk_sections,
  ${actorJson('$2::uuid')} AS tk_user,
  CASE WHEN r.organisation_id = $3 THEN
    (SELECT json_build_object('id', o.id, 'name', o.name) FROM organisations o WHERE o.id = report_receiver($1)) END AS tk_receiver,
  (SELECT coalesce(json_agg(json_build_object('id', u.id, 'fullName', u.full_name)), '[]'::json)
     FROM users u WHERE u.id IN (SELECT s.assignee_id FROM sections s WHERE s.report_id = $1)) AS tk_assignees,
  (SELECT coalesce(json_agg(json_build_object('code', un.code, 'name', un.name)), '[]'::json)
     FROM units un WHERE un.organisation_id = r.organisation_id) AS tk_units,
  (SELECT o.name FROM organisations o WHERE o.id = r.organisation_id) AS tk_org_name
FROM reports r WHERE r.id = $1`;

export interface DetailRead {
  report: ReportEntity;
  /** The caller's organisation owns the report or follows it. */
  readable: boolean;
  sections: SectionEntity[];
  user: ActorRow | null;
  /** Only read for the report's own organisation; null: none in the system (or not asked). */
  receiver: ReceivingAgency | null;
  assignees: Map<string, { id: string; fullName: string }>;
  units: { code: string; name: string }[];
  organisationName: string;
}

/**
 * Runs the detail read as a named prepared statement on a connection of the pool (PostgreSQL plans
 * its subqueries once per connection). Null: no report with this id.
 */
export async function readDetail(ds: DataSource, reportId: string, userId: string, organisationId: string): Promise<DetailRead | null> {
  const [row] = await queryPooled(ds, 'tk_report_detail', DETAIL_SQL, [reportId, userId, organisationId]);
  if (!row) return null;
  const receiver = row['tk_receiver'] as { id: string; name: string } | null;
  const assignees = row['tk_assignees'] as { id: string; fullName: string }[];
  return {
    report: reportFromRow(row),
    readable: row['tk_readable'] === true,
    sections: (row['tk_sections'] as Record<string, unknown>[]).map(sectionFromRow),
    user: row['tk_user'] as ActorRow | null,
    receiver: receiver ? { organisationId: receiver.id, name: receiver.name } : null,
    assignees: new Map(assignees.map((a) => [a.id, a])),
    units: row['tk_units'] as { code: string; name: string }[],
    organisationName: (row['tk_org_name'] as string | null) ?? '',
  };
}
