import { Injectable } from '@nestjs/common';
import type { BoardPage, BoardQuery, BoardTotals } from '@trinhky/contracts';
import { REPORT_STATES } from '@trinhky/domain';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/auth.guard';

type Filters = Omit<BoardQuery, 'limit' | 'offset'>;

const OVERDUE = `(r.overdue OR EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.overdue))`;

/** WHERE clause and parameters of the board: the organisations the caller follows, then the filters. */
function where(p: Principal, f: Filters): { sql: string; params: unknown[] } {
  const params: unknown[] = [p.organisationId];
  const parts = ['r.organisation_id IN (SELECT f.id FROM followed_organisations($1) f)'];
  if (f.organisation) {
    params.push(f.organisation);
    parts.push(`r.organisation_id = $${params.length}`);
  }
  if (f.period) {
    params.push(f.period);
    parts.push(`r.period_key = $${params.length}`);
  }
  if (f.state) {
    params.push(f.state.split(',').map((s) => s.trim()).filter((s) => (REPORT_STATES as readonly string[]).includes(s)));
    parts.push(`r.state = ANY($${params.length}::text[])`);
  }
  if (f.overdue === 'true' || f.overdue === '1') parts.push(OVERDUE);
  return { sql: parts.join(' AND '), params };
}

/**
 * The superior's board (Theo dõi) over every report of the organisations it follows: one page at a
 * time (limit ≤ 200, newest change first, id as tie-break) with the total that matches the filters,
 * and the totals by state and by organisation computed by PostgreSQL — never in the browser.
 */
@Injectable()
export class BoardService {
  constructor(private readonly ds: DataSource) {}

  async page(p: Principal, q: BoardQuery): Promise<BoardPage> {
    const w = where(p, q);
    const n = w.params.length;
    const [rows, [count]] = await Promise.all([
      this.ds.query(
        `SELECT r.id, r.title, r.state, r.period_key, to_char(r.deadline, 'YYYY-MM-DD') AS deadline, ${OVERDUE} AS overdue, r.number_text, r.updated_at, o.id AS org_id, o.name AS org_name
           FROM reports r JOIN organisations o ON o.id = r.organisation_id
          WHERE ${w.sql}
          ORDER BY r.updated_at DESC, r.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...w.params, q.limit, q.offset],
      ) as Promise<Record<string, unknown>[]>,
      this.ds.query(`SELECT count(*)::int AS n FROM reports r WHERE ${w.sql}`, w.params) as Promise<{ n: number }[]>,
    ]);
    return {
      items: rows.map((r) => ({
        id: r['id'] as string,
        title: r['title'] as string,
        state: r['state'] as BoardPage['items'][number]['state'],
        periodKey: r['period_key'] as string,
        deadline: r['deadline'] as string,
        overdue: r['overdue'] as boolean,
        numberText: (r['number_text'] as string | null) ?? null,
        updatedAt: (r['updated_at'] as Date).toISOString(),
        organisation: { id: r['org_id'] as string, name: r['org_name'] as string },
      })),
      total: count.n,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async totals(p: Principal, f: Filters): Promise<BoardTotals> {
    const w = where(p, f);
    // One pass over the matching reports, grouped twice (GROUPING SETS): by state and by organisation.
    const rows: { state: string | null; org_id: string | null; org_name: string | null; n: number; overdue: number }[] = await this.ds.query(
      `WITH m AS (SELECT r.state, r.organisation_id, ${OVERDUE} AS overdue FROM reports r WHERE ${w.sql})
       SELECT m.state, m.organisation_id AS org_id, o.name AS org_name, count(*)::int AS n, count(*) FILTER (WHERE m.overdue)::int AS overdue
         FROM m JOIN organisations o ON o.id = m.organisation_id
        GROUP BY GROUPING SETS ((m.state), (m.organisation_id, o.name), ())`,
      w.params,
    );
    const all = rows.find((r) => r.state === null && r.org_id === null);
    return {
      total: all?.n ?? 0,
      overdue: all?.overdue ?? 0,
      byState: rows.filter((r) => r.state !== null).map((r) => ({ state: r.state as BoardTotals['byState'][number]['state'], count: r.n })).sort((a, b) => REPORT_STATES.indexOf(a.state) - REPORT_STATES.indexOf(b.state)),
      byOrganisation: rows
        .filter((r) => r.org_id !== null)
        .map((r) => ({ organisation: { id: r.org_id as string, name: r.org_name ?? '' }, count: r.n, overdue: r.overdue }))
        .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'vi')),
    };
  }
}
