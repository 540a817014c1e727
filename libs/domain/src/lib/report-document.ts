import type { Block, ReportDocument, SignatureBlock } from './document-model';
import { bindFigureRuns, figuresAnnex } from './indicators/annex-table';
import { figuresByGroupOf } from './indicators/figure-text';
import type { PartFigures } from './indicators/part-figures';
import type { IndicatorCatalogue } from './indicators/types';
import type { Period } from './periods';
import { TEMPLATES, assembleBody, fillTemplateText } from './templates';

export interface ReportDocumentInput {
  organisation: { issuerParent: string; issuerName: string; place: string; numberSuffix: string; shortName: string };
  report: {
    templateCode: string;
    period: Period;
    subject: string[];
    recipients: string[];
    distribution: string[];
    basis: string | null;
    number: number | null;
    issuedAt: string | null;
  };
  /** Current (or accepted) content of each section, by template part code. */
  contents: Record<string, Block[]>;
  signature: SignatureBlock | null;
  /**
   * The report's figures (its template has a catalogue): the figures of each part's same revision as
   * its content, by part code. Bound runs take their figure's value and the statistics annex is added.
   */
  figures?: { catalogue: IndicatorCatalogue; byPart: Record<string, PartFigures | null> };
}

/** Builds the printable document of a report from its sections' content (pure). */
export function buildReportDocument(input: ReportDocumentInput): ReportDocument {
  const template = TEMPLATES[input.report.templateCode];
  if (!template) throw new Error(`Mẫu báo cáo không tồn tại: ${input.report.templateCode}`);
  const f = input.figures;
  const byGroup = f ? figuresByGroupOf(f.catalogue, f.byPart) : {};
  const contents = f
    ? Object.fromEntries(Object.entries(input.contents).map(([k, bs]) => [k, bindFigureRuns(bs, f.catalogue, byGroup)]))
    : input.contents;
  const { opening, body } = assembleBody(template, input.report.period, contents);
  const openingBlocks: Block[] = opening.length
    ? opening
    : input.report.basis
      ? [{ type: 'paragraph', runs: [{ text: input.report.basis }] }]
      : [];
  return {
    issuer: { parent: input.organisation.issuerParent, name: input.organisation.issuerName },
    numberSuffix: `BC-${input.organisation.numberSuffix}`,
    number: input.report.number,
    place: input.organisation.place,
    date: input.report.issuedAt,
    kind: 'BÁO CÁO',
    subject: input.report.subject,
    recipients: input.report.recipients,
    opening: openingBlocks,
    body,
    closing: fillTemplateText(template.closing, input.report.period, input.organisation.shortName),
    distribution: input.report.distribution,
    signature: input.signature,
    annexes: f ? [figuresAnnex(f.catalogue, byGroup)] : [],
  };
}
