import type { EntityManager } from 'typeorm';

/** What the server-sent-event streams carry. */
export interface PushedEvent {
  organisationId: string;
  userIds?: string[];
  type: string;
  reportId?: string;
  state?: string;
  version?: number;
  message?: string;
}

export const CHANNEL = 'trinhky_events';

/**
 * Publishes to every API instance through PostgreSQL NOTIFY. NOTIFY is transactional: it is sent
 * when the surrounding transaction commits and never if it rolls back, so a push can only announce
 * what is really in the database.
 */
export async function pushInTransaction(em: EntityManager, e: PushedEvent): Promise<void> {
  await em.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(e)]);
}
