import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { signPdfPades, verifyPdf, type PdfVerification } from '@trinhky/documents';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config';
import { APP_CONFIG } from '../../common/tokens';
import { OrganisationEntity, ReportEntity, UserEntity } from '../../database/entities';
import { DemoPki } from './demo-pki';

/**
 * Signs the frozen PDFs: the leader's PAdES B-B signature on the 'signed' version, the
 * organisation's on the 'issued' one. Keys live in DATA_DIR/pki (DemoPki), never in the database.
 */
@Injectable()
export class SigningService implements OnModuleInit {
  readonly pki: DemoPki;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pki = new DemoPki(config.dataDir);
  }

  /** The demo CA is created on first start. */
  async onModuleInit(): Promise<void> {
    await this.pki.ensureCa();
  }

  async sign(em: EntityManager, reportId: string, kind: 'signed' | 'issued', pdf: Buffer, at = new Date()): Promise<Buffer> {
    const report = await em.getRepository(ReportEntity).findOneOrFail({ where: { id: reportId } });
    const org = await em.getRepository(OrganisationEntity).findOneOrFail({ where: { id: report.organisationId } });
    if (kind === 'issued') {
      const signer = await this.pki.signerFor('organisations', org.id, {
        commonName: org.name,
        organisation: org.name,
        locality: org.place,
      });
      return signPdfPades(pdf, signer, { name: org.name, reason: 'Ban hanh van ban', location: org.place, signingTime: at });
    }
    const leader = report.signerId ? await em.getRepository(UserEntity).findOne({ where: { id: report.signerId } }) : null;
    if (!leader) return pdf; // no signer recorded: nothing to sign with (the state machine requires one)
    const signer = await this.pki.signerFor('people', leader.id, {
      commonName: leader.fullName,
      title: leader.position,
      organisation: org.name,
      locality: org.place,
    });
    return signPdfPades(pdf, signer, { name: leader.fullName, reason: 'Ky duyet bao cao', location: org.place, signingTime: at });
  }

  async verify(pdf: Buffer): Promise<PdfVerification> {
    return verifyPdf(pdf, await this.pki.trustList());
  }
}
