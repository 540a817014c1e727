import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Figures as data (issue 11): a report keeps the indicator catalogue version it was opened with;
 * a section revision carries the part's figures (code → value per period, explanations), hashed
 * together with its content so the audit chain covers them. Revisions stay append-only.
 */
export class Figures1764700000000 implements MigrationInterface {
  name = 'Figures1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports ADD COLUMN figures_catalogue_version integer`);
    await q.query(`UPDATE reports SET figures_catalogue_version = 1 WHERE template_code IN ('CCHC_QUY', 'CCHC_SO_KET')`);
    await q.query(`ALTER TABLE section_revisions ADD COLUMN figures jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE section_revisions DROP COLUMN IF EXISTS figures`);
    await q.query(`ALTER TABLE reports DROP COLUMN IF EXISTS figures_catalogue_version`);
  }
}
