import { Injectable } from '@nestjs/common';
import type { InboxPage, InboxRequest, NotificationPage } from '@trinhky/contracts';
import { TEMPLATES, todayInVietnam } from '@trinhky/domain';
import { mayAnswerArrival, mayOpenReport, type RoutingPolicy, type WorkflowActor } from '@trinhky/workflow';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { PeopleService, activeActorFromRow, actorJson, type ActorRow } from '../organisation/people.service';
import { InboxMemo } from './inbox-memo';
import { inboxEntries, itemOf, withTitles, type InboxItem } from './inbox-entries';

export type { InboxItem } from './inbox-entries';

/** "Việc chờ xử lý": what needs the user's action now, computed by the workflow (the same answer as the buttons). */
@Injectable()
export class InboxService {
  /** The workflow's answers per actor, kept while the reports do not move (`InboxMemo`). */
  private readonly memo = new InboxMemo();

  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
  ) {}

  /**
   * One page of the items, most urgent first, with the counts over all of them and the open requests. Every
   * candidate is decided (the counts are exact); only the page's items are built.
   */
  async page(principal: Principal, q: { overdue?: string; limit: number; offset: number }): Promise<InboxPage> {
    const { actor, arrivals } = await this.actorAndArrivals(principal);
    const [all, requests] = await Promise.all([
      inboxEntries(this.ds, principal.organisationId, actor, this.memo),
      this.requests(principal, actor),
    ]);
    const soon = new Date(Date.parse(`${todayInVietnam(new Date())}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    // Overdue entries come first (the order), so the overdue ones are a prefix of `all`.
    let overdue = 0;
    while (overdue < all.length && all[overdue].overdue) overdue++;
    const matching = q.overdue === 'true' || q.overdue === '1' ? all.slice(0, overdue) : all;
    return {
      items: (await withTitles(this.ds, matching.slice(q.offset, q.offset + q.limit))).map(itemOf) as InboxPage['items'],
      total: matching.length,
      limit: q.limit,
      offset: q.offset,
      overdue,
      dueSoon: all.filter((i) => !i.overdue && i.deadline.slice(0, 10) <= soon).length,
      requests,
      arrivals,
    };
  }

  /**
   * The caller as the workflow sees them (401 for a deactivated or moved account) and the incoming entries
   * waiting for an answer, counted for a user `mayAnswerArrival` lets answer them (the văn thư): one statement.
   */
  private async actorAndArrivals(principal: Principal): Promise<{ actor: WorkflowActor; arrivals: number }> {
    const [row]: { user: ActorRow | null; n: number }[] = await this.ds.query(
      `SELECT ${actorJson('$1::uuid')} AS "user",
              (SELECT count(*)::int FROM incoming_entries e WHERE e.organisation_id = $2 AND e.status = 'arrived') AS n`,
      [principal.userId, principal.organisationId],
    );
    const { user, actor } = activeActorFromRow(row?.user ?? null, principal.organisationId);
    if (!row.n) return { actor, arrivals: 0 };
    const may = mayAnswerArrival(
      { organisationId: principal.organisationId, roles: user.roles },
      { organisationId: principal.organisationId, status: 'arrived' },
      'receive',
    );
    return { actor, arrivals: may.ok ? row.n : 0 };
  }

  /** Requests addressed to the caller's organisation, no report opened from them yet, when the caller compiles that kind. */
  async requests(principal: Principal, actor?: WorkflowActor): Promise<InboxRequest[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT q.id, q.number_text, q.issued_on::text AS issued_on, q.subject, q.period_key, q.deadline::text AS deadline, o.id AS issuer_id, o.name AS issuer_name,
              q.template_code
         FROM report_request_targets t JOIN report_requests q ON q.id = t.request_id JOIN organisations o ON o.id = q.organisation_id
        WHERE t.organisation_id = $1 AND t.report_id IS NULL
        ORDER BY q.deadline, q.issued_on`,
      [principal.organisationId],
    );
    if (!rows.length) return [];
    const [policies, who] = await Promise.all([
      this.ds.query('SELECT report_kind, policy FROM routing_policies WHERE organisation_id = $1', [principal.organisationId]) as Promise<
        { report_kind: string; policy: RoutingPolicy }[]
      >,
      actor ?? this.people.activeActor(principal.userId, principal.organisationId).then((a) => a.actor),
    ]);
    const today = todayInVietnam(new Date());
    return rows
      .filter((r) => {
        // The routing policy's compiling unit opens the report (libs/workflow), as POST /requests/{id}/open checks.
        const kind = TEMPLATES[r['template_code'] as string]?.kind;
        const policy = policies.find((p) => p.report_kind === kind)?.policy;
        return !!policy && mayOpenReport(policy, who).ok;
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

  /** Every item of the caller, most urgent first (`inboxEntries`: narrowed in SQL, decided by `offeredEvents`). */
  async items(principal: Principal): Promise<InboxItem[]> {
    const { actor } = await this.people.activeActor(principal.userId, principal.organisationId);
    return (await withTitles(this.ds, await inboxEntries(this.ds, principal.organisationId, actor, this.memo))).map(itemOf);
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
