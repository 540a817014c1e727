/**
 * Verifies the audit chains straight from the database and names the first broken entry.
 *   npm run audit:verify                 every report of every organisation, plus the anchors
 *   npm run audit:verify -- --report ID  one report
 * Uses DATABASE_URL, or the embedded database of DATA_DIR (./.data): the running server's port is
 * read from postmaster.pid; if none runs, the embedded server is started for the check.
 * Exit code 0 when every chain is intact, 1 otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { verifyChain, type HashedAuditFields } from '../apps/api/src/app/audit/audit-hash';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../apps/api/src/app/database/embedded-postgres';

interface Row {
  id: string;
  report_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  actor_position: string;
  event: string;
  from_state: string | null;
  to_state: string | null;
  section_id: string | null;
  comment: string | null;
  summary: string;
  content_hash: string | null;
  prev_hash: string;
  hash: string;
}

async function connect(): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (process.env['DATABASE_URL']) return { url: process.env['DATABASE_URL'], embedded: null };
  const dataDir = resolve(process.env['DATA_DIR'] || '.data');
  const pointer = join(dataDir, 'pg-location');
  const cluster = existsSync(pointer) ? readFileSync(pointer, 'utf8').trim() : join(dataDir, 'pg');
  const pidFile = join(cluster, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
    return { url: `postgres://postgres@127.0.0.1:${port}/trinhky`, embedded: null };
  }
  const embedded = await startEmbeddedPostgres(dataDir);
  return { url: embedded.url, embedded };
}

async function main(): Promise<number> {
  const only = process.argv.includes('--report') ? process.argv[process.argv.indexOf('--report') + 1] : null;
  const { url, embedded } = await connect();
  const db = new Client({ connectionString: url });
  await db.connect();
  let broken = 0;
  try {
    const reports: { id: string; title: string; organisation_id: string }[] = (
      await db.query(`SELECT id, title, organisation_id FROM reports ${only ? 'WHERE id = $1' : ''} ORDER BY created_at`, only ? [only] : [])
    ).rows;
    for (const r of reports) {
      const rows: Row[] = (await db.query('SELECT * FROM audit_entries WHERE report_id = $1 ORDER BY seq', [r.id])).rows;
      const entries = rows.map((e) => ({
        id: e.id,
        hash: e.hash,
        reportId: e.report_id,
        seq: e.seq,
        at: e.at,
        actorId: e.actor_id,
        actorName: e.actor_name,
        actorPosition: e.actor_position,
        event: e.event,
        fromState: e.from_state,
        toState: e.to_state,
        sectionId: e.section_id,
        comment: e.comment,
        summary: e.summary,
        contentHash: e.content_hash,
        prevHash: e.prev_hash,
      })) as (HashedAuditFields & { id: string; hash: string })[];
      const check = verifyChain(r.id, entries);
      if (check.ok) console.log(`✓ ${r.id} ${r.title}: ${check.entries} bản ghi, chuỗi nguyên vẹn`);
      else {
        broken++;
        console.log(`✗ ${r.id} ${r.title}: hỏng từ bản ghi ${check.firstBrokenEntryId} (${check.reason})`);
      }
    }
    if (!only) {
      const anchors: { organisation_id: string; heads: { reportId: string; seq: number; hash: string }[] }[] = (
        await db.query('SELECT DISTINCT ON (organisation_id) organisation_id, heads FROM audit_anchors ORDER BY organisation_id, seq DESC')
      ).rows;
      const known = new Set(reports.map((r) => r.id));
      for (const a of anchors) {
        for (const h of a.heads) {
          if (!known.has(h.reportId)) {
            broken++;
            console.log(`✗ báo cáo ${h.reportId} có trong mốc neo của cơ quan ${a.organisation_id} nhưng đã bị xóa`);
          } else {
            const row = (await db.query('SELECT hash FROM audit_entries WHERE report_id = $1 AND seq = $2', [h.reportId, h.seq])).rows[0];
            if (!row || row.hash !== h.hash) {
              broken++;
              console.log(`✗ báo cáo ${h.reportId}: chuỗi không còn khớp mốc neo (bản ghi số ${h.seq})`);
            }
          }
        }
      }
    }
    console.log(broken ? `${broken} chuỗi bị hỏng.` : `Tất cả ${reports.length} chuỗi nhật ký nguyên vẹn.`);
  } finally {
    await db.end();
    await embedded?.stop();
  }
  return broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(e.message);
    process.exit(2);
  },
);
