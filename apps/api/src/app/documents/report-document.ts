import { buildReportDocument, type Block, type PartFigures, type ReportDocument, type SignatureBlock } from '@trinhky/domain';
import { deriveSignatureBlock, intendedSigner, signingOrganisationFor, type RoutingPolicy } from '@trinhky/workflow';
import { In, type EntityManager } from 'typeorm';
import { OrganisationEntity, ReportEntity, SectionEntity, SectionRevisionEntity, UserEntity } from '../database/entities';
import { toActor } from '../organisation/people.service';
import { periodOf } from '../reports/report-views';
import { documentRevisionId } from '../reports/bound-texts';
import { reportCatalogue } from '../reports/section-figures';

/**
 * A report as its document model: the parts' accepted versions, the figures bound again, the signature block
 * derived. `asSigned`: as the leader signed it (no number, no date, no seal yet).
 */
export async function reportDocument(em: EntityManager, reportId: string, asSigned = false): Promise<ReportDocument> {
  const report = await em.getRepository(ReportEntity).findOneOrFail({ where: { id: reportId } });
  const org = await em.getRepository(OrganisationEntity).findOneOrFail({ where: { id: report.organisationId } });
  const sections = await em.getRepository(SectionEntity).find({ where: { reportId }, order: { sortOrder: 'ASC' } });
  const revisionIds = sections.map(documentRevisionId).filter((x): x is string => !!x);
  const revisions = revisionIds.length ? await em.getRepository(SectionRevisionEntity).find({ where: { id: In(revisionIds) } }) : [];
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const contents: Record<string, Block[]> = {};
  const figures: Record<string, PartFigures | null> = {};
  for (const s of sections) {
    const rev = byId.get(documentRevisionId(s) ?? '');
    contents[s.code] = ((rev?.content as { blocks?: Block[] }) ?? {}).blocks ?? [];
    figures[s.code] = (rev?.figures as PartFigures | null | undefined) ?? null;
  }
  const catalogue = reportCatalogue(report);
  // Bound runs are bound again here to every part's figures (their stored text is only a cache).
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
      number: asSigned ? null : report.number,
      issuedAt: asSigned ? null : report.issuedAt,
    },
    contents,
    signature: await signatureFor(em, report, org, asSigned),
    ...(catalogue ? { figures: { catalogue, byPart: figures } } : {}),
  });
}

/** The intended or actual signature block: derived from the signer's position and delegation, never typed. */
async function signatureFor(
  em: EntityManager,
  report: ReportEntity,
  org: OrganisationEntity,
  asSigned: boolean,
): Promise<SignatureBlock | null> {
  const signer = report.signerId ? await em.getRepository(UserEntity).findOne({ where: { id: report.signerId } }) : null;
  if (report.signature) {
    return {
      lines: report.signature.lines,
      name: report.signature.name,
      // The version signed is the preview (no image yet): the leader's widget shows the signature.
      signatureImage: asSigned ? undefined : (signer?.signatureImage ?? undefined),
      // The issued PDF is the signed one plus the agency's update, whose seal is its signature's appearance:
      // only a fresh render of an issued report (before its frozen PDF exists) draws the seal image.
      sealImage: report.number && !asSigned ? (org.sealImage ?? undefined) : undefined,
    };
  }
  const policy = report.policy as unknown as RoutingPolicy;
  const users = await em.getRepository(UserEntity).find({ where: { organisationId: org.id, active: true } });
  const intended = intendedSigner(policy, users);
  if (!intended) return null;
  const derived = deriveSignatureBlock({
    // A commune's committee ("TM. ỦY BAN NHÂN DÂN"), or a Sở's Giám đốc (no "TM." line) under the Sở's policy.
    organisation: signingOrganisationFor(policy, { collectiveTitle: org.collectiveTitle, headTitle: 'CHỦ TỊCH' }),
    signer: toActor(intended, []),
    reportKind: report.kind,
    at: new Date(),
  });
  return derived.ok ? { lines: derived.lines, name: derived.name } : null;
}
