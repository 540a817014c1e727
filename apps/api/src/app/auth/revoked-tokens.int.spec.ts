import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { ACCOUNT_REVOKED } from './auth.guard';

/**
 * Every operation of the OpenAPI document that needs a login, called with the token of a user who
 * was (a) deactivated through the admin API, (b) deleted from the database, (c) moved to another
 * organisation after logging in: each answers 401 with the Vietnamese reason. The same calls with the
 * user still active answer something other than 401, so the 401s come from the revocation.
 */
const PUBLIC = new Set(['POST /api/auth/login', 'GET /api/health', 'GET /api/health/ready', 'GET /api/health/live']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

describe('revoked users are out on every endpoint (database)', () => {
  let t: TestApp;
  let admin: string;
  let ops: { method: Method; path: string }[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      servers: { url: string }[];
      paths: Record<string, Record<string, unknown>>;
    };
    ops = Object.entries(doc.paths)
      .flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ method, path: `${doc.servers[0].url}${path}` })))
      .filter((o) => !PUBLIC.has(`${o.method.toUpperCase()} ${o.path}`));
    const one = async (sql: string): Promise<string> =>
      ((await t.ds.query(sql)) as { id: string }[])[0]?.id ?? '00000000-0000-4000-8000-000000000000';
    ids = {
      report: await one(
        `SELECT r.id FROM reports r JOIN sections s ON s.report_id = r.id JOIN section_revisions v ON v.section_id = s.id ORDER BY r.created_at LIMIT 1`,
      ),
      unit: await one(`SELECT id FROM units ORDER BY code LIMIT 1`),
      user: await one(`SELECT id FROM users WHERE username = 'vp.cv'`),
      delegation: await one(`SELECT id FROM delegations LIMIT 1`),
    };
    ids['section'] = await one(
      `SELECT s.id FROM sections s JOIN section_revisions v ON v.section_id = s.id WHERE s.report_id = '${ids['report']}' LIMIT 1`,
    );
    ids['revision'] = await one(`SELECT id FROM section_revisions WHERE section_id = '${ids['section']}' LIMIT 1`);
  });
  afterAll(() => t?.close());

  /** Path params from the demo data: the right kind of id for each place. */
  const fill = (path: string): string =>
    path
      .replace(/\/admin\/units\/\{id\}/, `/admin/units/${ids['unit']}`)
      .replace(/\/admin\/users\/\{id\}/, `/admin/users/${ids['user']}`)
      .replace(/\/admin\/delegations\/\{id\}/, `/admin/delegations/${ids['delegation']}`)
      .replace('{reportKind}', 'CCHC')
      .replace('{id}', ids['report'])
      .replace('{sectionId}', ids['section'])
      .replace('{revisionId}', ids['revision']);

  /** Status of one call; the event stream's status is read from its headers, then the stream is dropped. */
  async function statusOf(op: { method: Method; path: string }, token: string): Promise<{ status: number; message?: string }> {
    const url = fill(op.path);
    if (url.endsWith('/notifications/stream')) {
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const port = (server.address() as AddressInfo).port;
      return new Promise((resolve, reject) => {
        const req = get({ host: '127.0.0.1', port, path: url, headers: { authorization: `Bearer ${token}` } }, (res) => {
          let body = '';
          if (res.statusCode !== 401) {
            resolve({ status: res.statusCode ?? 0 });
            req.destroy();
            return;
          }
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: 401, message: (JSON.parse(body) as { message: string }).message }));
        });
        req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      });
    }
    // The event route checks the user inside its transaction, after parsing: send an event it can parse.
    const body = op.path.endsWith('/events') ? { type: 'start_drafting', sectionId: ids['section'], expectedVersion: 1 } : {};
    const res = await t.http()[op.method](url).set('Authorization', `Bearer ${token}`).send(body);
    return { status: res.status, message: (res.body as { message?: string }).message };
  }

  async function newUser(username: string): Promise<{ id: string; token: string }> {
    const body = {
      username,
      fullName: 'Người Thử',
      password: 'mat-khau-1',
      position: 'CHUYEN_VIEN',
      unitCode: 'VP',
      roles: ['drafter', 'viewer'],
    };
    const created = await t.http().post('/api/admin/users').set('Authorization', `Bearer ${admin}`).send(body).expect(201);
    const login = await t.http().post('/api/auth/login').send({ username, password: 'mat-khau-1' }).expect(200);
    return { id: created.body.id as string, token: login.body.accessToken as string };
  }

  async function expectAllRefused(token: string): Promise<void> {
    const wrong: string[] = [];
    for (const op of ops) {
      const r = await statusOf(op, token);
      if (r.status !== 401 || r.message !== ACCOUNT_REVOKED)
        wrong.push(`${op.method.toUpperCase()} ${op.path} → ${r.status} ${r.message ?? ''}`);
    }
    expect(wrong).toEqual([]);
  }

  it('covers the whole document, and an active user is not refused anywhere', async () => {
    expect(ops.length).toBeGreaterThanOrEqual(30);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'get /api/reports',
        'post /api/reports/{id}/events',
        'get /api/notifications/stream',
        'get /api/register.csv',
      ]),
    );
    const { token } = await newUser('thu.hoatdong');
    const unauthorised: string[] = [];
    for (const op of ops) if ((await statusOf(op, token)).status === 401) unauthorised.push(`${op.method} ${op.path}`);
    expect(unauthorised).toEqual([]);
  });

  it('(a) a user deactivated through the admin API gets 401 on every operation', async () => {
    const u = await newUser('thu.ngung');
    await t.http().patch(`/api/admin/users/${u.id}`).set('Authorization', `Bearer ${admin}`).send({ active: false }).expect(200);
    await expectAllRefused(u.token);
  });

  it('(b) a user deleted from the database gets 401 on every operation', async () => {
    const u = await newUser('thu.xoa');
    // The app has no "delete user" (history keeps its authors); a database administrator can. The
    // login's admin-log entry references the user, so the delete goes past foreign keys and triggers.
    const runner = t.ds.createQueryRunner();
    try {
      await runner.query(`SET session_replication_role = replica`);
      await runner.query(`DELETE FROM users WHERE id = $1`, [u.id]);
      await runner.query(`SET session_replication_role = origin`);
    } finally {
      await runner.release();
    }
    expect(await t.ds.query(`SELECT 1 FROM users WHERE id = $1`, [u.id])).toHaveLength(0);
    await expectAllRefused(u.token);
  });

  it('(c) a user moved to another organisation gets 401 on every operation with the old token', async () => {
    const u = await newUser('thu.chuyen');
    const other = (await t.ds.query(`SELECT id FROM organisations WHERE id <> (SELECT organisation_id FROM users WHERE id = $1) LIMIT 1`, [
      u.id,
    ])) as { id: string }[];
    await t.ds.query(`UPDATE users SET organisation_id = $1, unit_code = NULL WHERE id = $2`, [other[0].id, u.id]);
    await expectAllRefused(u.token);
  });
});
