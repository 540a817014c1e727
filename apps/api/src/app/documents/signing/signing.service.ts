import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  issueStampLines,
  leaderAppearance,
  sealAppearance,
  signPdfPades,
  textLineAppearance,
  verifyPdf,
  warmAppearanceFonts,
  type DocumentSlots,
  type PdfVerification,
  type Signer,
} from '@trinhky/documents';
import { POSITION_TITLES, type PositionCode, type ReportDocument } from '@trinhky/domain';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config';
import { APP_CONFIG } from '../../common/tokens';
import { OrganisationEntity, ReportEntity, UserEntity } from '../../database/entities';
import { DemoPki } from './demo-pki';

/** The seal's diameter (points): about 39 mm, a commune People's Committee's round seal. */
const SEAL = 110;

/**
 * Signs the frozen PDFs: the leader's PAdES B-B signature on the 'signed' version (visible at the
 * signature room); at `issue`, an incremental update over exactly those bytes that writes the number
 * and date into their slots and carries the organisation's signature with the red seal as its
 * appearance. Keys live in DATA_DIR/pki (DemoPki), never in the database.
 */
@Injectable()
export class SigningService implements OnModuleInit {
  readonly pki: DemoPki;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pki = new DemoPki(config.dataDir);
  }

  /** The demo CA is created on first start; the appearance fonts are subset once, before any signature. */
  async onModuleInit(): Promise<void> {
    await this.pki.ensureCa();
    warmAppearanceFonts();
  }

  /** The leader's signature over the rendered PDF (returned unchanged when no signer is recorded). */
  async signAsLeader(em: EntityManager, reportId: string, pdf: Buffer, slots: DocumentSlots, at = new Date()): Promise<Buffer> {
    const report = await em.getRepository(ReportEntity).findOneOrFail({ where: { id: reportId } });
    const org = await em.getRepository(OrganisationEntity).findOneOrFail({ where: { id: report.organisationId } });
    const leader = report.signerId ? await em.getRepository(UserEntity).findOne({ where: { id: report.signerId } }) : null;
    if (!leader) return pdf; // no signer recorded: nothing to sign with (the state machine requires one)
    const signer = await this.pki.signerFor('people', leader.id, {
      commonName: leader.fullName,
      // The position's title as documents write it ("Phó Chủ tịch"), not its code.
      title: POSITION_TITLES[leader.position as PositionCode] ?? leader.position,
      organisation: org.name,
      locality: org.place,
    });
    const room = slots.signature;
    return signPdfPades(pdf, signer, {
      name: leader.fullName,
      reason: 'Ký duyệt báo cáo',
      location: org.place,
      signingTime: at,
      ...(room
        ? { widget: { page: room.page, rect: room.rect, appearance: leaderAppearance(leader.fullName, at, !!leader.signatureImage) } }
        : {}),
    });
  }

  /**
   * The issued PDF: `signedPdf` (the leader's bytes, unchanged) + one incremental update with the
   * number and the date as annotations at their slots, signed by the organisation, its seal
   * overlapping the left third of the signature room.
   */
  async issueOver(em: EntityManager, reportId: string, signedPdf: Buffer, slots: DocumentSlots, doc: ReportDocument, at = new Date()) {
    const report = await em.getRepository(ReportEntity).findOneOrFail({ where: { id: reportId } });
    const org = await em.getRepository(OrganisationEntity).findOneOrFail({ where: { id: report.organisationId } });
    const signer = await this.organisationSigner(org);
    const lines = issueStampLines(doc);
    const annotations = [
      ...(slots.number ? [{ ...slots.number, contents: lines.number, appearance: textLineAppearance(lines.number, 13) }] : []),
      ...(slots.date ? [{ ...slots.date, contents: lines.date, appearance: textLineAppearance(lines.date, 14, 'italics') }] : []),
    ];
    const room = slots.signature;
    let widget;
    if (room) {
      const [x1, y1, x2, y2] = room.rect;
      const right = x1 + (x2 - x1) / 3;
      const cy = (y1 + y2) / 2;
      widget = {
        page: room.page,
        rect: [right - SEAL, cy - SEAL / 2, right, cy + SEAL / 2] as [number, number, number, number],
        appearance: sealAppearance(org.name, org.place),
      };
    }
    return signPdfPades(signedPdf, signer, {
      name: org.name,
      reason: 'Ban hành văn bản',
      location: org.place,
      signingTime: at,
      annotations,
      ...(widget ? { widget } : {}),
    });
  }

  /** The organisation's own signer (its certificate: CN = O = its name). */
  organisationSigner(org: Pick<OrganisationEntity, 'id' | 'name' | 'place'>): Promise<Signer> {
    return this.pki.signerFor('organisations', org.id, { commonName: org.name, organisation: org.name, locality: org.place });
  }

  trustList(): Promise<string[]> {
    return this.pki.trustList();
  }

  async verify(pdf: Buffer): Promise<PdfVerification> {
    return verifyPdf(pdf, await this.pki.trustList());
  }
}
