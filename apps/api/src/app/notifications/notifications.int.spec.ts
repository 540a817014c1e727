import { get } from 'node:http';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { NotificationsService } from './notifications.service';

describe('notifications, inbox and live stream (database)', () => {
  let t: TestApp;
  let port: number;
  let reportId: string;
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as { port: number }).port;
    reportId = (
      await t
        .http()
        .get('/api/reports')
        .set(await as('hcc.cv'))
        .expect(200)
    ).body.items[0].id;
  });
  afterAll(() => t.close());

  it('lists what needs my action now, with deadlines', async () => {
    const page = (
      await t
        .http()
        .get('/api/inbox')
        .set(await as('hcc.cv'))
        .expect(200)
    ).body;
    expect(page).toMatchObject({ total: 1, limit: 50, offset: 0, overdue: 0 });
    const items = page.items;
    expect(items).toEqual([
      expect.objectContaining({
        reportId,
        sectionTitle: '2. Cải cách thủ tục hành chính',
        events: [expect.objectContaining({ type: 'start_drafting' })],
        overdue: false,
      }),
    ]);
    expect(items[0].deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      (
        await t
          .http()
          .get('/api/inbox')
          .set(await as('pct.vhxh'))
          .expect(200)
      ).body,
    ).toMatchObject({ items: [], total: 0, requests: [] });
  });

  it('pushes a committed change to a server-sent-events stream', async () => {
    const token = await t.login('vhxh.truong');
    const received = new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = get(`http://127.0.0.1:${port}/api/notifications/stream?access_token=${token}`, (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        let buf = '';
        res.on('data', (chunk: Buffer) => {
          buf += chunk.toString();
          for (const line of buf.split('\n')) {
            if (!line.startsWith('data: ')) continue;
            const data = JSON.parse(line.slice(6));
            if (data.type === 'report.changed') {
              req.destroy();
              resolve(data);
            }
          }
        });
      });
      req.on('error', reject);
      setTimeout(() => reject(new Error('no event within 10 s')), 10_000);
    });
    await new Promise((r) => setTimeout(r, 200)); // let the stream subscribe
    const d = (
      await t
        .http()
        .get(`/api/reports/${reportId}`)
        .set(await as('hcc.cv'))
    ).body;
    const hcc = d.sections.find((s: { code: string }) => s.code === 'II.2');
    const res = await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(await as('hcc.cv'))
      .send({ type: 'start_drafting', sectionId: hcc.id, expectedVersion: d.version })
      .expect(200);
    expect(await received).toMatchObject({ type: 'report.changed', reportId, version: res.body.version });
  });

  it('writes notifications through the outbox; a failing row is retried later and does not hold the others', async () => {
    const notifications = t.app.get(NotificationsService);
    const orgId = (await t.ds.query('SELECT organisation_id FROM reports WHERE id = $1', [reportId]))[0].organisation_id;
    await notifications.flush();
    await t.ds.query(`INSERT INTO outbox (organisation_id, topic, payload) VALUES ($1, 'no.such.topic', '{}')`, [orgId]);
    const d = (
      await t
        .http()
        .get(`/api/reports/${reportId}`)
        .set(await as('hcc.cv'))
    ).body;
    const hcc = d.sections.find((s: { code: string }) => s.code === 'II.2');
    await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(await as('hcc.cv'))
      .send({ type: 'submit_section', sectionId: hcc.id, expectedVersion: d.version })
      .expect(200);
    await notifications.flush();
    const rows: { topic: string; delivered_at: Date | null; attempts: number; last_error: string | null; next_attempt_at: Date }[] =
      await t.ds.query('SELECT * FROM outbox ORDER BY id');
    const bad = rows.find((r) => r.topic === 'no.such.topic');
    expect(bad).toMatchObject({ delivered_at: null, attempts: 1, last_error: expect.stringContaining('unknown outbox topic') });
    expect(bad?.last_error).toMatch(/^Lỗi kỹ thuật khi gửi; hệ thống sẽ tự gửi lại\. Chi tiết: /);
    expect(bad && bad.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    expect(rows.filter((r) => r.topic === 'notify').every((r) => r.delivered_at !== null)).toBe(true);
    // The compiler unit hears that the section was submitted.
    const inbox = (
      await t
        .http()
        .get('/api/notifications')
        .set(await as('vhxh.truong'))
        .expect(200)
    ).body.items;
    expect(inbox.map((n: { message: string }) => n.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('2. Cải cách thủ tục hành chính')]),
    );
  });
});
