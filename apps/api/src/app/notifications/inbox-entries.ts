/**
 * The items of "Việc của tôi" before they are shaped for the wire: one entry per (report, part or none)
 * on which the workflow offers the caller something, in the inbox's order. The candidates are narrowed
 * in SQL by the workflow's `inboxScope` (conservative: never a report where the workflow would offer
 * something), then `offeredEvents` answers on each candidate from its rows — what `allowedEvents`
 * answers, without restoring any snapshot (libs/workflow, property-tested against it). Every candidate
 * is decided (the totals are exact); only the page's entries are then turned into items (`itemOf`).
 */
import type { UnitCode } from '@trinhky/domain';
import {
  FINAL_REPORT_STATES,
  inboxScope,
  offeredEvents,
  type AllowedEvent,
  type ReportFacts,
  type ReportState,
  type RoutingPolicy,
  type SectionState,
  type WorkflowActor,
  type WorkflowEventType,
} from '@trinhky/workflow';
import type { DataSource } from 'typeorm';
import { ReportEntity } from '../database/entities';
import { receiversOf } from '../exchange/receiver';
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
/** Not a task: cancelling is offered on the report's page, never listed in the inbox. */
const OMITTED: readonly WorkflowEventType[] = ['cancel'];
/**
 * What `offeredEvents` and an item read: stored states and, of the snapshots, only the context fields guards
 * read — the report's context taken out of its snapshot once per row (`OFFSET 0` keeps the subquery, so the
 * snapshot is detoasted once, not once per field).
 */
const REPORT_SELECT = `r.id, r.kind, r."definitionVersion", r.policy, r.title, r.state, r.version, r.deadline, r.overdue,
  r.ctx->>'presentedBy' AS "presentedBy", r.ctx #>> '{signature,signerId}' AS "signerId"`;
const REPORT_INNER = `r.id, r.kind, r.definition_version AS "definitionVersion", r.policy, r.title, r.state, r.version,
  r.deadline::text AS deadline, r.overdue, r.snapshot->'context' AS ctx`;
const SECTION_SELECT = `s.id, s.report_id AS "reportId", s.label, s.title, s.unit_code AS "unitCode", s.assignee_id AS "assigneeId",
  s.state, s.deadline::text AS deadline, s.overdue, s.snapshot->'context'->>'submittedBy' AS "submittedBy"`;

interface ReportRow {
  id: string;
  kind: string;
  definitionVersion: number;
  policy: RoutingPolicy;
  title: string;
  state: ReportState;
  version: number;
  deadline: string;
  overdue: boolean;
  presentedBy: string | null;
  signerId: string | null;
}
interface SectionRow {
  id: string;
  reportId: string;
  label: string;
  title: string;
  unitCode: UnitCode;
  assigneeId: string | null;
  state: SectionState;
  deadline: string;
  overdue: boolean;
  submittedBy: string | null;
}

/** One item to be: the report, the part (none: a report event), the events, and what orders and counts it. */
export interface InboxEntry {
  report: ReportRow;
  section: SectionRow | undefined;
  events: AllowedEvent[];
  deadline: string;
  overdue: boolean;
}

/** Every entry of the actor in its organisation, most urgent first (overdue, then deadline; ties by report id, part order). */
export async function inboxEntries(ds: DataSource, organisationId: string, actor: WorkflowActor): Promise<InboxEntry[]> {
  const scope = scopeSql(inboxScope(actor, OMITTED));
  if (!scope.where) return [];
  const inner = ds
    .createQueryBuilder()
    .select(REPORT_INNER)
    .from(ReportEntity, 'r')
    .where('r.organisation_id = :org AND r.state <> ALL(:done::text[])', { org: organisationId, done: DONE })
    .andWhere(`(${scope.where})`, scope.params);
  const [sql, params] = inner.getQueryAndParameters();
  // Ties of urgency come in a fixed order, so pages never overlap.
  const reports: ReportRow[] = await ds.query(`SELECT ${REPORT_SELECT} FROM (${sql} OFFSET 0) r ORDER BY r.id`, params);
  if (!reports.length) return [];
  const sections: SectionRow[] = await ds.query(
    `SELECT ${SECTION_SELECT} FROM sections s WHERE s.report_id = ANY($1::uuid[]) ORDER BY s.report_id, s.sort_order`,
    [reports.map((r) => r.id)],
  );
  const byReport = new Map<string, SectionRow[]>();
  for (const s of sections) {
    const list = byReport.get(s.reportId);
    if (list) list.push(s);
    else byReport.set(s.reportId, [s]);
  }
  const now = new Date();
  const offered = (facts: ReportFacts) => offeredEvents(facts, actor, now).filter((e) => !OMITTED.includes(e.type));
  const decided = reports.map((r) => {
    const own = byReport.get(r.id) ?? [];
    const facts: ReportFacts = {
      kind: r.kind,
      definitionVersion: r.definitionVersion,
      policy: r.policy,
      state: r.state,
      presentedBy: r.presentedBy,
      signerId: r.signerId,
      sections: own.map((s) => ({ id: s.id, state: s.state, unit: s.unitCode, assigneeId: s.assigneeId, submittedBy: s.submittedBy })),
    };
    return { r, own, facts, events: offered(facts) };
  });
  // Receipt (issue 12): the sender's clerk records it only for a receiver outside the system — the receivers of
  // every report where it is offered, in one query.
  const asked = decided.filter((d) => d.events.some((e) => e.type === 'acknowledge'));
  if (asked.length) {
    const receivers = await receiversOf(
      (q, v) => ds.query(q, v),
      asked.map((d) => d.r.id),
    );
    for (const d of asked) {
      d.facts.receiver = receivers.get(d.r.id) ?? null;
      d.events = offered(d.facts);
    }
  }
  const entries: InboxEntry[] = [];
  for (const { r, own, events } of decided) {
    const bySection = new Map<string | undefined, AllowedEvent[]>();
    for (const e of events) {
      const list = bySection.get(e.sectionId);
      if (list) list.push(e);
      else bySection.set(e.sectionId, [e]);
    }
    for (const [sectionId, evs] of bySection) {
      const s = sectionId ? own.find((x) => x.id === sectionId) : undefined;
      entries.push({ report: r, section: s, events: evs, deadline: s?.deadline ?? r.deadline, overdue: s ? s.overdue : r.overdue });
    }
  }
  return entries.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline));
}

/** The wire item of an entry. */
export function itemOf({ report: r, section: s, events, deadline, overdue }: InboxEntry): InboxItem {
  return {
    reportId: r.id,
    reportTitle: r.title,
    reportState: r.state,
    version: r.version,
    ...(s ? { sectionId: s.id, sectionTitle: [s.label, s.title].filter(Boolean).join(' '), sectionState: s.state } : {}),
    events,
    deadline,
    overdue,
  };
}
