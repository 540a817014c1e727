/**
 * Which stored fields a decided transition changes besides state and snapshot: on a part, the
 * accepted revision (the version the compiler took) and the last comment; on the report, the
 * signature, the signed hash (what was signed), the number and the revision. The API persists what
 * these functions return; it decides none of it.
 */
import type { SectionChange, WorkflowEffect } from '../contract';

export interface PartRevisions {
  code: string;
  currentRevisionId: string | null;
  currentContentHash: string | null;
  acceptedRevisionId: string | null;
}

export interface PartFieldChanges {
  acceptedRevisionId?: string | null;
  lastComment?: string | null;
}

/**
 * Accepting a part pins its current revision as the accepted one; leaving `accepted` (a return)
 * unpins it; a returned part keeps the comment that returned it.
 */
export function partFieldChanges(
  change: Pick<SectionChange, 'from' | 'to'>,
  part: Pick<PartRevisions, 'currentRevisionId'>,
  comment?: string | null,
): PartFieldChanges {
  const out: PartFieldChanges = {};
  if (change.to === 'accepted') out.acceptedRevisionId = part.currentRevisionId;
  else if (change.from === 'accepted') out.acceptedRevisionId = null;
  if (change.to === 'returned') out.lastComment = comment ?? null;
  return out;
}

/**
 * The text whose SHA-256 is the signed hash: each part's code, accepted revision and that revision's
 * content hash, in order ("-" where none). The hash function itself is the caller's (node:crypto).
 */
export function acceptedVersionText(parts: readonly PartRevisions[]): string {
  return parts.map((s) => `${s.code}:${s.acceptedRevisionId ?? '-'}:${s.acceptedRevisionId ? s.currentContentHash : '-'}`).join('\n');
}

export interface ReportFieldChanges {
  /** Set: record this signature (signed now); null: remove the signature. */
  signature?: { signerId: string; lines: string[]; name: string } | null;
  /** 'accepted_versions': the hash of `acceptedVersionText` of the parts now; null: cleared. */
  signedHash?: 'accepted_versions' | null;
  /** Clear the register number and issue date (a refused report is numbered again when re-issued). */
  clearNumber?: true;
  /** The revision goes up by one (the recipient refused the report). */
  nextRevision?: true;
}

/** The report fields one effect changes (`notify`, numbering and PDF freezing change none here). */
export function reportFieldChanges(effect: WorkflowEffect): ReportFieldChanges {
  switch (effect.type) {
    case 'record_signature':
      return { signature: { signerId: effect.signerId, lines: effect.lines, name: effect.name }, signedHash: 'accepted_versions' };
    case 'revoke_signature':
      return { signature: null, signedHash: null };
    case 'new_revision':
      return { nextRevision: true, clearNumber: true, signature: null, signedHash: null };
    default:
      return {};
  }
}
