import { startTestApp, type TestApp } from '../../testing/test-app';
import { conformsToContract } from '../../testing/contract-check';

/**
 * An organisation's own units in Quản trị (issue 12 §1): the Sở's units and its policy as the demo seeds
 * them, Phân công soạn thảo (which unit compiles, which drafts each part) — every unit one of the
 * organisation's, else 400 naming the part and nothing changes; a commune cannot take the Sở's policy
 * as it is; new reports follow the assignment; users read their own organisation's units.
 */
describe('Quản trị: an organisation’s own units and who drafts what (database)', () => {
  let t: TestApp;
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const snapshot = async () =>
    (
      await t.ds.query(
        `SELECT (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM routing_policies x) AS p,
                (SELECT count(*) FROM admin_log) AS l, (SELECT count(*) FROM units) AS u`,
      )
    )[0];
  /** A 400 naming `field`, in Vietnamese, that changed nothing. */
  const refused = async (user: string, path: string, body: unknown, field: string, message: RegExp) => {
    const headers = await as(user); // a first login is logged (admin_log): before the snapshot
    const before = await snapshot();
    const res = await t
      .http()
      .put(`/api${path}`)
      .set(headers)
      .send(body as object);
    expect({ status: res.status, field: res.body.field }).toEqual({ status: 400, field });
    expect(res.body.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  };

  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t.close());

  it('shows the Sở’s own units in its order and its policy’s assignment of the parts', async () => {
    const o = (
      await t
        .http()
        .get('/api/admin/organisation')
        .set(await as('snv.admin'))
        .expect(200)
        .expect(conformsToContract)
    ).body;
    expect(o.units.map((u: { code: string; name: string }) => [u.code, u.name])).toEqual([
      ['VP', 'Văn phòng Sở'],
      ['CCHC', 'Phòng Cải cách hành chính – Văn thư lưu trữ'],
      ['TCBC', 'Phòng Tổ chức – Biên chế'],
    ]);
    const [cchc] = o.routingPolicies;
    expect(cchc).toMatchObject({ policy: { code: 'SO_PGD' }, compilingUnit: { code: 'CCHC' }, problems: [] });
    expect(cchc.policy.description).toContain('Phó Giám đốc phụ trách lĩnh vực cải cách hành chính ký');
    expect(cchc.policy.description).toContain('người được Giám đốc ủy quyền');
    expect(cchc.parts.find((p: { code: string }) => p.code === 'II.3').unit).toEqual({ code: 'TCBC', name: 'Phòng Tổ chức – Biên chế' });
    // Its people read the same (the forms' parts and unit filter), a commune's people their commune's.
    const mine = (
      await t
        .http()
        .get('/api/organisation/units')
        .set(await as('snv.cv'))
        .expect(200)
        .expect(conformsToContract)
    ).body;
    expect(mine.units.map((u: { code: string }) => u.code)).toEqual(['VP', 'CCHC', 'TCBC']);
    expect(mine.templates.find((x: { templateCode: string }) => x.templateCode === 'CCHC_QUY').compilingUnit.code).toBe('CCHC');
    const commune = (
      await t
        .http()
        .get('/api/organisation/units')
        .set(await as('vhxh.cv'))
        .expect(200)
    ).body;
    expect(commune.units.map((u: { code: string }) => u.code).sort()).toEqual(['HCC', 'KT', 'VHXH', 'VP']);
    expect(commune.templates[0].parts.find((p: { code: string }) => p.code === 'II.2').unit).toEqual({
      code: 'HCC',
      name: 'Trung tâm Phục vụ hành chính công',
    });
  });

  it('refuses a unit the organisation does not have, an unknown part, a commune taking the Sở’s policy; nothing changes', async () => {
    const parts = { 'II.5': 'KHTC' };
    await refused('snv.admin', '/admin/routing-policies/CCHC/units', { compilingUnit: 'CCHC', parts }, 'parts.II.5', /đơn vị KHTC/);
    await refused('snv.admin', '/admin/routing-policies/CCHC/units', { compilingUnit: 'VHXH', parts: {} }, 'compilingUnit', /VHXH/);
    await refused(
      'snv.admin',
      '/admin/routing-policies/CCHC/units',
      { compilingUnit: 'CCHC', parts: { 'IX.9': 'VP' } },
      'parts.IX.9',
      /IX\.9/,
    );
    await refused('admin', '/admin/routing-policies/CCHC', { policyCode: 'SO_PGD' }, 'policyCode', /chưa dùng được ở cơ quan này: .*CCHC/);
    await t
      .http()
      .put('/api/admin/routing-policies/CCHC/units')
      .set(await as('snv.cchc'))
      .send({ compilingUnit: 'CCHC', parts: {} })
      .expect(403);
  });

  it('a new unit takes a part: the assignment is logged and new reports follow it', async () => {
    await t
      .http()
      .post('/api/admin/units')
      .set(await as('snv.admin'))
      .send({ code: 'KHTC', name: 'Phòng Kế hoạch – Tài chính' })
      .expect(201);
    const view = (
      await t
        .http()
        .put('/api/admin/routing-policies/CCHC/units')
        .set(await as('snv.admin'))
        .send({ compilingUnit: 'CCHC', parts: { 'II.3': 'TCBC', 'II.4': 'TCBC', 'II.5': 'KHTC' } })
        .expect(200)
        .expect(conformsToContract)
    ).body;
    expect(view.parts.find((p: { code: string }) => p.code === 'II.5').unit).toEqual({ code: 'KHTC', name: 'Phòng Kế hoạch – Tài chính' });
    // The other parts keep the policy's mapping of the template's units.
    expect(view.parts.find((p: { code: string }) => p.code === 'II.1').unit.code).toBe('VP');
    const [log] = await t.ds.query(`SELECT summary FROM admin_log WHERE action = 'routing_policy.units' ORDER BY at DESC LIMIT 1`);
    expect(log.summary).toContain('II.5 → KHTC');
    const units = (
      await t.ds.query(
        `SELECT code FROM units u JOIN organisations o ON o.id = u.organisation_id WHERE o.name = 'Sở Nội vụ tỉnh Đông Hòa' ORDER BY u.sort_order, u.code`,
      )
    ).map((u: { code: string }) => u.code);
    expect(units).toEqual(['VP', 'CCHC', 'TCBC', 'KHTC']); // listed after the existing ones
    const created = (
      await t
        .http()
        .post('/api/reports')
        .set(await as('snv.cchc'))
        .send({ templateCode: 'CCHC_QUY', period: { kind: 'quarter', year: 2095, index: 2 }, deadline: '2095-06-20' })
        .expect(201)
    ).body;
    expect(created.sections.find((s: { code: string }) => s.code === 'II.5').unit).toEqual({
      code: 'KHTC',
      name: 'Phòng Kế hoạch – Tài chính',
    });
    expect(created.sections.find((s: { code: string }) => s.code === 'II.6').unit.code).toBe('VP');
  });
});
