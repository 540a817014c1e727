import { chmodSync, mkdtempSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

/**
 * Issue 9, defects 2 and 8: a PostgreSQL restart under load. While the server is down every request,
 * health included, answers 503 quickly with a message in words (not a 500, never a hang); once it is
 * back requests succeed again and a live-update stream opened before the restart is told to resync
 * and then receives the events pushed after it.
 */
describe('database restart under load (own embedded PostgreSQL)', () => {
  let dir: string;
  let server: EmbeddedDatabase;
  let t: TestApp;
  let base: string;
  let stream: IncomingMessage;
  let received = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tk-restart-pg-'));
    chmodSync(dir, 0o755);
    server = await startEmbeddedPostgres(dir);
    process.env['LISTEN_RETRY_MAX_MS'] = '1000';
    t = await startTestApp({ server: server.url, pool: { poolWaitMs: 2000 } });
    await t.app.listen(0, '127.0.0.1');
    const addr = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${addr.port}`;
  }, 120_000);

  afterAll(async () => {
    stream?.destroy();
    delete process.env['LISTEN_RETRY_MAX_MS'];
    await t?.close().catch(() => undefined);
    await server?.stop();
  }, 120_000);

  const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('answers 503 during the outage, recovers after it, and the live stream resumes', async () => {
    const h = { Authorization: `Bearer ${await t.login('vp.cv')}` };
    const reportId = (await t.http().get('/api/reports').set(h).expect(200)).body.items[0].id as string;
    stream = await new Promise<IncomingMessage>((resolve, reject) => {
      get(`${base}/api/notifications/stream?access_token=${encodeURIComponent(h.Authorization.slice(7))}`, resolve).on('error', reject);
    });
    expect(stream.statusCode).toBe(200);
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (received += chunk));

    // Load while the server goes away: every request ends, none with a 500.
    const load = Array.from({ length: 20 }, () => t.http().get('/api/reports').set(h).timeout(15_000));
    await server.stop();
    const loaded = await Promise.all(load);
    for (const r of loaded) expect([200, 503]).toContain(r.status);

    for (const path of ['/api/reports', `/api/reports/${reportId}`, '/api/inbox']) {
      const started = Date.now();
      const res = await t.http().get(path).set(h).timeout(10_000);
      expect({ path, status: res.status }).toEqual({ path, status: 503 });
      expect(res.body).toMatchObject({ statusCode: 503, message: expect.stringMatching(/Cơ sở dữ liệu tạm thời không truy cập được/) });
      expect(Date.now() - started).toBeLessThan(5000);
    }
    const write = await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'start_drafting', sectionId: reportId, expectedVersion: 1 })
      .timeout(10_000);
    expect(write.status).toBe(503);
    const startedHealth = Date.now();
    const health = await t.http().get('/api/health').timeout(10_000);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'down', database: { status: 'down', kind: 'external' }, outbox: { backlog: null } });
    expect(Date.now() - startedHealth).toBeLessThan(5000);

    server = await startEmbeddedPostgres(dir, undefined, { port: server.port });
    await until('requests to succeed again', async () => (await t.http().get('/api/reports').set(h).timeout(10_000)).status === 200);
    await until(
      'the listener to be back',
      async () => (await t.http().get('/api/health').timeout(10_000)).body?.listener?.status === 'listening',
    );
    await until('a resync on the stream', () => received.includes('"type":"resync"'));
    expect((await t.http().get('/api/health').expect(200)).body).toMatchObject({ status: 'ok', database: { status: 'up' } });

    // An event pushed after the restart reaches the stream opened before it.
    const before = received.length;
    const r = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
    const vp = r.sections.find((s: { code: string }) => s.code === 'II.1');
    await t
      .http()
      .post(`/api/reports/${reportId}/events`)
      .set(h)
      .send({ type: 'start_drafting', sectionId: vp.id, expectedVersion: r.version })
      .expect(200);
    await until('the pushed event', () => received.slice(before).includes(`"reportId":"${reportId}"`), 15_000);
  }, 180_000);
});
