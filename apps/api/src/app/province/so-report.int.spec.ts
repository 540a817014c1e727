import { pdfText } from '../../testing/pdf-text';
import { conformsToContract } from '../../testing/contract-check';
import { lifecycleClient } from '../../testing/http-client';
import { LIFECYCLE_USERS, previewSha256, send, type Client } from '../../testing/lifecycle';
import { driveToDispatchedWithFigures } from '../../testing/lifecycle-figures';
import { SO_DRAFTER_OF, SO_HEAD_OF, SO_USERS, driveSoToAwaitingSignature } from '../../testing/so-lifecycle';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { NotificationsService } from '../notifications/notifications.service';
import { SeedService } from '../seed/seed.service';

/**
 * Issue 12 §5 to the end: the Sở's compiled report from the request to its issued PDF, under the Sở's own
 * units and policy — its parts on its units, drafted and accepted by its people, signed by its Phó Giám
 * đốc ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"), numbered in its register (…/BC-SNV), sealed, dispatched to UBND
 * tỉnh — read back by pdf.js; a commune's people act on none of it, another province sees nothing.
 */
describe('the Sở’s compiled report through its own lifecycle (database, pdf.js)', () => {
  let t: TestApp;
  let c: Client;
  let requestId: string;
  let report: { id: string; version: number; sections: { id: string; code: string; unit: { code: string; name: string } }[] };
  const SNV = 'Sở Nội vụ tỉnh Đông Hòa';
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const orgId = async (name: string) =>
    ((await t.ds.query('SELECT id FROM organisations WHERE name = $1', [name]))[0] as { id: string }).id;
  const flush = () => t.app.get(NotificationsService).flush();
  const state = async () => (await t.ds.query('SELECT state, version FROM reports WHERE id = $1', [report.id]))[0];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const binary = (r: any, cb: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    r.on('data', (x: Buffer) => chunks.push(x));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  };
  const pdf = async (u: string): Promise<Buffer> =>
    (
      await t
        .http()
        .get(`/api/reports/${report.id}/pdf`)
        .set(await as(u))
        .buffer(true)
        .parse(binary)
        .expect(200)
    ).body as Buffer;
  const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

  beforeAll(async () => {
    t = await startTestApp();
    c = await lifecycleClient(t, [...LIFECYCLE_USERS, ...SO_USERS]);
    const tanPhu: Client = { base: c.base, tokens: {} };
    for (const u of LIFECYCLE_USERS) tanPhu.tokens[u] = await t.login(`tanphu.${u}`);
    requestId = (
      await t
        .http()
        .post('/api/requests')
        .set(await as('snv.cv'))
        .send({
          numberText: '4101/SNV-CCHC',
          issuedOn: '2097-08-02',
          subject: 'về việc báo cáo công tác CCHC quý III năm 2097',
          templateCode: 'CCHC_QUY',
          period: { kind: 'quarter', year: 2097, index: 3 },
          deadline: '2097-09-20',
          organisationIds: [await orgId('Ủy ban nhân dân xã An Bình'), await orgId('Ủy ban nhân dân xã Tân Phú')],
        })
        .expect(201)
    ).body.id;
    const figures = { 'II.2': { '4': ['2.169'], '5': ['2.143'], '5.1': ['2.139'], '5.2': ['4'], '6': ['26'] } };
    for (const [client, prefix] of [
      [c, ''],
      [tanPhu, 'tanphu.'],
    ] as const) {
      const opened = (
        await t
          .http()
          .post(`/api/requests/${requestId}/open`)
          .set(await as(`${prefix}vhxh.truong`))
          .expect(201)
      ).body;
      await driveToDispatchedWithFigures(client, opened, figures);
    }
  }, 600_000);
  afterAll(() => t.close());

  it('opens the compiled report on the Sở’s own units, addressed to UBND tỉnh, archived by its compiling unit', async () => {
    // The chuyên viên who issued the request may not compile: the refusal names the Sở's unit, not a commune's.
    const refused = await t
      .http()
      .post(`/api/requests/${requestId}/compile`)
      .set(await as('snv.cv'))
      .send({})
      .expect(403);
    expect(refused.body.message).toBe(
      'Chỉ lãnh đạo hoặc chuyên viên tổng hợp của Phòng Cải cách hành chính – Văn thư lưu trữ (đơn vị chủ trì) mới được mở báo cáo CCHC.',
    );
    const res = await t
      .http()
      .post(`/api/requests/${requestId}/compile`)
      .set(await as('snv.cchc'))
      .send({})
      .expect(201)
      .expect(conformsToContract);
    report = res.body;
    const units = Object.fromEntries(report.sections.map((s) => [s.code, s.unit.code]));
    expect(units).toEqual({
      opening: 'CCHC',
      I: 'CCHC',
      'II.1': 'VP',
      'II.2': 'CCHC',
      'II.3': 'TCBC',
      'II.4': 'TCBC',
      'II.5': 'VP',
      'II.6': 'VP',
      III: 'CCHC',
      IV: 'CCHC',
      V: 'CCHC',
    });
    expect(report.sections.find((s) => s.code === 'II.3')?.unit.name).toBe('Phòng Tổ chức – Biên chế');
    expect(res.body).toMatchObject({ recipients: ['Ủy ban nhân dân tỉnh Đông Hòa'] });
    expect(res.body.distribution.at(-1)).toBe('- Lưu: VT, CCHC.');
    // Each part's drafter is the Sở's, assigned by default.
    const drafters = (await t.ds.query(
      'SELECT s.code, u.username FROM sections s JOIN users u ON u.id = s.assignee_id WHERE s.report_id = $1',
      [report.id],
    )) as { code: string; username: string }[];
    for (const d of drafters) expect(d.username).toBe(SO_DRAFTER_OF[units[d.code]]);
  }, 120_000);

  it('a commune’s users cannot act on the Sở’s parts (404, nothing changes); another province sees nothing', async () => {
    const before = await state();
    const part = report.sections.find((s) => s.code === 'II.1') as { id: string };
    for (const u of ['vp.cv', 'vhxh.truong', 'tanphu.vp.cv']) {
      await t
        .http()
        .post(`/api/reports/${report.id}/events`)
        .set(await as(u))
        .send({ type: 'open_collection', expectedVersion: before.version })
        .expect(404);
      await t
        .http()
        .put(`/api/reports/${report.id}/sections/${part.id}/content`)
        .set(await as(u))
        .send({ baseRevisionId: null, content: { blocks: [] } })
        .expect(404);
      await t
        .http()
        .get(`/api/reports/${report.id}`)
        .set(await as(u))
        .expect(404);
    }
    await t.app.get(SeedService).seedProvince(
      {
        name: 'Sở Nội vụ tỉnh Bắc Sơn',
        issuerParent: 'UBND TỈNH BẮC SƠN',
        issuerName: 'SỞ NỘI VỤ',
        place: 'Bắc Sơn',
        numberSuffix: 'SNV',
        collectiveTitle: 'SỞ NỘI VỤ',
      },
      { username: 'bacson.cv', fullName: 'Lê Văn Bắc', position: 'CHUYEN_VIEN', roles: ['viewer'] },
    );
    for (const path of [`/api/reports/${report.id}`, `/api/reports/${report.id}/pdf`, `/api/requests/${requestId}/aggregate`])
      await t
        .http()
        .get(path)
        .set(await as('bacson.cv'))
        .expect(404);
    await t
      .http()
      .post(`/api/reports/${report.id}/events`)
      .set(await as('bacson.cv'))
      .send({ type: 'open_collection', expectedVersion: before.version })
      .expect(404);
    expect(await state()).toEqual(before);
  }, 120_000);

  it('goes through the Sở’s units and heads, is signed by its Phó Giám đốc, numbered …/BC-SNV, sealed and dispatched', async () => {
    let v = await driveSoToAwaitingSignature(c, report);
    // The draft's signature block is the Sở's: no "TM." line, the Phó Giám đốc in charge.
    const draft = squash((await pdfText(await pdf('snv.pgd'))).join(' '));
    expect(draft).toContain(squash('KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC'));
    expect(draft).not.toContain(squash('TM. SỞ NỘI VỤ'));
    // Neither the Giám đốc (the policy names the Phó Giám đốc in charge) nor a commune's vice-chair may sign.
    const sha = await previewSha256(c, 'snv.gd', report.id);
    const gd = await t
      .http()
      .post(`/api/reports/${report.id}/events`)
      .set(await as('snv.gd'))
      .send({ type: 'sign', expectedVersion: v, documentSha256: sha })
      .expect(403);
    expect(gd.body.message).toBe('Chỉ Phó Giám đốc phụ trách lĩnh vực cải cách hành chính mới được ký báo cáo này.');
    await t
      .http()
      .post(`/api/reports/${report.id}/events`)
      .set(await as('pct.vhxh'))
      .send({ type: 'sign', expectedVersion: v, documentSha256: sha })
      .expect(404);
    v = await send(c, 'snv.pgd', report.id, v, 'sign');
    v = await send(c, 'snv.vanthu', report.id, v, 'issue');
    await flush();
    const detail = (
      await t
        .http()
        .get(`/api/reports/${report.id}`)
        .set(await as('snv.vanthu'))
        .expect(200)
    ).body;
    expect(detail.number).toMatch(/^\d{2,}\/BC-SNV$/);
    expect(detail.signature).toMatchObject({ lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Quốc Bảo' });
    const [entry] = await t.ds.query(
      'SELECT organisation_id, number_text, archive_unit, signer_name FROM register_entries WHERE report_id = $1',
      [report.id],
    );
    expect(entry).toEqual({
      organisation_id: await orgId(SNV),
      number_text: detail.number,
      archive_unit: 'VT, CCHC',
      signer_name: 'Nguyễn Quốc Bảo',
    });

    // The issued PDF, read back by pdf.js: the Sở's header, its number, the Sở's block; two PAdES signatures.
    const issued = await pdf('snv.vanthu');
    const text = squash((await pdfText(issued)).join(' '));
    for (const s of [
      'UBND TỈNH ĐÔNG HÒA',
      'SỞ NỘI VỤ',
      `Số: ${detail.number}`,
      'Kính gửi: Ủy ban nhân dân tỉnh Đông Hòa',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Quốc Bảo',
      'Lưu: VT, CCHC.',
    ])
      expect(text).toContain(squash(s));
    expect(text).not.toContain(squash('TM. '));
    expect(text).not.toContain(squash('CHỦ TỊCH'));
    const signatures = (
      await t
        .http()
        .get(`/api/reports/${report.id}/signatures`)
        .set(await as('snv.vanthu'))
        .expect(200)
    ).body;
    expect(signatures).toMatchObject({ kind: 'issued', valid: true });
    expect(signatures.signatures.map((s: { signer: { commonName: string }; status: string }) => [s.signer.commonName, s.status])).toEqual([
      ['Nguyễn Quốc Bảo', 'valid'],
      [SNV, 'valid'],
    ]);

    v = await send(c, 'snv.vanthu', report.id, v, 'dispatch');
    await flush();
    expect(await state()).toMatchObject({ state: 'submitted' });
    // Delivered into UBND tỉnh's incoming register (its parent: no receiver configured for the Sở's CCHC reports).
    const delivery = (
      await t
        .http()
        .get(`/api/reports/${report.id}/delivery`)
        .set(await as('snv.vanthu'))
        .expect(200)
    ).body;
    expect(delivery).toMatchObject({ status: 'arrived', receiver: { name: 'Ủy ban nhân dân tỉnh Đông Hòa' } });
    // Every head named in the lifecycle was the Sở's own.
    const heads = (await t.ds.query(
      `SELECT DISTINCT u.username FROM audit_entries a JOIN users u ON u.id = a.actor_id WHERE a.report_id = $1 AND a.event = 'head_accept_section'`,
      [report.id],
    )) as { username: string }[];
    expect(heads.map((h) => h.username).sort()).toEqual(Object.values(SO_HEAD_OF).sort());
  }, 600_000);
});
