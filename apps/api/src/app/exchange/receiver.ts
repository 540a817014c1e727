import type { ReceivingAgency } from '@trinhky/workflow';

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * The in-system agency a report goes to (SQL `report_receiver`, migration 1764900000000): the
 * issuer of the request it answers, else the receiver configured for its kind, else the parent.
 * Null: the report goes outside the system and its clerk records the answer by hand.
 */
export async function receiverOf(query: Query, reportId: string): Promise<ReceivingAgency | null> {
  const [row] = await query('SELECT o.id, o.name FROM organisations o WHERE o.id = report_receiver($1)', [reportId]);
  return row ? { organisationId: row['id'] as string, name: row['name'] as string } : null;
}

/** `receiverOf` of several reports in one query: report id → its in-system receiver (absent: none, outside the system). */
export async function receiversOf(query: Query, reportIds: readonly string[]): Promise<Map<string, ReceivingAgency>> {
  const out = new Map<string, ReceivingAgency>();
  if (!reportIds.length) return out;
  const rows = await query(
    'SELECT x.rid, o.id, o.name FROM unnest($1::uuid[]) x(rid) JOIN organisations o ON o.id = report_receiver(x.rid)',
    [reportIds],
  );
  for (const r of rows) out.set(r['rid'] as string, { organisationId: r['id'] as string, name: r['name'] as string });
  return out;
}
