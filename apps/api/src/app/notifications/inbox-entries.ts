/**
 * The items of "Việc của tôi" before they are shaped for the wire: one entry per (report, part or none)
 * on which the workflow offers the caller something, in the inbox's order. The candidates are narrowed
 * in SQL by the workflow's `inboxScope` (conservative: never a report where the workflow would offer
 * something), then `offeredEvents` answers on each candidate from its rows — what `allowedEvents`
 * answers, without restoring any snapshot (libs/workflow, property-tested against it) — or the answer kept
 * from an earlier request when the report has not moved since (`InboxMemo`). Every candidate is answered
 * (the totals are exact); only the page's entries are then turned into items (`withTitles`, `itemOf`).
 */
import {
  FINAL_REPORT_STATES,
  inboxScope,
  type AllowedEvent,
  type ReportState,
  type RoutingPolicy,
  type WorkflowActor,
} from '@trinhky/workflow';
import type { DataSource } from 'typeorm';
import { OMITTED, decide } from './inbox-decide';
import type { Decided, InboxMemo } from './inbox-memo';
import { scopeSql } from './inbox-scope-sql';

export interface InboxItem {
  reportId: string;
  reportTitle: string;
  reportState: string;
  version: number;
  sectionId?: string;
  sectionTitle?: string;
  sectionState?: string;
  events: AllowedEvent[];
  deadline: string;
  overdue: boolean;
}

const DONE = [...FINAL_REPORT_STATES];
/**
 * What `offeredEvents` and an item read: stored states and, of the snapshots, only the context fields guards
 * read — the report's context taken out of its snapshot once per row (`OFFSET 0` keeps the subquery, so the
 * snapshot is detoasted once, not once per field).
 */
const REPORT_SELECT = `r.id, r.kind, r."definitionVersion", r.policy, r.title, r.state, r.version, r.deadline, r.overdue, r."overdueAny",
  r.ctx->>'presentedBy' AS "presentedBy", r.ctx #>> '{signature,signerId}' AS "signerId"`;
const REPORT_INNER = `r.id, r.kind, r.definition_version AS "definitionVersion", r.policy, r.title, r.state, r.version,
  r.deadline::text AS deadline, r.overdue, r.overdue_any AS "overdueAny", r.snapshot->'context' AS ctx`;
export interface ReportRow {
  id: string;
  kind: string;
  definitionVersion: number;
  policy: RoutingPolicy;
  title: string;
  state: ReportState;
  version: number;
  deadline: string;
  overdue: boolean;
  /** The report or one of its parts is overdue (trigger-maintained). */
  overdueAny: boolean;
  presentedBy: string | null;
  signerId: string | null;
}

/** The part of an entry: what ordering, counting and the item read (the heading only on the page, `withTitles`). */
export interface EntryPart {
  id: string;
  state: string;
  deadline: string;
  overdue: boolean;
  heading?: string;
}

/** One item to be: the report, the part (none: a report event), the events, and what orders and counts it. */
export interface InboxEntry {
  report: ReportRow;
  section: EntryPart | undefined;
  events: AllowedEvent[];
  deadline: string;
  overdue: boolean;
}

/**
 * Every entry of the actor in its organisation, most urgent first (overdue, then deadline; ties by report id,
 * part order). With a memo, a report whose version has not moved since it was last decided for this actor
 * today is not decided again and its parts are not read (`InboxMemo`); only which of its parts are overdue is.
 */
export async function inboxEntries(ds: DataSource, organisationId: string, actor: WorkflowActor, memo?: InboxMemo): Promise<InboxEntry[]> {
  // $1 the organisation, $2 the final states, then the scope's values. Written by hand: building it through
  // TypeORM's query builder cost more CPU per request than running it.
  const scope = scopeSql(inboxScope(actor, OMITTED), 3);
  if (!scope.where) return [];
  const inner = `SELECT ${REPORT_INNER} FROM reports r WHERE r.organisation_id = $1 AND r.state <> ALL($2::text[]) AND (${scope.where})`;
  // Ties of urgency come in a fixed order, so pages never overlap.
  const reports: ReportRow[] = await ds.query(`SELECT ${REPORT_SELECT} FROM (${inner} OFFSET 0) r ORDER BY r.id`, [
    organisationId,
    DONE,
    ...scope.params,
  ]);
  if (!reports.length) return [];
  const now = new Date();
  const kept = memo?.book(actor, now);
  const book = new Map<string, Decided>();
  const misses = reports.filter((r) => {
    const d = kept?.get(r.id);
    if (d?.version !== r.version) return true;
    book.set(r.id, d);
    return false;
  });
  const [decided, overdueParts] = await Promise.all([
    decide(ds, misses, actor, now),
    overdueOf(
      ds,
      reports.filter((r) => r.overdueAny && book.has(r.id)),
    ),
  ]);
  for (const [id, d] of decided) book.set(id, d.decided);
  // The memo keeps this request's answers only: reports no longer candidates drop out.
  if (kept) {
    kept.clear();
    for (const [id, d] of book) if (decided.get(id)?.kept !== false) kept.set(id, d);
  }
  const entries: InboxEntry[] = [];
  for (const r of reports) {
    const fresh = decided.get(r.id);
    for (const { section: s, events } of book.get(r.id)?.parts ?? []) {
      const overdue = s ? (fresh ? fresh.overdue.has(s.id) : overdueParts.has(s.id)) : r.overdue;
      const part: EntryPart | undefined = s && { ...s, overdue };
      entries.push({ report: r, section: part, events, deadline: part?.deadline ?? r.deadline, overdue });
    }
  }
  // Deadlines are ISO dates: compared as strings (a `localeCompare` per comparison costs more than the rest of the sort).
  return entries.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
}

/** The overdue parts of these reports (those whose `overdue_any` says one may be). */
async function overdueOf(ds: DataSource, reports: ReportRow[]): Promise<Set<string>> {
  if (!reports.length) return new Set();
  const rows: { id: string }[] = await ds.query('SELECT id FROM sections WHERE report_id = ANY($1::uuid[]) AND overdue', [
    reports.map((r) => r.id),
  ]);
  return new Set(rows.map((r) => r.id));
}

/** Sets the heading of the entries' parts (label and title), read in one query: done for the page's entries only. */
export async function withTitles(ds: DataSource, entries: InboxEntry[]): Promise<InboxEntry[]> {
  const ids = [...new Set(entries.flatMap((e) => (e.section ? [e.section.id] : [])))];
  if (!ids.length) return entries;
  const rows: { id: string; label: string; title: string }[] = await ds.query(
    'SELECT id, label, title FROM sections WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, [r.label, r.title].filter(Boolean).join(' ')]));
  for (const e of entries) if (e.section) e.section.heading = byId.get(e.section.id) ?? '';
  return entries;
}

/** The wire item of an entry (its part's heading set by `withTitles`). */
export function itemOf({ report: r, section: s, events, deadline, overdue }: InboxEntry): InboxItem {
  return {
    reportId: r.id,
    reportTitle: r.title,
    reportState: r.state,
    version: r.version,
    ...(s ? { sectionId: s.id, sectionTitle: s.heading ?? '', sectionState: s.state } : {}),
    events,
    deadline,
    overdue,
  };
}
