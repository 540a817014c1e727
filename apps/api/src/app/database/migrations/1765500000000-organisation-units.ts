import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation's own units (issue 12 §1, §5): unit codes are no longer the commune's four but each
 * organisation's own (a Sở: VP, CCHC, TCBC, …), so a person's unit and a part's drafting unit must be
 * one of the organisation's units — a foreign key on (organisation_id, unit_code) of `users` and
 * `sections` to `units (organisation_id, code)`. `units.sort_order` orders them as the organisation
 * lists them (Văn phòng first), ties by code (the order so far).
 *
 * Data: existing rows keep their codes. A code in use without a row of `units` (a user or a part of an
 * organisation seeded before its units were) gets one, named by the commune standard name or its code,
 * so the keys hold; nothing is renamed (a superior's compiling unit stored as VHXH stays VHXH, an
 * admin may rename it).
 */
export class OrganisationUnits1765500000000 implements MigrationInterface {
  name = 'OrganisationUnits1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units ADD COLUMN sort_order int NOT NULL DEFAULT 0`);
    await q.query(`
      INSERT INTO units (organisation_id, code, name)
      SELECT used.organisation_id, used.unit_code, COALESCE(std.name, used.unit_code)
        FROM (SELECT organisation_id, unit_code FROM users WHERE unit_code IS NOT NULL
              UNION SELECT organisation_id, unit_code FROM sections) used
        LEFT JOIN (VALUES ('VP', 'Văn phòng HĐND và UBND'), ('KT', 'Phòng Kinh tế'), ('VHXH', 'Phòng Văn hóa - Xã hội'),
                          ('HCC', 'Trung tâm Phục vụ hành chính công')) AS std(code, name) ON std.code = used.unit_code
       WHERE NOT EXISTS (SELECT 1 FROM units x WHERE x.organisation_id = used.organisation_id AND x.code = used.unit_code)`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_unit_fkey FOREIGN KEY (organisation_id, unit_code) REFERENCES units (organisation_id, code)`,
    );
    await q.query(
      `ALTER TABLE sections ADD CONSTRAINT sections_unit_fkey FOREIGN KEY (organisation_id, unit_code) REFERENCES units (organisation_id, code)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sections DROP CONSTRAINT sections_unit_fkey`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_unit_fkey`);
    await q.query(`ALTER TABLE units DROP COLUMN sort_order`);
  }
}
