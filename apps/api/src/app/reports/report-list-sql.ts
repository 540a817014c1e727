import { REPORT_STATES } from '@trinhky/domain';
import { foldedPattern } from '../exchange/search';

/**
 * The WHERE clause shared by `GET /api/reports` and the province board (`GET /api/province/board`,
 * its totals and exports): what the caller may read, then the filters. One builder, so the list,
 * the board and their totals count the same reports.
 */
export interface ListFilters {
  organisation?: string;
  period?: string;
  /** One state or several, comma-separated; unknown names are ignored. */
  state?: string;
  kind?: string;
  template?: string;
  overdue?: boolean;
  /** A unit of the organisation that has a part in the report. */
  unit?: string;
  /** Accent-insensitive, on title and number (and, on the board, the organisation's name). */
  q?: string;
}

/**
 * A report is overdue, or one of its parts is: `reports.overdue_any` = `overdue OR` any part's `overdue`, kept by
 * triggers (migration 1765700000000) — the same meaning as the former per-query `r.id IN (… s.overdue)`.
 */
export const OVERDUE_SQL = `r.overdue_any`;

/**
 * Rows `(organisation_id, state, overdue_any, n)` whose `sum(n)` per group counts the reports matching the filters
 * (migration 1765800000000): `report_counts_by_state` (organisation, state, overdue) when no period, template or kind
 * is filtered, else `report_counts`; with `q` and organisations whose name matches it (`named`), those
 * organisations' rows from the counts plus the reports of the other organisations whose title or number matches
 * (the trigram index) — the same set as `search_folded LIKE q OR organisation_id = ANY(named)`. With `unit`, or `q`
 * naming no organisation, the reports themselves.
 */
export function countSource(organisations: string[], f: ListFilters, named?: string[]): { sql: string; params: unknown[] } {
  const q = f.q?.trim();
  const base = listWhere(organisations, { ...f, q: undefined });
  const table = f.period || f.template || f.kind ? 'report_counts' : 'report_counts_by_state';
  const cols = 'r.organisation_id, r.state, r.overdue_any';
  const grouped = (where: string) => `SELECT ${cols}, count(*) AS n FROM reports r WHERE ${where} GROUP BY ${cols}`;
  if (f.unit || (q && !named?.length)) {
    const w = listWhere(organisations, f, named);
    return { sql: grouped(w.sql), params: w.params };
  }
  if (!q || !named) return { sql: `SELECT ${cols}, r.n FROM ${table} r WHERE ${base.sql}`, params: base.params };
  const params = [...base.params, foldedPattern(q), named];
  const p = `$${params.length - 1}`;
  const n = `$${params.length}::uuid[]`;
  return {
    sql: `SELECT ${cols}, r.n FROM ${table} r WHERE ${base.sql} AND r.organisation_id = ANY(${n})
          UNION ALL ${grouped(`${base.sql} AND r.search_folded LIKE ${p} AND r.organisation_id <> ALL(${n})`)}`,
    params,
  };
}

/** `SELECT … AS n`: the number of reports matching the filters (countSource). */
export const countSql = (src: string): string => `SELECT coalesce(sum(c.n), 0)::int AS n FROM (${src}) c`;

/** Truthy query flags as the contracts spell them. */
export const flag = (v: string | undefined): boolean => v === 'true' || v === '1';

interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}

/**
 * The organisations whose reports the caller reads: its own and those it follows (followed_organisations,
 * any depth). Fetched first and passed as an array: with `= ANY($1)` the planner knows it is every
 * commune of the province and walks the updated_at index for a page (0,5 ms) instead of sorting all
 * 100 000 rows behind an opaque function's estimate (150 ms; docs/notes/board12.md).
 */
export async function readableOrganisations(db: Queryable, organisationId: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query('SELECT $1::uuid AS id UNION SELECT f.id FROM followed_organisations($1) f', [
    organisationId,
  ]);
  return rows.map((r) => r.id);
}

/** The organisations whose folded name contains `q` (the board's search on the commune), as ids. */
export async function organisationsNamed(db: Queryable, q: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query('SELECT id FROM organisations WHERE name_folded LIKE $1', [foldedPattern(q.trim())]);
  return rows.map((r) => r.id);
}

/**
 * `organisations`: readableOrganisations(caller) — `$1`. `named`: organisationsNamed(q) when `q` also searches
 * the organisation's name — an array, so the OR is a BitmapOr of the trigram index and the organisation index
 * rather than a filter over every row.
 */
export function listWhere(organisations: string[], f: ListFilters, named?: string[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [organisations];
  const add = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts = ['r.organisation_id = ANY($1::uuid[])'];
  if (f.organisation) parts.push(`r.organisation_id = ${add(f.organisation)}`);
  if (f.period) parts.push(`r.period_key = ${add(f.period)}`);
  if (f.state) {
    const states = f.state
      .split(',')
      .map((s) => s.trim())
      .filter((s) => (REPORT_STATES as readonly string[]).includes(s));
    parts.push(`r.state = ANY(${add(states)}::text[])`);
  }
  if (f.kind) parts.push(`r.kind = ${add(f.kind)}`);
  if (f.template) parts.push(`r.template_code = ${add(f.template)}`);
  if (f.overdue) parts.push(OVERDUE_SQL);
  if (f.unit) parts.push(`r.id IN (SELECT s.report_id FROM sections s WHERE s.unit_code = ${add(f.unit)})`);
  const q = f.q?.trim();
  if (q) {
    // `search_folded` (migration 1765000000000): title and number folded like foldSql, stored.
    const p = add(foldedPattern(q));
    parts.push(
      named?.length ? `(r.search_folded LIKE ${p} OR r.organisation_id = ANY(${add(named)}::uuid[]))` : `r.search_folded LIKE ${p}`,
    );
  }
  return { sql: parts.join(' AND '), params };
}
