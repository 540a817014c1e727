import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation's electronic-document code (mã định danh, QĐ 20/2020/QĐ-TTg, e.g. "000.00.31.H41"),
 * which edXML envelopes name sender and recipient by (From/To OrganId). Unique when set; set by the
 * organisation's admin (PUT /api/admin/organisation/agency-code).
 */
export class AgencyCode1764930000000 implements MigrationInterface {
  name = 'AgencyCode1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN agency_code text`);
    await q.query(`CREATE UNIQUE INDEX organisations_agency_code_key ON organisations (agency_code) WHERE agency_code IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organisations_agency_code_key`);
    await q.query(`ALTER TABLE organisations DROP COLUMN agency_code`);
  }
}
