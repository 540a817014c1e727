import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { BoardItem, BoardPage, BoardQuery, BoardTotals } from '@trinhky/contracts';
import { REPORT_STATES } from '@trinhky/domain';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { foldedPattern } from '../exchange/search';
import { countSource, countSql, flag, listWhere, organisationsNamed, readableOrganisations } from '../reports/report-list-sql';
import { boardItems, rowColumns } from './board-rows';

type Filters = Omit<BoardQuery, 'limit' | 'offset'>;

/** Exports hold at most this many rows; beyond, a 422 asks for a narrower filter. */
export const BOARD_EXPORT_MAX = 20_000;

/** The report's or one of its parts' overdue flag (reports.overdue_any, kept by triggers). */
const REP_OVERDUE = `rep.overdue_any`;
/** A request's row is overdue when its report is, or when it is not opened and the deadline has passed. */
const TARGET_OVERDUE = `(${REP_OVERDUE} OR (rep.id IS NULL AND rq.deadline < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date))`;
const TARGET_FROM = `report_request_targets t JOIN report_requests rq ON rq.id = t.request_id
  JOIN organisations o ON o.id = t.organisation_id LEFT JOIN reports rep ON rep.id = t.report_id`;

/** The board of one request: its addressed organisations, the caller's organisation having issued it (or one below it). */
function requestWhere(p: Principal, f: Filters): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.request, p.organisationId];
  const add = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts = ['t.request_id = $1', 'rq.organisation_id IN (SELECT $2::uuid UNION ALL SELECT f.id FROM followed_organisations($2) f)'];
  if (f.organisation) parts.push(`t.organisation_id = ${add(f.organisation)}`);
  if (f.period) parts.push(`rq.period_key = ${add(f.period)}`);
  if (f.state) {
    const states = f.state
      .split(',')
      .map((s) => s.trim())
      .filter((s) => (REPORT_STATES as readonly string[]).includes(s));
    parts.push(`rep.state = ANY(${add(states)}::text[])`);
  }
  if (flag(f.overdue)) parts.push(TARGET_OVERDUE);
  const q = f.q?.trim();
  if (q) {
    const pattern = add(foldedPattern(q));
    parts.push(`(o.name_folded LIKE ${pattern} OR rep.search_folded LIKE ${pattern})`);
  }
  return { sql: parts.join(' AND '), params };
}

const listFilters = (f: Filters) => ({ ...f, overdue: flag(f.overdue) });
/** The page's WHERE (listWhere) and where its counts come from (countSource), for the same filters. */
const reportWhere = async (db: DataSource, p: Principal, f: Filters) => {
  const orgs = await readableOrganisations(db, p.organisationId);
  const named = f.q?.trim() ? await organisationsNamed(db, f.q) : undefined;
  return { ...listWhere(orgs, listFilters(f), named), counts: countSource(orgs, listFilters(f), named) };
};

/**
 * The board (Theo dõi). Over every report of the caller's organisation and those it follows: one page at a
 * time (limit ≤ 200, newest change first, id as tie-break) with the total that matches the filters.
 * Over one request (`request`): every addressed organisation, a row each, by name. Totals by state and
 * by organisation are computed by PostgreSQL — never in the browser.
 */
@Injectable()
export class BoardService {
  constructor(private readonly ds: DataSource) {}

  async page(p: Principal, q: BoardQuery): Promise<BoardPage> {
    const [rows, total] = await this.rows(p, q, q.limit, q.offset);
    return { items: await boardItems(this.ds, rows), total, limit: q.limit, offset: q.offset };
  }

  /** Every row of the filters, for an export; 422 beyond BOARD_EXPORT_MAX (nothing cut silently). */
  async all(p: Principal, f: Filters): Promise<BoardItem[]> {
    const [rows, total] = await this.rows(p, f, BOARD_EXPORT_MAX + 1, 0);
    if (total > BOARD_EXPORT_MAX)
      throw new UnprocessableEntityException(
        `Bảng có ${total.toLocaleString('vi-VN')} dòng khớp bộ lọc; mỗi lần xuất tối đa ${BOARD_EXPORT_MAX.toLocaleString('vi-VN')} dòng. Hãy lọc theo kỳ, trạng thái hoặc cơ quan.`,
      );
    const items: BoardItem[] = [];
    for (let i = 0; i < rows.length; i += 1000) items.push(...(await boardItems(this.ds, rows.slice(i, i + 1000))));
    return items;
  }

