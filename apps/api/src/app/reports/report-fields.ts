/**
 * Applies the field changes libs/workflow decides for a transition (`partFieldChanges`,
 * `reportFieldChanges`) to the loaded entities; the transition's write statement then stores them.
 */
import { acceptedVersionText, partFieldChanges, type ReportFieldChanges, type SectionChange } from '@trinhky/workflow';
import { sha256 } from '../audit/audit-hash';
import type { ReportEntity, SectionEntity } from '../database/entities';

/** The signed version: a hash over the accepted revisions, in order. */
export function acceptedVersionHash(sections: SectionEntity[]): string {
  return sha256(acceptedVersionText(sections));
}

export function applyPartFields(s: SectionEntity, change: Pick<SectionChange, 'from' | 'to'>, comment: string | undefined): void {
  Object.assign(s, partFieldChanges(change, s, comment));
}

export function applyReportFields(report: ReportEntity, sections: SectionEntity[], f: ReportFieldChanges, now: Date): void {
  if (f.signature !== undefined) {
    report.signerId = f.signature?.signerId ?? null;
    report.signature = f.signature ? { lines: f.signature.lines, name: f.signature.name, signedAt: now.toISOString() } : null;
  }
  if (f.signedHash !== undefined) report.signedHash = f.signedHash === 'accepted_versions' ? acceptedVersionHash(sections) : null;
  if (f.nextRevision) report.revision += 1;
  if (f.clearNumber) {
    report.number = null;
    report.numberText = null;
    report.issuedAt = null;
  }
}
