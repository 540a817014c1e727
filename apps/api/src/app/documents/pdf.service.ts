import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportDocument } from '@trinhky/domain';
import { RenderPool, renderReportDocx, renderReportPdfLaidOut, type DocumentSlots } from '@trinhky/documents';
import { DataSource, type EntityManager } from 'typeorm';
import { sha256 } from '../audit/audit-hash';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../common/tokens';
import { RenderedPdfEntity, ReportEntity } from '../database/entities';
import { findPreview, previewKey, previewSha256Of, storePreview } from './preview-rows';
import { reportDocument } from './report-document';
import { SigningService } from './signing/signing.service';

/**
 * Report → ReportDocument → PDF, rendered in worker threads (RenderPool) so the API keeps answering.
 * The signed and issued versions are frozen: stored with their SHA-256 and served unchanged.
 */
@Injectable()
export class PdfService implements OnModuleDestroy {
  private readonly pool: Pick<RenderPool, 'render' | 'renderLaidOut' | 'renderDocx' | 'close'>;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly signing: SigningService,
  ) {
    if (config.renderWorkers <= 0) {
      // RENDER_WORKERS=0: render on the calling thread (the API tests under ts-jest, where worker
      // threads would have to load the TypeScript toolchain's native add-on once per thread).
      this.pool = {
        render: async (doc, opts) => (await renderReportPdfLaidOut(doc, opts)).pdf,
        renderLaidOut: (doc, opts) => renderReportPdfLaidOut(doc, opts),
        renderDocx: (doc) => renderReportDocx(doc),
        close: async () => undefined,
      };
      return;
    }
    // From the bundle (dist/apps/api) the workers load the bundled renderer next to main.js;
    // from sources the pool finds the library's own render module.
    const bundled = join(__dirname, 'render-worker.js');
    this.pool = new RenderPool({ size: config.renderWorkers, ...(existsSync(bundled) ? { entry: bundled } : {}) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }

  /** The report's document as .docx, rendered on the worker threads like the PDF. */
  async docxFor(reportId: string): Promise<Buffer> {
    return this.pool.renderDocx(await this.documentFor(reportId));
  }

  /** The report as a document; `asSigned`: as the leader signed it (no number, no date, no seal yet). */
  documentFor(reportId: string, em: EntityManager = this.ds.manager, asSigned = false): Promise<ReportDocument> {
    return reportDocument(em, reportId, asSigned);
  }

  /** The PDF to show now: the frozen one of exactly this signature / number, else a fresh render. */
  async pdfFor(report: ReportEntity): Promise<{ bytes: Buffer; sha256: string; frozen: boolean }> {
    const kind = report.number ? 'issued' : report.signature ? 'signed' : null;
    const frozen = kind
      ? await this.ds
          .getRepository(RenderedPdfEntity)
          .findOne({ where: { reportId: report.id, revision: report.revision, kind, contentKey: frozenKey(report) } })
      : null;
    if (frozen) return { bytes: frozen.bytes, sha256: frozen.sha256, frozen: true };
    if (report.state === 'awaiting_signature') {
      const preview = await this.previewFor(report);
      return { bytes: preview.bytes, sha256: preview.sha256, frozen: false };
    }
    const bytes = await this.pool.render(await this.documentFor(report.id), RENDER);
    return { bytes, sha256: sha256(bytes), frozen: false };
  }

  /** The kept preview of the report as it stands (rendered and kept on first request). */
  async previewFor(report: ReportEntity, em: EntityManager = this.ds.manager): Promise<RenderedPdfEntity> {
    const doc = await this.documentFor(report.id, em);
    const key = previewKey(report, doc);
    const kept = await findPreview(em, report.id, key);
    if (kept) return kept;
    const { pdf, slots } = await this.pool.renderLaidOut(doc, RENDER);
    return storePreview(em, report, key, pdf, slots);
  }

  /** Whether the signer confirmed the kept preview of the report as it stands (its hash; the bytes are not read). */
  async confirmedPreview(report: ReportEntity, documentSha256: string): Promise<boolean> {
    const kept = await previewSha256Of(this.ds.manager, report.id, previewKey(report, await this.documentFor(report.id)));
    return kept !== null && kept === documentSha256;
  }

  /**
   * Renders and stores a frozen version once per signature / number (idempotent: a second call keeps
   * the first bytes). A revoke → edit → re-sign keeps the revision but changes the key, so the
   * re-signed report gets its own frozen PDF. If the report no longer carries what the event froze
   * (revoked before delivery), nothing is stored. Runs on `em`, the outbox delivery's transaction.
   */
  async freeze(em: EntityManager, reportId: string, kind: 'signed' | 'issued', revision: number): Promise<void> {
    const report = await em.getRepository(ReportEntity).findOneOrFail({ where: { id: reportId } });
    if (report.revision !== revision || !(kind === 'issued' ? report.number : report.signature)) return;
    // The signed version is keyed as it was signed (no number yet), even when its delivery runs after `issue`.
    const contentKey = kind === 'signed' ? signedKey(report) : frozenKey(report);
    const existing = await em
      .getRepository(RenderedPdfEntity)
      .findOne({ where: { reportId, kind, revision, contentKey }, select: { id: true } });
    if (existing) return;
    if (kind === 'signed') {
      await this.signedVersion(em, report);
      return;
    }
    // The issued file is the signed one, byte for byte, plus the agency's incremental update.
    const base = await this.signedVersion(em, report);
    const bytes = await this.signing.issueOver(em, reportId, base.bytes, base.layout, await this.documentFor(reportId, em));
    await this.store(em, report, kind, contentKey, bytes, base.layout);
  }

  /**
   * The leader's signature over the preview the signer confirmed (the `sign` event checked its hash);
   * without one (a seeded report), over a render of the version as signed (number and date blank).
   */
  private async renderSigned(em: EntityManager, reportId: string): Promise<{ bytes: Buffer; layout: DocumentSlots }> {
    const preview = await findPreview(em, reportId);
    const { pdf, slots } = preview?.layout
      ? { pdf: preview.bytes, slots: preview.layout }
      : await this.pool.renderLaidOut(await this.documentFor(reportId, em, true), RENDER);
    return { bytes: await this.signing.signAsLeader(em, reportId, pdf, slots), layout: slots };
  }

  /** The frozen signed PDF of this signature (frozen now if its delivery has not run yet). */
  private async signedVersion(em: EntityManager, report: ReportEntity): Promise<{ bytes: Buffer; layout: DocumentSlots }> {
    const contentKey = signedKey(report);
    const row = await em
      .getRepository(RenderedPdfEntity)
      .findOne({ where: { reportId: report.id, kind: 'signed', revision: report.revision, contentKey } });
    if (row) {
      const layout = row.layout ?? (await this.pool.renderLaidOut(await this.documentFor(report.id, em, true), RENDER)).slots;
      return { bytes: row.bytes, layout };
    }
    const signed = await this.renderSigned(em, report.id);
    await this.store(em, report, 'signed', contentKey, signed.bytes, signed.layout);
    return signed;
  }

  private async store(
    em: EntityManager,
    report: ReportEntity,
    kind: 'signed' | 'issued',
    contentKey: string,
    bytes: Buffer,
    layout: DocumentSlots,
  ): Promise<void> {
    await em.query(
      `INSERT INTO rendered_pdfs (report_id, kind, revision, content_key, sha256, bytes, layout) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (report_id, kind, revision, content_key) DO NOTHING`,
      [report.id, kind, report.revision, contentKey, sha256(bytes), bytes, JSON.stringify(layout)],
    );
  }
}

/** The key of the signed version: as frozen before the number and date were given. */
const signedKey = (report: ReportEntity): string => frozenKey({ ...report, numberText: null, issuedAt: null });

/** Unnumbered reports render with the Số and date lines blank: the version a leader previews is the one signed. */
const RENDER = { blankIssueSlots: true } as const;

/** What a frozen PDF shows besides the parts' accepted versions (which `signedHash` covers). */
export function frozenKey(
  report: Pick<ReportEntity, 'signedHash' | 'signature'> & { numberText: string | null; issuedAt: ReportEntity['issuedAt'] | null },
): string {
  return sha256(JSON.stringify([report.signedHash, report.signature, report.numberText, report.issuedAt]));
}
