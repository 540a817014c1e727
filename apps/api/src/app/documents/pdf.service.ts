import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildReportDocument, type Block, type ReportDocument, type SignatureBlock } from '@trinhky/domain';
import { RenderPool, renderReportDocx, renderReportPdf } from '@trinhky/documents';
import { deriveSignatureBlock, intendedSigner, type RoutingPolicy } from '@trinhky/workflow';
import { DataSource, In, type EntityManager } from 'typeorm';
import { sha256 } from '../audit/audit-hash';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../common/tokens';
import {
  OrganisationEntity,
  RenderedPdfEntity,
  ReportEntity,
  SectionEntity,
  SectionRevisionEntity,
  UserEntity,
} from '../database/entities';
import { toActor } from '../organisation/people.service';
import { periodOf } from '../reports/report-views';
import { SigningService } from './signing/signing.service';

/**
 * Report → ReportDocument → PDF, rendered in worker threads (RenderPool) so the API keeps answering.
 * The signed and issued versions are frozen: stored with their SHA-256 and served unchanged.
 */
@Injectable()
export class PdfService implements OnModuleDestroy {
  private readonly pool: Pick<RenderPool, 'render' | 'renderDocx' | 'close'>;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly signing: SigningService,
  ) {
    if (config.renderWorkers <= 0) {
      // RENDER_WORKERS=0: render on the calling thread (the API tests under ts-jest, where worker
      // threads would have to load the TypeScript toolchain's native add-on once per thread).
      this.pool = { render: (doc) => renderReportPdf(doc), renderDocx: (doc) => renderReportDocx(doc), close: async () => undefined };
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

  /** The intended or actual signature block: derived from the signer's position and delegation, never typed. */
  private async signatureFor(em: EntityManager, report: ReportEntity, org: OrganisationEntity): Promise<SignatureBlock | null> {
    const signer = report.signerId ? await em.getRepository(UserEntity).findOne({ where: { id: report.signerId } }) : null;
    if (report.signature) {
      return {
        lines: report.signature.lines,
        name: report.signature.name,
        signatureImage: signer?.signatureImage ?? undefined,
        sealImage: report.number ? (org.sealImage ?? undefined) : undefined,
      };
    }
    const policy = report.policy as unknown as RoutingPolicy;
    const users = await em.getRepository(UserEntity).find({ where: { organisationId: org.id, active: true } });
    const intended = intendedSigner(policy, users);
    if (!intended) return null;
    const derived = deriveSignatureBlock({
      organisation: { collectiveTitle: org.collectiveTitle, headTitle: 'CHỦ TỊCH' },
      signer: toActor(intended, []),
      reportKind: report.kind,
      at: new Date(),
    });
    return derived.ok ? { lines: derived.lines, name: derived.name } : null;
  }

  /** The report's document as .docx, rendered on the worker threads like the PDF. */
  async docxFor(reportId: string): Promise<Buffer> {
    return this.pool.renderDocx(await this.documentFor(reportId));
  }

  async documentFor(reportId: string, em: EntityManager = this.ds.manager): Promise<ReportDocument> {
    const report = await em.getRepository(ReportEntity).findOneOrFail({ where: { id: reportId } });
    const org = await em.getRepository(OrganisationEntity).findOneOrFail({ where: { id: report.organisationId } });
    const sections = await em.getRepository(SectionEntity).find({ where: { reportId }, order: { sortOrder: 'ASC' } });
    const revisionIds = sections.map((s) => s.acceptedRevisionId ?? s.currentRevisionId).filter((x): x is string => !!x);
    const revisions = revisionIds.length ? await em.getRepository(SectionRevisionEntity).find({ where: { id: In(revisionIds) } }) : [];
    const byId = new Map(revisions.map((r) => [r.id, r]));
    const contents: Record<string, Block[]> = {};
    for (const s of sections) {
      const rev = byId.get(s.acceptedRevisionId ?? s.currentRevisionId ?? '');
      contents[s.code] = ((rev?.content as { blocks?: Block[] }) ?? {}).blocks ?? [];
    }
    return buildReportDocument({
      organisation: {
        issuerParent: org.issuerParent,
        issuerName: org.issuerName,
        place: org.place,
        numberSuffix: org.numberSuffix,
        shortName: org.name.replace(/^Ủy ban nhân dân/i, 'UBND'),
      },
      report: {
        templateCode: report.templateCode,
        period: periodOf(report),
        subject: report.subject,
        recipients: report.recipients,
        distribution: report.distribution,
        basis: report.basis,
        number: report.number,
        issuedAt: report.issuedAt,
      },
      contents,
      signature: await this.signatureFor(em, report, org),
    });
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
    const bytes = await this.pool.render(await this.documentFor(report.id));
    return { bytes, sha256: sha256(bytes), frozen: false };
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
    const contentKey = frozenKey(report);
    const existing = await em
      .getRepository(RenderedPdfEntity)
      .findOne({ where: { reportId, kind, revision, contentKey }, select: { id: true } });
    if (existing) return;
    // The frozen file carries the PAdES signature: the leader's ('signed'), the organisation's ('issued').
    const bytes = await this.signing.sign(em, reportId, kind, await this.pool.render(await this.documentFor(reportId, em)));
    await em.query(
      `INSERT INTO rendered_pdfs (report_id, kind, revision, content_key, sha256, bytes) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (report_id, kind, revision, content_key) DO NOTHING`,
      [reportId, kind, revision, contentKey, sha256(bytes), bytes],
    );
  }
}

/** What a frozen PDF shows besides the parts' accepted versions (which `signedHash` covers). */
export function frozenKey(report: Pick<ReportEntity, 'signedHash' | 'signature' | 'numberText' | 'issuedAt'>): string {
  return sha256(JSON.stringify([report.signedHash, report.signature, report.numberText, report.issuedAt]));
}
