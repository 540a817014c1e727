import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administration: an append-only log of admin changes, and delegations that can be ended early
 * while keeping their history (who ended it, when; the dates stay readable).
 */
export class AdminLog1764100000000 implements MigrationInterface {
  name = 'AdminLog1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE admin_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id),
        actor_name text NOT NULL,
        action text NOT NULL,
        target_id uuid,
        summary text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX admin_log_org_idx ON admin_log (organisation_id, at DESC)`);
    await q.query(
      `CREATE TRIGGER admin_log_append_only BEFORE UPDATE OR DELETE ON admin_log FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(`CREATE TRIGGER admin_log_no_truncate BEFORE TRUNCATE ON admin_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);

    await q.query(`ALTER TABLE delegations ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE delegations ADD COLUMN ended_at timestamptz`);
    await q.query(`ALTER TABLE delegations ADD COLUMN ended_by uuid REFERENCES users(id)`);
    // Ending a delegation that has not started yet sets valid_to before valid_from: allowed only once ended.
    const checks: { conname: string }[] = await q.query(
      `SELECT conname FROM pg_constraint
        WHERE conrelid = 'delegations'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%valid_to >= valid_from%'`,
    );
    for (const c of checks) await q.query(`ALTER TABLE delegations DROP CONSTRAINT "${c.conname}"`);
    await q.query(
      `ALTER TABLE delegations ADD CONSTRAINT delegations_dates_check
         CHECK (ended_at IS NOT NULL OR valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)`,
    );
    await q.query(`CREATE INDEX delegations_org_idx ON delegations (organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS delegations_org_idx`);
    await q.query(`ALTER TABLE delegations DROP CONSTRAINT IF EXISTS delegations_dates_check`);
    await q.query(`ALTER TABLE delegations ADD CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from) NOT VALID`);
    await q.query(
      `ALTER TABLE delegations DROP COLUMN IF EXISTS ended_by, DROP COLUMN IF EXISTS ended_at, DROP COLUMN IF EXISTS created_at`,
    );
    await q.query(`DROP TABLE IF EXISTS admin_log`);
  }
}
