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

  it('delivers notify rows in one statement to the users each targets; a bad one falls back row by row and holds none', async () => {
    const notifications = t.app.get(NotificationsService);
    await notifications.flush();
    const [{ organisation_id: orgId }] = await t.ds.query('SELECT organisation_id FROM reports WHERE id = $1', [reportId]);
    const users: { id: string; roles: string[]; unit_code: string | null }[] = await t.ds.query(
      'SELECT id, roles, unit_code FROM users WHERE organisation_id = $1 AND active',
      [orgId],
    );
    const one = users[0].id;
    const enqueue = async (to: object, i: number): Promise<string> => {
      const [row] = await t.ds.query(`INSERT INTO outbox (organisation_id, topic, payload) VALUES ($1, 'notify', $2) RETURNING id::text`, [
        orgId,
        JSON.stringify({ reportId, to, message: `Thông báo thử ${i}` }),
      ]);
      return row.id as string;
    };
    const got = async (id: string): Promise<string[]> =>
      (await t.ds.query('SELECT user_id FROM notifications WHERE outbox_id = $1 ORDER BY user_id', [id])).map(
        (r: { user_id: string }) => r.user_id,
      );
    const want = (f: (u: (typeof users)[number]) => boolean) =>
      users
        .filter(f)
        .map((u) => u.id)
        .sort();
    const state = async (ids: string[]) =>
      (await t.ds.query('SELECT delivered_at, attempts, last_error FROM outbox WHERE id = ANY($1::bigint[]) ORDER BY id', [ids])) as {
        delivered_at: Date | null;
        attempts: number;
        last_error: string | null;
      }[];
    // Good rows only: the one statement delivers them.
    const ids = [
      await enqueue({ userId: one }, 0),
      await enqueue({ role: 'drafter', unit: 'VHXH' }, 1),
      await enqueue({ role: 'clerk' }, 2),
    ];
    await notifications.flush();
    expect(await got(ids[0])).toEqual([one]);
    expect(await got(ids[1])).toEqual(want((u) => u.roles.includes('drafter') && u.unit_code === 'VHXH'));
    expect((await got(ids[1])).length).toBeGreaterThan(0);
    expect(await got(ids[2])).toEqual(want((u) => u.roles.includes('clerk')));
    expect((await state(ids)).every((r) => r.delivered_at !== null && r.attempts === 1)).toBe(true);
    // A user who does not exist makes the statement fail: row by row, the good one is delivered, the bad one retried later.
    const bad = await enqueue({ userId: '00000000-0000-4000-8000-000000000000' }, 3);
    const good = await enqueue({ role: 'clerk' }, 4);
    await notifications.flush();
    const [b, g] = await state([bad, good]);
    expect(b).toMatchObject({ delivered_at: null, attempts: 1, last_error: expect.stringContaining('Lỗi kỹ thuật khi gửi') });
    expect(g.delivered_at).not.toBeNull();
    expect(await got(bad)).toEqual([]);
    expect(await got(good)).toEqual(want((u) => u.roles.includes('clerk')));
  });
});
