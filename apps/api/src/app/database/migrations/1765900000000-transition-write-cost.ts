import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Less work for PostgreSQL on every transition (issue 10, the transition bench), nothing a reader loses:
 * - `reports_org_idx` (organisation_id, period_key, state) has exactly the keys of `reports_board_cover_idx`,
 *   which also covers overdue and id: every plan that used it uses the cover instead. One index entry fewer
 *   per report update (no report update is HOT: `updated_at` is in the list indexes).
 * - `reports_overdue_idx` and `reports_overdue_updated_idx` (WHERE overdue) serve no query since the lists and
 *   the board filter on `overdue_any` (migration 1765700000000); the bench's province scanned them 0 times.
 * - `reports_overdue_any`, the BEFORE trigger that recomputes `overdue_any` with a look at the report's parts,
 *   ran on every update; it now runs on an insert and on an update that sets `overdue` or `overdue_any` (the
 *   sweeper sets `overdue`; the parts' trigger sets `overdue_any` to have it recomputed) — the only ways
 *   either input changes. A transition sets neither.
 */
export class TransitionWriteCost1765900000000 implements MigrationInterface {
  name = 'TransitionWriteCost1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS reports_org_idx`);
    await q.query(`DROP INDEX IF EXISTS reports_overdue_idx`);
    await q.query(`DROP INDEX IF EXISTS reports_overdue_updated_idx`);
    await q.query(`DROP TRIGGER reports_overdue_any ON reports`);
    await q.query(`CREATE TRIGGER reports_overdue_any BEFORE INSERT OR UPDATE OF overdue, overdue_any ON reports
                   FOR EACH ROW EXECUTE FUNCTION reports_overdue_any()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER reports_overdue_any ON reports`);
    await q.query(`CREATE TRIGGER reports_overdue_any BEFORE INSERT OR UPDATE ON reports
                   FOR EACH ROW EXECUTE FUNCTION reports_overdue_any()`);
    await q.query(`CREATE INDEX reports_overdue_updated_idx ON reports (updated_at DESC, id DESC) WHERE overdue`);
    await q.query(`CREATE INDEX reports_overdue_idx ON reports (organisation_id) WHERE overdue`);
    await q.query(`CREATE INDEX reports_org_idx ON reports (organisation_id, period_key, state)`);
  }
}
