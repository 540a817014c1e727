import type { INestApplication } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { testConfig } from '../../testing/test-config';
import { createApp } from '../app.factory';
import type { AppConfig } from '../config';
import { openDataSource } from '../database/data-source';
import { SeedService } from '../seed/seed.service';
import type { ObservabilityOptions } from './observability';

const config = (db: TestDatabase): AppConfig => testConfig(mkdtempSync(join(tmpdir(), 'tk-test-obs-')), db.url);

describe('logs and metrics (database)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let app: INestApplication;
  const lines: string[] = [];
  const logged = (): Record<string, unknown>[] => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const open = async (opts: ObservabilityOptions): Promise<INestApplication> => {
    const a = await createApp(config(db), ds, opts);
    await a.init();
    return a;
  };
  let token: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openDataSource(db.url);
    app = await open({
      logger: false,
      log: { level: 'info', destination: { write: (s: string) => void lines.push(s) } },
      metricsToken: '',
    });
    await app.get(SeedService).seedIfEmpty();
    token = (await http().post('/api/auth/login').send({ username: 'vhxh.truong', password: 'demo' }).expect(200)).body.accessToken;
  });
  afterAll(async () => {
    await app.close();
    await ds.destroy();
    await db.drop();
  });

  it('writes one JSON line per request with its id, echoes X-Request-Id, and never logs the token or a password', async () => {
    lines.length = 0;
    const res = await http().get('/api/reports').set('Authorization', `Bearer ${token}`).set('X-Request-Id', 'ops-test-42').expect(200);
    expect(res.headers['x-request-id']).toBe('ops-test-42');
    // A token in a URL is accepted only by the event stream; here it rides along beside the header, to prove it is masked in the log.
    const generated = await http()
      .get(`/api/reports?access_token=${token}`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', 'bad id with spaces')
      .expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await http().post('/api/auth/login').send({ username: 'vhxh.truong', password: 'demo-wrong-pass' }).expect(401);

    const entries = logged();
    const first = entries.find((e) => e['reqId'] === 'ops-test-42');
    expect(first).toMatchObject({
      level: 'info',
      req: { method: 'GET', url: '/api/reports' },
      res: { statusCode: 200 },
      service: 'trinh-ky-api',
    });
    expect(typeof first?.['responseTime']).toBe('number');
    const second = entries.find((e) => e['reqId'] === generated.headers['x-request-id']);
    expect((second?.['req'] as { url: string }).url).toBe('/api/reports?access_token=[Redacted]');
    const all = lines.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain('demo-wrong-pass');
    expect(all.toLowerCase()).not.toContain('bearer');
  });

  it('logs a 500 with the stack and the request id of the request that failed', async () => {
    const errors = await open({ log: { level: 'info', destination: { write: (s: string) => void lines.push(s) } } });
    try {
      lines.length = 0;
      await ds.query('ALTER TABLE register_entries RENAME TO register_entries_gone');
      const res = await request(errors.getHttpServer())
        .get('/api/register')
        .set('Authorization', `Bearer ${token}`)
        .set('X-Request-Id', 'ops-500');
      expect(res.status).toBeGreaterThanOrEqual(500);
      const error = logged().find((e) => e['context'] === 'Error');
      expect(error).toMatchObject({ level: 'error', reqId: 'ops-500' });
      expect(String(error?.['msg'])).toContain('register_entries');
      expect(logged().find((e) => e['req'] && e['reqId'] === 'ops-500')).toMatchObject({ level: 'error', res: { statusCode: res.status } });
    } finally {
      await ds.query('ALTER TABLE register_entries_gone RENAME TO register_entries');
      await errors.close();
    }
  });

  it('counts requests by route template and transitions by type and outcome, and reads outbox and pool at scrape', async () => {
    const h = { Authorization: `Bearer ${token}` };
    const created = await http()
      .post('/api/reports')
      .set(h)
      .send({ templateCode: 'CCHC_QUY', period: { kind: 'quarter', year: 2027, index: 2 }, deadline: '2027-06-20' })
      .expect(201);
    const id = created.body.id as string;
    await http()
      .post(`/api/reports/${id}/events`)
      .set(h)
      .send({ type: 'open_collection', expectedVersion: created.body.version })
      .expect(200);
    await http()
      .post(`/api/reports/${id}/events`)
      .set(h)
      .send({ type: 'open_collection', expectedVersion: created.body.version })
      .expect(409);
    await http().get(`/api/reports/${id}`).set(h).expect(200);

    const res = await http().get('/api/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    expect(text).toContain('tk_transitions_total{type="open_collection",outcome="ok"} 1');
    expect(text).toContain('tk_transitions_total{type="open_collection",outcome="refused"} 1');
    expect(text).toContain('tk_http_requests_total{method="POST",route="/api/reports/:id/events",status_class="2xx"} 1');
    expect(text).toContain('tk_http_requests_total{method="POST",route="/api/reports/:id/events",status_class="4xx"} 1');
    expect(text).toMatch(/tk_http_requests_total\{method="GET",route="\/api\/reports\/:id",status_class="2xx"\} [1-9]/);
    expect(text).toMatch(/tk_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/api\/reports\/:id\/events"\} 2/);
    expect(text).toMatch(/^tk_outbox_backlog \d+$/m);
    expect(text).toMatch(/^tk_outbox_oldest_age_seconds [\d.e+-]+$/m);
    expect(text).toMatch(/^tk_outbox_query_ok 1$/m);
    expect(text).toMatch(/^tk_db_pool_connections [1-9]\d*$/m);
    expect(text).toMatch(/^tk_db_pool_waiting 0$/m);
    expect(text).toMatch(/^tk_process_cpu_user_seconds_total /m);
    // Route templates only: no report id, no tenant data.
    expect(text).not.toContain(id);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    // An undelivered outbox row shows in the backlog at the next scrape.
    const before = Number(/^tk_outbox_backlog (\d+)$/m.exec(text)?.[1]);
    const org = (await ds.query('SELECT id FROM organisations LIMIT 1'))[0].id;
    await ds.query(
      `INSERT INTO outbox (organisation_id, topic, payload, next_attempt_at) VALUES ($1, 'ops.test', '{}', now() + interval '1 day')`,
      [org],
    );
    const after = (await http().get('/api/metrics').expect(200)).text;
    expect(Number(/^tk_outbox_backlog (\d+)$/m.exec(after)?.[1])).toBe(before + 1);
  });

  it('is no user endpoint: outside the OpenAPI document, refused through a proxy without METRICS_TOKEN', async () => {
    const doc = (await http().get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).some((p) => p.includes('metrics'))).toBe(false);
    const proxied = await http().get('/api/metrics').set('X-Forwarded-For', '203.0.113.7').expect(403);
    expect(proxied.body.message).toContain('METRICS_TOKEN');
  });

  it('requires the bearer METRICS_TOKEN when one is set (a user token is not enough)', async () => {
    const guarded = await open({ logger: false, metricsToken: 'scrape-secret-123' });
    try {
      const h = () => request(guarded.getHttpServer());
      expect((await h().get('/api/metrics').expect(401)).body.message).toContain('METRICS_TOKEN');
      await h().get('/api/metrics').set('Authorization', `Bearer ${token}`).expect(401);
      await h().get('/api/metrics').set('Authorization', 'Bearer scrape-secret-12').expect(401);
      expect((await h().get('/api/metrics').set('Authorization', 'Bearer scrape-secret-123').expect(200)).text).toContain(
        'tk_http_requests_total',
      );
    } finally {
      await guarded.close();
    }
  });
});
