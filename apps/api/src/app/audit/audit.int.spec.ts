import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { APP_CONFIG } from '../common/tokens';
import type { AppConfig } from '../config';
import { DeadlineService } from '../deadlines/deadline.service';

describe('audit log (database)', () => {
  let t: TestApp;
  let reportId: string;
  let h: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    h = { Authorization: `Bearer ${await t.login('vhxh.truong')}` };
    reportId = (await t.http().get('/api/reports').set(h).expect(200)).body.items[0].id;
    // A few more transitions so the chain has length.
    const d = (
      await t
        .http()
        .get(`/api/reports/${reportId}`)
        .set({ Authorization: `Bearer ${await t.login('vhxh.cv')}` })
    ).body;
    let v = d.version;
    for (const s of d.sections.filter((x: { unit: { code: string } }) => x.unit.code === 'VHXH').slice(0, 2)) {
      v = (
        await t
          .http()
          .post(`/api/reports/${reportId}/events`)
          .set({ Authorization: `Bearer ${await t.login('vhxh.cv')}` })
          .send({ type: 'start_drafting', sectionId: s.id, expectedVersion: v })
          .expect(200)
      ).body.version;
    }
  });
  afterAll(() => t.close());

  const verify = async () => (await t.http().get(`/api/reports/${reportId}/audit/verify`).set(h).expect(200)).body;
  /** The whole chain, oldest first (the API pages it newest first). */
  const entries = async () => {
    const page = (await t.http().get(`/api/reports/${reportId}/audit?limit=200`).set(h).expect(200)).body;
    expect(page.items).toHaveLength(page.total);
    return (page.items as { id: string; seq: number }[]).reverse();
  };

  it('pages the chain newest first: total is the chain, pages are disjoint; bad paging is a 400 in Vietnamese', async () => {
    const all = await entries();
    expect(all.length).toBeGreaterThanOrEqual(4);
    const p1 = (await t.http().get(`/api/reports/${reportId}/audit?limit=2`).set(h).expect(200)).body;
    const p2 = (await t.http().get(`/api/reports/${reportId}/audit?limit=2&offset=2`).set(h).expect(200)).body;
    expect(p1).toMatchObject({ total: all.length, limit: 2, offset: 0 });
    expect(p2).toMatchObject({ total: all.length, limit: 2, offset: 2 });
    const seqs = [...p1.items, ...p2.items].map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(
      [...all]
        .reverse()
        .slice(0, 4)
        .map((e) => e.seq),
    ); // newest first, page 2 goes on from page 1
    // Past the end: no entry, the total still counts the whole chain.
    const past = (await t.http().get(`/api/reports/${reportId}/audit?limit=2&offset=${all.length}`).set(h).expect(200)).body;
    expect(past).toEqual({ items: [], total: all.length, limit: 2, offset: all.length });
    for (const [bad, reason] of [
      ['limit=0', 'mỗi trang ít nhất 1 dòng'],
      ['offset=-1', 'vị trí bắt đầu không âm'],
      ['limit=201', 'mỗi trang tối đa 200 dòng'],
    ])
      expect((await t.http().get(`/api/reports/${reportId}/audit?${bad}`).set(h).expect(400)).body.message).toContain(reason);
    expect((await entries()).length).toBe(all.length);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit rows in the database', async () => {
    await expect(t.ds.query(`UPDATE audit_entries SET summary = 'x' WHERE report_id = $1`, [reportId])).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_entries WHERE report_id = $1`, [reportId])).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`TRUNCATE audit_entries`)).rejects.toThrow(/append-only/);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('names the first broken entry after an edit made directly in SQL', async () => {
    const list = await entries();
    expect(list.length).toBeGreaterThanOrEqual(4);
    await t.ds.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
    await t.ds.query(`UPDATE audit_entries SET comment = 'sửa trực tiếp' WHERE id = $1`, [list[2].id]);
    await t.ds.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
    expect(await verify()).toEqual({ ok: false, entries: list.length, firstBrokenEntryId: list[2].id, reason: expect.any(String) });
    // The CLI says the same, with a non-zero exit code.
    const cli = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', resolve(__dirname, '../../../../../tools/audit-verify.ts'), '--report', reportId],
      {
        env: { ...process.env, DATABASE_URL: t.db.url, DATA_DIR: t.app.get<AppConfig>(APP_CONFIG).dataDir },
        encoding: 'utf8',
      },
    );
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(list[2].id);
  });

  it('detects a deleted entry and a deleted report through the organisation anchor', async () => {
    const sweeper = t.app.get(DeadlineService);
    // The demo province's organisations have logs of their own: anchor them first.
    await sweeper.anchorChanged();
    // Another report whose chain we will delete entirely.
    const created = await t
      .http()
      .post('/api/reports')
      .set(h)
      .send({ templateCode: 'CCHC_QUY', period: { kind: 'quarter', year: 2027, index: 1 }, deadline: '2027-03-20' })
      .expect(201);
    // The periodic sweep anchors every organisation whose log grew, and only those: the commune, then
    // its Sở Nội vụ (which received the commune's witness), then the UBND tỉnh above it (the Sở's witness).
    expect(await sweeper.anchorChanged()).toBe(3);
    expect(await sweeper.anchorChanged()).toBe(0);
    expect([
      ...new Set((await t.http().get('/api/audit/verify').set(h).expect(200)).body.problems.map((p: { reportId: string }) => p.reportId)),
    ]).toEqual([reportId]);

    await t.ds.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
    await t.ds.query('DELETE FROM audit_entries WHERE report_id = $1', [created.body.id]);
    await t.ds.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
    await t.ds.query('DELETE FROM sections WHERE report_id = $1', [created.body.id]);
    await t.ds.query('DELETE FROM reports WHERE id = $1', [created.body.id]);
    const org = (await t.http().get('/api/audit/verify').set(h).expect(200)).body;
    expect(org.ok).toBe(false);
    expect(org.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ reportId: created.body.id, reason: expect.stringMatching(/xóa/) })]),
    );
  });
});
