import type { DataSource } from 'typeorm';
import type { ReportEntity, SectionEntity, SectionRevisionEntity } from '../database/entities';
import { REPORT_COLUMNS, queryPooled, readableBy, reportFromRow, sectionFromRow } from './report-rows';

/**
 * Everything `GET /api/reports/:id/sections/:sectionId` reads, in one statement ($1 report, $2 part,
 * $3 the caller's organisation): the report's columns and whether the caller reads it, the part (of
 * this report only), its current revision's content and figures, the list of its revisions, the
 * organisation's units and the assignee's name. Eight round trips before (the report twice).
 */
const PART_SQL = `SELECT ${REPORT_COLUMNS},
  ${readableBy('r.organisation_id', '$3')} AS tk_readable,
  (SELECT row_to_json(s) FROM sections s WHERE s.id = $2 AND s.report_id = $1) AS tk_section,
  (SELECT json_build_object('content', v.content, 'figures', v.figures)
     FROM sections s JOIN section_revisions v ON v.id = s.current_revision_id WHERE s.id = $2 AND s.report_id = $1) AS tk_current,
  (SELECT coalesce(json_agg(json_build_object('id', v.id, 'number', v.number, 'author', v.author_name, 'createdAt', v.created_at)
      ORDER BY v.number DESC), '[]'::json) FROM section_revisions v WHERE v.section_id = $2 AND v.report_id = $1) AS tk_revisions,
  (SELECT coalesce(json_agg(json_build_object('code', un.code, 'name', un.name)), '[]'::json)
     FROM units un WHERE un.organisation_id = r.organisation_id) AS tk_units,
  (SELECT json_build_object('id', u.id, 'fullName', u.full_name)
     FROM sections s JOIN users u ON u.id = s.assignee_id WHERE s.id = $2 AND s.report_id = $1) AS tk_assignee
FROM reports r WHERE r.id = $1`;

export interface PartRead {
  report: ReportEntity;
  readable: boolean;
  /** Null: no such part in this report. */
  section: SectionEntity | null;
  current: Pick<SectionRevisionEntity, 'content' | 'figures'> | null;
  revisions: { id: string; number: number; author: string; createdAt: string }[];
  units: { code: string; name: string }[];
  assignee: { id: string; fullName: string } | null;
}

/** Null: no report with this id. `sectionId` must be a UUID (the caller checks). */
export async function readPart(ds: DataSource, reportId: string, sectionId: string, organisationId: string): Promise<PartRead | null> {
  const [row] = await queryPooled(ds, 'tk_part_read', PART_SQL, [reportId, sectionId, organisationId]);
  if (!row) return null;
  const section = row['tk_section'] as Record<string, unknown> | null;
  const revisions = row['tk_revisions'] as { id: string; number: number; author: string; createdAt: string }[];
  return {
    report: reportFromRow(row),
    readable: row['tk_readable'] === true,
    section: section ? sectionFromRow(section) : null,
    current: (row['tk_current'] as PartRead['current']) ?? null,
    revisions: revisions.map((v) => ({ ...v, createdAt: new Date(v.createdAt).toISOString() })),
    units: row['tk_units'] as { code: string; name: string }[],
    assignee: (row['tk_assignee'] as PartRead['assignee']) ?? null,
  };
}
