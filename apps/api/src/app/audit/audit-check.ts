/**
 * Keyed verification of one report's audit chain against the report itself, shared by the API
 * (AuditService, AnchorService) and the CLI (tools/audit-verify.ts). Framework-free.
 */
import { reportRules, type RoutingPolicy } from '@trinhky/workflow';
import type { AuditKey } from './audit-key';
import { readableBy } from '../organisation/readable-sql';
import { verifyChain, type ChainCheck, type HashedAuditFields } from './audit-hash';

export interface StoredEntry extends HashedAuditFields {
  id: string;
  hash: string;
  mac: string | null;
}

/** What the chain must agree with: the report row as it is now. */
export interface ReportFacts {
  id: string;
  organisationId: string;
  state: string;
  version: number;
  revision: number;
  policy: RoutingPolicy;
}

export interface KeyedCheck extends ChainCheck {
  /** True when the only problem is a seal made with another key: unverifiable, not proof of tampering. */
  unverifiable?: boolean;
}

/** A query function: TypeORM's `ds.query` or a pg client adapted to return rows. */
export type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * The report row and its whole chain in ONE statement (one snapshot: no false alarm from a
 * transition committing between two reads). Null when the report does not exist.
 */
export async function loadReportChain(query: Query, reportId: string): Promise<LoadedChain | null> {
  return loadChainFor(query, reportId, null);
}

/** What `loadChainFor` reads besides the chain: the anchor's head, and with a viewer, whether it reads the report. */
export interface ChainReadOptions {
  viewer?: string;
}

export interface LoadedChain {
  report: ReportFacts;
  entries: StoredEntry[];
  /** With a viewer: whether its organisation reads the report (else the chain is not for it). */
  readable?: boolean;
  /** With options: the head the report's organisation's newest anchor sealed (null: none, or not in it). */
  anchorHead?: { seq: number; hash: string } | null;
}

/**
 * `loadReportChain` plus, with options, the report's head in its organisation's newest anchor (only
 * that head is read, not every report's) and, with a viewer's organisation, whether it reads the
 * report: the whole of a report's verification in the same statement. Null options: the chain only.
 */
export async function loadChainFor(query: Query, reportId: string, opts: ChainReadOptions | null): Promise<LoadedChain | null> {
  const viewer = opts?.viewer ?? null;
  const extra = opts
    ? `, (SELECT (SELECT h FROM jsonb_array_elements(an.heads) h WHERE h->>'reportId' = r.id::text LIMIT 1)
          FROM audit_anchors an WHERE an.organisation_id = r.organisation_id ORDER BY an.seq DESC LIMIT 1) AS anchor_head
       ${viewer ? `, ${readableBy('r.organisation_id', '$2')} AS readable` : ''}`
    : '';
  const rows = await query(
    `SELECT r.id, r.organisation_id, r.state, r.version, r.revision, r.policy${extra},
            COALESCE((SELECT json_agg(json_build_object('id', a.id, 'seq', a.seq, 'at', a.at, 'actorId', a.actor_id, 'actorName', a.actor_name,
              'actorPosition', a.actor_position, 'event', a.event, 'fromState', a.from_state, 'toState', a.to_state, 'sectionId', a.section_id,
              'comment', a.comment, 'summary', a.summary, 'contentHash', a.content_hash, 'prevHash', a.prev_hash, 'hash', a.hash, 'mac', a.mac) ORDER BY a.seq)
              FROM audit_entries a WHERE a.report_id = r.id), '[]') AS entries
       FROM reports r WHERE r.id = $1`,
    viewer ? [reportId, viewer] : [reportId],
  );
  const r = rows[0];
  if (!r) return null;
  const report: ReportFacts = {
    id: String(r['id']),
    organisationId: String(r['organisation_id']),
    state: String(r['state']),
    version: Number(r['version']),
    revision: Number(r['revision']),
    policy: r['policy'] as RoutingPolicy,
  };
  const raw = (typeof r['entries'] === 'string' ? JSON.parse(r['entries']) : r['entries']) as (Omit<StoredEntry, 'at' | 'reportId'> & {
    at: string;
  })[];
  const entries = raw.map((e) => ({ ...e, reportId: report.id, seq: Number(e.seq), at: new Date(e.at) }));
  if (!opts) return { report, entries };
  const anchorHead = (r['anchor_head'] as LoadedChain['anchorHead']) ?? null;
  return { report, entries, anchorHead, ...(viewer ? { readable: r['readable'] === true } : {}) };
}

