import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers, in a fixed order. */
export interface HashedAuditFields {
  reportId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  actorPosition: string;
  event: string;
  fromState: string | null;
  toState: string | null;
  sectionId: string | null;
  comment: string | null;
  summary: string;
  contentHash: string | null;
  prevHash: string;
}

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** First prev_hash of a report's chain: binds the chain to its report. */
export const genesisHash = (reportId: string): string => sha256(`trinh-ky:report:${reportId}`);

/** SHA-256 over a canonical JSON array of the entry's fields (order fixed, timestamps ISO in UTC). */
export function auditEntryHash(e: HashedAuditFields): string {
  return sha256(
    JSON.stringify([
      e.reportId,
      e.seq,
      e.at.toISOString(),
      e.actorId,
      e.actorName,
      e.actorPosition,
      e.event,
      e.fromState,
      e.toState,
      e.sectionId,
      e.comment,
      e.summary,
      e.contentHash,
      e.prevHash,
    ]),
  );
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  firstBrokenEntryId?: string;
  reason?: string;
}

/**
 * Verifies one report's chain: consecutive seq from 1, each prev_hash equal to the previous hash
 * (the genesis hash first), each hash recomputed from the stored fields. Names the first broken entry.
 */
export function verifyChain(reportId: string, entries: (HashedAuditFields & { id: string; hash: string })[]): ChainCheck {
  let prev = genesisHash(reportId);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.seq !== i + 1)
      return { ok: false, entries: entries.length, firstBrokenEntryId: e.id, reason: `thiếu bản ghi số ${i + 1} (bị xóa)` };
    if (e.prevHash !== prev)
      return { ok: false, entries: entries.length, firstBrokenEntryId: e.id, reason: 'liên kết với bản ghi trước bị sai' };
    if (auditEntryHash(e) !== e.hash)
      return { ok: false, entries: entries.length, firstBrokenEntryId: e.id, reason: 'nội dung bản ghi đã bị sửa' };
    prev = e.hash;
  }
  return { ok: true, entries: entries.length };
}
