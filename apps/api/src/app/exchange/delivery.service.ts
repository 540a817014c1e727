import { Injectable } from '@nestjs/common';
import { formatDateShortVi, todayInVietnam } from '@trinhky/domain';
import type { EntityManager } from 'typeorm';
import { AuditKey } from '../audit/audit-key';
import { pushInTransaction } from '../notifications/push';
import { DeliveryProblem } from '../notifications/delivery-problem';
import { appendIncomingStep } from './incoming-log';

/** The outbox topic written by a `dispatch` (the workflow's `deliver` effect). */
export const DELIVER_TOPIC = 'incoming.deliver';

export interface DeliverPayload {
  reportId: string;
  revision: number;
}

/**
 * Delivers a dispatched report into the receiving agency's incoming register, inside the outbox
 * row's transaction (so the row is marked delivered exactly when the entry exists). A second run
 * for the same revision finds the entry and does nothing; a receiver that does not take deliveries
 * now, or a frozen PDF not yet stored, throws: the outbox retries with back-off and the sender sees
 * the delivery pending with the reason.
 */
@Injectable()
export class DeliveryService {
  constructor(private readonly key: AuditKey) {}

  async deliver(em: EntityManager, p: DeliverPayload): Promise<void> {
    const [r]: Record<string, unknown>[] = await em.query(
      `SELECT r.id, r.organisation_id, o.name AS sender_name, r.number_text, r.issued_at::text AS issued_at, r.subject, r.revision,
              report_receiver(r.id) AS receiver_id,
              (SELECT t.request_id FROM report_request_targets t WHERE t.report_id = r.id) AS request_id
         FROM reports r JOIN organisations o ON o.id = r.organisation_id WHERE r.id = $1`,
      [p.reportId],
    );
    if (!r) throw new DeliveryProblem(`Báo cáo ${p.reportId} không còn trong hệ thống.`);
    // Outside the system: nothing to deliver (the sender's văn thư records the answer by hand).
    if (!r['receiver_id'] || r['revision'] !== p.revision) return;
    const [done]: unknown[] = await em.query('SELECT 1 FROM incoming_entries WHERE report_id = $1 AND revision = $2', [
      p.reportId,
      p.revision,
    ]);
    if (done) return;
    const [receiver]: { id: string; name: string; receives_incoming: boolean }[] = await em.query(
      'SELECT id, name, receives_incoming FROM organisations WHERE id = $1',
      [r['receiver_id']],
    );
    if (!receiver.receives_incoming) throw new DeliveryProblem(`${receiver.name} đang tạm ngừng nhận văn bản qua hệ thống; sẽ gửi lại.`);
    const [pdf]: { id: string; sha256: string }[] = await em.query(
      `SELECT id, sha256 FROM rendered_pdfs WHERE report_id = $1 AND kind = 'issued' AND revision = $2 ORDER BY created_at DESC LIMIT 1`,
      [p.reportId, p.revision],
    );
    if (!pdf) throw new DeliveryProblem('Bản PDF ban hành chưa được lưu; sẽ gửi lại.');
    const year = Number(todayInVietnam(new Date()).slice(0, 4));
    const [counter]: { last: number }[] = await em.query(
      `INSERT INTO incoming_counters (organisation_id, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (organisation_id, year) DO UPDATE SET last = incoming_counters.last + 1 RETURNING last`,
      [receiver.id, year],
    );
    const subject = (r['subject'] as string[]).join(' ');
    const [entry]: { id: string }[] = await em.query(
      `INSERT INTO incoming_entries (organisation_id, year, arrival_number, sender_id, sender_name, report_id, revision, request_id, number_text, document_date, subject, pdf_id, pdf_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        receiver.id,
        year,
        counter.last,
        r['organisation_id'],
        r['sender_name'],
        p.reportId,
        p.revision,
        r['request_id'] ?? null,
        r['number_text'] ?? '',
        r['issued_at'],
        subject,
        pdf.id,
        pdf.sha256,
      ],
    );
    const what = `báo cáo số ${String(r['number_text'])} ngày ${formatDateShortVi(r['issued_at'] as string)} của ${String(r['sender_name'])}`;
    await appendIncomingStep(em, this.key, {
      organisationId: receiver.id,
      entryId: entry.id,
      event: 'arrival',
      actorId: null,
      actorName: 'Hệ thống',
      summary: `Văn bản đến số ${counter.last}/${year}: ${what} (${subject}).`,
    });
    await em.query(`INSERT INTO outbox (organisation_id, topic, payload) VALUES ($1, 'notify', $2)`, [
      receiver.id,
      JSON.stringify({ to: { role: 'clerk' }, reportId: p.reportId, message: `Văn bản đến số ${counter.last}: ${what}, chờ tiếp nhận.` }),
    ]);
    await pushInTransaction(em, { organisationId: receiver.id, type: 'incoming.changed', reportId: p.reportId });
    await pushInTransaction(em, { organisationId: r['organisation_id'] as string, type: 'delivery.changed', reportId: p.reportId });
  }
}
