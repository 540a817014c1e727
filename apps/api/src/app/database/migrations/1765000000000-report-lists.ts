import type { MigrationInterface, QueryRunner } from 'typeorm';
import { foldSql } from '../../exchange/search';

/**
 * Paged report lists and the province board at 100 000 reports (issue 12, Scale):
 * - `reports.search_folded`, `organisations.name_folded`: the accent-insensitive search text (title and
 *   number; the organisation's name), folded like `exchange/search.ts` and stored, so `q` is one LIKE per
 *   row instead of lower + translate of two columns per row on every request;
 * - `reports_org_updated_idx (organisation_id, updated_at DESC, id DESC)`: a commune's page (its own
 *   reports newest first) without sorting, and its count as an index-only scan;
 * - `reports_overdue_updated_idx`: the overdue reports newest first (a few per cent of them).
 */
export class ReportLists1765000000000 implements MigrationInterface {
  name = 'ReportLists1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE reports ADD COLUMN search_folded text GENERATED ALWAYS AS (${foldSql(`title || ' ' || coalesce(number_text, '')`)}) STORED`,
    );
    await q.query(`ALTER TABLE organisations ADD COLUMN name_folded text GENERATED ALWAYS AS (${foldSql('name')}) STORED`);
    await q.query(`CREATE INDEX reports_org_updated_idx ON reports (organisation_id, updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX reports_overdue_updated_idx ON reports (updated_at DESC, id DESC) WHERE overdue`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reports_overdue_updated_idx`);
    await q.query(`DROP INDEX reports_org_updated_idx`);
    await q.query(`ALTER TABLE organisations DROP COLUMN name_folded`);
    await q.query(`ALTER TABLE reports DROP COLUMN search_folded`);
  }
}
