import { Injectable } from '@nestjs/common';
import type { InboxPage, InboxRequest, NotificationPage } from '@trinhky/contracts';
import { TEMPLATES, todayInVietnam, type UnitCode } from '@trinhky/domain';
import {
  FINAL_REPORT_STATES,
  inboxScope,
  mayAnswerArrival,
  mayOpenReport,
  offeredEvents,
  type AllowedEvent,
  type ReportFacts,
  type ReportState,
  type SectionState,
  type RoutingPolicy,
  type WorkflowEventType,
} from '@trinhky/workflow';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { ReportEntity } from '../database/entities';
import { PeopleService } from '../organisation/people.service';
import { receiverOf } from '../exchange/receiver';
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
/** What `offeredEvents` and an item read: stored states and, of the snapshots, only the context fields guards read. */
const REPORT_SELECT = `r.id, r.kind, r.definition_version AS "definitionVersion", r.policy, r.title, r.state, r.version,
  r.deadline::text AS deadline, r.overdue, r.snapshot->'context'->>'presentedBy' AS "presentedBy",
  r.snapshot #>> '{context,signature,signerId}' AS "signerId"`;
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

/** "Việc chờ xử lý": what needs the user's action now, computed by the workflow (the same answer as the buttons). */
@Injectable()
export class InboxService {
  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
  ) {}

  /** One page of the items, most urgent first, with the counts over all of them and the open requests. */
  async page(principal: Principal, q: { overdue?: string; limit: number; offset: number }): Promise<InboxPage> {
    const [all, requests, arrivals] = await Promise.all([this.items(principal), this.requests(principal), this.arrivals(principal)]);
    const soon = new Date(Date.parse(`${todayInVietnam(new Date())}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const matching = q.overdue === 'true' || q.overdue === '1' ? all.filter((i) => i.overdue) : all;
    return {
      items: matching.slice(q.offset, q.offset + q.limit) as InboxPage['items'],
      total: matching.length,
      limit: q.limit,
      offset: q.offset,
      overdue: all.filter((i) => i.overdue).length,
      dueSoon: all.filter((i) => !i.overdue && i.deadline.slice(0, 10) <= soon).length,
      requests,
      arrivals,
    };
  }

  /** Incoming entries waiting for an answer, counted for a user `mayAnswerArrival` lets answer them (the văn thư). */
  private async arrivals(principal: Principal): Promise<number> {
    const [row]: { roles: string[]; n: number }[] = await this.ds.query(
      `SELECT u.roles, (SELECT count(*)::int FROM incoming_entries e WHERE e.organisation_id = $2 AND e.status = 'arrived') AS n FROM users u WHERE u.id = $1`,
      [principal.userId, principal.organisationId],
    );
    if (!row?.n) return 0;
    const may = mayAnswerArrival(
      { organisationId: principal.organisationId, roles: row.roles },
      { organisationId: principal.organisationId, status: 'arrived' },
      'receive',
    );
    return may.ok ? row.n : 0;
  }

  /** Requests addressed to the caller's organisation, no report opened from them yet, when the caller compiles that kind. */
  async requests(principal: Principal): Promise<InboxRequest[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT q.id, q.number_text, q.issued_on::text AS issued_on, q.subject, q.period_key, q.deadline::text AS deadline, o.id AS issuer_id, o.name AS issuer_name,
              q.template_code
         FROM report_request_targets t JOIN report_requests q ON q.id = t.request_id JOIN organisations o ON o.id = q.organisation_id
        WHERE t.organisation_id = $1 AND t.report_id IS NULL
        ORDER BY q.deadline, q.issued_on`,
      [principal.organisationId],
    );
    if (!rows.length) return [];
    const [policies, { actor }] = await Promise.all([
      this.ds.query('SELECT report_kind, policy FROM routing_policies WHERE organisation_id = $1', [principal.organisationId]) as Promise<
        { report_kind: string; policy: RoutingPolicy }[]
      >,
      this.people.activeActor(principal.userId, principal.organisationId),
    ]);
    const today = todayInVietnam(new Date());
    return rows
      .filter((r) => {
        // The routing policy's compiling unit opens the report (libs/workflow), as POST /requests/{id}/open checks.
        const kind = TEMPLATES[r['template_code'] as string]?.kind;
        const policy = policies.find((p) => p.report_kind === kind)?.policy;
        return !!policy && mayOpenReport(policy, actor).ok;
      })
      .map((r) => ({
        requestId: r['id'] as string,
        numberText: r['number_text'] as string,
        issuedOn: r['issued_on'] as string,
        subject: r['subject'] as string,
        issuer: { id: r['issuer_id'] as string, name: r['issuer_name'] as string },
        periodKey: r['period_key'] as string,
        deadline: r['deadline'] as string,
        overdue: (r['deadline'] as string) < today,
      }));
  }

  /**
   * Every item of the caller, most urgent first. The candidates are narrowed in SQL by the workflow's
   * `inboxScope` (conservative: never a report where the workflow would offer something), then
   * `offeredEvents` answers on each candidate from its rows — what `allowedEvents` answers, without
   * restoring any snapshot (libs/workflow, property-tested against it).
   */
  async items(principal: Principal): Promise<InboxItem[]> {
    const { actor } = await this.people.activeActor(principal.userId, principal.organisationId);
    const scope = scopeSql(inboxScope(actor, OMITTED));
    if (!scope.where) return [];
    const reports: ReportRow[] = await this.ds
      .createQueryBuilder()
      .select(REPORT_SELECT)
      .from(ReportEntity, 'r')
      .where('r.organisation_id = :org AND r.state <> ALL(:done::text[])', { org: principal.organisationId, done: DONE })
      .andWhere(`(${scope.where})`, scope.params)
      // Ties of urgency come in a fixed order, so pages never overlap.
      .orderBy('r.id')
      .getRawMany();
    if (!reports.length) return [];
    const sections: SectionRow[] = await this.ds.query(
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
    const items: InboxItem[] = [];
    for (const r of reports) {
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
      let events = offeredEvents(facts, actor, now).filter((e) => !OMITTED.includes(e.type));
      // Receipt (issue 12): the sender's clerk records it only for a receiver outside the system.
      if (events.some((e) => e.type === 'acknowledge')) {
        facts.receiver = await receiverOf((q, v) => this.ds.query(q, v), r.id);
        events = offeredEvents(facts, actor, now).filter((e) => !OMITTED.includes(e.type));
      }
      const bySection = new Map<string | undefined, AllowedEvent[]>();
      for (const e of events) bySection.set(e.sectionId, [...(bySection.get(e.sectionId) ?? []), e]);
      for (const [sectionId, evs] of bySection) {
        const s = sectionId ? own.find((x) => x.id === sectionId) : undefined;
        items.push({
          reportId: r.id,
          reportTitle: r.title,
          reportState: r.state,
          version: r.version,
          ...(s ? { sectionId: s.id, sectionTitle: [s.label, s.title].filter(Boolean).join(' '), sectionState: s.state } : {}),
          events: evs,
          deadline: s?.deadline ?? r.deadline,
          overdue: s ? s.overdue : r.overdue,
        });
      }
    }
    return items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline));
  }

  /** A page of the caller's notifications, newest first, with the total and the unread count (never a silent cap). */
  async notifications(principal: Principal, q: { limit: number; offset: number }): Promise<NotificationPage> {
    const [rows, [counts]] = await Promise.all([
      this.ds.query(
        `SELECT id, report_id, message, created_at, read_at IS NOT NULL AS read FROM notifications WHERE user_id = $1
          ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [principal.userId, q.limit, q.offset],
      ) as Promise<{ id: string; report_id: string | null; message: string; created_at: Date; read: boolean }[]>,
      this.ds.query(
        'SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = $1',
        [principal.userId],
      ) as Promise<{ total: number; unread: number }[]>,
    ]);
    return {
      items: rows.map((n) => ({
        id: n.id,
        reportId: n.report_id,
        message: n.message,
        createdAt: n.created_at.toISOString(),
        read: n.read,
      })),
      total: counts.total,
      unread: counts.unread,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async markRead(principal: Principal): Promise<void> {
    await this.ds.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [principal.userId]);
  }
}
