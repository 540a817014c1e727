/** The body of `npm run audit:verify` (tools/audit-verify.ts registers the libs' import paths first). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { verifyAnchors } from '../../apps/api/src/app/audit/anchor-check';
import { checkReportChain, loadReportChain, type Query } from '../../apps/api/src/app/audit/audit-check';
import { AuditKey } from '../../apps/api/src/app/audit/audit-key';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../apps/api/src/app/database/embedded-postgres';
import { INCOMING_LOG_HEAD, verifyIncomingLog } from '../../apps/api/src/app/exchange/incoming-log';

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
  const dataDir = resolve(process.env['DATA_DIR'] || '.data');
  if (!process.env['AUDIT_KEY'] && !existsSync(join(dataDir, 'audit-key'))) {
    console.error(`Không có khóa nhật ký (biến AUDIT_KEY hoặc tệp ${join(dataDir, 'audit-key')}): không kiểm chứng được mã xác thực.`);
    return 2;
  }
  const key = AuditKey.load(dataDir);
  const { url, embedded } = await connect();
  const db = new Client({ connectionString: url });
  await db.connect();
  let broken = 0;
  try {
    const reports: { id: string; title: string; organisation_id: string }[] = (
      await db.query(
        `SELECT id, title, organisation_id FROM reports ${only ? 'WHERE id = $1' : ''} ORDER BY created_at`,
        only ? [only] : [],
      )
    ).rows;
    const query: Query = async (sql, params) => (await db.query(sql, params)).rows;
    const anchorHeads = new Map<string, { seq: number; hash: string }>();
    // The incoming log's head (sổ văn bản đến) is sealed among the report heads under INCOMING_LOG_HEAD: one per organisation.
    const incomingHeads = new Map<string, { seq: number; hash: string }>();
    for (const a of (
      await db.query('SELECT DISTINCT ON (organisation_id) organisation_id, heads FROM audit_anchors ORDER BY organisation_id, seq DESC')
    ).rows as { organisation_id: string; heads: { reportId: string; seq: number; hash: string }[] }[]) {
      for (const h of a.heads) {
        if (h.reportId === INCOMING_LOG_HEAD) incomingHeads.set(a.organisation_id, h);
        else anchorHeads.set(h.reportId, h);
      }
    }
    for (const r of reports) {
      const loaded = await loadReportChain(query, r.id);
      const check = loaded
        ? checkReportChain(loaded.report, loaded.entries, key, anchorHeads.get(r.id))
        : { ok: false, entries: 0, reason: 'báo cáo đã bị xóa' };
      if (check.ok) console.log(`✓ ${r.id} ${r.title}: ${check.entries} bản ghi, chuỗi nguyên vẹn`);
      else {
        broken++;
        console.log(`✗ ${r.id} ${r.title}: hỏng từ bản ghi ${check.firstBrokenEntryId} (${check.reason})`);
      }
    }
    if (!only) {
      const orgs: { id: string; name: string; steps: number }[] = (
        await db.query(
          'SELECT o.id, o.name, (SELECT count(*)::int FROM incoming_log l WHERE l.organisation_id = o.id) AS steps FROM organisations o ORDER BY o.created_at',
        )
      ).rows;
      const known = new Set(reports.map((r) => r.id));
      for (const o of orgs) {
        // The receiving agency's own chain (sổ văn bản đến): seq, links, hashes, MACs, and the head its newest anchor sealed.
        const anchored = incomingHeads.get(o.id) ?? null;
        if (o.steps || anchored) {
          const problems = await verifyIncomingLog({ query }, key, o.id, anchored);
          if (!problems.length) console.log(`✓ cơ quan ${o.id} ${o.name}: sổ văn bản đến ${o.steps} mục, chuỗi nguyên vẹn`);
          for (const p of problems) {
            broken++;
            console.log(`✗ cơ quan ${o.id} ${o.name}: ${p}`);
          }
        }
        for (const p of await verifyAnchors(query, key, o.id)) {
          broken++;
          console.log(
            `✗ cơ quan ${o.id}${p.anchorSeq ? `, mốc neo số ${p.anchorSeq}` : ''}${p.reportId ? `, báo cáo ${p.reportId}` : ''}: ${p.reason}${p.firstBrokenEntryId ? ` (bản ghi ${p.firstBrokenEntryId})` : ''}`,
          );
        }
      }
      for (const [reportId] of anchorHeads) {
        if (!known.has(reportId)) {
          broken++;
          console.log(`✗ báo cáo ${reportId} có trong mốc neo nhưng đã bị xóa`);
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
