import type { EntityManager } from 'typeorm';
import { sha256 } from '../audit/audit-hash';
import type { AuditKey } from '../audit/audit-key';
import { canonical } from '../reports/canonical';

/** One step of a receiving organisation's incoming log: an arrival, or its văn thư's answer. */
export interface IncomingStep {
  organisationId: string;
  entryId: string;
  event: 'arrival' | 'received' | 'refused';
  actorId: string | null;
  actorName: string;
  summary: string;
}

/** The genesis of an organisation's incoming log. */
export const incomingGenesis = (organisationId: string): string => sha256(`trinh-ky:incoming:${organisationId}`);

/** The hash of a step: canonical JSON of its fields and the previous hash. */
export function incomingStepHash(s: IncomingStep & { seq: number; at: string; prevHash: string }): string {
  return sha256(
    canonical({
      organisationId: s.organisationId,
      seq: s.seq,
      at: s.at,
      entryId: s.entryId,
      event: s.event,
      actorId: s.actorId,
      actorName: s.actorName,
      summary: s.summary,
      prevHash: s.prevHash,
    }),
  );
}

/**
 * Appends a step to the receiving organisation's own chain (append-only by trigger, each row hashed
 * over the previous one and keyed with the audit key), inside the caller's transaction. The chain is
 * serialised per organisation by a transaction-scoped advisory lock.
 */
export async function appendIncomingStep(em: EntityManager, key: AuditKey, step: IncomingStep, now = new Date()): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('incoming_log:' || $1, 0))`, [step.organisationId]);
  const [head]: { seq: number; hash: string }[] = await em.query(
    'SELECT seq, hash FROM incoming_log WHERE organisation_id = $1 ORDER BY seq DESC LIMIT 1',
    [step.organisationId],
  );
  const at = new Date(Math.floor(now.getTime())).toISOString();
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? incomingGenesis(step.organisationId);
  const hash = incomingStepHash({ ...step, seq, at, prevHash });
  await em.query(
    `INSERT INTO incoming_log (organisation_id, seq, at, entry_id, event, actor_id, actor_name, summary, prev_hash, hash, mac)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      step.organisationId,
      seq,
      at,
      step.entryId,
      step.event,
      step.actorId,
      step.actorName,
      step.summary,
      prevHash,
      hash,
      key.seal('incoming', hash),
    ],
  );
}

/** What runs a query: an EntityManager, a DataSource (its `query`). */
interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** The anchors name the incoming log's head among the report heads under this id (audit/anchor.service.ts). */
export const INCOMING_LOG_HEAD = 'incoming-log';

/** The log's newest step, or null when it is empty. */
export async function incomingLogHead(db: Queryable, organisationId: string): Promise<{ seq: number; hash: string } | null> {
  const [head]: { seq: number; hash: string }[] = await db.query(
    'SELECT seq, hash FROM incoming_log WHERE organisation_id = $1 ORDER BY seq DESC LIMIT 1',
    [organisationId],
  );
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
}

/**
 * Verifies an organisation's incoming log: seq, links, hashes, MACs, and — given the head its newest
 * anchor sealed — that the log still holds that head (not truncated, not rewritten before it).
 * Returns the problems (empty: intact).
 */
export async function verifyIncomingLog(
  db: Queryable,
  key: AuditKey,
  organisationId: string,
  anchored?: { seq: number; hash: string } | null,
): Promise<string[]> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT seq, at, entry_id, event, actor_id, actor_name, summary, prev_hash, hash, mac FROM incoming_log WHERE organisation_id = $1 ORDER BY seq`,
    [organisationId],
  );
  const problems: string[] = [];
  let prev = incomingGenesis(organisationId);
  rows.forEach((r, i) => {
    const seq = r['seq'] as number;
    if (seq !== i + 1) problems.push(`Sổ đến: thiếu mục ${i + 1}.`);
    if (r['prev_hash'] !== prev) problems.push(`Sổ đến: mục ${seq} không nối với mục trước.`);
    const hash = incomingStepHash({
      organisationId,
      seq,
      at: new Date(r['at'] as string).toISOString(),
      entryId: r['entry_id'] as string,
      event: r['event'] as IncomingStep['event'],
      actorId: (r['actor_id'] as string | null) ?? null,
      actorName: r['actor_name'] as string,
      summary: r['summary'] as string,
      prevHash: r['prev_hash'] as string,
    });
    if (hash !== r['hash']) problems.push(`Sổ đến: mục ${seq} đã bị sửa.`);
    if (key.check('incoming', r['hash'] as string, r['mac'] as string) !== 'ok')
      problems.push(`Sổ đến: mục ${seq} không có niêm phong hợp lệ.`);
    prev = r['hash'] as string;
  });
  if (anchored && rows[anchored.seq - 1]?.['hash'] !== anchored.hash)
    problems.push(`Sổ đến: ngắn hơn hoặc khác với mốc neo của cơ quan (mục ${anchored.seq}).`);
  return problems;
}
