import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAnchorEntity } from '../database/entities';
import { type AnchorHead, anchorGenesis, anchorHash, witnessData } from './anchor-check';
import { checkReportChain, loadReportChain, type KeyedCheck } from './audit-check';
import { AuditKey } from './audit-key';
import { INCOMING_LOG_HEAD, incomingLogHead, verifyIncomingLog } from '../exchange/incoming-log';

/**
 * Organisation anchors: every report's chain head, sealed with the key and chained to the previous
 * anchor. A head is sealed only after its chain verified (hashes, MACs, agreement with the report,
 * growth from the previous anchor's head); a broken chain keeps its previous head and is listed in
 * `unsealed` (and logged), the other reports are sealed as usual. Where the organisation has a
 * superior in the system, the anchor's head is also written as a witness row on the superior's side,
 * and a superior's anchor seals the newest witness of each subordinate.
 */
@Injectable()
export class AnchorService {
  private readonly log = new Logger('Audit');

  constructor(
    private readonly ds: DataSource,
    private readonly key: AuditKey,
  ) {}

  /** Run periodically (the sweeper) and on demand. Serialised per organisation by an advisory lock. */
  async anchor(organisationId: string): Promise<AuditAnchorEntity> {
    return this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`anchor:${organisationId}`]);
      const prev = await em.getRepository(AuditAnchorEntity).findOne({ where: { organisationId }, order: { seq: 'DESC' } });
      const prevHeads = new Map((prev?.heads ?? []).map((h) => [h.reportId, h]));
      const current: AnchorHead[] = (
        await em.query(
          `SELECT DISTINCT ON (report_id) report_id AS "reportId", seq, hash FROM audit_entries WHERE organisation_id = $1 ORDER BY report_id, seq DESC`,
          [organisationId],
        )
      ).map((r: AnchorHead) => ({ reportId: r.reportId, seq: Number(r.seq), hash: r.hash }));
      const heads: AnchorHead[] = [];
      const unsealed: AuditAnchorEntity['unsealed'] = [];
      const refuse = (reportId: string, check: Pick<KeyedCheck, 'reason' | 'firstBrokenEntryId'>): void => {
        unsealed.push({
          reportId,
          reason: check.reason ?? 'chuỗi bị hỏng',
          ...(check.firstBrokenEntryId ? { firstBrokenEntryId: check.firstBrokenEntryId } : {}),
        });
        const kept = prevHeads.get(reportId);
        if (kept) heads.push(kept); // the last verified head stays sealed
        this.log.error(
          `audit anchor of organisation ${organisationId}: chain of report ${reportId} not sealed: ${check.reason} (entry ${check.firstBrokenEntryId ?? '-'})`,
        );
      };
      for (const h of current) {
        const p = prevHeads.get(h.reportId);
        if (p && p.seq === h.seq && p.hash === h.hash) {
          heads.push(p);
          continue;
        }
        const loaded = await loadReportChain((sql, params) => em.query(sql, params), h.reportId);
        if (!loaded) {
          refuse(h.reportId, { reason: 'báo cáo đã bị xóa khỏi cơ sở dữ liệu' });
          continue;
        }
        const check = checkReportChain(loaded.report, loaded.entries, this.key, p ?? null);
        const last = loaded.entries[loaded.entries.length - 1];
        if (check.ok && last) heads.push({ reportId: h.reportId, seq: last.seq, hash: last.hash });
        else refuse(h.reportId, check);
      }
      // The Sở's incoming log (sổ văn bản đến, exchange/incoming-log.ts): its head is sealed like a report's, once it verified.
      const incoming = await incomingLogHead(em, organisationId);
      if (incoming) {
        const p = prevHeads.get(INCOMING_LOG_HEAD);
        const problems =
          p && p.seq === incoming.seq && p.hash === incoming.hash ? [] : await verifyIncomingLog(em, this.key, organisationId, p);
        if (!problems.length) heads.push({ reportId: INCOMING_LOG_HEAD, ...incoming });
        else refuse(INCOMING_LOG_HEAD, { reason: problems.join(' ') });
      }
      const named = new Set([...current.map((h) => h.reportId), ...(incoming ? [INCOMING_LOG_HEAD] : [])]);
      for (const p of prevHeads.values()) if (!named.has(p.reportId)) refuse(p.reportId, { reason: 'chuỗi nhật ký của báo cáo đã bị xóa' });
      const witnessed: AuditAnchorEntity['witnessed'] = (
        await em.query(
          `SELECT DISTINCT ON (organisation_id) organisation_id AS "organisationId", anchor_seq AS seq, anchor_hash AS hash FROM audit_witnesses WHERE superior_id = $1 ORDER BY organisation_id, anchor_seq DESC`,
          [organisationId],
        )
      ).map((w: { organisationId: string; seq: number; hash: string }) => ({
        organisationId: w.organisationId,
        seq: Number(w.seq),
        hash: w.hash,
      }));
      const anchor = em.getRepository(AuditAnchorEntity).create({
        organisationId,
        seq: (prev?.seq ?? 0) + 1,
        at: new Date(),
        heads,
        prevHash: prev?.hash ?? anchorGenesis(organisationId),
        unsealed,
        witnessed,
        mac: null,
      });
      anchor.hash = anchorHash(anchor, true);
      anchor.mac = this.key.seal('anchor', anchor.hash);
      const saved = await em.getRepository(AuditAnchorEntity).save(anchor);
      await this.witness(em, saved);
      return saved;
    });
  }

  /**
   * Records the anchor's head on the superior's side (same transaction), when there is a superior.
   * A witness already there for this seq (the commune's newest anchors were deleted) is kept, never
   * replaced: verification then reports the anchor that differs from it, and anchoring goes on.
   */
  private async witness(em: EntityManager, a: AuditAnchorEntity): Promise<void> {
    const [org] = await em.query(`SELECT parent_id FROM organisations WHERE id = $1`, [a.organisationId]);
    if (!org?.parent_id) return;
    await em.query(
      `INSERT INTO audit_witnesses (superior_id, organisation_id, anchor_seq, anchor_hash, anchor_at, mac) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organisation_id, anchor_seq) DO NOTHING`,
      [
        org.parent_id,
        a.organisationId,
        a.seq,
        a.hash,
        a.at,
        this.key.seal('witness', witnessData(org.parent_id, a.organisationId, a.seq, a.hash, a.at)),
      ],
    );
  }
}
