/**
 * What one outbox row does once delivered — a notification into the inboxes of the people it is for
 * (and a push to their streams: `NOTIFY_ROW_SQL`, the batch statement's rule for one row), the freezing
 * of a PDF, or a delivery into a superior's incoming register. Called by NotificationsService's
 * row-by-row path inside the transaction that marks the row delivered.
 */
import type { EntityManager } from 'typeorm';
import type { OutboxEntity } from '../database/entities';
import type { PdfService } from '../documents/pdf.service';
import { DELIVER_TOPIC, type DeliverPayload, type DeliveryService } from '../exchange/delivery.service';
import { NOTIFY_ROW_SQL } from './notify-drain';
import { CHANNEL } from './push';

export interface RowContext {
  pdf: PdfService;
  delivery: DeliveryService;
}

/** Does a row's work in `em`'s transaction (everything it writes, its pushes included, commits with the row's mark). */
export async function deliverRow(em: EntityManager, row: OutboxEntity, { pdf, delivery }: RowContext): Promise<void> {
  const p = row.payload as Record<string, unknown>;
  switch (row.topic) {
    case 'notify':
      await em.query(NOTIFY_ROW_SQL, [CHANNEL, row.id]);
      return;
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
