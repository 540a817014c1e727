import type { AuditPage } from '@trinhky/contracts';
import type { DataSource } from 'typeorm';
import { queryPooled, readableBy } from '../reports/report-rows';

/**
 * A page of a report's audit log, newest first, with the total and whether the caller's organisation
 * reads the report ($1 report, $2 organisation, $3 limit, $4 offset): one statement (three before:
 * the report, its entries through TypeORM, their count). The access is decided once (the CTE), the
 * entries come as rows (no JSON built and parsed); a page with no entry gives one row with a null id.
 */
const PAGE_SQL = `WITH rep AS MATERIALIZED (SELECT r.id, ${readableBy('r.organisation_id', '$2')} AS readable FROM reports r WHERE r.id = $1)
SELECT rep.readable AS tk_readable, (SELECT count(*)::int FROM audit_entries c WHERE c.report_id = $1) AS tk_total,
  a.id, a.seq, a.at, a.actor_id, a.actor_name, a.actor_position, a.event, a.from_state, a.to_state, a.section_id,
  a.comment, a.summary, a.content_hash, a.prev_hash, a.hash
FROM rep LEFT JOIN LATERAL (SELECT * FROM audit_entries e WHERE e.report_id = rep.id ORDER BY e.seq DESC LIMIT $3 OFFSET $4) a ON true
ORDER BY a.seq DESC`;

type Item = AuditPage['items'][number];

/** Null: no such report, or the organisation does not read it (the caller answers 404 either way). */
export async function auditPage(
  ds: DataSource,
  reportId: string,
  organisationId: string,
  q: { limit: number; offset: number },
): Promise<AuditPage | null> {
  const rows = await queryPooled(ds, 'tk_audit_page', PAGE_SQL, [reportId, organisationId, q.limit, q.offset]);
  if (!rows.length || rows[0]['tk_readable'] !== true) return null;
  const items = rows
    .filter((e) => e['id'] !== null)
    .map((e): Item => ({
      id: e['id'] as string,
      seq: e['seq'] as number,
      at: (e['at'] as Date).toISOString(),
      actor: { id: e['actor_id'] as string | null, name: e['actor_name'] as string, position: e['actor_position'] as string },
      event: e['event'] as string,
      fromState: e['from_state'] as string | null,
      toState: e['to_state'] as string | null,
      sectionId: e['section_id'] as string | null,
      comment: e['comment'] as string | null,
      summary: e['summary'] as string,
      contentHash: e['content_hash'] as string | null,
      prevHash: e['prev_hash'] as string,
      hash: e['hash'] as string,
    }));
  return { items, total: rows[0]['tk_total'] as number, limit: q.limit, offset: q.offset };
}
