import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The superior's own compiled report opened from a request (issue 12 §5, `POST /api/requests/:id/compile`):
 * at most one per request. `compile_claimed_at` is the claim taken before the report is opened (a
 * concurrent second click is a 409), released when the opening fails.
 */
export class CompiledReport1765100000000 implements MigrationInterface {
  name = 'CompiledReport1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_requests ADD COLUMN compiled_report_id uuid REFERENCES reports(id)`);
    await q.query(`ALTER TABLE report_requests ADD COLUMN compile_claimed_at timestamptz`);
    await q.query(
      `CREATE UNIQUE INDEX report_requests_compiled_report_key ON report_requests (compiled_report_id) WHERE compiled_report_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_requests_compiled_report_key`);
    await q.query(`ALTER TABLE report_requests DROP COLUMN compile_claimed_at`);
    await q.query(`ALTER TABLE report_requests DROP COLUMN compiled_report_id`);
  }
}
