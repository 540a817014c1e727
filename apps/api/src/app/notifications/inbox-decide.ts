/**
 * The inbox's decision on the reports no answer is kept for: their parts read in one query, then
 * `offeredEvents` on the stored states and the context fields guards read — what `allowedEvents` answers,
 * without restoring any snapshot (libs/workflow, property-tested against it) — grouped per part in the
 * order of the events.
 */
import type { UnitCode } from '@trinhky/domain';
import {
  offeredEvents,
  type AllowedEvent,
  type ReportFacts,
  type SectionState,
  type WorkflowActor,
  type WorkflowEventType,
} from '@trinhky/workflow';
import type { DataSource } from 'typeorm';
import { receiversOf } from '../exchange/receiver';
import type { ReportRow } from './inbox-entries';
import type { Decided, DecidedPart } from './inbox-memo';

/** Not a task: cancelling is offered on the report's page, never listed in the inbox. */
export const OMITTED: readonly WorkflowEventType[] = ['cancel'];

/** What deciding and ordering read of a part; its label and title are read only for the page's items (`withTitles`). */
const SECTION_SELECT = `s.id, s.report_id AS "reportId", s.unit_code AS "unitCode", s.assignee_id AS "assigneeId",
  s.state, s.deadline::text AS deadline, s.overdue, s.sort_order AS "sortOrder", s.snapshot->'context'->>'submittedBy' AS "submittedBy"`;

interface SectionRow {
  id: string;
  reportId: string;
  unitCode: UnitCode;
  assigneeId: string | null;
  state: SectionState;
  deadline: string;
  overdue: boolean;
  sortOrder: number;
  submittedBy: string | null;
}

export interface Fresh {
  decided: Decided;
  /** Whether the answer may be kept (it did not depend on the receiver). */
  kept: boolean;
  overdue: Set<string>;
}

/** Decides these reports from their rows (and their receivers where receipt is offered). */
export async function decide(ds: DataSource, reports: ReportRow[], actor: WorkflowActor, now: Date): Promise<Map<string, Fresh>> {
  const out = new Map<string, Fresh>();
  if (!reports.length) return out;
  const sections: SectionRow[] = await ds.query(`SELECT ${SECTION_SELECT} FROM sections s WHERE s.report_id = ANY($1::uuid[])`, [
    reports.map((r) => r.id),
  ]);
  const byReport = new Map<string, SectionRow[]>();
  for (const s of sections) {
    const list = byReport.get(s.reportId);
    if (list) list.push(s);
    else byReport.set(s.reportId, [s]);
  }
  for (const list of byReport.values()) list.sort((a, b) => a.sortOrder - b.sortOrder);
  const offered = (facts: ReportFacts) => offeredEvents(facts, actor, now).filter((e) => !OMITTED.includes(e.type));
  const all = reports.map((r) => {
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
    return { r, own, facts, events: offered(facts), asked: false };
  });
  // Receipt (issue 12): the sender's clerk records it only for a receiver outside the system — the receivers of
  // every report where it is offered, in one query.
  const asked = all.filter((d) => d.events.some((e) => e.type === 'acknowledge'));
  if (asked.length) {
    const receivers = await receiversOf(
      (q, v) => ds.query(q, v),
      asked.map((d) => d.r.id),
    );
    for (const d of asked) {
      d.facts.receiver = receivers.get(d.r.id) ?? null;
      d.events = offered(d.facts);
      d.asked = true;
    }
  }
  for (const { r, own, events, asked: needed } of all) {
    const bySection = new Map<string | undefined, AllowedEvent[]>();
    for (const e of events) {
      const list = bySection.get(e.sectionId);
      if (list) list.push(e);
      else bySection.set(e.sectionId, [e]);
    }
    const parts: DecidedPart[] = [];
    for (const [sectionId, evs] of bySection) {
      const s = sectionId ? own.find((x) => x.id === sectionId) : undefined;
      parts.push(s ? { section: { id: s.id, state: s.state, deadline: s.deadline }, events: evs } : { events: evs });
    }
    out.set(r.id, {
      decided: { version: r.version, parts },
      kept: !needed,
      overdue: new Set(own.filter((s) => s.overdue).map((s) => s.id)),
    });
  }
  return out;
}
