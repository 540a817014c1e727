import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { DeliveryView, PendingDeliveriesQuery, PendingDelivery, PendingDeliveryPage } from '@trinhky/contracts';
import { mayRetryDelivery, type ArrivalStatus } from '@trinhky/workflow';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { ForbiddenWithReason } from '../common/http-errors';
import { NotificationsService } from '../notifications/notifications.service';
import { PeopleService } from '../organisation/people.service';
import { ReportsService } from '../reports/reports.service';
import { DELIVER_TOPIC } from './delivery.service';
import { receiverOf } from './receiver';

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

/**
 * Where a report's delivery stands, for its sender (and whoever may read the report): pending with
 * the attempts and the last error while the outbox retries, then the receiver's register entry.
 * Never silent: a delivery that fails stays listed until it lands.
 */
@Injectable()
export class DeliveryStatusService {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly people: PeopleService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The sender's văn thư asks for a pending delivery now (say, once the receiver is receiving again):
   * its next attempt is moved to now and the outbox runs at once; the answer is the status after that
   * attempt (landed, or pending with the new error). Nothing pending (already landed): 409, nothing changes.
   */
  async retry(p: Principal, reportId: string): Promise<DeliveryView> {
    const [{ user }, [report]] = await Promise.all([
      this.people.activeActor(p.userId, p.organisationId),
      this.ds.query('SELECT organisation_id FROM reports WHERE id = $1', [reportId]) as Promise<{ organisation_id: string }[]>,
    ]);
    const ok = mayRetryDelivery({ organisationId: p.organisationId, roles: user.roles }, { organisationId: report?.organisation_id ?? '' });
    if (!report || (!ok.ok && ok.code === 'not_found')) throw new NotFoundException('Không tìm thấy báo cáo.');
    if (!ok.ok) throw new ForbiddenWithReason(ok.reason);
    const [moved]: { n: number }[] = await this.ds.query(
      `WITH m AS (UPDATE outbox SET next_attempt_at = now()
                   WHERE topic = $2 AND delivered_at IS NULL AND payload->>'reportId' = $1 AND organisation_id = $3 RETURNING id)
       SELECT count(*)::int AS n FROM m`,
      [reportId, DELIVER_TOPIC, p.organisationId],
    );
    if (!moved.n) throw new ConflictException('Không có lần gửi nào đang chờ: báo cáo đã đến cơ quan nhận hoặc chưa được gửi đi.');
    // At most a few seconds: a slow receiver leaves the delivery pending, to be tried again on schedule.
    await Promise.race([this.notifications.flush().catch(() => undefined), new Promise((r) => setTimeout(r, 5000).unref())]);
    return this.of(p, reportId);
  }

