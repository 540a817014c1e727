import { POLICIES } from '@trinhky/workflow';
import { DRAFTER_OF, LIFECYCLE_USERS, createReport, driveToSigned, send, type Client } from '../../testing/lifecycle';
import { NotificationsService } from '../notifications/notifications.service';
import { conformsToContract, responseProblem } from '../../testing/contract-check';
import { lifecycleClient } from '../../testing/http-client';
import { pdfText } from '../../testing/pdf-text';
import { startTestApp, type TestApp } from '../../testing/test-app';

/**
 * Issue 3 through the API: the whole lifecycle, returns, revocation, refusal, cancellation, three policies.
 * Every response (the driver's and this file's) is checked against its operation's contract in libs/contracts.
 */
describe('report lifecycle (database)', () => {
  let t: TestApp;
  let c: Client;
  beforeAll(async () => {
    t = await startTestApp({ seed: 'organisation' });
    c = await lifecycleClient(t, [...LIFECYCLE_USERS, 'vp.truong', 'kt.truong', 'hcc.truong', 'pct.kt'], { checkContract: true });
  });
  afterAll(() => t.close());

  const get = async (id: string, user = 'vhxh.truong') =>
    (await t.http().get(`/api/reports/${id}`).set('Authorization', `Bearer ${c.tokens[user]}`).expect(conformsToContract).expect(200)).body;
  const post = (id: string, user: string, body: Record<string, unknown>) =>
    t.http().post(`/api/reports/${id}/events`).set('Authorization', `Bearer ${c.tokens[user]}`).send(body).expect(conformsToContract);
  const pdf = async (id: string) => {
    const res = await t
      .http()
      .get(`/api/reports/${id}/pdf`)
      .set('Authorization', `Bearer ${c.tokens['vhxh.truong']}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (x: Buffer) => chunks.push(x));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(conformsToContract)
      .expect(200);
    return { bytes: res.body as Buffer, sha: res.headers['x-content-sha256'] as string, frozen: res.headers['x-frozen'] };
  };
  const usePolicy = async (code: string) => {
    await t.ds.query(`UPDATE routing_policies SET policy = $1 WHERE report_kind = 'CCHC'`, [JSON.stringify(POLICIES[code])]);
  };

  it('(a) VHXH compiles, the Phó Chủ tịch in charge signs "KT. CHỦ TỊCH", the văn thư numbers, dispatches and records receipt', async () => {
    await usePolicy('VHXH_PCT');
    const r = await createReport(c, { kind: 'quarter', year: 2026, index: 1 }, '2026-03-20');
    let v = await driveToSigned(c, r.id, r.version);
    const signed = await get(r.id);
    expect(signed.state).toBe('signed');
    expect(signed.signature).toMatchObject({ lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Thị Hồng' });
    expect(signed.allowedEvents.map((e: { type: string }) => e.type)).toEqual(['cancel']); // the compiler may still cancel before issuing, nothing else
    expect((await get(r.id, 'vanthu')).allowedEvents.map((e: { type: string }) => e.type)).toContain('issue');

    v = await send(c, 'vanthu', r.id, v, 'issue');
    const issued = await get(r.id);
    expect(issued).toMatchObject({ state: 'issued', number: '01/BC-UBND' });
    expect(issued.issuedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The issued PDF is frozen after the outbox is delivered: served unchanged, with its hash.
    await t.app.get(NotificationsService).flush();
    const a = await pdf(r.id);
    const b = await pdf(r.id);
    expect(a.frozen).toBe('true');
    expect(b.sha).toBe(a.sha);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const text = (await pdfText(a.bytes)).join(' ');
    expect(text).toContain('01/BC-UBND');
    expect(text).toContain('KT. CHỦ TỊCH');
    expect(text).toContain('Nguyễn Thị Hồng');

    v = await send(c, 'vanthu', r.id, v, 'dispatch');
    expect(await send(c, 'vanthu', r.id, v, 'acknowledge')).toBe(v + 1);
    expect((await get(r.id)).state).toBe('acknowledged');
    const verify = (
      await t
        .http()
        .get(`/api/reports/${r.id}/audit/verify`)
        .set('Authorization', `Bearer ${c.tokens['vanthu']}`)
        .expect(conformsToContract)
        .expect(200)
    ).body;
    expect(verify.ok).toBe(true);
    expect(verify.entries).toBeGreaterThan(35);
  });

  it('returns need a comment; a returned section goes back to its drafter with the comment', async () => {
    const r = await createReport(c, { kind: 'quarter', year: 2026, index: 2 }, '2026-06-20');
    let v = await send(c, 'vhxh.truong', r.id, r.version, 'open_collection');
    const s = (await get(r.id)).sections.find((x: { code: string }) => x.code === 'II.5');
    v = await send(c, DRAFTER_OF['KT'], r.id, v, 'start_drafting', { sectionId: s.id });
    v = await send(c, DRAFTER_OF['KT'], r.id, v, 'submit_section', { sectionId: s.id });
    const noComment = await post(r.id, 'vhxh.truong', { type: 'return_section', sectionId: s.id, expectedVersion: v }).expect(422);
    expect(noComment.body.message).toMatch(/lý do|ý kiến/i);
    v = await send(c, 'vhxh.truong', r.id, v, 'return_section', { sectionId: s.id, comment: 'Bổ sung số liệu giải ngân quý.' });
    const back = (await get(r.id, 'kt.cv')).sections.find((x: { id: string }) => x.id === s.id);
    expect(back).toMatchObject({ state: 'returned', lastComment: 'Bổ sung số liệu giải ngân quý.' });
    expect((await get(r.id, 'kt.cv')).allowedEvents).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'start_drafting', sectionId: s.id })]),
    );
    const audit = (
      await t
        .http()
        .get(`/api/reports/${r.id}/audit`)
        .set('Authorization', `Bearer ${c.tokens['kt.cv']}`)
        .expect(conformsToContract)
        .expect(200)
    ).body.items;
    expect(audit[0]).toMatchObject({
      // newest first
      event: 'return_section',
      comment: 'Bổ sung số liệu giải ngân quý.',
      toState: 'returned',
    });
  });

  it('a signed report that must change loses its signature; a refused one reopens as a new revision', async () => {
    const r = await createReport(c, { kind: 'quarter', year: 2026, index: 3 }, '2026-09-20');
    let v = await driveToSigned(c, r.id, r.version);
    await post(r.id, 'pct.vhxh', { type: 'revoke_signature', expectedVersion: v }).expect(422);
    v = await send(c, 'pct.vhxh', r.id, v, 'revoke_signature', { comment: 'Sửa số liệu mục II.2 trước khi ban hành.' });
    expect(await get(r.id)).toMatchObject({ state: 'returned', signature: null });
    v = await send(c, 'vhxh.truong', r.id, v, 'resume_compiling');
    v = await send(c, 'vhxh.truong', r.id, v, 'send_for_signature');
    v = await send(c, 'pct.vhxh', r.id, v, 'sign');
    v = await send(c, 'vanthu', r.id, v, 'issue');
    v = await send(c, 'vanthu', r.id, v, 'dispatch');
    v = await send(c, 'vanthu', r.id, v, 'refuse', { comment: 'Sở Nội vụ trả lại: thiếu phụ lục số liệu.' });
    const reopened = await get(r.id);
    expect(reopened).toMatchObject({ state: 'compiling', revision: 2, number: null, signature: null });
  });

  it('cancels with a reason before issuing, never after', async () => {
    const r = await createReport(c, { kind: 'half', year: 2026, index: 1 }, '2026-06-25');
    await post(r.id, 'vhxh.truong', { type: 'cancel', expectedVersion: r.version }).expect(422);
    await post(r.id, 'kt.cv', { type: 'cancel', comment: 'x', expectedVersion: r.version }).expect(403);
    await send(c, 'vhxh.truong', r.id, r.version, 'cancel', { comment: 'Mở nhầm kỳ báo cáo.' });
    expect((await get(r.id)).state).toBe('cancelled');
  });

  it('(b) the Chủ tịch signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; the Phó Chủ tịch may not', async () => {
    await usePolicy('CHAIR_SIGNS');
    const r = await createReport(c, { kind: 'quarter', year: 2027, index: 1 }, '2027-03-20');
    const drive = { ...c };
    let v = r.version;
    v = await send(drive, 'vhxh.truong', r.id, v, 'open_collection');
    for (const s of (await get(r.id)).sections) {
      v = await send(c, DRAFTER_OF[s.unit.code], r.id, v, 'start_drafting', { sectionId: s.id });
      v = await send(c, DRAFTER_OF[s.unit.code], r.id, v, 'submit_section', { sectionId: s.id });
      v = await send(c, 'vhxh.truong', r.id, v, 'accept_section', { sectionId: s.id });
    }
    v = await send(c, 'vhxh.truong', r.id, v, 'start_compiling');
    v = await send(c, 'vhxh.truong', r.id, v, 'send_for_signature');
    const refused = await post(r.id, 'pct.vhxh', { type: 'sign', expectedVersion: v }).expect(403);
    expect(refused.body.message).toMatch(/Chủ tịch/);
    v = await send(c, 'chutich', r.id, v, 'sign');
    expect((await get(r.id)).signature).toMatchObject({ lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Trần Văn Minh' });
  });

  it('(c) department heads accept first, Văn phòng checks the format, then the Phó Chủ tịch signs', async () => {
    await usePolicy('FULL');
    const r = await createReport(c, { kind: 'quarter', year: 2027, index: 2 }, '2027-06-20');
    let v = await send(c, 'vhxh.truong', r.id, r.version, 'open_collection');
    const heads: Record<string, string> = { VP: 'vp.truong', KT: 'kt.truong', VHXH: 'vhxh.truong', HCC: 'hcc.truong' };
    for (const s of (await get(r.id)).sections) {
      v = await send(c, DRAFTER_OF[s.unit.code], r.id, v, 'start_drafting', { sectionId: s.id });
      v = await send(c, DRAFTER_OF[s.unit.code], r.id, v, 'submit_section', { sectionId: s.id });
      expect((await get(r.id)).sections.find((x: { id: string }) => x.id === s.id).state).toBe('head_review');
      await post(r.id, 'vhxh.truong', { type: 'accept_section', sectionId: s.id, expectedVersion: v }).expect((x) =>
        expect([403, 422]).toContain(x.status),
      );
      v = await send(c, heads[s.unit.code], r.id, v, 'head_accept_section', { sectionId: s.id });
      v = await send(c, 'vhxh.truong', r.id, v, 'accept_section', { sectionId: s.id });
    }
    v = await send(c, 'vhxh.truong', r.id, v, 'start_compiling');
    await post(r.id, 'vhxh.truong', { type: 'send_for_signature', expectedVersion: v }).expect(422);
    v = await send(c, 'vhxh.truong', r.id, v, 'send_to_format_check');
    await post(r.id, 'kt.truong', { type: 'approve_format', expectedVersion: v }).expect(403);
    v = await send(c, 'vp.truong', r.id, v, 'return_report', { comment: 'Sai thể thức phần Nơi nhận.' });
    v = await send(c, 'vhxh.truong', r.id, v, 'send_to_format_check');
    v = await send(c, 'vp.truong', r.id, v, 'approve_format');
    v = await send(c, 'pct.vhxh', r.id, v, 'sign');
    expect((await get(r.id)).state).toBe('signed');
  });

  it('the contract check catches drift: an undeclared key, a wrong type, an undeclared status', async () => {
    const [report] = (await t.http().get('/api/reports').set('Authorization', `Bearer ${c.tokens['vhxh.truong']}`).expect(200)).body.items;
    const detail = await get(report.id);
    const at = { method: 'GET', url: `/api/reports/${report.id}`, status: 200 };
    expect(responseProblem({ ...at, body: detail })).toBeNull();
    expect(responseProblem({ ...at, body: { ...detail, secret: 1 } })).toBe(
      `getReport (GET /api/reports/${report.id}): the response has fields the contract does not declare (secret)`,
    );
    expect(responseProblem({ ...at, body: { ...detail, version: 'một' } })).toMatch(/^getReport \(GET \/api\/reports\/.*\): version: /);
    expect(responseProblem({ ...at, status: 418, body: { statusCode: 418, message: 'x' } })).toMatch(/answered 418, the contract declares/);
  });
});
