/**
 * "Việc của tôi" at a commune of 500 reports (issue 12, inbox12): the province bench's data
 * (province-data.ts: BENCH_COMMUNES communes, 3 by default, × BENCH_REPORTS_PER_COMMUNE reports, 500),
 * made consistent first — the generator gives each report a state but keeps the demo report's snapshot,
 * so here each report's and part's snapshot is set to its stored state (parts accepted once collecting
 * is over, spread over every part state while collecting) — then, in-process (no HTTP), the inbox of
 * several users timed BENCH_RUNS times (20) two ways: the full computation (every open report and part
 * through `allowedEvents`, the code before inbox12) and `InboxService.items` (narrowed in SQL by
 * `inboxScope`). Prints p50/p95 wall ms and CPU ms per call (the machine is shared: CPU is the honest
 * figure), the number of reports each loads, and whether both answers are the same (they must be).
 * Rerun: `SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/inbox.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as Pg } from 'pg';
import { FINAL_REPORT_STATES, SECTION_STATES, allowedEvents } from '@trinhky/workflow';
import { In, Not } from 'typeorm';
import { createApp } from '../../apps/api/src/app/app.factory';
import type { AppConfig } from '../../apps/api/src/app/config';
import { openDataSource } from '../../apps/api/src/app/database/data-source';
import { ReportEntity, SectionEntity } from '../../apps/api/src/app/database/entities';
import { receiverOf } from '../../apps/api/src/app/exchange/receiver';
import { InboxService } from '../../apps/api/src/app/notifications/inbox.service';
import { PeopleService } from '../../apps/api/src/app/organisation/people.service';
import { toRecord } from '../../apps/api/src/app/reports/report-views';
import { SeedService } from '../../apps/api/src/app/seed/seed.service';
import { generate } from './province-data';

const SERVER = process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
const NAME = process.env['BENCH_DB_NAME'] || 'tk_bench_inbox';
const RUNS = Number(process.env['BENCH_RUNS'] || 20);
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];

async function main(): Promise<void> {
  const admin = new Pg({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${NAME}`);
  const url = new URL(SERVER);
  url.pathname = `/${NAME}`;
  const ds = await openDataSource(url.toString(), { size: 4, statementTimeoutMs: 0 });
  const config: AppConfig = {
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'tk-bench-inbox-')),
    databaseUrl: url.toString(),
    demoSeed: false,
    authSecret: 'bench-secret-0123456789abcdef',
    tokenTtl: 3600,
    webRoot: null,
    sweepIntervalMs: 0,
    renderWorkers: 0,
  };
  const app = await createApp(config, ds, { logger: false });
  await app.init();
  try {
    await app.get(SeedService).seedIfEmpty();
    const sizes = await generate(ds, {
      communes: Number(process.env['BENCH_COMMUNES'] || 3),
      perCommune: Number(process.env['BENCH_REPORTS_PER_COMMUNE'] || 500),
      audit: 0,
    });
    // Snapshots agree with the stored states (what the API always writes together).
    await ds.query(`UPDATE reports SET snapshot = jsonb_set(snapshot, '{value}', to_jsonb(state)) WHERE snapshot->>'value' <> state`);
    await ds.query(
      `UPDATE sections s SET state = v.st, snapshot = jsonb_set(s.snapshot, '{value}', to_jsonb(v.st))
         FROM (SELECT s2.id, CASE WHEN r.state = 'draft' THEN 'assigned'
                                  WHEN r.state = 'collecting' THEN ($1::text[])[1 + abs(hashtext(s2.id::text)) % array_length($1::text[], 1)]
                                  ELSE 'accepted' END AS st
                 FROM sections s2 JOIN reports r ON r.id = s2.report_id) v
        WHERE v.id = s.id`,
      [SECTION_STATES.filter((s) => s !== 'head_review')],
    );
    await ds.query('VACUUM ANALYZE reports');
    await ds.query('VACUUM ANALYZE sections');
    console.log(
      `${sizes.reports} reports, ${sizes.sections} parts, ${sizes.communes} communes; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (2 cores, shared)`,
    );
    const inbox = app.get(InboxService);
    const people = app.get(PeopleService);
    const full = async (p: { userId: string; organisationId: string }) => {
      const { actor } = await people.activeActor(p.userId, p.organisationId);
      const reports = await ds
        .getRepository(ReportEntity)
        .find({ where: { organisationId: p.organisationId, state: Not(In([...FINAL_REPORT_STATES])) } });
      const sections = await ds
        .getRepository(SectionEntity)
        .find({ where: { reportId: In(reports.map((r) => r.id)) }, order: { sortOrder: 'ASC' } });
      const out: string[] = [];
      for (const r of reports) {
        const own = sections.filter((s) => s.reportId === r.id);
        const record = toRecord(r, own);
        let events = allowedEvents(record, actor, new Date()).filter((x) => x.type !== 'cancel');
        // As the inbox always did: receipt is the sender's clerk's only for a receiver outside the system.
        if (events.some((e) => e.type === 'acknowledge')) {
          record.receiver = await receiverOf((q, v) => ds.query(q, v), r.id);
          events = allowedEvents(record, actor, new Date()).filter((x) => x.type !== 'cancel');
        }
        for (const e of events) out.push(`${r.id} ${e.sectionId ?? '-'} ${e.type}`);
      }
      return { keys: out.sort(), loaded: reports.length };
    };
    const narrowed = async (p: { userId: string; organisationId: string }) => {
      const items = await inbox.items(p);
      return {
        keys: items.flatMap((i) => i.events.map((e) => `${i.reportId} ${e.sectionId ?? '-'} ${e.type}`)).sort(),
        loaded: new Set(items.map((i) => i.reportId)).size,
      };
    };
    let same = true;
    for (const username of ['vhxh.truong', 'kt.cv', 'vanthu', 'chutich', 'snv.cv', 'snv.vanthu']) {
      const [u] = await ds.query('SELECT id, organisation_id FROM users WHERE username = $1', [username]);
      const p = { userId: u.id, organisationId: u.organisation_id };
      for (const [label, f] of [
        ['full', full],
        ['narrowed', narrowed],
      ] as const) {
        const wall: number[] = [];
        const cpu: number[] = [];
        let last = { keys: [] as string[], loaded: 0 };
        for (let i = 0; i < RUNS; i++) {
          const t0 = process.hrtime.bigint();
          const c0 = process.cpuUsage();
          last = await f(p);
          const c = process.cpuUsage(c0);
          wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
          cpu.push((c.user + c.system) / 1000);
        }
        wall.sort((a, b) => a - b);
        cpu.sort((a, b) => a - b);
        if (label === 'narrowed') {
          const ref = await full(p);
          const eq = JSON.stringify(ref.keys) === JSON.stringify(last.keys);
          same &&= eq;
          if (!eq) console.log(`  DIFFERENT for ${username}: full ${ref.keys.length} events, narrowed ${last.keys.length}`);
        }
        console.log(
          `${username.padEnd(12)} ${label.padEnd(9)} wall p50 ${pct(wall, 50).toFixed(1).padStart(7)} ms p95 ${pct(wall, 95).toFixed(1).padStart(7)} ms  cpu p50 ${pct(cpu, 50).toFixed(1).padStart(7)} ms p95 ${pct(cpu, 95).toFixed(1).padStart(7)} ms  events ${last.keys.length}${label === 'full' ? `  open reports loaded ${last.loaded}` : ''}`,
        );
      }
    }
    console.log(`inbox_bench same_answer=${same ? 'yes' : 'NO'}`);
    if (!same) process.exitCode = 1;
  } finally {
    await app.close();
    await ds.destroy().catch(() => undefined);
    if (process.env['BENCH_KEEP'] !== '1') await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    await admin.end();
  }
}

void main();
