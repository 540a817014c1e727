import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { IncomingEntry, IncomingPage, IncomingQuery } from '@trinhky/contracts';
import { mayAnswerArrival, type ArrivalStatus } from '@trinhky/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { AuditKey } from '../audit/audit-key';
import { ForbiddenWithReason } from '../common/http-errors';
import { NotificationsService } from '../notifications/notifications.service';
import { pushInTransaction } from '../notifications/push';
import { PeopleService } from '../organisation/people.service';
import { REPORT_COLUMNS, reportFromRow } from '../reports/report-rows';
import { TransitionsService } from '../reports/transitions.service';
import { appendIncomingStep } from './incoming-log';
import { foldSql, foldedPattern } from './search';

const COLUMNS = `e.id, e.organisation_id, e.year, e.arrival_number, e.arrived_at, e.sender_id, e.sender_name, e.number_text,
  e.document_date::text AS document_date, e.subject, e.report_id, e.revision, e.request_id, e.pdf_sha256, e.status,
  e.answered_at, e.answered_by_name, e.refusal_reason`;

type Row = Record<string, unknown>;
const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

function entryView(r: Row, canAnswer: boolean): IncomingEntry {
  return {
    id: r['id'] as string,
    year: r['year'] as number,
    arrivalNumber: r['arrival_number'] as number,
    arrivedAt: iso(r['arrived_at']) as string,
    sender: { id: r['sender_id'] as string, name: r['sender_name'] as string },
    numberText: r['number_text'] as string,
    documentDate: r['document_date'] as string,
    subject: r['subject'] as string,
    reportId: r['report_id'] as string,
    revision: r['revision'] as number,
    requestId: (r['request_id'] as string | null) ?? null,
    pdfSha256: r['pdf_sha256'] as string,
    status: r['status'] as ArrivalStatus,
    answeredAt: iso(r['answered_at']),
    answeredBy: (r['answered_by_name'] as string | null) ?? null,
    refusalReason: (r['refusal_reason'] as string | null) ?? null,
    canAnswer,
  };
}

/**
 * The receiving organisation's incoming register and its văn thư's answers. An answer is one
 * transaction: the entry's row lock, the commune's report row lock, the report's `acknowledge` or
 * `refuse` transition (libs/workflow decides; a refusal reopens the report as a new revision, in
 * the commune's chain), the entry's status and the receiver's own incoming log. Nothing is written
 * when any check refuses.
 */
