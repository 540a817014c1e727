import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The superior agency takes part (issue 12):
 * - `report_receivers`: which agency receives a report kind from an organisation (default: its parent);
 * - `report_requests` and `report_request_targets`: a superior's letter asking its communes for a
 *   report, one target row per addressed organisation (with the report opened from it);
 * - `request_reminders`: one đôn đốc per (request, organisation, day), whatever the number of API instances;
 * - the board's indexes.
 */
export class Province1764800000000 implements MigrationInterface {
  name = 'Province1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS organisations_parent_idx ON organisations (parent_id)`);
    await q.query(`
      CREATE TABLE report_receivers (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        report_kind text NOT NULL,
        receiver_id uuid NOT NULL REFERENCES organisations(id),
        PRIMARY KEY (organisation_id, report_kind),
        CHECK (receiver_id <> organisation_id)
      )`);
    await q.query(`
      CREATE TABLE report_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        number_text text NOT NULL,
        issued_on date NOT NULL,
        subject text NOT NULL,
        template_code text NOT NULL,
        period_kind text NOT NULL,
        period_year int NOT NULL,
        period_index int,
        period_key text NOT NULL,
        deadline date NOT NULL,
        cutoff_from date NOT NULL,
        cutoff_to date NOT NULL,
        remind_days_before int NOT NULL DEFAULT 2 CHECK (remind_days_before BETWEEN 0 AND 30),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, number_text, issued_on)
      )`);
    await q.query(`CREATE INDEX report_requests_deadline_idx ON report_requests (deadline)`);
    await q.query(`
      CREATE TABLE report_request_targets (
        request_id uuid NOT NULL REFERENCES report_requests(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        report_id uuid UNIQUE REFERENCES reports(id),
        opened_at timestamptz,
        PRIMARY KEY (request_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX report_request_targets_org_idx ON report_request_targets (organisation_id)`);
    await q.query(`
      CREATE TABLE request_reminders (
        request_id uuid NOT NULL REFERENCES report_requests(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('manual', 'auto')),
        by_user uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (request_id, organisation_id, day)
      )`);
    // The organisations a viewer follows: those below it at any depth, and those whose report kind it receives.
    await q.query(`
      CREATE FUNCTION followed_organisations(viewer uuid) RETURNS TABLE (id uuid) LANGUAGE sql STABLE AS $$
        WITH RECURSIVE below AS (
          SELECT o.id FROM organisations o WHERE o.parent_id = viewer
          UNION
          SELECT o.id FROM organisations o JOIN below b ON o.parent_id = b.id
        )
        SELECT id FROM below
        UNION
        SELECT rr.organisation_id FROM report_receivers rr WHERE rr.receiver_id = viewer
      $$`);
    // The province board: a superior's reports by commune, period and state; the overdue filter.
    // Newest change first (the page); a covering index for counts and totals (index-only scans).
    await q.query(`CREATE INDEX reports_updated_idx ON reports (updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX reports_board_cover_idx ON reports (organisation_id, period_key, state) INCLUDE (overdue, id)`);
    await q.query(`CREATE INDEX reports_overdue_idx ON reports (organisation_id) WHERE overdue`);
    await q.query(`CREATE INDEX sections_overdue_idx ON sections (report_id) WHERE overdue`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['request_reminders', 'report_request_targets', 'report_requests', 'report_receivers'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`DROP FUNCTION IF EXISTS followed_organisations(uuid)`);
    for (const i of [
      'organisations_parent_idx',
      'reports_board_cover_idx',
      'reports_updated_idx',
      'reports_overdue_idx',
      'sections_overdue_idx',
    ])
      await q.query(`DROP INDEX IF EXISTS ${i}`);
  }
}