const broken = (entries: StoredEntry[], at: StoredEntry | undefined, reason: string, unverifiable = false): KeyedCheck => ({
  ok: false,
  entries: entries.length,
  firstBrokenEntryId: at?.id ?? entries[entries.length - 1]?.id,
  reason,
  ...(unverifiable ? { unverifiable: true } : {}),
});

/**
 * Every check of one chain, naming the first broken entry:
 * 1. the hash chain (seq from 1, links, recomputed hashes);
 * 2. each entry's MAC under the key (a forged entry with a correct public hash has none or a wrong one);
 * 3. the anchor's head, when given: the chain still holds it (not truncated, not rewritten);
 * 4. the report: every entry is one version (the `create` entry makes version 1, each transition
 *    writes exactly one entry and adds 1), revision = 1 + the `refuse` entries (the only event with
 *    the `new_revision` effect), and replaying the report-level states gives the report's state.
 */
export function checkReportChain(
  report: ReportFacts,
  entries: StoredEntry[],
  key: AuditKey,
  anchorHead?: { seq: number; hash: string } | null,
): KeyedCheck {
  const chain = verifyChain(report.id, entries);
  if (!chain.ok) return chain;
  for (const e of entries) {
    const seal = key.check('entry', e.hash, e.mac);
    if (seal === 'missing') return broken(entries, e, `bản ghi số ${e.seq} không có mã xác thực (bị chèn thêm từ cơ sở dữ liệu)`);
    if (seal === 'bad') return broken(entries, e, `mã xác thực của bản ghi số ${e.seq} sai (bản ghi bị giả mạo)`);
    if (seal === 'other-key')
      return broken(
        entries,
        e,
        `bản ghi số ${e.seq} được niêm phong bằng một khóa khác: không kiểm chứng được (không phải bằng chứng bị sửa)`,
        true,
      );
  }
  if (anchorHead) {
    const atSeq = entries[anchorHead.seq - 1];
    if (!atSeq || atSeq.hash !== anchorHead.hash)
      return broken(entries, atSeq, `chuỗi ngắn hơn hoặc khác với mốc neo của cơ quan (bản ghi số ${anchorHead.seq})`);
  }
  return checkAgainstReport(report, entries);
}

/** Step 4 of `checkReportChain`. */
export function checkAgainstReport(report: ReportFacts, entries: StoredEntry[]): KeyedCheck {
  if (entries.length > report.version) {
    return broken(
      entries,
      entries[report.version],
      `báo cáo ở phiên bản ${report.version} nhưng chuỗi có ${entries.length} bản ghi (bản ghi số ${report.version + 1} trở đi bị chèn thêm)`,
    );
  }
  if (entries.length < report.version) {
    return broken(
      entries,
      entries[entries.length - 1],
      `báo cáo ở phiên bản ${report.version} nhưng chuỗi chỉ có ${entries.length} bản ghi (các bản ghi cuối bị xóa)`,
    );
  }
  const rules = reportRules(report.policy);
  let state: string | null = null;
  let revision = 1;
  for (const e of entries) {
    if (e.event === 'refuse') revision++;
    if (e.sectionId === null) {
      if (e.fromState !== state)
        return broken(entries, e, `bản ghi số ${e.seq} bắt đầu từ trạng thái "${e.fromState}" nhưng báo cáo khi đó ở "${state}"`);
      state = e.toState;
    } else {
      // A section event leaves the report's state as the report's rule says (returning a section while compiling reopens collection).
      state = rules.find((r) => r.event === e.event && state !== null && r.from.includes(state as never))?.to ?? state;
    }
  }
  const last = entries[entries.length - 1];
  if (revision !== report.revision)
    return broken(entries, last, `chuỗi cho lần soạn thứ ${revision} nhưng báo cáo ở lần soạn thứ ${report.revision}`);
  if (state !== report.state) return broken(entries, last, `chuỗi kết thúc ở trạng thái "${state}" nhưng báo cáo ở "${report.state}"`);
  return { ok: true, entries: entries.length };
}
