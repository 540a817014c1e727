/** The organisation anchor chain: its hash format, and its verification (links, MACs, witnesses). */
import type { AuditAnchorEntity } from '../database/entities';
import { sha256 } from './audit-hash';
import type { Query } from './audit-check';
import type { AuditKey } from './audit-key';

export interface AnchorHead {
  reportId: string;
  seq: number;
  hash: string;
}

export interface OrganisationProblem {
  reportId?: string;
  anchorSeq?: number;
  reason: string;
  firstBrokenEntryId?: string;
  unverifiable?: boolean;
}

export interface OrganisationCheck {
  ok: boolean;
  reports: number;
  problems: OrganisationProblem[];
}

type AnchorFields = Pick<AuditAnchorEntity, 'organisationId' | 'seq' | 'at' | 'heads' | 'prevHash' | 'unsealed' | 'witnessed' | 'mac'>;

export const anchorGenesis = (organisationId: string): string => sha256(`trinh-ky:org:${organisationId}`);

/**
 * The anchor's hash. Keyed anchors (with a mac) hash a canonical array of everything they record;
 * anchors from before the key hashed `[org, seq, at, heads, prev]` with heads as `{reportId, seq, hash}`
 * objects (rebuilt in that key order: jsonb does not keep it).
 */
export function anchorHash(a: AnchorFields, keyed: boolean): string {
  if (!keyed)
    return sha256(
      JSON.stringify([
        a.organisationId,
        a.seq,
        a.at.toISOString(),
        a.heads.map((h) => ({ reportId: h.reportId, seq: h.seq, hash: h.hash })),
        a.prevHash,
      ]),
    );
  return sha256(
    JSON.stringify([
      'v2',
      a.organisationId,
      a.seq,
      a.at.toISOString(),
      a.heads.map((h) => [h.reportId, h.seq, h.hash]),
      a.prevHash,
      a.unsealed.map((u) => [u.reportId, u.reason, u.firstBrokenEntryId ?? null]),
      a.witnessed.map((w) => [w.organisationId, w.seq, w.hash]),
    ]),
  );
}

/** What a witness row's MAC covers. */
export const witnessData = (superiorId: string, organisationId: string, seq: number, hash: string, at: Date): string =>
  JSON.stringify([superiorId, organisationId, seq, hash, at.toISOString()]);

interface WitnessRow {
  superior_id: string;
  organisation_id: string;
  anchor_seq: number;
  anchor_hash: string;
  anchor_at: Date;
  mac: string;
}

/**
 * Checks an organisation's anchors: consecutive seq, links, hashes, MACs (an anchor without a MAC
 * is accepted only before the first keyed one), the chains each anchor refused to seal, and the
 * witnesses: every witness the superior holds of this organisation matches its anchor, every keyed
 * anchor has its witness, and every witness this organisation (as a superior) sealed still exists.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Rows = any[];

export async function verifyAnchors(query: Query, key: AuditKey, organisationId: string): Promise<OrganisationProblem[]> {
  const problems: OrganisationProblem[] = [];
  const rows = (await query(
    `SELECT organisation_id, seq, at, heads, prev_hash, hash, mac, unsealed, witnessed FROM audit_anchors WHERE organisation_id = $1 ORDER BY seq`,
    [organisationId],
  )) as Rows;
  let prev = anchorGenesis(organisationId);
  let keyedSeen = false;
  const bySeq = new Map<number, string>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const a: AnchorFields = {
      organisationId,
      seq: Number(r.seq),
      at: new Date(r.at),
      heads: r.heads,
      prevHash: r.prev_hash,
      unsealed: r.unsealed ?? [],
      witnessed: r.witnessed ?? [],
      mac: r.mac,
    };
    const bad = (reason: string, unverifiable = false): void =>
      void problems.push({ anchorSeq: a.seq, reason, ...(unverifiable ? { unverifiable } : {}) });
    bySeq.set(a.seq, r.hash);
    if (a.seq !== i + 1) bad(`thiếu mốc neo số ${i + 1} (bị xóa)`);
    else if (a.prevHash !== prev) bad(`mốc neo số ${a.seq} không nối với mốc trước`);
    else if (anchorHash(a, a.mac !== null) !== r.hash) bad(`mốc neo số ${a.seq} đã bị sửa`);
    else if (a.mac === null && keyedSeen) bad(`mốc neo số ${a.seq} không có mã xác thực (bị chèn thêm)`);
    else if (a.mac !== null) {
      keyedSeen = true;
      const seal = key.check('anchor', r.hash, a.mac);
      if (seal === 'bad' || seal === 'missing') bad(`mã xác thực của mốc neo số ${a.seq} sai (mốc neo bị giả mạo)`);
      if (seal === 'other-key') bad(`mốc neo số ${a.seq} được niêm phong bằng một khóa khác: không kiểm chứng được`, true);
    }
    prev = r.hash;
    if (problems.length) return problems;
  }
  const last = rows[rows.length - 1];
  for (const u of (last?.unsealed ?? []) as { reportId: string; reason: string; firstBrokenEntryId?: string }[]) {
    problems.push({
      reportId: u.reportId,
      firstBrokenEntryId: u.firstBrokenEntryId,
      reason: `mốc neo số ${last.seq} không niêm phong chuỗi này: ${u.reason}`,
    });
  }
  // Witnesses of this organisation's anchors, held on the superior's side.
  const [org] = (await query(`SELECT parent_id FROM organisations WHERE id = $1`, [organisationId])) as Rows;
  if (org?.parent_id) {
    const witnesses: WitnessRow[] = (await query(`SELECT * FROM audit_witnesses WHERE organisation_id = $1 ORDER BY anchor_seq`, [
      organisationId,
    ])) as Rows;
    const witnessed = new Set<number>();
    for (const w of witnesses) {
      witnessed.add(w.anchor_seq);
      if (
        key.check('witness', witnessData(w.superior_id, w.organisation_id, w.anchor_seq, w.anchor_hash, new Date(w.anchor_at)), w.mac) !==
        'ok'
      ) {
        problems.push({ anchorSeq: w.anchor_seq, reason: `bản chứng của mốc neo số ${w.anchor_seq} ở cơ quan cấp trên bị giả mạo` });
      } else if (bySeq.get(w.anchor_seq) !== w.anchor_hash) {
        problems.push({
          anchorSeq: w.anchor_seq,
          reason: `mốc neo số ${w.anchor_seq} ${bySeq.has(w.anchor_seq) ? 'khác' : 'không còn khớp'} bản chứng của cơ quan cấp trên (chuỗi mốc neo bị viết lại hoặc bị xóa)`,
        });
      }
    }
    for (const r of rows) {
      if (r.mac !== null && !witnessed.has(Number(r.seq)))
        problems.push({ anchorSeq: Number(r.seq), reason: `mốc neo số ${r.seq} không có bản chứng ở cơ quan cấp trên` });
    }
  }
  // As a superior: the witnesses its newest anchor sealed still exist unchanged.
  for (const w of (last?.witnessed ?? []) as { organisationId: string; seq: number; hash: string }[]) {
    const [row] = (await query(`SELECT anchor_hash FROM audit_witnesses WHERE organisation_id = $1 AND anchor_seq = $2`, [
      w.organisationId,
      w.seq,
    ])) as Rows;
    if (!row || row.anchor_hash !== w.hash)
      problems.push({
        anchorSeq: Number(last.seq),
        reason: `bản chứng mốc neo số ${w.seq} của cơ quan cấp dưới ${w.organisationId} đã bị xóa hoặc sửa`,
      });
  }
  return problems;
}
