import { todayInVietnam } from '@trinhky/domain';
import { DRAFTER_OF, send, type Client } from '../../testing/lifecycle';
import { lifecycleClient } from '../../testing/http-client';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { DEMO_ORGANISATION } from '../seed/demo-data';
import { SeedService } from '../seed/seed.service';
import { NOT_ADMIN } from './admin-access';

/** Quản trị through the real API and database: units, users, delegations, routing policies. */
describe('admin API (database)', () => {
  let t: TestApp;
  let c: Client;
  let otherOrgUserId: string;
  let otherOrgUnitId: string;
  let newUserId: string;
  const today = todayInVietnam();
  const plusDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp();
    const otherOrg = await t.app
      .get(SeedService)
      .seedOrganisation(
        { ...DEMO_ORGANISATION, name: 'Ủy ban nhân dân xã Bình Minh', issuerName: 'XÃ BÌNH MINH', place: 'Bình Minh' },
        'bm.',
      );
    otherOrgUserId = (await t.ds.query(`SELECT id FROM users WHERE username = 'bm.kt.cv'`))[0].id;
    otherOrgUnitId = (await t.ds.query(`SELECT id FROM units WHERE organisation_id = $1 LIMIT 1`, [otherOrg]))[0].id;
    c = await lifecycleClient(t, ['admin', 'vhxh.truong', 'vhxh.cv', 'vp.cv', 'kt.cv', 'hcc.cv', 'chutich', 'pct.kt']);
  });
  afterAll(() => t.close());

  const auth = (u: string) => ({ Authorization: `Bearer ${c.tokens[u]}` });
  const as = (u: string) => ({
    get: (path: string) => t.http().get(`/api${path}`).set(auth(u)),
    post: (path: string, body?: unknown) =>
      t
        .http()
        .post(`/api${path}`)
        .set(auth(u))
        .send(body as object),
    patch: (path: string, body: unknown) =>
      t
        .http()
        .patch(`/api${path}`)
        .set(auth(u))
        .send(body as object),
    put: (path: string, body: unknown) =>
      t
        .http()
        .put(`/api${path}`)
        .set(auth(u))
        .send(body as object),
  });
  const admin = as('admin');
  /** Everything an admin request may change, as one comparable value. */
  const dbState = async () => {
    const out: Record<string, string> = {};
    for (const table of ['units', 'users', 'delegations', 'routing_policies', 'admin_log', 'reports']) {
      out[table] = (
        await t.ds.query(`SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') AS v FROM ${table} x`)
      )[0].v;
    }
    return out;
  };
  /** The refusal's status and message; a 400 names the field (`field`, when given, must be that one); nothing changed. */
  const expectRefused = async (
    req: () => Promise<{ status: number; body: { message?: string; field?: string } }>,
    status: number,
    message: RegExp | string,
    field?: string,
  ) => {
    const before = await dbState();
    const res = await req();
    expect({ status: res.status, message: res.body.message }).toEqual({
      status,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    });
    expect(res.body.message).toMatch(/[à-ỹ]/i);
    if (field !== undefined) expect(res.body.field).toBe(field);
    expect(await dbState()).toEqual(before);
  };

  it('refuses non-admins with 403 and a Vietnamese reason, and anonymous callers with 401, changing nothing', async () => {
    for (const u of ['vhxh.truong', 'chutich']) {
      await expectRefused(() => as(u).get('/admin/organisation'), 403, NOT_ADMIN);
      await expectRefused(
        () =>
          as(u).post('/admin/users', {
            username: 'x.y',
            fullName: 'X Y',
            password: '12345678',
            position: 'CHUYEN_VIEN',
            roles: ['viewer'],
          }),
        403,
        NOT_ADMIN,
      );
      await expectRefused(() => as(u).put('/admin/routing-policies/CCHC', { policyCode: 'FULL' }), 403, NOT_ADMIN);
      // The role is checked before the body: a non-admin learns nothing about the shape from a 400.
      await expectRefused(() => as(u).post('/admin/units', { bogus: true }), 403, NOT_ADMIN);
    }
    await t.http().get('/api/admin/organisation').expect(401);
  });

  it('shows the organisation: units, users, no delegations yet, the CCHC policy and the shipped policies with descriptions', async () => {
    const res = await admin.get('/admin/organisation').expect(200);
    expect(res.body.organisation.name).toBe('Ủy ban nhân dân xã An Bình');
    expect(res.body.units.map((u: { code: string }) => u.code)).toEqual(['HCC', 'KT', 'VHXH', 'VP']);
    expect(res.body.units.find((u: { code: string }) => u.code === 'VHXH').userCount).toBe(2);
    expect(res.body.users).toHaveLength(13); // the other organisation's users are not listed
    expect(res.body.users.find((u: { username: string }) => u.username === 'pct.vhxh')).toMatchObject({
      positionTitle: 'Phó Chủ tịch',
      roles: ['signer', 'viewer'],
      fields: ['vhxh'],
      active: true,
    });
    expect(res.body.users[0]).not.toHaveProperty('passwordHash');
    expect(res.body.delegations).toEqual([]);
    expect(res.body.routingPolicies).toEqual([
      {
        reportKind: 'CCHC',
        reportKindName: expect.stringContaining('cải cách hành chính'),
        isDefault: false,
        policy: expect.objectContaining({ code: 'VHXH_PCT' }),
        compilingUnit: { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
        parts: expect.arrayContaining([{ code: 'II.5', title: '5. Cải cách tài chính công', unit: { code: 'KT', name: 'Phòng Kinh tế' } }]),
        problems: [],
      },
    ]);
    expect(res.body.availablePolicies.map((p: { code: string }) => p.code)).toEqual(['VHXH_PCT', 'CHAIR_SIGNS', 'FULL', 'SO_PGD']);
    const full = res.body.availablePolicies.find((p: { code: string }) => p.code === 'FULL');
    expect(full.description).toContain('Văn phòng HĐND và UBND kiểm tra thể thức');
    expect(full.description).toContain('trưởng phòng duyệt');
    expect(res.body.vocabulary.roles.map((r: { code: string }) => r.code)).toContain('admin');
  });

  it('adds and renames units; a duplicate code is 409, a code change 400, another organisation’s unit 404', async () => {
    const created = await admin.post('/admin/units', { code: 'tp', name: 'Phòng Tư pháp' }).expect(201);
    expect(created.body).toMatchObject({ code: 'TP', name: 'Phòng Tư pháp', userCount: 0 });
    await expectRefused(() => admin.post('/admin/units', { code: 'TP', name: 'Trùng' }), 409, /TP.*đã có/);
    await expectRefused(
      () => admin.post('/admin/units', { code: 'X', name: 'Phòng X' }),
      400,
      /^Trường code: mã đơn vị gồm chữ in hoa/,
      'code',
    );
    await expectRefused(() => admin.post('/admin/units', { code: 'PX' }), 400, 'Trường name: thiếu trường bắt buộc.', 'name');
    await expectRefused(
      () => admin.patch(`/admin/units/${created.body.id}`, { code: 'TP2', name: 'Phòng Tư pháp' }),
      400,
      /^Trường code: mã đơn vị không đổi được/,
      'code',
    );
    await expectRefused(() => admin.patch(`/admin/units/${otherOrgUnitId}`, { name: 'Của xã khác' }), 404, 'Không tìm thấy đơn vị.');
    await expectRefused(() => admin.patch('/admin/units/khong-phai-uuid', { name: 'Tên hợp lệ' }), 404, 'Không tìm thấy đơn vị.');
    await expectRefused(
      () => admin.patch(`/admin/units/${created.body.id}`, { name: 'x' }),
      400,
      'Trường name: tối thiểu 2 ký tự.',
      'name',
    );
    const renamed = await admin.patch(`/admin/units/${created.body.id}`, { name: 'Phòng Tư pháp - Hộ tịch' }).expect(200);
    expect(renamed.body.name).toBe('Phòng Tư pháp - Hộ tịch');
  });

  it('a renamed unit reads the same everywhere: the reports, their parts, who holds them, the header', async () => {
    const kt = (await admin.get('/admin/organisation').expect(200)).body.units.find((u: { code: string }) => u.code === 'KT');
    await admin.patch(`/admin/units/${kt.id}`, { name: 'Phòng Kinh tế - Hạ tầng' }).expect(200);
    try {
      const [summary] = (await as('kt.cv').get('/reports').expect(200)).body.items;
      expect(summary.holder).toContain('Phòng Kinh tế - Hạ tầng');
      const detail = (await as('kt.cv').get(`/reports/${summary.id}`).expect(200)).body;
      expect(detail.sections.find((s: { code: string }) => s.code === 'II.5').unit).toEqual({
        code: 'KT',
        name: 'Phòng Kinh tế - Hạ tầng',
      });
      expect((await as('kt.cv').get('/me').expect(200)).body.unit).toEqual({ code: 'KT', name: 'Phòng Kinh tế - Hạ tầng' });
    } finally {
      await admin.patch(`/admin/units/${kt.id}`, { name: kt.name }).expect(200);
    }
  });

  it('creates a user who can log in; a duplicate username is 409; bad bodies are 400 with the reason and change nothing', async () => {
    const body = {
      username: 'TP.Truong',
      fullName: 'Lý Văn Pháp',
      password: 'mat-khau-1',
      position: 'TRUONG_PHONG',
      unitCode: 'TP',
      roles: ['head', 'viewer'],
    };
    const created = await admin.post('/admin/users', body).expect(201);
    newUserId = created.body.id;
    expect(created.body).toMatchObject({
      username: 'tp.truong',
      positionTitle: 'Trưởng phòng',
      unit: { code: 'TP', name: 'Phòng Tư pháp - Hộ tịch' },
      roles: ['head', 'viewer'],
      active: true,
    });
    const hash = (await t.ds.query('SELECT password_hash FROM users WHERE id = $1', [newUserId]))[0].password_hash as string;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const login = await t.http().post('/api/auth/login').send({ username: 'tp.truong', password: 'mat-khau-1' }).expect(200);
    expect(login.body.user).toMatchObject({
      username: 'tp.truong',
      fullName: 'Lý Văn Pháp',
      organisation: { name: 'Ủy ban nhân dân xã An Bình' },
    });
    c.tokens['tp.truong'] = login.body.accessToken;

    await expectRefused(() => admin.post('/admin/users', { ...body, username: 'tp.truong' }), 409, /"tp.truong" đã có/);
    await expectRefused(() => admin.post('/admin/users', { ...body, username: 'bm.admin' }), 409, /đã có/); // unique across organisations
    await expectRefused(
      () => admin.post('/admin/users', { ...body, username: 'moi.1', roles: ['head', 'superuser'] }),
      400,
      /^Trường roles\[1\]: vai trò không hợp lệ: superuser/,
      'roles[1]',
    );
    await expectRefused(
      () => admin.post('/admin/users', { ...body, username: 'moi.1', roles: [] }),
      400,
      'Trường roles: vui lòng chọn ít nhất một vai trò.',
      'roles',
    );
    await expectRefused(
      () => admin.post('/admin/users', { username: 'moi.1', password: 'mat-khau-1', position: 'CHUYEN_VIEN', roles: ['viewer'] }),
      400,
      'Trường fullName: thiếu trường bắt buộc.',
      'fullName',
    );
    await expectRefused(
      () => admin.post('/admin/users', { ...body, username: 'moi.1', password: 'ngan' }),
      400,
      'Trường password: mật khẩu phải có ít nhất 8 ký tự.',
      'password',
    );
    await expectRefused(
      () => admin.post('/admin/users', { ...body, username: 'moi.1', position: 'GIAM_DOC_SO' }),
      400,
      /^Trường position: chức vụ không hợp lệ: GIAM_DOC_SO/,
      'position',
    );
    await expectRefused(
      () => admin.post('/admin/users', { ...body, username: 'moi.1', unitCode: 'ZZ' }),
      400,
      'Đơn vị "ZZ" không có trong cơ quan.',
      'unitCode',
    );
    await expectRefused(
      () => admin.post('/admin/users', { ...body, username: 'moi.1', unitCode: null }),
      400,
      /^Trường unitCode: vai trò Trưởng đơn vị cần người dùng thuộc một đơn vị/,
      'unitCode',
    );
    await expectRefused(
      () => admin.post('/admin/users', { ...body, username: 'Mới 1' }),
      400,
      /^Trường username: tên đăng nhập chỉ gồm/,
      'username',
    );
    await expectRefused(
      () => admin.post('/admin/users', { ...body, username: 'moi.1', isAdmin: true }),
      400,
      'Trường isAdmin: trường không được hỗ trợ: isAdmin.',
      'isAdmin',
    );
    await expectRefused(() => admin.post('/admin/users', [body]), 400, /đối tượng JSON/);
  });

  it('edits a user (position, roles, password reset, deactivation); an admin cannot lock themselves out', async () => {
    const kt = (await admin.get('/admin/organisation').expect(200)).body.users.find((u: { username: string }) => u.username === 'kt.cv');
    const edited = await admin
      .patch(`/admin/users/${kt.id}`, { fullName: 'Vũ Thị Thu Hà', roles: ['drafter', 'viewer'], password: 'mat-khau-moi' })
      .expect(200);
    expect(edited.body).toMatchObject({ fullName: 'Vũ Thị Thu Hà', roles: ['drafter', 'viewer'] });
    await t.http().post('/api/auth/login').send({ username: 'kt.cv', password: 'demo' }).expect(401);
    await t.http().post('/api/auth/login').send({ username: 'kt.cv', password: 'mat-khau-moi' }).expect(200);

    await admin.patch(`/admin/users/${kt.id}`, { active: false }).expect(200);
    await t.http().post('/api/auth/login').send({ username: 'kt.cv', password: 'mat-khau-moi' }).expect(401);
    await t.http().get('/api/me').set(auth('kt.cv')).expect(401); // an existing session stops at once
    await admin.patch(`/admin/users/${kt.id}`, { active: true }).expect(200);

    const me = (await admin.get('/admin/organisation')).body.users.find((u: { username: string }) => u.username === 'admin');
    await expectRefused(() => admin.patch(`/admin/users/${me.id}`, { active: false }), 400, /không thể tự khóa/);
    await expectRefused(() => admin.patch(`/admin/users/${me.id}`, { roles: ['viewer'] }), 400, /không thể tự bỏ vai trò Quản trị/);
    await expectRefused(
      () => admin.patch(`/admin/users/${kt.id}`, { username: 'kt.moi' }),
      400,
      /^Trường username: tên đăng nhập không đổi được/,
      'username',
    );
    await expectRefused(() => admin.patch(`/admin/users/${kt.id}`, {}), 400, 'Dữ liệu gửi lên: không có thay đổi nào để lưu.');
    await expectRefused(() => admin.patch(`/admin/users/${kt.id}`, { active: 'có' }), 400, /true\/false/, 'active');
    await expectRefused(() => admin.patch(`/admin/users/${kt.id}`, { unitCode: null }), 400, /cần người dùng thuộc một đơn vị/, 'unitCode');
    await expectRefused(
      () => admin.patch(`/admin/users/${otherOrgUserId}`, { fullName: 'Người xã khác' }),
      404,
      'Không tìm thấy người dùng.',
    );
  });

  it('refuses invalid delegations with 400s in words, and derives the block of a valid TUQ.', async () => {
    const good = { userId: newUserId, kind: 'TUQ', validFrom: today, validTo: plusDays(30), reportKinds: ['CCHC'] };
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, validTo: undefined }),
      400,
      /TUQ\.\) phải có thời hạn/,
      'validTo',
    );
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, validFrom: null, validTo: null }),
      400,
      /TUQ\.\) phải có thời hạn/,
    );
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, validFrom: plusDays(10), validTo: plusDays(5) }),
      400,
      'Đến ngày phải trùng hoặc sau từ ngày.',
      'validTo',
    );
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, validTo: '2027-02-30' }),
      400,
      'Trường validTo: phải là một ngày có thật, dạng yyyy-mm-dd.',
      'validTo',
    );
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, validFrom: '01/12/2026' }),
      400,
      'Trường validFrom: phải là một ngày có thật, dạng yyyy-mm-dd.',
      'validFrom',
    );
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, validFrom: '2020-01-01', validTo: '2020-02-01' }),
      400,
      /Đến ngày đã qua/,
    );
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, userId: otherOrgUserId }),
      400,
      'Người được ủy quyền không thuộc cơ quan của bạn.',
      'userId',
    );
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, userId: 'abc' }),
      400,
      'Trường userId: phải là mã định danh hợp lệ (UUID).',
      'userId',
    );
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, fromPosition: 'PHO_CHU_TICH' }),
      400,
      /Chỉ Chủ tịch mới giao ủy quyền được/,
      'fromPosition',
    );
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, kind: 'KT' }),
      400,
      /Chỉ Phó Chủ tịch mới được ký thay \(KT\.\)/,
      'userId',
    );
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, kind: 'XX' }),
      400,
      /^Trường kind: hình thức ủy quyền không hợp lệ/,
      'kind',
    );
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, reportKinds: ['NGAN_SACH'] }),
      400,
      /^Trường reportKinds\[0\]: loại báo cáo không hợp lệ: NGAN_SACH/,
      'reportKinds[0]',
    );
    const chutich = (await admin.get('/admin/organisation')).body.users.find((u: { username: string }) => u.username === 'chutich');
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, userId: chutich.id }),
      400,
      /Chủ tịch ký với thẩm quyền của mình/,
    );

    const created = await admin.post('/admin/delegations', good).expect(201);
    expect(created.body).toMatchObject({
      user: { id: newUserId, fullName: 'Lý Văn Pháp' },
      kind: 'TUQ',
      fromPosition: 'CHU_TICH',
      validFrom: today,
      validTo: plusDays(30),
      reportKinds: ['CCHC'],
      validNow: true,
      reasonNotValid: null,
      endedAt: null,
      signatureBlock: { lines: ['TUQ. CHỦ TỊCH', 'TRƯỞNG PHÒNG'], name: 'Lý Văn Pháp' },
    });
    await expectRefused(
      () => admin.post('/admin/delegations', { ...good, validFrom: plusDays(10), validTo: plusDays(40) }),
      409,
      /đã có ủy quyền TUQ\. trùng thời gian/,
    );

    // A vice-chair's open-ended KT. (no dates needed), and a future TUQ. that is not valid yet but shows its block.
    const pctKt = (await admin.get('/admin/organisation')).body.users.find((u: { username: string }) => u.username === 'pct.kt');
    const kt = await admin.post('/admin/delegations', { userId: pctKt.id, kind: 'KT' }).expect(201);
    expect(kt.body).toMatchObject({
      validNow: true,
      signatureBlock: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Lê Quang Dũng' },
    });
    const vp = (await admin.get('/admin/organisation')).body.users.find((u: { username: string }) => u.username === 'vp.truong');
    const later = await admin
      .post('/admin/delegations', { userId: vp.id, kind: 'TUQ', validFrom: plusDays(5), validTo: plusDays(6) })
      .expect(201);
    expect(later.body).toMatchObject({
      validNow: false,
      reasonNotValid: expect.stringMatching(/chưa có hiệu lực/),
      signatureBlock: { lines: ['TUQ. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'] },
    });
    const ended = await admin.post(`/admin/delegations/${later.body.id}/end`).expect(200);
    expect(ended.body).toMatchObject({ validNow: false, endedAt: expect.any(String), validFrom: plusDays(5), validTo: plusDays(-1) });
  });

  it('a new policy applies to new reports only; the TUQ. delegate may sign under it until the delegation is ended', async () => {
    const demoReport = (await as('vhxh.truong').get('/reports').expect(200)).body.items[0];
    await expectRefused(
      () => admin.put('/admin/routing-policies/CCHC', { policyCode: 'NHANH' }),
      400,
      /Quy trình "NHANH" không có/,
      'policyCode',
    );
    await expectRefused(
      () => admin.put('/admin/routing-policies/CCHC', { policyCode: 'constructor' }),
      400,
      /Quy trình "constructor" không có/,
      'policyCode',
    );
    await expectRefused(
      () => admin.put('/admin/routing-policies/CCHC', {}),
      400,
      'Trường policyCode: thiếu trường bắt buộc.',
      'policyCode',
    );
    await expectRefused(
      () => admin.put('/admin/routing-policies/NGAN_SACH', { policyCode: 'FULL' }),
      404,
      /Không có loại báo cáo "NGAN_SACH"/,
    );

    const chosen = await admin.put('/admin/routing-policies/CCHC', { policyCode: 'CHAIR_SIGNS' }).expect(200);
    expect(chosen.body).toMatchObject({
      reportKind: 'CCHC',
      isDefault: false,
      policy: { code: 'CHAIR_SIGNS', description: expect.stringContaining('Chủ tịch ký') },
    });
    const created = await as('vhxh.truong')
      .post('/reports', { templateCode: 'CCHC_QUY', period: { kind: 'quarter', year: 2027, index: 2 }, deadline: '2027-06-18' })
      .expect(201);
    expect(created.body.policy.code).toBe('CHAIR_SIGNS');
    expect((await as('vhxh.truong').get(`/reports/${demoReport.id}`).expect(200)).body.policy.code).toBe('VHXH_PCT'); // in flight: keeps its policy
    const stored = (await t.ds.query('SELECT policy FROM reports WHERE id = $1', [demoReport.id]))[0].policy;
    expect(stored.code).toBe('VHXH_PCT');

    // Drive the new report to the signature step.
    const id = created.body.id as string;
    let v = await send(c, 'vhxh.truong', id, created.body.version, 'open_collection');
    for (const s of created.body.sections as { id: string; unit: { code: string } }[]) {
      const drafter = DRAFTER_OF[s.unit.code];
      v = await send(c, drafter, id, v, 'start_drafting', { sectionId: s.id });
      v = await send(c, drafter, id, v, 'submit_section', { sectionId: s.id });
      v = await send(c, 'vhxh.truong', id, v, 'accept_section', { sectionId: s.id });
    }
    v = await send(c, 'vhxh.truong', id, v, 'start_compiling');
    v = await send(c, 'vhxh.truong', id, v, 'send_for_signature');
    const eventsOf = async (u: string) =>
      (await as(u).get(`/reports/${id}`).expect(200)).body.allowedEvents.map((e: { type: string }) => e.type);
    expect(await eventsOf('tp.truong')).toContain('sign');
    expect(await eventsOf('vp.cv')).not.toContain('sign');

    const org = (await admin.get('/admin/organisation').expect(200)).body;
    const tuq = org.delegations.find((d: { user: { id: string }; kind: string }) => d.user.id === newUserId && d.kind === 'TUQ');
    const ended = await admin.post(`/admin/delegations/${tuq.id}/end`).expect(200);
    expect(ended.body).toMatchObject({ validNow: false, endedAt: expect.any(String), validTo: plusDays(-1), validFrom: today });
    expect(ended.body.reasonNotValid).toBeTruthy();
    await expectRefused(() => admin.post(`/admin/delegations/${tuq.id}/end`), 409, /đã được kết thúc/);
    expect(await eventsOf('tp.truong')).not.toContain('sign');
    const forced = await as('tp.truong').post(`/reports/${id}/events`, { type: 'sign', expectedVersion: v }).expect(403);
    expect(forced.body.message).toMatch(/Chỉ Chủ tịch mới được ký/);
    // History kept: the row is still listed.
    const after = (await admin.get('/admin/organisation').expect(200)).body.delegations.find((d: { id: string }) => d.id === tuq.id);
    expect(after).toMatchObject({ kind: 'TUQ', validFrom: today, endedAt: expect.any(String) });
  });

  it('another organisation’s delegation is 404; the admin log holds every change and refuses edits', async () => {
    const bmAdmin = await t.login('bm.admin');
    const other = await t
      .http()
      .post('/api/admin/delegations')
      .set('Authorization', `Bearer ${bmAdmin}`)
      .send({ userId: otherOrgUserId, kind: 'TL' })
      .expect(201);
    expect(other.body.signatureBlock.lines).toEqual(['TL. CHỦ TỊCH', 'CHUYÊN VIÊN']);
    await expectRefused(() => admin.post(`/admin/delegations/${other.body.id}/end`), 404, 'Không tìm thấy ủy quyền.');
    const bmView = (await t.http().get('/api/admin/organisation').set('Authorization', `Bearer ${bmAdmin}`).expect(200)).body;
    expect(bmView.users.every((u: { username: string }) => u.username.startsWith('bm.'))).toBe(true);
    expect(bmView.delegations).toHaveLength(1);

    const page = (await admin.get('/admin/log?limit=200').expect(200)).body;
    expect(page.total).toBe(page.items.length);
    // Paged: one entry a page, the same total, page 2 is the next entry; bad paging is a 400 in Vietnamese.
    const first = (await admin.get('/admin/log?limit=1').expect(200)).body;
    const second = (await admin.get('/admin/log?limit=1&offset=1').expect(200)).body;
    expect(first).toMatchObject({ total: page.total, limit: 1, offset: 0 });
    expect(first.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.items[0].id).toBe(page.items[1].id);
    expect((await admin.get('/admin/log?limit=0').expect(400)).body.message).toContain('mỗi trang ít nhất 1 dòng');
    expect((await admin.get('/admin/log?offset=-1').expect(400)).body.message).toContain('vị trí bắt đầu không âm');
    expect((await admin.get('/admin/log?limit=200').expect(200)).body.total).toBe(page.total);
    const all = page.items as { action: string; summary: string; actor: string }[];
    // Logins are logged too (auth.*, by whoever logged in): this test is about the administration changes.
    expect(all.some((e) => e.action === 'auth.login')).toBe(true);
    const log = all.filter((e) => !e.action.startsWith('auth.'));
    expect(log.map((e) => e.action).sort()).toEqual(
      [
        'delegation.create',
        'delegation.create',
        'delegation.create',
        'delegation.end',
        'delegation.end',
        'routing_policy.set',
        'unit.create',
        'unit.update',
        'unit.update',
        'unit.update',
        'user.create',
        'user.update',
        'user.update',
        'user.update',
      ].sort(),
    );
    expect(log.every((e) => e.actor === 'Quản trị hệ thống')).toBe(true);
    expect(log.find((e) => e.action === 'routing_policy.set')?.summary).toContain('VHXH_PCT → CHAIR_SIGNS');
    expect(JSON.stringify(await t.ds.query('SELECT details FROM admin_log'))).not.toContain('mat-khau');
    await expect(t.ds.query(`UPDATE admin_log SET summary = 'sửa'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM admin_log`)).rejects.toThrow(/append-only/);
  });
});
