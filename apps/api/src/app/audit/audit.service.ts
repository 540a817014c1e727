import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAnchorEntity, AuditEntryEntity, ReportEntity } from '../database/entities';
import { auditEntryHash, genesisHash, sha256, verifyChain, type ChainCheck } from './audit-hash';

export interface AuditInput {
  organisationId: string;
  reportId: string;
  actorId: string | null;
  actorName: string;
  actorPosition: string;
  event: string;
  fromState: string | null;
  toState: string | null;
  sectionId?: string | null;
  comment?: string | null;
  summary: string;
  contentHash?: string | null;
}

/** The last entry of a report's chain (what the next entry links to). */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** A scalar subquery: the head of the chain of report `param` as JSON `{seq, hash}`, null when empty. */
export function auditHeadJson(param: string): string {
  return `(SELECT json_build_object('seq', a.seq, 'hash', a.hash) FROM audit_entries a WHERE a.report_id = ${param} ORDER BY a.seq DESC LIMIT 1)`;
}

/** The entry that follows `head` (null: the first of the chain), hashed. The caller must hold the report row lock. */
export function auditEntryAfter(head: ChainHead | null, input: AuditInput, at: Date): AuditEntryEntity {
  const entry = Object.assign(new AuditEntryEntity(), {
    organisationId: input.organisationId,
    reportId: input.reportId,
    seq: (head?.seq ?? 0) + 1,
    at: new Date(Math.floor(at.getTime())),
    actorId: input.actorId,
    actorName: input.actorName,
    actorPosition: input.actorPosition,
    event: input.event,
    fromState: input.fromState,
    toState: input.toState,
    sectionId: input.sectionId ?? null,
    comment: input.comment ?? null,
    summary: input.summary,
    contentHash: input.contentHash ?? null,
    prevHash: head?.hash ?? genesisHash(input.reportId),
    hash: '',
  });
  entry.hash = auditEntryHash(entry);
  return entry;
}

/**
 * `INSERT` of an entry made by `auditEntryAfter`, for a statement that writes other rows too;
 * `param` adds a value to the statement's parameters and returns its placeholder.
 */
export function auditInsertSql(e: AuditEntryEntity, param: (v: unknown) => string): string {
  return `INSERT INTO audit_entries (organisation_id, report_id, seq, at, actor_id, actor_name, actor_position, event, from_state, to_state, section_id, comment, summary, content_hash, prev_hash, hash)
          VALUES (${[e.organisationId, e.reportId, e.seq, e.at, e.actorId, e.actorName, e.actorPosition, e.event, e.fromState, e.toState, e.sectionId, e.comment, e.summary, e.contentHash, e.prevHash, e.hash].map(param).join(', ')})`;
}

/**
 * Audit log: one hash chain per report (writers of different reports never wait on each other;
 * the caller holds the report's row lock, so seq and prev_hash are race-free), plus an
 * organisation-level anchor chain that records every report's chain head, so a deleted report or
 * a truncated chain is detected too.
 */
@Injectable()
export class AuditService {
  constructor(private readonly ds: DataSource) {}

  /** Appends an entry inside the caller's transaction (which must hold the report row lock). */
  async append(em: EntityManager, input: AuditInput, at = new Date()): Promise<AuditEntryEntity> {
    const rows: { head: ChainHead | null }[] = await em.query(`SELECT ${auditHeadJson('$1')} AS head`, [input.reportId]);
    return em.getRepository(AuditEntryEntity).save(auditEntryAfter(rows[0]?.head ?? null, input, at));
  }

  async list(reportId: string): Promise<AuditEntryEntity[]> {
    return this.ds.getRepository(AuditEntryEntity).find({ where: { reportId }, order: { seq: 'ASC' } });
  }

  /** Verifies a report's chain and that it is not shorter than the newest anchor says. */
  async verify(reportId: string, organisationId: string): Promise<ChainCheck> {
    const entries = await this.list(reportId);
    const check = verifyChain(reportId, entries);
    if (!check.ok) return check;
    const anchor = await this.latestAnchor(organisationId);
    const head = anchor?.heads.find((h) => h.reportId === reportId);
    if (head) {
      const atSeq = entries[head.seq - 1];
      if (!atSeq || atSeq.hash !== head.hash) {
        return { ok: false, entries: entries.length, firstBrokenEntryId: atSeq?.id ?? entries[entries.length - 1]?.id, reason: 'chuỗi ngắn hơn hoặc khác với mốc neo của cơ quan' };
      }
    }
    return check;
  }

  async latestAnchor(organisationId: string, em: EntityManager = this.ds.manager): Promise<AuditAnchorEntity | null> {
    return em.getRepository(AuditAnchorEntity).findOne({ where: { organisationId }, order: { seq: 'DESC' } });
  }

  /**
   * Writes an organisation-level anchor: the head of every report's chain, chained to the previous
   * anchor. Run periodically (the sweeper) and on demand. Serialised per organisation by an advisory lock.
   */
  async anchor(organisationId: string): Promise<AuditAnchorEntity> {
    return this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`anchor:${organisationId}`]);
      const heads: { reportId: string; seq: number; hash: string }[] = (
        await em.query(
          `SELECT DISTINCT ON (report_id) report_id AS "reportId", seq, hash FROM audit_entries
           WHERE organisation_id = $1 ORDER BY report_id, seq DESC`,
          [organisationId],
        )
      ).map((r: { reportId: string; seq: number; hash: string }) => ({ reportId: r.reportId, seq: Number(r.seq), hash: r.hash }));
      const prev = await this.latestAnchor(organisationId, em);
      const at = new Date();
      const prevHash = prev?.hash ?? sha256(`trinh-ky:org:${organisationId}`);
      const hash = sha256(JSON.stringify([organisationId, (prev?.seq ?? 0) + 1, at.toISOString(), heads, prevHash]));
      return em.getRepository(AuditAnchorEntity).save(em.getRepository(AuditAnchorEntity).create({ organisationId, seq: (prev?.seq ?? 0) + 1, at, heads, prevHash, hash }));
    });
  }

  /** Organisation-wide check: every report named by the newest anchor still exists with an intact chain. */
  async verifyOrganisation(organisationId: string): Promise<{ ok: boolean; reports: number; problems: { reportId: string; reason: string; firstBrokenEntryId?: string }[] }> {
    const anchor = await this.latestAnchor(organisationId);
    const problems: { reportId: string; reason: string; firstBrokenEntryId?: string }[] = [];
    const reports = await this.ds.getRepository(ReportEntity).find({ where: { organisationId }, select: { id: true } });
    const existing = new Set(reports.map((r) => r.id));
    for (const head of anchor?.heads ?? []) {
      if (!existing.has(head.reportId)) problems.push({ reportId: head.reportId, reason: 'báo cáo đã bị xóa khỏi cơ sở dữ liệu' });
    }
    for (const r of reports) {
      const check = await this.verify(r.id, organisationId);
      if (!check.ok) problems.push({ reportId: r.id, reason: check.reason ?? 'chuỗi bị hỏng', firstBrokenEntryId: check.firstBrokenEntryId });
    }
    return { ok: problems.length === 0, reports: reports.length, problems };
  }
}
