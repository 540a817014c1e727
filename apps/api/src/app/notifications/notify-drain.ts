/**
 * The common case of the outbox drain in one statement: up to `$2` due `notify` rows are claimed
 * (FOR UPDATE SKIP LOCKED), their targets resolved against the organisation's active users (a user
 * target as it is, a role with an optional unit among the users holding that role), the inbox
 * notifications inserted (idempotent on outbox row and user), one push per row sent with NOTIFY
 * (heard only once the statement commits) and the rows marked delivered, in one round trip and its
 * own implicit transaction. It also answers whether rows of other topics (PDF freezing, delivery to a
 * superior) are due, which the row-by-row path then delivers; that path delivers a `notify` row with
 * the same statement restricted to that row (`NOTIFY_ROW_SQL`), so the targeting rule is written once.
 */
import { CHANNEL } from './push';

/** Delivery of the rows in `claimed` (id, organisation_id, payload): targets, inbox rows, one push per row. */
const DELIVER_CTES = `targets AS (
  SELECT c.id, c.organisation_id, c.payload, (c.payload->'to'->>'userId')::uuid AS user_id
    FROM claimed c WHERE c.payload->'to' ? 'userId'
  UNION ALL
  SELECT c.id, c.organisation_id, c.payload, u.id
    FROM claimed c JOIN users u ON u.organisation_id = c.organisation_id AND u.active
     AND (c.payload->'to'->>'role') = ANY(u.roles)
     AND (c.payload->'to'->>'unit' IS NULL OR u.unit_code = c.payload->'to'->>'unit')
   WHERE NOT (c.payload->'to' ? 'userId')
), inserted AS (
  INSERT INTO notifications (organisation_id, user_id, report_id, message, outbox_id)
  SELECT t.organisation_id, t.user_id, (t.payload->>'reportId')::uuid, t.payload->>'message', t.id FROM targets t
  ON CONFLICT (outbox_id, user_id) DO NOTHING
  RETURNING 1
), pushed AS (
  SELECT pg_notify($1, json_build_object(
           'organisationId', g.organisation_id, 'userIds', g.user_ids, 'type', 'notification',
           'reportId', g.payload->>'reportId', 'message', g.payload->>'message')::text) AS sent
    FROM (SELECT t.id, t.organisation_id, t.payload, array_agg(t.user_id ORDER BY t.user_id) AS user_ids
            FROM targets t GROUP BY t.id, t.organisation_id, t.payload ORDER BY t.id) g
)`;

export const NOTIFY_DRAIN_SQL = `
WITH claimed AS (
  SELECT o.id, o.organisation_id, o.payload FROM outbox o
   WHERE o.delivered_at IS NULL AND o.next_attempt_at <= now() AND o.topic = 'notify'
   ORDER BY o.id LIMIT $2 FOR UPDATE SKIP LOCKED
), ${DELIVER_CTES}, marked AS (
  UPDATE outbox SET delivered_at = now(), attempts = attempts + 1 WHERE id IN (SELECT id FROM claimed) RETURNING 1
)
SELECT (SELECT count(*) FROM marked)::int AS claimed,
       (SELECT count(*) FROM inserted)::int AS inserted,
       (SELECT count(*) FROM pushed)::int AS pushed,
       EXISTS (SELECT 1 FROM outbox o WHERE o.delivered_at IS NULL AND o.next_attempt_at <= now() AND o.topic <> 'notify') AS others`;

/**
 * One `notify` row the row-by-row path has claimed ($2: its id), delivered inside that path's transaction,
 * which marks it: the same targets, inbox rows and push as the batch.
 */
export const NOTIFY_ROW_SQL = `
WITH claimed AS (SELECT o.id, o.organisation_id, o.payload FROM outbox o WHERE o.id = $2), ${DELIVER_CTES}
SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM pushed)::int AS pushed`;

export const NOTIFY_DRAIN_PARAMS = (batch: number): unknown[] => [CHANNEL, batch];

export interface NotifyDrainResult {
  claimed: number;
  others: boolean;
}
