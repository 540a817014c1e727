import { Injectable } from '@nestjs/common';
import type { BoardPage, BoardQuery, BoardTotals } from '@trinhky/contracts';
import { REPORT_STATES } from '@trinhky/domain';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/auth.guard';

type Filters = Omit<BoardQuery, 'limit' | 'offset'>;

/** A report is overdue, or one of its parts is: one hashed set of the (few) overdue parts' reports, not a probe per report. */
const OVERDUE = `(r.overdue OR r.id IN (SELECT s.report_id FROM sections s WHERE s.overdue))`;

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
    params.push(
      f.state
        .split(',')
        .map((s) => s.trim())
        .filter((s) => (REPORT_STATES as readonly string[]).includes(s)),
    );
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
        // The page's ids first (index order, nothing computed for the rows skipped), then their columns.
        `WITH pg AS (SELECT r.id FROM reports r WHERE ${w.sql} ORDER BY r.updated_at DESC, r.id DESC LIMIT $${n + 1} OFFSET $${n + 2})
         SELECT r.id, r.title, r.state, r.period_key, to_char(r.deadline, 'YYYY-MM-DD') AS deadline, ${OVERDUE} AS overdue, r.number_text, r.updated_at, o.id AS org_id, o.name AS org_name
           FROM pg JOIN reports r ON r.id = pg.id JOIN organisations o ON o.id = r.organisation_id
          ORDER BY r.updated_at DESC, r.id DESC`,
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
    // One pass, one hash aggregate by (organisation, state) — at most a few thousand groups — summed both ways here.
    const rows: { state: BoardTotals['byState'][number]['state']; org_id: string; n: number; overdue: number }[] = await this.ds.query(
      `SELECT r.state, r.organisation_id AS org_id, count(*)::int AS n, count(*) FILTER (WHERE ${OVERDUE})::int AS overdue
         FROM reports r WHERE ${w.sql} GROUP BY r.organisation_id, r.state`,
      w.params,
    );
    const orgIds = [...new Set(rows.map((r) => r.org_id))];
    const names = new Map<string, string>(
      (orgIds.length
        ? ((await this.ds.query('SELECT id, name FROM organisations WHERE id = ANY($1::uuid[])', [orgIds])) as {
            id: string;
            name: string;
          }[])
        : []
      ).map((o) => [o.id, o.name]),
    );
    const byState = new Map<BoardTotals['byState'][number]['state'], number>();
    const byOrg = new Map<string, { count: number; overdue: number }>();
    let total = 0;
    let overdue = 0;
    for (const r of rows) {
      total += r.n;
      overdue += r.overdue;
      byState.set(r.state, (byState.get(r.state) ?? 0) + r.n);
      const o = byOrg.get(r.org_id) ?? { count: 0, overdue: 0 };
      byOrg.set(r.org_id, { count: o.count + r.n, overdue: o.overdue + r.overdue });
    }
    return {
      total,
      overdue,
      byState: [...byState]
        .map(([state, count]) => ({ state, count }))
        .sort((a, b) => REPORT_STATES.indexOf(a.state) - REPORT_STATES.indexOf(b.state)),
      byOrganisation: [...byOrg]
        .map(([id, v]) => ({ organisation: { id, name: names.get(id) ?? '' }, ...v }))
        .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'vi')),
    };
  }
}