@Injectable()
export class IncomingService {
  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
    private readonly transitions: TransitionsService,
    private readonly notifications: NotificationsService,
    private readonly key: AuditKey,
  ) {}

  async list(p: Principal, q: IncomingQuery): Promise<IncomingPage> {
    const params: unknown[] = [p.organisationId];
    const where = ['e.organisation_id = $1'];
    if (q.status) where.push(`e.status = $${params.push(q.status)}`);
    if (q.year) where.push(`e.year = $${params.push(q.year)}`);
    if (q.q)
      where.push(
        `(${foldSql('e.subject')} LIKE $${params.push(foldedPattern(q.q))} OR ${foldSql('e.sender_name')} LIKE $${params.length} OR lower(e.number_text) LIKE $${params.length})`,
      );
    const w = where.join(' AND ');
    const n = params.length;
    const [rows, [count], roles] = await Promise.all([
      this.ds.query(
        `SELECT ${COLUMNS} FROM incoming_entries e WHERE ${w} ORDER BY e.arrived_at DESC, e.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, q.limit, q.offset],
      ) as Promise<Row[]>,
      this.ds.query(`SELECT count(*)::int AS n FROM incoming_entries e WHERE ${w}`, params) as Promise<{ n: number }[]>,
      this.roles(p),
    ]);
    return { items: rows.map((r) => this.view(p, roles, r)), total: count.n, limit: q.limit, offset: q.offset };
  }

  async get(p: Principal, id: string): Promise<IncomingEntry> {
    const [row] = await this.rows(this.ds.manager, id, p.organisationId, false);
    if (!row) throw new NotFoundException('Không tìm thấy văn bản đến.');
    return this.view(p, await this.roles(p), row);
  }

  async pdf(p: Principal, id: string): Promise<{ bytes: Buffer; sha256: string; name: string }> {
    const [row]: { bytes: Buffer; sha256: string; number_text: string }[] = await this.ds.query(
      `SELECT d.bytes, d.sha256, e.number_text FROM incoming_entries e JOIN rendered_pdfs d ON d.id = e.pdf_id WHERE e.id = $1 AND e.organisation_id = $2`,
      [id, p.organisationId],
    );
    if (!row) throw new NotFoundException('Không tìm thấy văn bản đến.');
    return { bytes: row.bytes, sha256: row.sha256, name: `van-ban-den-${row.number_text.replace(/[^0-9A-Za-z-]+/g, '-')}.pdf` };
  }

  receive(p: Principal, id: string): Promise<IncomingEntry> {
    return this.answer(p, id, 'receive', null);
  }

  refuse(p: Principal, id: string, reason: string): Promise<IncomingEntry> {
    return this.answer(p, id, 'refuse', reason);
  }

  private async answer(p: Principal, id: string, action: 'receive' | 'refuse', reason: string | null): Promise<IncomingEntry> {
    const entry = await this.ds.transaction(async (em) => {
      const { user, actor } = await this.people.activeActor(p.userId, p.organisationId, em);
      // Another agency's entry is not found (404), whatever its status: the rule says so before anything else.
      const [e] = await this.rows(em, id, null, true);
      const ok = mayAnswerArrival(
        { organisationId: p.organisationId, roles: user.roles },
        { organisationId: (e?.['organisation_id'] as string) ?? '', status: (e?.['status'] as ArrivalStatus) ?? 'arrived' },
        action,
        reason,
      );
      if (!e || (!ok.ok && ok.code === 'not_found')) throw new NotFoundException('Không tìm thấy văn bản đến.');
      if (!ok.ok) {
        if (ok.code === 'forbidden') throw new ForbiddenWithReason(ok.reason);
        if (ok.code === 'conflict') throw new ConflictException(ok.reason);
        throw new BadRequestException(ok.reason);
      }
      const [reportRow]: Row[] = await em.query(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1 FOR UPDATE`, [e['report_id']]);
      const report = reportFromRow(reportRow);
      if (report.revision !== e['revision'])
        throw new ConflictException('Báo cáo của cơ quan gửi đã sang lần sửa khác; văn bản đến này không còn chờ tiếp nhận.');
      await this.transitions.applyLocked(
        em,
        report,
        user,
        { ...actor, organisationId: p.organisationId },
        { type: action === 'receive' ? 'acknowledge' : 'refuse', expectedVersion: report.version, ...(reason ? { comment: reason } : {}) },
      );
      await em.query(
        `UPDATE incoming_entries SET status = $2, answered_at = now(), answered_by = $3, answered_by_name = $4, refusal_reason = $5 WHERE id = $1`,
        [id, action === 'receive' ? 'received' : 'refused', user.id, user.fullName, reason],
      );
      await appendIncomingStep(em, this.key, {
        organisationId: p.organisationId,
        entryId: id,
        event: action === 'receive' ? 'received' : 'refused',
        actorId: user.id,
        actorName: user.fullName,
        summary:
          action === 'receive'
            ? `Tiếp nhận văn bản đến số ${String(e['arrival_number'])}/${String(e['year'])} (${String(e['number_text'])}).`
            : `Từ chối tiếp nhận văn bản đến số ${String(e['arrival_number'])}/${String(e['year'])} (${String(e['number_text'])}): ${reason}`,
      });
      await pushInTransaction(em, { organisationId: p.organisationId, type: 'incoming.changed', reportId: report.id });
      // The commune hears the transition's own `report.changed` (with its version): a second push right behind it
      // would be the only one a page's signal sees, and the report page reloads on a newer version only.
      const [after] = await this.rows(em, id, p.organisationId, false);
      return after;
    });
    this.notifications.kick();
    return this.view(p, [], entry);
  }

  private rows(em: EntityManager, id: string, organisationId: string | null, lock: boolean): Promise<Row[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM incoming_entries e WHERE e.id = $1 ${organisationId ? 'AND e.organisation_id = $2' : ''} ${lock ? 'FOR UPDATE' : ''}`,
      organisationId ? [id, organisationId] : [id],
    );
  }

  private async roles(p: Principal): Promise<string[]> {
    const [u]: { roles: string[] }[] = await this.ds.query('SELECT roles FROM users WHERE id = $1', [p.userId]);
    return u?.roles ?? [];
  }

  private view(p: Principal, roles: string[], r: Row): IncomingEntry {
    const ok = mayAnswerArrival(
      { organisationId: p.organisationId, roles },
      { organisationId: r['organisation_id'] as string, status: r['status'] as ArrivalStatus },
      'receive',
    );
    return entryView(r, ok.ok);
  }
}
