import type { AuditPage } from '@trinhky/contracts';
import { readableBy } from '../reports/report-rows';

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * A page of a report's audit log, newest first, with the total and whether the caller's organisation
 * reads the report ($1 report, $2 organisation, $3 limit, $4 offset): one statement (three before:
 * the report, its entries through TypeORM, their count).
 */
const PAGE_SQL = `SELECT ${readableBy('r.organisation_id', '$2')} AS readable,
  (SELECT count(*)::int FROM audit_entries a WHERE a.report_id = $1) AS total,
  (SELECT coalesce(json_agg(json_build_object('id', x.id, 'seq', x.seq, 'at', x.at, 'actorId', x.actor_id, 'actorName', x.actor_name,
      'actorPosition', x.actor_position, 'event', x.event, 'fromState', x.from_state, 'toState', x.to_state, 'sectionId', x.section_id,
      'comment', x.comment, 'summary', x.summary, 'contentHash', x.content_hash, 'prevHash', x.prev_hash, 'hash', x.hash) ORDER BY x.seq DESC), '[]'::json)
     FROM (SELECT * FROM audit_entries a WHERE a.report_id = $1 ORDER BY a.seq DESC LIMIT $3 OFFSET $4) x) AS items
FROM reports r WHERE r.id = $1`;

type Item = AuditPage['items'][number];
type Row = Omit<Item, 'actor' | 'at'> & { at: string; actorId: string | null; actorName: string; actorPosition: string };

/** Null: no such report, or the organisation does not read it (the caller answers 404 either way). */
export async function auditPage(
  query: Query,
  reportId: string,
  organisationId: string,
  q: { limit: number; offset: number },
): Promise<AuditPage | null> {
  const [row] = await query(PAGE_SQL, [reportId, organisationId, q.limit, q.offset]);
  if (!row || row['readable'] !== true) return null;
  const items = (row['items'] as Row[]).map(({ at, actorId, actorName, actorPosition, ...e }): Item => ({
    id: e.id,
    seq: e.seq,
    at: new Date(at).toISOString(),
    actor: { id: actorId, name: actorName, position: actorPosition },
    event: e.event,
    fromState: e.fromState,
    toState: e.toState,
    sectionId: e.sectionId,
    comment: e.comment,
    summary: e.summary,
    contentHash: e.contentHash,
    prevHash: e.prevHash,
    hash: e.hash,
  }));
  return { items, total: row['total'] as number, limit: q.limit, offset: q.offset };
}
