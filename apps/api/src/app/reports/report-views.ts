import { periodLabel, type Period, type PeriodKind, type UnitCode } from '@trinhky/domain';
import { standardUnitName, type UnitNames } from '../organisation/unit-names';
import { holderText, reportHolder, type AllowedEvent, type ReportRecord, type RoutingPolicy } from '@trinhky/workflow';
import type { ReportEntity, SectionEntity } from '../database/entities';

export interface ReportSummaryDto {
  id: string;
  title: string;
  templateCode: string;
  kind: string;
  period: Period;
  periodKey: string;
  periodLabel: string;
  state: string;
  version: number;
  deadline: string;
  cutOff: { from: string; to: string };
  number: string | null;
  issuedAt: string | null;
  holder: string;
  overdue: boolean;
  sectionsTotal: number;
  sectionsAccepted: number;
  updatedAt: string;
  /** The report's organisation (lists and detail): a province user sees several. */
  organisation?: { id: string; name: string };
}

export interface SectionDto {
  id: string;
  code: string;
  label: string;
  title: string;
  level: string;
  unit: { code: string; name: string };
  assignee: { id: string; fullName: string } | null;
  state: string;
  deadline: string;
  overdue: boolean;
  currentRevisionId: string | null;
  acceptedRevisionId: string | null;
  lastComment: string | null;
}

export interface ReportDetailDto extends ReportSummaryDto {
  subject: string[];
  recipients: string[];
  distribution: string[];
  basis: string | null;
  revision: number;
  policy: { code: string; name: string };
  signature: { lines: string[]; name: string; signedAt: string } | null;
  sections: SectionDto[];
  allowedEvents: AllowedEvent[];
}

export function periodOf(r: ReportEntity): Period {
  return { kind: r.periodKind as PeriodKind, year: r.periodYear, ...(r.periodIndex ? { index: r.periodIndex } : {}) };
}

/** Who holds the report now, in words (libs/workflow `reportHolder` decides; the organisation names its units). */
export function holderOf(
  r: ReportEntity,
  sections: Pick<SectionEntity, 'state' | 'unitCode'>[],
  signerName?: string,
  unitName: UnitNames = standardUnitName,
): string {
  const holder = reportHolder(
    r.policy as unknown as RoutingPolicy,
    r.state,
    sections.map((s) => ({ state: s.state, unit: s.unitCode })),
  );
  return holderText(holder, { unit: unitName, recipients: r.recipients ?? [], ...(signerName ? { signer: signerName } : {}) });
}

export function toSummary(
  r: ReportEntity,
  sections: Pick<SectionEntity, 'state' | 'unitCode'>[],
  sectionCounts?: { total: number; accepted: number },
  unitName: UnitNames = standardUnitName,
): ReportSummaryDto {
  const period = periodOf(r);
  return {
    id: r.id,
    title: r.title,
    templateCode: r.templateCode,
    kind: r.kind,
    period,
    periodKey: r.periodKey,
    periodLabel: periodLabel(period),
    state: r.state,
    version: r.version,
    deadline: r.deadline,
    cutOff: { from: r.cutoffFrom, to: r.cutoffTo },
    number: r.numberText,
    issuedAt: r.issuedAt,
    holder: holderOf(r, sections, undefined, unitName),
    overdue: r.overdue,
    sectionsTotal: sectionCounts?.total ?? sections.length,
    sectionsAccepted: sectionCounts?.accepted ?? sections.filter((s) => s.state === 'accepted').length,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toSectionDto(
  s: SectionEntity,
  users: Map<string, { id: string; fullName: string }>,
  unitName: UnitNames = standardUnitName,
): SectionDto {
  const assignee = s.assigneeId ? users.get(s.assigneeId) : undefined;
  return {
    id: s.id,
    code: s.code,
    label: s.label,
    title: s.title,
    level: s.level,
    unit: { code: s.unitCode, name: unitName(s.unitCode) },
    assignee: assignee ? { id: assignee.id, fullName: assignee.fullName } : null,
    state: s.state,
    deadline: s.deadline,
    overdue: s.overdue,
    currentRevisionId: s.currentRevisionId,
    acceptedRevisionId: s.acceptedRevisionId,
    lastComment: s.lastComment,
  };
}

/** The workflow's view of a report and its sections. */
export function toRecord(r: ReportEntity, sections: SectionEntity[]): ReportRecord {
  return {
    id: r.id,
    kind: r.kind,
    definitionVersion: r.definitionVersion,
    policy: r.policy as unknown as RoutingPolicy,
    snapshot: r.snapshot,
    sections: sections.map((s) => ({
      id: s.id,
      unit: s.unitCode as UnitCode,
      assigneeId: s.assigneeId,
      title: [s.label, s.title].filter(Boolean).join(' '),
      snapshot: s.snapshot,
    })),
  };
}
