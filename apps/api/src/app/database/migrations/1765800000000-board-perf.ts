import type { MigrationInterface, QueryRunner } from 'typeorm';

const KEY = 'organisation_id, state, overdue_any';

/**
 * The board at scale (issue 12, docs/notes/perf12.md):
 * - `report_counts_by_state`: reports per (organisation, state, overdue_any) — the roll-up of report_counts without
 *   period, template and kind (≤ organisations × 11 states × 2 rows: 4 400 on the bench's province, against
 *   67 658 in report_counts), for the counts and totals whose filters name none of those. Kept by statement-level
 *   triggers on reports exactly like report_counts (one grouped upsert per statement, keys in key order, zero
 *   rows kept: readers use `sum(n)`).
 * - `report_counts_period_idx`: report_counts by period (the board's period filter counts one period's rows).
 * - `reports_updated_cover_idx`: the pages' order (updated_at DESC, id DESC) with the columns the filters read,
 *   so a page — a deep OFFSET included — is an index-only scan; it replaces `reports_updated_idx` (same keys).
 * - `audit_entries_submitted_idx`: the first submission of a report (the board's progress) in one probe.
 */
export class BoardPerf1765800000000 implements MigrationInterface {
  name = 'BoardPerf1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_counts_by_state (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        state text NOT NULL,
        overdue_any boolean NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (${KEY})
      )`);
    await q.query(`INSERT INTO report_counts_by_state (${KEY}, n) SELECT ${KEY}, count(*) FROM reports GROUP BY ${KEY}`);
    await q.query(`
      CREATE FUNCTION report_counts_by_state_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO report_counts_by_state AS c (${KEY}, n)
          SELECT ${KEY}, count(*) FROM new_rows GROUP BY ${KEY} ORDER BY ${KEY}
          ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO report_counts_by_state AS c (${KEY}, n)
          SELECT ${KEY}, -count(*) FROM old_rows GROUP BY ${KEY} ORDER BY ${KEY}
          ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSE
          -- A row that keeps its key adds +1 and -1: nothing written, no lock taken.
          INSERT INTO report_counts_by_state AS c (${KEY}, n)
          SELECT ${KEY}, sum(d) FROM (
            SELECT ${KEY}, 1 AS d FROM new_rows UNION ALL SELECT ${KEY}, -1 AS d FROM old_rows) x
           GROUP BY ${KEY} HAVING sum(d) <> 0 ORDER BY ${KEY}
          ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER report_counts_by_state_ins AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_counts_by_state_sync()`);
    await q.query(`CREATE TRIGGER report_counts_by_state_upd AFTER UPDATE ON reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_counts_by_state_sync()`);
    await q.query(`CREATE TRIGGER report_counts_by_state_del AFTER DELETE ON reports REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_counts_by_state_sync()`);
    await q.query(`CREATE INDEX report_counts_period_idx ON report_counts (period_key)`);
    await q.query(
      `CREATE INDEX reports_updated_cover_idx ON reports (updated_at DESC, id DESC) INCLUDE (organisation_id, period_key, state)`,
    );
    await q.query(`DROP INDEX IF EXISTS reports_updated_idx`);
    await q.query(`CREATE INDEX audit_entries_submitted_idx ON audit_entries (report_id, at) WHERE to_state = 'submitted'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_entries_submitted_idx`);
    await q.query(`CREATE INDEX IF NOT EXISTS reports_updated_idx ON reports (updated_at DESC, id DESC)`);
    await q.query(`DROP INDEX IF EXISTS reports_updated_cover_idx`);
    await q.query(`DROP INDEX IF EXISTS report_counts_period_idx`);
    for (const t of ['report_counts_by_state_ins', 'report_counts_by_state_upd', 'report_counts_by_state_del'])
      await q.query(`DROP TRIGGER IF EXISTS ${t} ON reports`);
    await q.query(`DROP FUNCTION IF EXISTS report_counts_by_state_sync()`);
    await q.query(`DROP TABLE IF EXISTS report_counts_by_state`);
  }
}
