import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen PDFs keyed on what was frozen, not only on (report, kind, revision): a revoked signature
 * does not bump the revision, so the re-signed report needs its own frozen PDF. `content_key` is the
 * hash of the signature, the signed hash and the register number the PDF was rendered with
 * (`frozenKey` in documents/pdf.service.ts); rows frozen before keep '' and are never served again
 * once their report changes.
 */
export class FrozenPdfKey1764750000000 implements MigrationInterface {
  name = 'FrozenPdfKey1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rendered_pdfs ADD COLUMN content_key text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE rendered_pdfs DROP CONSTRAINT rendered_pdfs_report_id_kind_revision_key`);
    await q.query(
      `ALTER TABLE rendered_pdfs ADD CONSTRAINT rendered_pdfs_report_kind_revision_content_key UNIQUE (report_id, kind, revision, content_key)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM rendered_pdfs a USING rendered_pdfs b WHERE a.report_id = b.report_id AND a.kind = b.kind AND a.revision = b.revision AND a.created_at < b.created_at`,
    );
    await q.query(`ALTER TABLE rendered_pdfs DROP CONSTRAINT rendered_pdfs_report_kind_revision_content_key`);
    await q.query(`ALTER TABLE rendered_pdfs ADD CONSTRAINT rendered_pdfs_report_id_kind_revision_key UNIQUE (report_id, kind, revision)`);
    await q.query(`ALTER TABLE rendered_pdfs DROP COLUMN content_key`);
  }
}
