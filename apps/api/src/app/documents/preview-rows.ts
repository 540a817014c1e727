import type { DocumentSlots } from '@trinhky/documents';
import type { ReportDocument } from '@trinhky/domain';
import type { EntityManager } from 'typeorm';
import { sha256 } from '../audit/audit-hash';
import { RenderedPdfEntity, type ReportEntity } from '../database/entities';

/**
 * The preview a signer reads while the report awaits signature is kept (one row per report, kind
 * 'preview', keyed by the document it shows): GET …/pdf serves the same bytes and hash each time, the
 * `sign` event names that hash, and the leader's signature is an incremental update over those bytes.
 */
export const PREVIEW = 'preview';

export const previewKey = (report: Pick<ReportEntity, 'revision'>, doc: ReportDocument): string =>
  sha256(JSON.stringify([report.revision, doc]));

export async function findPreview(em: EntityManager, reportId: string, contentKey?: string): Promise<RenderedPdfEntity | null> {
  return em.getRepository(RenderedPdfEntity).findOne({
    where: { reportId, kind: PREVIEW, ...(contentKey ? { contentKey } : {}) },
    order: { createdAt: 'DESC' },
  });
}

/** The hash of the kept preview with this key, without its bytes (the `sign` event's check reads only this). */
export async function previewSha256Of(em: EntityManager, reportId: string, contentKey: string): Promise<string | null> {
  const [row] = (await em.query(`SELECT sha256 FROM rendered_pdfs WHERE report_id = $1 AND kind = $2 AND content_key = $3 LIMIT 1`, [
    reportId,
    PREVIEW,
    contentKey,
  ])) as { sha256: string }[];
  return row?.sha256 ?? null;
}

/** Stores a preview (replacing the report's older ones); a concurrent identical preview wins, and is returned. */
export async function storePreview(
  em: EntityManager,
  report: ReportEntity,
  contentKey: string,
  bytes: Buffer,
  layout: DocumentSlots,
): Promise<RenderedPdfEntity> {
  await em.query(`DELETE FROM rendered_pdfs WHERE report_id = $1 AND kind = $2 AND content_key <> $3`, [report.id, PREVIEW, contentKey]);
  await em.query(
    `INSERT INTO rendered_pdfs (report_id, kind, revision, content_key, sha256, bytes, layout) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (report_id, kind, revision, content_key) DO NOTHING`,
    [report.id, PREVIEW, report.revision, contentKey, sha256(bytes), bytes, JSON.stringify(layout)],
  );
  return (await findPreview(em, report.id, contentKey)) as RenderedPdfEntity;
}
