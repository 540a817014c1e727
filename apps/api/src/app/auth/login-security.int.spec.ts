import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../testing/test-app';

/** Login throttling (per account, per address), the admin log of logins, security headers, no CORS. */
describe('login throttling, admin log of logins, security headers (database)', () => {
  let t: TestApp;
  const saved = { ...process.env };
  const LOCK_SECONDS = 2;

  beforeAll(async () => {
    Object.assign(process.env, {
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '8',
      LOGIN_WINDOW_SECONDS: '600',
      LOGIN_LOCK_SECONDS: String(LOCK_SECONDS),
      SSE_PING_MS: '200',
    });
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    process.env = saved;
  });

  const login = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const logOf = async (username: string): Promise<{ action: string; summary: string; details: Record<string, unknown> }[]> =>
    t.ds.query(
      `SELECT l.action, l.summary, l.details FROM admin_log l JOIN users u ON u.id = l.target_id WHERE u.username = $1 AND l.action LIKE 'auth.%' ORDER BY l.at, l.id`,
      [username],
    );

  it('records a login and a failed login in the admin log, without the password', async () => {
    await login('vp.cv', 'demo').expect(200);
    await login('vp.cv', 'sai-mat-khau-123').expect(401);
    await login('vp.cv', 'demo').expect(200); // clears the account's count
    const log = await logOf('vp.cv');
    expect(log.map((e) => e.action)).toEqual(['auth.login', 'auth.login_failed', 'auth.login']);
    expect(log[0].summary).toContain('Đăng nhập');
    expect(log[1].summary).toMatch(/không thành công.*sai mật khẩu/);
    expect(log[1].details).toMatchObject({ ip: expect.any(String) });
    expect(JSON.stringify(log)).not.toContain('sai-mat-khau-123');
    expect(JSON.stringify(log)).not.toContain('demo"');
  });

  it('locks an account after N failures (429, Vietnamese, Retry-After), refuses the right password during the lock, opens after it; logs the lock', async () => {
    expect((await login('kt.cv', 'sai-1').expect(401)).body.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await login('kt.cv', 'sai-2').expect(401);
    const locked = await login('kt.cv', 'sai-3').expect(429);
    expect(locked.body.message).toMatch(
      /^Đăng nhập sai quá nhiều lần\. Tài khoản này tạm bị khóa đăng nhập; vui lòng thử lại sau 2 giây \(từ \d\d:\d\d:\d\d ngày \d\d tháng \d\d năm \d{4}\)\.$/,
    );
    expect(locked.headers['retry-after']).toBe(String(LOCK_SECONDS));
    const during = await login('kt.cv', 'demo').expect(429);
    expect(during.body.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Another account from the same address is not locked.
    await login('hcc.cv', 'demo').expect(200);
    const log = (await logOf('kt.cv')).map((e) => e.action);
    expect(log).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.locked', 'auth.login_refused']);
    const lock = (await logOf('kt.cv')).find((e) => e.action === 'auth.locked');
    expect(lock?.summary).toBe(`Tạm khóa đăng nhập tài khoản kt.cv sau 3 lần sai; mở lại sau ${LOCK_SECONDS} giây`);
    await sleep(LOCK_SECONDS * 1000 + 300);
    const after = await login('kt.cv', 'demo').expect(200);
    expect(after.body.accessToken).toEqual(expect.any(String));
    // The count starts again from zero after the lock and the successful login.
    await login('kt.cv', 'sai-4').expect(401);
  });

  it('locks an address after M failures across accounts, even for an account that is not locked, and opens after the window', async () => {
    let status = 0;
    let n = 0;
    for (const u of [
      'khong.co.1',
      'khong.co.2',
      'khong.co.3',
      'vhxh.cv',
      'khong.co.4',
      'khong.co.5',
      'khong.co.6',
      'khong.co.7',
      'khong.co.8',
    ]) {
      n++;
      status = (await login(u, 'sai-mat-khau')).status;
      if (status === 429) break;
    }
    expect(status).toBe(429);
    expect(n).toBeLessThanOrEqual(8);
    const refused = await login('vhxh.truong', 'demo').expect(429);
    expect(refused.body.message).toMatch(/Máy của bạn \(địa chỉ mạng này\) tạm bị khóa đăng nhập/);
    await sleep(LOCK_SECONDS * 1000 + 300);
    await login('vhxh.truong', 'demo').expect(200);
  });

  it('sends the security headers (CSP with frame-ancestors, nosniff, referrer policy) on API answers', async () => {
    for (const res of [await t.http().get('/api/health'), await t.http().get('/api/reports'), await login('x', '')]) {
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('allows no cross-origin calls: a preflight from another origin gets no CORS allow headers', async () => {
    const pre = await t
      .http()
      .options('/api/reports')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-headers']).toBeUndefined();
    expect(pre.headers['access-control-allow-methods']).toBeUndefined();
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    const token = await t.login('chutich');
    const get = await t.http().get('/api/reports').set('Origin', 'https://evil.example').set('Authorization', `Bearer ${token}`);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('ends the open event stream of a user deactivated meanwhile, and refuses a new one', async () => {
    const admin = await t.login('admin');
    await t
      .http()
      .post('/api/admin/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        username: 'thu.luong',
        fullName: 'Người Thử',
        password: 'mat-khau-1',
        position: 'CHUYEN_VIEN',
        unitCode: 'VP',
        roles: ['viewer'],
      })
      .expect(201);
    const login = await t.http().post('/api/auth/login').send({ username: 'thu.luong', password: 'mat-khau-1' }).expect(200);
    const token = login.body.accessToken as string;
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    const chunks: { at: number; text: string }[] = [];
    let deactivatedAt = 0;
    const ended = new Promise<number>((resolve, reject) => {
      const req = get({ host: '127.0.0.1', port, path: `/api/notifications/stream?access_token=${token}` }, (res) => {
        expect(res.statusCode).toBe(200);
        res.on('data', (d: Buffer) => chunks.push({ at: Date.now(), text: d.toString() }));
        res.on('end', () => resolve(Date.now()));
      });
      req.on('error', reject);
      setTimeout(() => reject(new Error('the stream did not end')), 15_000).unref();
    });
    await sleep(700);
    expect(chunks.some((c) => c.text.includes('"ping"'))).toBe(true); // live before
    await t
      .http()
      .patch(`/api/admin/users/${login.body.user.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ active: false })
      .expect(200);
    deactivatedAt = Date.now();
    const endedAt = await ended;
    expect(endedAt - deactivatedAt).toBeLessThan(3000);
    // Nothing delivered after the deactivation except what was already in flight (≤ one ping period).
    expect(chunks.filter((c) => c.at > deactivatedAt + 250 && c.text.includes('data:'))).toEqual([]);
    const again = await t.http().get(`/api/notifications/stream?access_token=${token}`);
    expect(again.status).toBe(401);
  });

  it('accepts ?access_token= only on the event stream', async () => {
    const token = await t.login('chutich');
    await t.http().get(`/api/reports?access_token=${token}`).expect(401);
    await t.http().get('/api/reports').set('Authorization', `Bearer ${token}`).expect(200);
  });
});