  async of(p: Principal, reportId: string): Promise<DeliveryView> {
    const report = await this.reports.load(p, reportId);
    const [receiver, entries, [pending]] = await Promise.all([
      receiverOf((s, v) => this.ds.query(s, v), reportId),
      this.ds.query(
        `SELECT revision, status, arrival_number, year, arrived_at, answered_at, answered_by_name, refusal_reason
           FROM incoming_entries WHERE report_id = $1 ORDER BY revision DESC`,
        [reportId],
      ) as Promise<Record<string, unknown>[]>,
      this.ds.query(
        `SELECT attempts, last_error, next_attempt_at FROM outbox
          WHERE topic = $2 AND delivered_at IS NULL AND payload->>'reportId' = $1 ORDER BY id DESC LIMIT 1`,
        [reportId, DELIVER_TOPIC],
      ) as Promise<Record<string, unknown>[]>,
    ]);
    const dispatched = !!pending || entries.some((e) => e['revision'] === report.revision) || (await this.dispatched(reportId));
    // The current revision's entry; before the new revision is dispatched, the refusal that reopened the report.
    const current =
      entries.find((e) => e['revision'] === report.revision) ??
      (!dispatched && entries[0]?.['status'] === 'refused' && entries[0]['revision'] === report.revision - 1 ? entries[0] : undefined);
    const status: DeliveryView['status'] = current
      ? (current['status'] as ArrivalStatus)
      : pending
        ? 'pending'
        : !dispatched
          ? 'not_dispatched'
          : receiver
            ? 'pending'
            : 'outside';
    return {
      reportId,
      revision: report.revision,
      receiver: receiver ? { id: receiver.organisationId, name: receiver.name } : null,
      status,
      attempts: (pending?.['attempts'] as number | undefined) ?? 0,
      lastError: (pending?.['last_error'] as string | null | undefined) ?? null,
      nextAttemptAt: iso(pending?.['next_attempt_at']),
      arrival: current
        ? {
            arrivalNumber: current['arrival_number'] as number,
            year: current['year'] as number,
            arrivedAt: iso(current['arrived_at']) as string,
            answeredAt: iso(current['answered_at']),
            answeredBy: (current['answered_by_name'] as string | null) ?? null,
            refusalReason: (current['refusal_reason'] as string | null) ?? null,
          }
        : null,
      history: entries
        .filter((e) => e !== current)
        .map((e) => ({
          revision: e['revision'] as number,
          status: e['status'] as ArrivalStatus,
          arrivedAt: iso(e['arrived_at']) as string,
          refusalReason: (e['refusal_reason'] as string | null) ?? null,
        })),
    };
  }

  /** A page of the organisation's dispatched reports whose delivery has not landed yet (the ops view), oldest first. */
  async pending(p: Principal, q: PendingDeliveriesQuery): Promise<PendingDeliveryPage> {
    const failing = q.failing === 'true' ? ' AND o.last_error IS NOT NULL' : q.failing === 'false' ? ' AND o.last_error IS NULL' : '';
    const where = `o.topic = $2 AND o.delivered_at IS NULL AND o.organisation_id = $1${failing}`;
    const [rows, [count]] = await Promise.all([
      this.ds.query(
        `SELECT r.id, r.title, r.number_text, o.attempts, o.last_error, o.next_attempt_at, o.created_at, ro.id AS receiver_id, ro.name AS receiver_name
           FROM outbox o JOIN reports r ON r.id = (o.payload->>'reportId')::uuid
           LEFT JOIN organisations ro ON ro.id = report_receiver(r.id)
          WHERE ${where}
          ORDER BY o.created_at, o.id LIMIT $3 OFFSET $4`,
        [p.organisationId, DELIVER_TOPIC, q.limit, q.offset],
      ) as Promise<Record<string, unknown>[]>,
      this.ds.query(`SELECT count(*)::int AS n FROM outbox o JOIN reports r ON r.id = (o.payload->>'reportId')::uuid WHERE ${where}`, [
        p.organisationId,
        DELIVER_TOPIC,
      ]) as Promise<{ n: number }[]>,
    ]);
    const items: PendingDelivery[] = rows.map((r) => ({
      reportId: r['id'] as string,
      title: r['title'] as string,
      numberText: (r['number_text'] as string | null) ?? null,
      receiver: r['receiver_id'] ? { id: r['receiver_id'] as string, name: r['receiver_name'] as string } : null,
      attempts: r['attempts'] as number,
      lastError: (r['last_error'] as string | null) ?? null,
      nextAttemptAt: iso(r['next_attempt_at']) as string,
      since: iso(r['created_at']) as string,
    }));
    return { items, total: count.n, limit: q.limit, offset: q.offset };
  }

  /** Whether the current revision was dispatched: the report's chain has a `dispatch` after its last `refuse`. */
  private async dispatched(reportId: string): Promise<boolean> {
    const [last]: { event: string }[] = await this.ds.query(
      `SELECT event FROM audit_entries WHERE report_id = $1 AND event IN ('dispatch', 'refuse') ORDER BY seq DESC LIMIT 1`,
      [reportId],
    );
    return last?.event === 'dispatch';
  }
}
