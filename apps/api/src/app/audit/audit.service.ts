import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAnchorEntity, AuditEntryEntity, ReportEntity } from '../database/entities';
import { checkReportChain, loadChainFor, type KeyedCheck } from './audit-check';
import { auditEntryHash, genesisHash } from './audit-hash';
import { AuditKey } from './audit-key';
import { INCOMING_LOG_HEAD, verifyIncomingLog } from '../exchange/incoming-log';
import { verifyAnchors, type OrganisationCheck, type OrganisationProblem } from './anchor-check';
import { auditPage } from './audit-page';
import type { AuditPage } from '@trinhky/contracts';

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
export function auditEntryAfter(head: ChainHead | null, input: AuditInput, at: Date, key: AuditKey): AuditEntryEntity {
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
    mac: null as string | null,
    sealedLate: null,
  });
  entry.hash = auditEntryHash(entry);
  entry.mac = key.seal('entry', entry.hash);
  return entry;
}

/**
 * `INSERT` of an entry made by `auditEntryAfter`, for a statement that writes other rows too;
 * `param` adds a value to the statement's parameters and returns its placeholder.
 */
export function auditInsertSql(e: AuditEntryEntity, param: (v: unknown) => string): string {
  return `INSERT INTO audit_entries (organisation_id, report_id, seq, at, actor_id, actor_name, actor_position, event, from_state, to_state, section_id, comment, summary, content_hash, prev_hash, hash, mac)
          VALUES (${[e.organisationId, e.reportId, e.seq, e.at, e.actorId, e.actorName, e.actorPosition, e.event, e.fromState, e.toState, e.sectionId, e.comment, e.summary, e.contentHash, e.prevHash, e.hash, e.mac].map(param).join(', ')})`;
}

/**
 * Audit log: one hash chain per report (writers of different reports never wait on each other;
 * the caller holds the report's row lock, so seq and prev_hash are race-free), each entry keyed with
 * an HMAC (AuditKey) and checked against its report; plus an organisation-level anchor chain
 * (AnchorService) that records every report's verified head, so a deleted report or a truncated
 * chain is detected too.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly ds: DataSource,
    private readonly key: AuditKey,
  ) {}

  /** Appends an entry inside the caller's transaction (which must hold the report row lock). */
  async append(em: EntityManager, input: AuditInput, at = new Date()): Promise<AuditEntryEntity> {
    const rows: { head: ChainHead | null }[] = await em.query(`SELECT ${auditHeadJson('$1')} AS head`, [input.reportId]);
    return em.getRepository(AuditEntryEntity).save(auditEntryAfter(rows[0]?.head ?? null, input, at, this.key));
  }

  /** A page of the report's chain, newest first, and the chain's length. */
  /** A page of a report's log for the caller's organisation; null: not found or not readable (404). */
  page(reportId: string, organisationId: string, q: { limit: number; offset: number }): Promise<AuditPage | null> {
    return auditPage(this.ds, reportId, organisationId, q);
  }

  /**
   * Verifies a report's chain (hashes, MACs, agreement with the report's version, revision and
   * state) and that it still holds the head its organisation's newest valid anchor sealed.
   */
  async verify(reportId: string, em: EntityManager = this.ds.manager): Promise<KeyedCheck> {
    const loaded = await loadChainFor((sql, params) => em.query(sql, params), reportId, {});
    if (!loaded) return { ok: false, entries: 0, reason: 'báo cáo đã bị xóa khỏi cơ sở dữ liệu' };
    return checkReportChain(loaded.report, loaded.entries, this.key, loaded.anchorHead);
  }

  /** `verify` for a reader (`GET …/audit/verify`, one statement); null: not found or not readable by its organisation (404). */
  async verifyFor(reportId: string, organisationId: string): Promise<KeyedCheck | null> {
    const loaded = await loadChainFor((sql, params) => this.ds.query(sql, params), reportId, { viewer: organisationId });
    if (!loaded?.readable) return null;
    return checkReportChain(loaded.report, loaded.entries, this.key, loaded.anchorHead);
  }

  async latestAnchor(organisationId: string, em: EntityManager = this.ds.manager): Promise<AuditAnchorEntity | null> {
    return em.getRepository(AuditAnchorEntity).findOne({ where: { organisationId }, order: { seq: 'DESC' } });
  }

  /**
   * Organisation-wide check: the anchor chain (links, hashes, MACs, witnesses on the superior's side),
   * every report named by the newest anchor still exists, and every report's chain is intact.
   */
  async verifyOrganisation(organisationId: string): Promise<OrganisationCheck> {
    const problems: OrganisationProblem[] = [
      ...(await verifyAnchors((sql, params) => this.ds.query(sql, params), this.key, organisationId)),
    ];
    const anchor = await this.latestAnchor(organisationId);
    const reports = await this.ds.getRepository(ReportEntity).find({ where: { organisationId }, select: { id: true } });
    const existing = new Set(reports.map((r) => r.id));
    for (const head of anchor?.heads ?? []) {
      if (head.reportId === INCOMING_LOG_HEAD) continue;
      if (!existing.has(head.reportId)) problems.push({ reportId: head.reportId, reason: 'báo cáo đã bị xóa khỏi cơ sở dữ liệu' });
    }
    // The incoming log (sổ văn bản đến) of a receiving agency: its own chain, and the head the newest anchor sealed.
    const incomingHead = anchor?.heads.find((h) => h.reportId === INCOMING_LOG_HEAD) ?? null;
    for (const reason of await verifyIncomingLog(this.ds, this.key, organisationId, incomingHead)) problems.push({ reason });
    for (const r of reports) {
      const check = await this.verify(r.id);
      if (!check.ok)
        problems.push({
          reportId: r.id,
          reason: check.reason ?? 'chuỗi bị hỏng',
          firstBrokenEntryId: check.firstBrokenEntryId,
          ...(check.unverifiable ? { unverifiable: true } : {}),
        });
    }
    return { ok: problems.length === 0, reports: reports.length, problems };
  }
}
