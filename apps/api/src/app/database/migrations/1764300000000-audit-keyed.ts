import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A keyed audit log: a `mac` per entry and per anchor (HMAC under a key the database does not hold,
 * stored as `<key fingerprint>.<hmac>`), anchors that say which chains they could not seal, and
 * witnesses: each anchor's head recorded on the superior organisation's side.
 *
 * Entries written before this migration have no mac; SQL cannot compute one (no key here), so the
 * application seals them once at start-up after verifying their chain, marking them `sealed_late`.
 * That one change (mac from NULL to a value, nothing else) is the only UPDATE the guard allows.
 */
export class AuditKeyed1764300000000 implements MigrationInterface {
  name = 'AuditKeyed1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entries ADD COLUMN mac text, ADD COLUMN sealed_late timestamptz`);
    await q.query(
      `ALTER TABLE audit_anchors ADD COLUMN mac text, ADD COLUMN unsealed jsonb NOT NULL DEFAULT '[]', ADD COLUMN witnessed jsonb NOT NULL DEFAULT '[]'`,
    );
    await q.query(`
      CREATE FUNCTION audit_late_seal_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.mac IS NULL AND NEW.mac IS NOT NULL AND NEW.sealed_late IS NOT NULL
           AND (to_jsonb(NEW) - 'mac' - 'sealed_late') = (to_jsonb(OLD) - 'mac' - 'sealed_late') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'bảng % chỉ được ghi thêm (append-only): % bị từ chối', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP TRIGGER audit_entries_append_only ON audit_entries`);
    await q.query(
      `CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_late_seal_only()`,
    );
    await q.query(`
      CREATE TABLE audit_witnesses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        superior_id uuid NOT NULL REFERENCES organisations(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        anchor_seq int NOT NULL,
        anchor_hash text NOT NULL,
        anchor_at timestamptz NOT NULL,
        mac text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, anchor_seq)
      )`);
    await q.query(`CREATE INDEX audit_witnesses_superior_idx ON audit_witnesses (superior_id, organisation_id, anchor_seq)`);
    await q.query(
      `CREATE TRIGGER audit_witnesses_append_only BEFORE UPDATE OR DELETE ON audit_witnesses FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER audit_witnesses_no_truncate BEFORE TRUNCATE ON audit_witnesses FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_witnesses`);
    await q.query(`DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries`);
    await q.query(
      `CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(`DROP FUNCTION IF EXISTS audit_late_seal_only()`);
    await q.query(`ALTER TABLE audit_anchors DROP COLUMN IF EXISTS mac, DROP COLUMN IF EXISTS unsealed, DROP COLUMN IF EXISTS witnessed`);
    await q.query(`ALTER TABLE audit_entries DROP COLUMN IF EXISTS mac, DROP COLUMN IF EXISTS sealed_late`);
  }
}
