import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation's electronic-document code (mã định danh, QĐ 20/2020/QĐ-TTg, e.g. "000.00.31.H41"),
 * which edXML envelopes name sender and recipient by (From/To OrganId). Unique when set; set by the
 * organisation's admin (PUT /api/admin/organisation/agency-code).
 *
 * `edxml_only`: an agency that runs its own e-office system and exchanges with Trình Ký by edXML
 * only. It is not an in-system receiver: `report_receiver` skips it, nothing is delivered into an
 * incoming register for it, and its answers come back as edXML status messages (or by hand).
 */
export class AgencyCode1764930000000 implements MigrationInterface {
  name = 'AgencyCode1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN agency_code text`);
    await q.query(`CREATE UNIQUE INDEX organisations_agency_code_key ON organisations (agency_code) WHERE agency_code IS NOT NULL`);
    await q.query(`ALTER TABLE organisations ADD COLUMN edxml_only boolean NOT NULL DEFAULT false`);
    await q.query(RECEIVER(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(RECEIVER(false));
    await q.query(`ALTER TABLE organisations DROP COLUMN edxml_only`);
    await q.query(`DROP INDEX organisations_agency_code_key`);
    await q.query(`ALTER TABLE organisations DROP COLUMN agency_code`);
  }
}

/** `report_receiver` (migration 1764900000000), with or without skipping edXML-only agencies. */
function RECEIVER(skipEdxmlOnly: boolean): string {
  const pick = (sql: string) =>
    skipEdxmlOnly ? `(SELECT x.id FROM organisations x WHERE x.id = (${sql}) AND NOT x.edxml_only)` : `(${sql})`;
  return `CREATE OR REPLACE FUNCTION report_receiver(rid uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT COALESCE(
      ${pick('SELECT q.organisation_id FROM report_request_targets t JOIN report_requests q ON q.id = t.request_id WHERE t.report_id = rid')},
      ${pick('SELECT rr.receiver_id FROM reports r JOIN report_receivers rr ON rr.organisation_id = r.organisation_id AND rr.report_kind = r.kind WHERE r.id = rid')},
      ${pick('SELECT o.parent_id FROM reports r JOIN organisations o ON o.id = r.organisation_id WHERE r.id = rid')})
  $$`;
}
