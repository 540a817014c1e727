import type { MigrationInterface, QueryRunner } from 'typeorm';

const KEY = 'organisation_id, period_key, template_code, kind, state, overdue_any';

/**
 * Counts kept by the database (issue 12, docs/notes/counts12.md):
 * - `reports.overdue_any` = the report's `overdue` flag OR one of its parts' — exactly what the list's and the
 *   board's overdue filter computed per query (`r.overdue OR r.id IN (… sections s WHERE s.overdue)`). Both flags
 *   are latched by the deadline sweeper (never reset), so this is a fact about stored rows, not about now():
 *   a BEFORE trigger on reports recomputes it on every write, a trigger on sections (only when a part's flag or
 *   report changes) touches its report. Indexed for the overdue filter.
 * - `report_counts`: reports per (organisation, period, template, kind, state, overdue_any), maintained by
 *   statement-level triggers on reports (transition tables, one upsert per statement, keys locked in key order).
 *   Rows that fall to 0 are kept (the key space is bounded; no delete/upsert race): readers filter `n > 0`.
 */
export class ReportCounts1765700000000 implements MigrationInterface {
  name = 'ReportCounts1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports ADD COLUMN overdue_any boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE reports r SET overdue_any = true
                    WHERE r.overdue OR EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.overdue)`);
    await q.query(`CREATE INDEX reports_overdue_any_idx ON reports (organisation_id) WHERE overdue_any`);
    await q.query(`CREATE INDEX reports_overdue_any_updated_idx ON reports (updated_at DESC, id DESC) WHERE overdue_any`);
    await q.query(`
      CREATE FUNCTION reports_overdue_any() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.overdue_any := NEW.overdue OR EXISTS (SELECT 1 FROM sections s WHERE s.report_id = NEW.id AND s.overdue);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER reports_overdue_any BEFORE INSERT OR UPDATE ON reports
                   FOR EACH ROW EXECUTE FUNCTION reports_overdue_any()`);
    // A no-op SET: the BEFORE trigger above recomputes the flag; only when it would change.
    await q.query(`
      CREATE FUNCTION sections_overdue_any() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN ids := ARRAY[NEW.report_id];
        ELSIF TG_OP = 'DELETE' THEN ids := ARRAY[OLD.report_id];
        ELSE ids := ARRAY[OLD.report_id, NEW.report_id];
        END IF;
        UPDATE reports r SET overdue_any = r.overdue_any
         WHERE r.id = ANY(ids)
           AND r.overdue_any IS DISTINCT FROM (r.overdue OR EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.overdue));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER sections_overdue_any_ins AFTER INSERT ON sections
                   FOR EACH ROW WHEN (NEW.overdue) EXECUTE FUNCTION sections_overdue_any()`);
    await q.query(`CREATE TRIGGER sections_overdue_any_upd AFTER UPDATE ON sections
                   FOR EACH ROW WHEN (OLD.overdue IS DISTINCT FROM NEW.overdue OR OLD.report_id IS DISTINCT FROM NEW.report_id)
                   EXECUTE FUNCTION sections_overdue_any()`);
    await q.query(`CREATE TRIGGER sections_overdue_any_del AFTER DELETE ON sections
                   FOR EACH ROW WHEN (OLD.overdue) EXECUTE FUNCTION sections_overdue_any()`);

    await q.query(`
      CREATE TABLE report_counts (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        period_key text NOT NULL,
        template_code text NOT NULL,
        kind text NOT NULL,
        state text NOT NULL,
        overdue_any boolean NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (${KEY})
      )`);
    await q.query(`INSERT INTO report_counts (${KEY}, n) SELECT ${KEY}, count(*) FROM reports GROUP BY ${KEY}`);
    await q.query(`
      CREATE FUNCTION report_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO report_counts AS c (${KEY}, n)
          SELECT ${KEY}, count(*) FROM new_rows GROUP BY ${KEY} ORDER BY ${KEY}
          ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO report_counts AS c (${KEY}, n)
          SELECT ${KEY}, -count(*) FROM old_rows GROUP BY ${KEY} ORDER BY ${KEY}
          ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSE
          -- A row that keeps its key adds +1 and -1: nothing written, no lock taken.
          INSERT INTO report_counts AS c (${KEY}, n)
          SELECT ${KEY}, sum(d) FROM (
            SELECT ${KEY}, 1 AS d FROM new_rows UNION ALL SELECT ${KEY}, -1 AS d FROM old_rows) x
           GROUP BY ${KEY} HAVING sum(d) <> 0 ORDER BY ${KEY}
          ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER report_counts_ins AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_counts_sync()`);
    await q.query(`CREATE TRIGGER report_counts_upd AFTER UPDATE ON reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_counts_sync()`);
    await q.query(`CREATE TRIGGER report_counts_del AFTER DELETE ON reports REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_counts_sync()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['report_counts_ins', 'report_counts_upd', 'report_counts_del', 'reports_overdue_any'])
      await q.query(`DROP TRIGGER IF EXISTS ${t} ON reports`);
    for (const t of ['sections_overdue_any_ins', 'sections_overdue_any_upd', 'sections_overdue_any_del'])
      await q.query(`DROP TRIGGER IF EXISTS ${t} ON sections`);
    await q.query(`DROP FUNCTION IF EXISTS report_counts_sync()`);
    await q.query(`DROP FUNCTION IF EXISTS sections_overdue_any()`);
    await q.query(`DROP FUNCTION IF EXISTS reports_overdue_any()`);
    await q.query(`DROP TABLE IF EXISTS report_counts`);
    await q.query(`DROP INDEX IF EXISTS reports_overdue_any_updated_idx`);
    await q.query(`DROP INDEX IF EXISTS reports_overdue_any_idx`);
    await q.query(`ALTER TABLE reports DROP COLUMN IF EXISTS overdue_any`);
  }
}
