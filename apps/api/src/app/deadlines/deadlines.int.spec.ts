import { NotificationsService } from '../notifications/notifications.service';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { overdueAt, reminderAt } from './deadline-schedule';
import { DeadlineService } from './deadline.service';

describe('deadlines (database)', () => {
  let t: TestApp;
  let reportId: string;
  beforeAll(async () => {
    t = await startTestApp({ seed: 'organisation' });
    const h = { Authorization: `Bearer ${await t.login('vhxh.truong')}` };
    const r = await t
      .http()
      .post('/api/reports')
      .set(h)
      .send({ templateCode: 'CCHC_QUY', period: { kind: 'quarter', year: 2026, index: 1 }, deadline: '2026-03-20' })
      .expect(201);
    reportId = r.body.id;
    await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'open_collection', expectedVersion: r.body.version })
      .expect(200);
  });
  afterAll(() => t.close());

  it('schedules reminders two working days before, at 08:00 Vietnam time, and overdue after the day', () => {
    expect(reminderAt('2026-03-20').toISOString()).toBe('2026-03-18T01:00:00.000Z');
    expect(overdueAt('2026-03-20').toISOString()).toBe('2026-03-20T17:00:00.000Z');
  });

  it('sends reminders, then overdue, once each — and a restarted sweeper loses nothing and repeats nothing', async () => {
    const sweeper = t.app.get(DeadlineService);
    const beforeReminders = new Date('2026-03-01T00:00:00Z');
    expect(await sweeper.sweep(beforeReminders)).toBe(0);

    // The section deadlines fall before the report's: at the report's reminder time every section is due.
    const reminders = await sweeper.sweep(new Date('2026-03-18T02:00:00Z'));
    expect(reminders).toBe(12); // 11 sections + the report
    const audit: { event: string }[] = await t.ds.query('SELECT event FROM audit_entries WHERE report_id = $1', [reportId]);
    expect(audit.filter((a) => a.event === 'reminder').length + audit.filter((a) => a.event === 'overdue').length).toBe(12);

    // "Restart": a second application on the same database, with a fresh sweeper.
    await t.app.close();
    const { createApp } = await import('../app.factory');
    const again = await createApp(
      {
        port: 0,
        dataDir: '/tmp',
        databaseUrl: t.db.url,
        demoSeed: false,
        authSecret: 'x'.repeat(20),
        tokenTtl: 60,
        webRoot: null,
        sweepIntervalMs: 0,
        renderWorkers: 0,
      },
      t.ds,
      { logger: false },
    );
    await again.init();
    t.app = again;
    const after = await again.get(DeadlineService).sweep(new Date('2026-03-21T00:00:00Z'));
    expect(after).toBeGreaterThan(0);
    expect(await again.get(DeadlineService).sweep(new Date('2026-03-22T00:00:00Z'))).toBe(0);
    const overdue: { n: string }[] = await t.ds.query('SELECT count(*) AS n FROM sections WHERE report_id = $1 AND overdue', [reportId]);
    expect(Number(overdue[0].n)).toBe(11);
    const report = (await t.ds.query('SELECT overdue, next_reminder_at FROM reports WHERE id = $1', [reportId]))[0];
    expect(report).toEqual({ overdue: true, next_reminder_at: null });

    // Reminders reach the inbox of the people concerned, through the outbox.
    await again.get(NotificationsService).flush();
    const undelivered = await t.ds.query('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL');
    expect(Number(undelivered[0].n)).toBe(0);
    const notes: { n: string }[] = await t.ds.query('SELECT count(*) AS n FROM notifications');
    expect(Number(notes[0].n)).toBeGreaterThan(0);
  });
});
