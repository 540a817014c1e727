import { startTestApp, type TestApp } from '../../testing/test-app';
import { defaultPoolSize } from '../database/data-source';

/**
 * Issue 9, defect 1: a handler that takes a second pool connection inside its transaction wedges
 * the API once a pool's worth of such requests run at once. These tests run the real API under
 * concurrency and with the smallest pools, where such a handler cannot complete.
 */
const body = (year: number, index: number) => ({
  templateCode: 'CCHC_QUY',
  period: { kind: 'quarter', year, index },
  deadline: `${year}-12-20`,
});

describe('concurrency (database)', () => {
  describe('with a pool of one connection', () => {
    let t: TestApp;
    beforeAll(async () => {
      // A request waiting for a second connection would wait for the one it holds: with a bounded wait
      // it fails with 503, without one it hangs. Either way the assertions below fail.
      t = await startTestApp({ pool: { size: 1, poolWaitMs: 3000 } });
    });
    afterAll(() => t.close());

    it('opens a report (the transaction builds the detail view on its own connection)', async () => {
      const h = { Authorization: `Bearer ${await t.login('vhxh.truong')}` };
      const res = await t.http().post('/api/reports').set(h).send(body(2031, 1));
      expect(res.status).toBe(201);
      expect(res.body.sections.length).toBeGreaterThan(0);
      expect(res.body.sections.some((s: { assignee?: unknown }) => s.assignee)).toBe(true);
    });
  });

  describe('with the default pool', () => {
    let t: TestApp;
    let h: Record<string, string>;
    beforeAll(async () => {
      t = await startTestApp({ pool: { size: defaultPoolSize() } });
      h = { Authorization: `Bearer ${await t.login('vhxh.truong')}` };
    });
    afterAll(() => t.close());

    it('32 concurrent report openings all answer (2xx/4xx, none hangs) and health answers during and after', async () => {
      // Reports of one period may coexist (the domain does not forbid it); half get a deadline before
      // the data cut-off, a clear 400, so refusals run concurrently with successes.
      const started = Date.now();
      const creations = Array.from({ length: 32 }, (_, i) =>
        t
          .http()
          .post('/api/reports')
          .set(h)
          .send(i % 2 ? body(2032 + (i % 4), 1 + (i % 4)) : { ...body(2032, 4), deadline: '2032-01-02' })
          .timeout(30_000),
      );
      const during = t.http().get('/api/health').timeout(10_000);
      const results = await Promise.all(creations);
      const health = await during;
      expect(health.status).toBe(200);
      expect(results.map((r) => r.status).sort()).toEqual([...Array(16).fill(201), ...Array(16).fill(400)].sort());
      for (const r of results.filter((x) => x.status === 400)) expect(r.body.message).toMatch(/Hạn nộp phải sau ngày chốt số liệu/);
      expect(Date.now() - started).toBeLessThan(30_000);
      const after = await t.http().get('/api/health').timeout(5000).expect(200);
      expect(after.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
      const stuck = await t.ds.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`,
      );
      expect(stuck[0].n).toBe(0);
      const n = await t.ds.query(`SELECT count(*)::int AS n FROM reports WHERE period_year >= 2032`);
      expect(n[0].n).toBe(16);
    });

    it('64 conflicting events on one report: exactly one winner, 63 clear 409s, one audit entry', async () => {
      // The sequential case (a stale expectedVersion) is in reports.int.spec.ts; this is the race.
      const list = await t.http().get('/api/reports').set(h).expect(200);
      const reportId = list.body.items.find((r: { state: string }) => r.state === 'collecting').id;
      const cv = { Authorization: `Bearer ${await t.login('vp.cv')}` };
      const r = (await t.http().get(`/api/reports/${reportId}`).set(cv).expect(200)).body;
      const vp = r.sections.find((s: { code: string }) => s.code === 'II.1');
      const auditBefore = (await t.ds.query('SELECT count(*)::int AS n FROM audit_entries WHERE report_id = $1', [reportId]))[0].n;
      const results = await Promise.all(
        Array.from({ length: 64 }, () =>
          t
            .http()
            .post(`/api/reports/${reportId}/events`)
            .set(cv)
            .send({ type: 'start_drafting', sectionId: vp.id, expectedVersion: r.version })
            .timeout(30_000),
        ),
      );
      const statuses = results.map((x) => x.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(63);
      for (const x of results.filter((y) => y.status === 409)) {
        expect(x.body).toMatchObject({ statusCode: 409, version: r.version + 1 });
        expect(x.body.message).toMatch(/người khác cập nhật/);
      }
      const after = (
        await t.ds.query('SELECT version, (SELECT count(*)::int FROM audit_entries WHERE report_id = $1) AS n FROM reports WHERE id = $1', [
          reportId,
        ])
      )[0];
      expect(after).toEqual({ version: r.version + 1, n: auditBefore + 1 });
      expect((await t.http().get(`/api/reports/${reportId}/audit/verify`).set(cv).expect(200)).body.ok).toBe(true);
    });
  });
});
