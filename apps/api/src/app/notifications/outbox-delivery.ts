/**
 * What one outbox row does once delivered — a notification into the inboxes of the people it is for
 * (and a push to their streams), or the freezing of a PDF — and the batch writer of what the rows
 * produced. Called by NotificationsService's drain inside the transaction that marks the rows delivered.
 */
import type { Role, UnitCode } from '@trinhky/domain';
import type { NotifyTarget } from '@trinhky/workflow';
import type { EntityManager } from 'typeorm';
import { type OutboxEntity, UserEntity } from '../database/entities';
import type { PdfService } from '../documents/pdf.service';
import { DELIVER_TOPIC, type DeliverPayload, type DeliveryService } from '../exchange/delivery.service';
import { CHANNEL, pushInTransaction, type PushedEvent } from './push';

export interface RowContext {
  /** Active users per organisation, read once per batch. */
  users: Map<string, UserEntity[]>;
  out: Deliveries;
  pdf: PdfService;
  delivery: DeliveryService;
}

/** Does a row's work; notifications and pushes are collected in `out`, written by the caller in the same transaction. */
export async function deliverRow(em: EntityManager, row: OutboxEntity, ctx: RowContext): Promise<void> {
  const { users, out, pdf, delivery } = ctx;
  const p = row.payload as Record<string, unknown>;
  switch (row.topic) {
    case 'notify': {
      const userIds = await resolveTarget(em, row.organisationId, p['to'] as NotifyTarget, users);
      for (const userId of userIds)
        out.notifications.push({
          organisationId: row.organisationId,
          userId,
          reportId: (p['reportId'] as string | undefined) ?? null,
          message: p['message'] as string,
          outboxId: row.id,
        });
      if (userIds.length)
        out.pushes.push({
          organisationId: row.organisationId,
          userIds,
          type: 'notification',
          reportId: p['reportId'] as string,
          message: p['message'] as string,
        });
      return;
    }
    case 'pdf.freeze':
      await pdf.freeze(em, p['reportId'] as string, p['kind'] as 'signed' | 'issued', p['revision'] as number);
      return;
    case DELIVER_TOPIC:
      await delivery.deliver(em, p as unknown as DeliverPayload);
      return;
    default:
      throw new Error(`unknown outbox topic ${row.topic}`);
  }
}

async function resolveTarget(
  em: EntityManager,
  organisationId: string,
  to: NotifyTarget,
  cache: Map<string, UserEntity[]>,
): Promise<string[]> {
  if ('userId' in to) return [to.userId];
  let users = cache.get(organisationId);
  if (!users) {
    users = await em
      .getRepository(UserEntity)
      .find({ where: { organisationId, active: true }, select: { id: true, roles: true, unitCode: true } });
    cache.set(organisationId, users);
  }
  return users.filter((u) => u.roles.includes(to.role as Role) && (!to.unit || u.unitCode === (to.unit as UnitCode))).map((u) => u.id);
}

/**
 * What delivering a batch of outbox rows writes: inbox notifications (one INSERT for all of them)
 * and pushes (one statement of NOTIFYs, transactional: heard only if the transaction commits).
 */
export class Deliveries {
  readonly notifications: { organisationId: string; userId: string; reportId: string | null; message: string; outboxId: string }[] = [];
  readonly pushes: PushedEvent[] = [];

  async write(em: EntityManager): Promise<void> {
    const n = this.notifications;
    if (n.length) {
      await em.query(
        `INSERT INTO notifications (organisation_id, user_id, report_id, message, outbox_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::bigint[])
         ON CONFLICT (outbox_id, user_id) DO NOTHING`,
        [
          n.map((x) => x.organisationId),
          n.map((x) => x.userId),
          n.map((x) => x.reportId),
          n.map((x) => x.message),
          n.map((x) => x.outboxId),
        ],
      );
    }
    if (this.pushes.length === 1) await pushInTransaction(em, this.pushes[0]);
    else if (this.pushes.length)
      await em.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) WITH ORDINALITY AS x(p, n) ORDER BY n', [
        CHANNEL,
        this.pushes.map((e) => JSON.stringify(e)),
      ]);
  }
}
