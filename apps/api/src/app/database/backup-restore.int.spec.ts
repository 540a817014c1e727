import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { testConfig } from '../../testing/test-config';
import { createApp } from '../app.factory';
import { DeadlineService } from '../deadlines/deadline.service';
import { openDataSource } from './data-source';

const root = resolve(__dirname, '../../../../..');
const tool = (name: 'backup' | 'restore', args: string[], databaseUrl: string) =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', join(root, 'tools', `${name}.ts`), ...args], {
    cwd: root,
    // As package.json runs them (the restore loads the migrations, whose entities use decorators).
    env: { ...process.env, DATABASE_URL: databaseUrl, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('npm run backup / npm run restore (database)', () => {
  let source: TestApp;
  let target: TestDatabase;
  let reportId: string;
  let before: { version: number; state: string };
  const dir = mkdtempSync(join(tmpdir(), 'tk-backup-'));
  const file = join(dir, 'trinhky.tkbak');

  beforeAll(async () => {
    source = await startTestApp();
    // The audit key is not in the backup (README): the restoring site keeps its own copy of it.
    copyFileSync(join(source.dataDir, 'audit-key'), join(dir, 'audit-key'));
    const h = { Authorization: `Bearer ${await source.login('vhxh.truong')}` };
    const cv = { Authorization: `Bearer ${await source.login('vhxh.cv')}` };
    const created = await source
      .http()
      .post('/api/reports')
      .set(h)
      .send({ templateCode: 'CCHC_QUY', period: { kind: 'quarter', year: 2027, index: 3 }, deadline: '2027-09-20' })
      .expect(201);
    reportId = created.body.id;
    let v = (
      await source
        .http()
        .post(`/api/reports/${reportId}/events`)
        .set(h)
        .send({ type: 'open_collection', expectedVersion: created.body.version })
        .expect(200)
    ).body.version;
    const section = created.body.sections.find((s: { unit: { code: string } }) => s.unit.code === 'VHXH');
    v = (
      await source
        .http()
        .post(`/api/reports/${reportId}/events`)
        .set(cv)
        .send({ type: 'start_drafting', sectionId: section.id, expectedVersion: v })
        .expect(200)
    ).body.version;
    await source
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(cv)
      .send({ type: 'submit_section', sectionId: section.id, expectedVersion: v, comment: 'Nộp phần – có dấu “tiếng Việt”' })
      .expect(200);
    await source.app.get(DeadlineService).anchorChanged();
    before = (await source.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
    target = await createTestDatabase(undefined, { empty: true });
  });
  afterAll(async () => {
    await source.close();
    await target.drop();
  });

  it('backs up with the real script and restores into a new database whose audit chains verify', async () => {
    const backup = tool('backup', [file], source.db.url);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain('Đã sao lưu');
    expect(backup.stdout).toContain('audit-key'); // the key files must be backed up separately
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const restore = tool('restore', [file], target.url);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    await expectRestored(target.url);
  });

  it('replaces an existing database only with --force, and the result still verifies', async () => {
    const refused = tool('restore', [file], target.url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--force');
    const forced = tool('restore', [file, '--force'], target.url);
    expect(forced.status).toBe(0);
    await expectRestored(target.url);
  });

  it('refuses a file that is not a backup, or a truncated one, with a clear message and changes nothing', async () => {
    const junk = join(dir, 'notes.txt');
    writeFileSync(junk, 'không phải bản sao lưu\n');
    const r1 = tool('restore', [junk, '--force'], target.url);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toContain('không phải bản sao lưu Trình Ký');
    const cut = join(dir, 'cut.tkbak');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r2 = tool('restore', [cut, '--force'], target.url);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/bị hỏng|không đầy đủ/);
    await expectRestored(target.url); // untouched
  });

  /** Opens the API on the restored database: data there, chains verify, triggers still bite. */
  async function expectRestored(url: string): Promise<void> {
    const ds = await openDataSource(url);
    const app = await createApp(testConfig(dir, url), ds, { logger: false });
    await app.init();
    try {
      const http = () => request(app.getHttpServer());
      const login = await http().post('/api/auth/login').send({ username: 'vhxh.truong', password: 'demo' }).expect(200);
      const h = { Authorization: `Bearer ${login.body.accessToken}` };
      const detail = (await http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
      expect({ version: detail.version, state: detail.state }).toEqual({ version: before.version, state: before.state });
      expect((await http().get(`/api/reports/${reportId}/audit/verify`).set(h).expect(200)).body).toMatchObject({ ok: true });
      expect((await http().get('/api/audit/verify').set(h).expect(200)).body).toMatchObject({ ok: true, reports: 2, problems: [] });
      const audit = (await http().get(`/api/reports/${reportId}/audit?limit=200`).set(h).expect(200)).body.items as {
        comment: string | null;
      }[];
      expect(audit.map((e) => e.comment)).toContain('Nộp phần – có dấu “tiếng Việt”');
      await expect(ds.query(`UPDATE audit_entries SET summary = 'x' WHERE report_id = $1`, [reportId])).rejects.toThrow(/append-only/);
      // Sequences go on after the restored ids.
      const [{ max }] = await ds.query('SELECT max(id)::int AS max FROM outbox');
      const [{ id }] = await ds.query(
        `INSERT INTO outbox (organisation_id, topic, payload, delivered_at) SELECT organisation_id, 'ops.test', '{}', now() FROM reports LIMIT 1 RETURNING id::int`,
      );
      expect(id).toBeGreaterThan(max ?? 0);
    } finally {
      await app.close();
      await ds.destroy();
    }
  }
});
