import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { lifecycleClient } from '../../testing/http-client';
import { LIFECYCLE_USERS, createReport, driveToSigned, send } from '../../testing/lifecycle';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { APP_CONFIG } from '../common/tokens';
import type { AppConfig } from '../config';
import { NotificationsService } from '../notifications/notifications.service';
import { AnchorService } from './anchor.service';

/**
 * `npm run audit:verify` (tools/audit-verify.ts) checks a receiving agency's incoming log (sổ văn bản
 * đến) as the API's `verifyIncomingLog` does: an entry edited in the database (the append-only trigger
 * bypassed) is named, the run exits 1; the log put back, it exits 0 again.
 */
describe('the audit CLI over the Sở’s incoming log (database)', () => {
  let t: TestApp;
  let snv: string;
  const cli = () =>
    spawnSync(process.execPath, ['-r', '@swc-node/register', resolve(__dirname, '../../../../../tools/audit-verify.ts')], {
      env: { ...process.env, DATABASE_URL: t.db.url, DATA_DIR: t.app.get<AppConfig>(APP_CONFIG).dataDir },
      encoding: 'utf8',
    });
  const asSuperuser = async (sql: string, params: unknown[]): Promise<void> => {
    await t.ds.query('ALTER TABLE incoming_log DISABLE TRIGGER USER');
    try {
      await t.ds.query(sql, params);
    } finally {
      await t.ds.query('ALTER TABLE incoming_log ENABLE TRIGGER USER');
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    const c = await lifecycleClient(t, LIFECYCLE_USERS);
    // An Bình dispatches a report: the outbox delivers it into the Sở's incoming register (its log's first step).
    const r = await createReport(c, { kind: 'quarter', year: 2096, index: 1 }, '2096-03-20');
    let v = await driveToSigned(c, r.id, r.version);
    v = await send(c, 'vanthu', r.id, v, 'issue');
    await send(c, 'vanthu', r.id, v, 'dispatch');
    await t.app.get(NotificationsService).flush();
    await t.app.get(NotificationsService).flush();
    snv = (await t.ds.query(`SELECT id FROM organisations WHERE name = 'Sở Nội vụ tỉnh Đông Hòa'`))[0].id;
    // Anchored, so the CLI also holds the log to the head its newest anchor sealed.
    await t.app.get(AnchorService).anchor(snv);
  }, 300_000);
  afterAll(() => t.close());

  it('names a tampered entry of the incoming log and exits 1; exits 0 once it is put back', async () => {
    const [step] = await t.ds.query('SELECT seq, summary FROM incoming_log WHERE organisation_id = $1 ORDER BY seq LIMIT 1', [snv]);
    expect(step).toMatchObject({ seq: 1 });
    const clean = cli();
    expect(clean.stdout).toContain(`✓ cơ quan ${snv} Sở Nội vụ tỉnh Đông Hòa: sổ văn bản đến 1 mục, chuỗi nguyên vẹn`);
    expect([clean.status, clean.stdout]).toEqual([0, expect.not.stringContaining('✗')]);

    await asSuperuser('UPDATE incoming_log SET summary = $2 WHERE organisation_id = $1 AND seq = 1', [snv, 'Đã sửa từ cơ sở dữ liệu']);
    const tampered = cli();
    expect(tampered.stdout).toContain(`✗ cơ quan ${snv} Sở Nội vụ tỉnh Đông Hòa: Sổ đến: mục 1 đã bị sửa.`);
    expect(tampered.status).toBe(1);

    await asSuperuser('UPDATE incoming_log SET summary = $2 WHERE organisation_id = $1 AND seq = 1', [snv, step.summary]);
    expect(cli().status).toBe(0);
  }, 180_000);

  it('names a log cut back behind the head its anchor sealed', async () => {
    const [last] = await t.ds.query('SELECT * FROM incoming_log WHERE organisation_id = $1 ORDER BY seq DESC LIMIT 1', [snv]);
    await asSuperuser('DELETE FROM incoming_log WHERE organisation_id = $1 AND seq = $2', [snv, last.seq]);
    try {
      const cut = cli();
      expect(cut.stdout).toContain(`Sổ đến: ngắn hơn hoặc khác với mốc neo của cơ quan (mục ${last.seq}).`);
      expect(cut.status).toBe(1);
    } finally {
      await asSuperuser(
        `INSERT INTO incoming_log (organisation_id, seq, at, entry_id, event, actor_id, actor_name, summary, prev_hash, hash, mac)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          snv,
          last.seq,
          last.at,
          last.entry_id,
          last.event,
          last.actor_id,
          last.actor_name,
          last.summary,
          last.prev_hash,
          last.hash,
          last.mac,
        ],
      );
    }
    expect(cli().status).toBe(0);
  }, 180_000);
});