  private async rows(p: Principal, f: Filters, limit: number, offset: number): Promise<[Record<string, unknown>[], number]> {
    if (f.request) {
      await this.visibleRequest(p, f.request);
      const w = requestWhere(p, f);
      const n = w.params.length;
      const [rows, [count]] = await Promise.all([
        this.ds.query(
          `SELECT ${rowColumns('coalesce(rep.deadline, rq.deadline)', TARGET_OVERDUE, 'rq')}
             FROM ${TARGET_FROM} WHERE ${w.sql} ORDER BY o.name, t.organisation_id LIMIT $${n + 1} OFFSET $${n + 2}`,
          [...w.params, limit, offset],
        ) as Promise<Record<string, unknown>[]>,
        this.ds.query(`SELECT count(*)::int AS n FROM ${TARGET_FROM} WHERE ${w.sql}`, w.params) as Promise<{ n: number }[]>,
      ]);
      return [rows, count.n];
    }
    const w = await reportWhere(this.ds, p, f);
    const n = w.params.length;
    const [rows, [count]] = await Promise.all([
      this.ds.query(
        // The page's ids first (index order, nothing computed for the rows skipped), then their columns.
        `WITH pg AS (SELECT r.id FROM reports r WHERE ${w.sql} ORDER BY r.updated_at DESC, r.id DESC LIMIT $${n + 1} OFFSET $${n + 2})
         SELECT ${rowColumns('rep.deadline', REP_OVERDUE, 'rep')}
           FROM pg JOIN reports rep ON rep.id = pg.id JOIN organisations o ON o.id = rep.organisation_id
          ORDER BY rep.updated_at DESC, rep.id DESC`,
        [...w.params, limit, offset],
      ) as Promise<Record<string, unknown>[]>,
      this.ds.query(countSql(w.counts.sql), w.counts.params) as Promise<{ n: number }[]>,
    ]);
    return [rows, count.n];
  }

  /** 404 unless the request was issued by the caller's organisation or one it follows. */
  private async visibleRequest(p: Principal, id: string): Promise<void> {
    const found: unknown[] = await this.ds.query(
      `SELECT 1 FROM report_requests rq WHERE rq.id = $1 AND rq.organisation_id IN (SELECT $2::uuid UNION ALL SELECT f.id FROM followed_organisations($2) f)`,
      [id, p.organisationId],
    );
    if (!found.length) throw new NotFoundException('Không tìm thấy văn bản yêu cầu.');
  }

  async totals(p: Principal, f: Filters): Promise<BoardTotals> {
    type Group = { state: BoardTotals['byState'][number]['state'] | null; org_id: string; n: number; overdue: number };
    let rows: Group[];
    if (f.request) {
      await this.visibleRequest(p, f.request);
      const w = requestWhere(p, f);
      rows = await this.ds.query(
        `SELECT rep.state, t.organisation_id AS org_id, count(*)::int AS n, count(*) FILTER (WHERE ${TARGET_OVERDUE})::int AS overdue
           FROM ${TARGET_FROM} WHERE ${w.sql} GROUP BY t.organisation_id, rep.state`,
        w.params,
      );
    } else {
      const w = await reportWhere(this.ds, p, f);
      // One hash aggregate by (organisation, state) — at most a few thousand groups — summed both ways here,
      // over the counts tables (countSource: report_counts_by_state, report_counts, matching reports for q).
      rows = await this.ds.query(
        `SELECT c.state, c.organisation_id AS org_id, sum(c.n)::int AS n, coalesce(sum(c.n) FILTER (WHERE c.overdue_any), 0)::int AS overdue
           FROM (${w.counts.sql}) c GROUP BY c.organisation_id, c.state HAVING sum(c.n) > 0`,
        w.counts.params,
      );
    }
    return this.sum(rows);
  }

  private async sum(rows: { state: BoardTotals['byState'][number]['state'] | null; org_id: string; n: number; overdue: number }[]) {
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
    let notOpened = 0;
    for (const r of rows) {
      total += r.n;
      overdue += r.overdue;
      if (r.state) byState.set(r.state, (byState.get(r.state) ?? 0) + r.n);
      else notOpened += r.n;
      const o = byOrg.get(r.org_id) ?? { count: 0, overdue: 0 };
      byOrg.set(r.org_id, { count: o.count + r.n, overdue: o.overdue + r.overdue });
    }
    return {
      total,
      overdue,
      notOpened,
      byState: [...byState]
        .map(([state, count]) => ({ state, count }))
        .sort((a, b) => REPORT_STATES.indexOf(a.state) - REPORT_STATES.indexOf(b.state)),
      byOrganisation: [...byOrg]
        .map(([id, v]) => ({ organisation: { id, name: names.get(id) ?? '' }, ...v }))
        .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'vi')),
    };
  }
}
