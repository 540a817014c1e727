import { LIFECYCLE_USERS, driveToSigned, send, type Client } from '../../testing/lifecycle';
import { lifecycleClient } from '../../testing/http-client';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { AuditKey } from '../audit/audit-key';
import { NotificationsService } from '../notifications/notifications.service';
import { SeedService } from '../seed/seed.service';
import { AnchorService } from '../audit/anchor.service';
import { INCOMING_LOG_HEAD, verifyIncomingLog } from './incoming-log';

/** Issue 12, steps 3–4: delivery into the Sở's incoming register, receipt and refusal by its văn thư, access across the tree. */
describe('between agencies: incoming register, receipt, refusal (database)', () => {
  let t: TestApp;
  /** An Bình's users under their own names; Tân Phú's under the same role names (tokens of `tanphu.*`). */
  let anBinh: Client;
  let tanPhu: Client;
  const AN_BINH = 'Ủy ban nhân dân xã An Bình';
  const TAN_PHU = 'Ủy ban nhân dân xã Tân Phú';
  const SNV = 'Sở Nội vụ tỉnh Đông Hòa';
  const as = async (u: string) => ({ Authorization: `Bearer ${await t.login(u)}` });
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await t.ds.query(sql, params))[0] as T;
  const orgId = async (name: string) => (await one<{ id: string }>('SELECT id FROM organisations WHERE name = $1', [name])).id;
  const flush = () => t.app.get(NotificationsService).flush();
  const report = async (id: string, u = 'vhxh.truong') =>
    (
      await t
        .http()
        .get(`/api/reports/${id}`)
        .set(await as(u))
        .expect(200)
    ).body;
  const delivery = async (id: string, u = 'vanthu') =>
    (
      await t
        .http()
        .get(`/api/reports/${id}/delivery`)
        .set(await as(u))
        .expect(200)
    ).body;
  const incoming = async (u = 'snv.vanthu', q = '') =>
    (
      await t
        .http()
        .get(`/api/incoming${q}`)
        .set(await as(u))
        .expect(200)
    ).body;
  let requestId: string;
  let r1: { id: string; version: number };
  let r2: { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp();
    anBinh = await lifecycleClient(t, LIFECYCLE_USERS);
    const tokens: Record<string, string> = {};
    for (const u of LIFECYCLE_USERS) tokens[u] = await t.login(`tanphu.${u}`);
    tanPhu = { base: anBinh.base, tokens };
    const req = await t
      .http()
      .post('/api/requests')
      .set(await as('snv.cv'))
      .send({
        numberText: '3001/SNV-CCHC',
        issuedOn: '2099-05-02',
        subject: 'về việc báo cáo công tác CCHC quý II năm 2099',
        templateCode: 'CCHC_QUY',
        period: { kind: 'quarter', year: 2099, index: 2 },
        deadline: '2099-06-20',
        organisationIds: [await orgId(AN_BINH), await orgId(TAN_PHU)],
      })
      .expect(201);
    requestId = req.body.id;
    // Việc của tôi: the compiling unit sees the request with "Mở báo cáo"; another unit does not.
    await t.app.get(NotificationsService).flush();
    const task = (
      await t
        .http()
        .get('/api/inbox')
        .set(await as('vhxh.truong'))
        .expect(200)
    ).body;
    expect(task.requests).toEqual([
      expect.objectContaining({ requestId, numberText: '3001/SNV-CCHC', issuer: expect.objectContaining({ name: SNV }) }),
    ]);
    expect(
      (
        await t
          .http()
          .get('/api/inbox')
          .set(await as('kt.cv'))
          .expect(200)
      ).body.requests,
    ).toEqual([]);
    const o1 = (
      await t
        .http()
        .post(`/api/requests/${requestId}/open`)
        .set(await as('vhxh.truong'))
        .expect(201)
    ).body;
    const o2 = (
      await t
        .http()
        .post(`/api/requests/${requestId}/open`)
        .set(await as('tanphu.vhxh.truong'))
        .expect(201)
    ).body;
    expect(o1.basis).toContain('Thực hiện Văn bản số 3001/SNV-CCHC');
    expect(
      (
        await t
          .http()
          .get('/api/inbox')
          .set(await as('vhxh.truong'))
          .expect(200)
      ).body.requests,
    ).toEqual([]);
    r1 = { id: o1.id, version: await driveToSigned(anBinh, o1.id, o1.version) };
    r2 = { id: o2.id, version: await driveToSigned(tanPhu, o2.id, o2.version) };
  }, 300_000);
  afterAll(() => t.close());

  it('dispatching delivers the issued report into the Sở’s incoming register exactly once, with its clerk’s task', async () => {
    let v = await send(anBinh, 'vanthu', r1.id, r1.version, 'issue');
    v = await send(anBinh, 'vanthu', r1.id, v, 'dispatch');
    await flush();
    await flush();
    // A second outbox row for the same revision (a duplicate delivery) changes nothing.
    await t.ds.query(`INSERT INTO outbox (organisation_id, topic, payload) VALUES ($1, 'incoming.deliver', $2)`, [
      await orgId(AN_BINH),
      JSON.stringify({ reportId: r1.id, revision: 1 }),
    ]);
    await flush();
    const page = await incoming();
    expect(page.total).toBe(1);
    const [e] = page.items;
    expect(e).toMatchObject({
      arrivalNumber: 1,
      sender: { name: AN_BINH },
      numberText: '01/BC-UBND',
      reportId: r1.id,
      revision: 1,
      requestId,
      status: 'arrived',
      canAnswer: true,
    });
    expect(e.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await t
      .http()
      .get(`/api/incoming/${e.id}/pdf`)
      .set(await as('snv.vanthu'))
      .expect(200);
    expect(pdf.headers['x-content-sha256']).toBe(e.pdfSha256);
    expect(await delivery(r1.id)).toMatchObject({ status: 'arrived', receiver: { name: SNV }, arrival: { arrivalNumber: 1 } });
    const inbox = (
      await t
        .http()
        .get('/api/notifications')
        .set(await as('snv.vanthu'))
        .expect(200)
    ).body.items;
    expect(inbox.some((n: { message: string }) => n.message.startsWith('Văn bản đến số 1:'))).toBe(true);
    expect(
      (
        await t
          .http()
          .get('/api/inbox')
          .set(await as('snv.vanthu'))
          .expect(200)
      ).body.arrivals,
    ).toBe(1);
    expect(
      (
        await t
          .http()
          .get('/api/inbox')
          .set(await as('snv.cv'))
          .expect(200)
      ).body.arrivals,
    ).toBe(0);
    // The viewer of the Sở reads the register but may not answer.
    expect((await incoming('snv.cv')).items[0].canAnswer).toBe(false);
    r1.version = v;
  });

  it('the commune’s clerk may not record an in-system receiver’s answer (422); the receipt is the Sở văn thư’s, once', async () => {
    const before = await report(r1.id, 'vanthu');
    expect(before.allowedEvents.map((x: { type: string }) => x.type)).not.toContain('acknowledge');
    const hand = await t
      .http()
      .post(`/api/reports/${r1.id}/events`)
      .set(await as('vanthu'))
      .send({ type: 'acknowledge', expectedVersion: r1.version })
      .expect(422);
    expect(hand.body.message).toContain('Sổ văn bản đến');
    const [e] = (await incoming()).items;
    // Wrong agency: not found; the Sở's viewer: forbidden. Nothing changes.
    await t
      .http()
      .post(`/api/incoming/${e.id}/receipt`)
      .set(await as('vanthu'))
      .expect(404);
    await t
      .http()
      .post(`/api/incoming/${e.id}/receipt`)
      .set(await as('tanphu.vanthu'))
      .expect(404);
    const viewer = await t
      .http()
      .post(`/api/incoming/${e.id}/receipt`)
      .set(await as('snv.cv'))
      .expect(403);
    expect(viewer.body.message).toContain('văn thư');
    expect((await report(r1.id)).state).toBe('submitted');

    const ok = await t
      .http()
      .post(`/api/incoming/${e.id}/receipt`)
      .set(await as('snv.vanthu'))
      .expect(200);
    expect(ok.body).toMatchObject({ status: 'received', answeredBy: 'Đinh Thị Hằng', canAnswer: false });
    const twice = await t
      .http()
      .post(`/api/incoming/${e.id}/receipt`)
      .set(await as('snv.vanthu'))
      .expect(409);
    expect(twice.body.message).toContain('đã được tiếp nhận');
    await t
      .http()
      .post(`/api/incoming/${e.id}/refusal`)
      .set(await as('snv.vanthu'))
      .send({ reason: 'muộn' })
      .expect(409);
    const after = await report(r1.id);
    expect(after).toMatchObject({ state: 'acknowledged', version: r1.version + 1 });
    expect(await delivery(r1.id)).toMatchObject({ status: 'received', arrival: { answeredBy: 'Đinh Thị Hằng' } });
    // Both chains: the commune's report chain has the receipt by the Sở's văn thư; the Sở's incoming log the arrival and the receipt.
    const audit = (
      await t
        .http()
        .get(`/api/reports/${r1.id}/audit`)
        .set(await as('vanthu'))
        .expect(200)
    ).body.items as {
      event: string;
      actor: { name: string };
    }[];
    expect(audit[0]).toMatchObject({ event: 'acknowledge', actor: { name: 'Đinh Thị Hằng' } }); // newest first
    expect(
      (
        await t
          .http()
          .get(`/api/reports/${r1.id}/audit/verify`)
          .set(await as('vanthu'))
          .expect(200)
      ).body.ok,
    ).toBe(true);
    const log = await t.ds.query('SELECT event FROM incoming_log WHERE organisation_id = $1 ORDER BY seq', [await orgId(SNV)]);
    expect(log.map((l: { event: string }) => l.event)).toEqual(['arrival', 'received']);
    expect(await verifyIncomingLog(t.ds.manager, t.app.get(AuditKey), await orgId(SNV))).toEqual([]);
  });

  it('the Sở’s incoming log is part of GET /api/audit/verify and of its anchors: a tampered or truncated log fails verification', async () => {
    const snv = await orgId(SNV);
    const h = { Authorization: `Bearer ${await t.login('snv.vanthu')}` };
    const verify = async () => (await t.http().get('/api/audit/verify').set(h).expect(200)).body;
    const asSuperuser = async (sql: string, params: unknown[]): Promise<void> => {
      await t.ds.query('ALTER TABLE incoming_log DISABLE TRIGGER USER');
      try {
        await t.ds.query(sql, params);
      } finally {
        await t.ds.query('ALTER TABLE incoming_log ENABLE TRIGGER USER');
      }
    };
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
    // The anchor seals the log's head next to the report heads.
    const anchor = await t.app.get(AnchorService).anchor(snv);
    const [head] = await t.ds.query('SELECT seq, hash FROM incoming_log WHERE organisation_id = $1 ORDER BY seq DESC LIMIT 1', [snv]);
    expect(anchor.heads).toContainEqual({ reportId: INCOMING_LOG_HEAD, seq: head.seq, hash: head.hash });
    expect(anchor.unsealed).toEqual([]);

    // A row rewritten in the database (the trigger bypassed): verify names it; the anchor refuses to seal the log.
    const [first] = await t.ds.query('SELECT summary FROM incoming_log WHERE organisation_id = $1 AND seq = 1', [snv]);
    await asSuperuser('UPDATE incoming_log SET summary = $2 WHERE organisation_id = $1 AND seq = 1', [snv, 'Đã sửa từ cơ sở dữ liệu']);
    const tampered = await verify();
    expect(tampered.ok).toBe(false);
    expect(tampered.problems).toContainEqual(expect.objectContaining({ reason: 'Sổ đến: mục 1 đã bị sửa.' }));
    await asSuperuser('UPDATE incoming_log SET summary = $2 WHERE organisation_id = $1 AND seq = 1', [snv, first.summary]);
    expect(await verify()).toMatchObject({ ok: true });

    // The newest step deleted: the log is intact in itself, but shorter than the anchored head.
    const [last] = await t.ds.query('SELECT * FROM incoming_log WHERE organisation_id = $1 AND seq = $2', [snv, head.seq]);
    await asSuperuser('DELETE FROM incoming_log WHERE organisation_id = $1 AND seq = $2', [snv, head.seq]);
    const truncated = await verify();
    expect(truncated.ok).toBe(false);
    expect(truncated.problems).toContainEqual(
      expect.objectContaining({ reason: `Sổ đến: ngắn hơn hoặc khác với mốc neo của cơ quan (mục ${head.seq}).` }),
    );
    await t.ds.query(
      `INSERT INTO incoming_log (organisation_id, seq, at, entry_id, event, actor_id, actor_name, summary, prev_hash, hash, mac)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        last.organisation_id,
        last.seq,
        last.at,
        last.entry_id,
        last.event,
        last.actor_id,
        last.actor_name,
        last.summary,
        last.prev_hash,
        last.hash,
        last.mac,
      ],
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('a delivery to a receiver that does not take deliveries stays pending with the reason and is retried until it lands', async () => {
    await t.ds.query('UPDATE organisations SET receives_incoming = false WHERE name = $1', [SNV]);
    let v = await send(tanPhu, 'vanthu', r2.id, r2.version, 'issue');
    v = await send(tanPhu, 'vanthu', r2.id, v, 'dispatch');
    await flush();
    const pending = await delivery(r2.id, 'tanphu.vanthu');
    expect(pending).toMatchObject({ status: 'pending', receiver: { name: SNV }, arrival: null });
    expect(pending.attempts).toBeGreaterThanOrEqual(1);
    expect(pending.lastError).toContain('tạm ngừng nhận');
    expect(pending.lastError).not.toMatch(/^Lỗi kỹ thuật/); // a reason for people, shown as it is
    expect(new Date(pending.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    const ops = (
      await t
        .http()
        .get('/api/deliveries/pending')
        .set(await as('tanphu.admin'))
        .expect(200)
    ).body;
    expect(ops.total).toBe(1);
    expect(ops.items).toEqual([expect.objectContaining({ reportId: r2.id, receiver: expect.objectContaining({ name: SNV }) })]);
    expect((await incoming()).total).toBe(1);

    // "Gửi lại ngay": only the sender's văn thư; the receiver's staff do not see the delivery; still paused, still pending.
    const retry = async (user: string, status: number) =>
      (
        await t
          .http()
          .post(`/api/reports/${r2.id}/delivery/retry`)
          .set(await as(user))
          .expect(status)
      ).body;
    expect((await retry('tanphu.admin', 403)).message).toBe('Chỉ văn thư của cơ quan gửi mới yêu cầu gửi lại được.');
    await retry('snv.vanthu', 404);
    const again = await retry('tanphu.vanthu', 200);
    expect(again).toMatchObject({ status: 'pending', lastError: expect.stringContaining('tạm ngừng nhận') });
    expect(again.attempts).toBe(pending.attempts + 1);

    await t.ds.query('UPDATE organisations SET receives_incoming = true WHERE name = $1', [SNV]);
    expect(await retry('tanphu.vanthu', 200)).toMatchObject({ status: 'arrived', arrival: { arrivalNumber: 2 } });
    expect(await delivery(r2.id, 'tanphu.vanthu')).toMatchObject({ status: 'arrived', arrival: { arrivalNumber: 2 } });
    // Landed: nothing left to send again, and the refusal changes nothing.
    expect((await retry('tanphu.vanthu', 409)).message).toContain('Không có lần gửi nào đang chờ');
    expect((await incoming()).total).toBe(2);
    expect(
      (
        await t
          .http()
          .get('/api/deliveries/pending')
          .set(await as('tanphu.admin'))
          .expect(200)
      ).body,
    ).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    r2.version = v;
  });

  it('a refusal needs a reason (400, nothing changes), then reopens the commune’s report as a new revision, visible to it', async () => {
    const e = (await incoming('snv.vanthu', '?status=arrived')).items[0];
    expect(e.reportId).toBe(r2.id);
    await t
      .http()
      .post(`/api/incoming/${e.id}/refusal`)
      .set(await as('snv.vanthu'))
      .send({})
      .expect(400);
    await t
      .http()
      .post(`/api/incoming/${e.id}/refusal`)
      .set(await as('snv.vanthu'))
      .send({ reason: '   ' })
      .expect(400);
    expect((await report(r2.id, 'tanphu.vhxh.truong')).state).toBe('submitted');
    const reason = 'Thiếu số liệu phụ lục II.5; đề nghị bổ sung.';
    const refused = await t
      .http()
      .post(`/api/incoming/${e.id}/refusal`)
      .set(await as('snv.vanthu'))
      .send({ reason })
      .expect(200);
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: reason });
    expect(await report(r2.id, 'tanphu.vhxh.truong')).toMatchObject({ state: 'compiling', revision: 2, number: null });
    expect(await delivery(r2.id, 'tanphu.vanthu')).toMatchObject({ status: 'refused', arrival: { refusalReason: reason } });
    const audit = (
      await t
        .http()
        .get(`/api/reports/${r2.id}/audit`)
        .set(await as('tanphu.vanthu'))
        .expect(200)
    ).body.items;
    expect(audit[0]).toMatchObject({ event: 'refuse', comment: reason }); // newest first
    // The search is accent-insensitive.
    expect((await incoming('snv.vanthu', '?q=tan%20phu')).items.map((x: { id: string }) => x.id)).toEqual([e.id]);
  });

  it('across the tree: a sibling sees nothing, a superior anywhere above reads but acts never (403), another province nothing (404)', async () => {
    await t
      .http()
      .get(`/api/reports/${r1.id}`)
      .set(await as('tanphu.vhxh.truong'))
      .expect(404);
    for (const u of ['snv.cv', 'tinh.cv']) {
      await t
        .http()
        .get(`/api/reports/${r2.id}`)
        .set(await as(u))
        .expect(200);
      const res = await t
        .http()
        .post(`/api/reports/${r2.id}/events`)
        .set(await as(u))
        .send({
          type: 'return_section',
          sectionId: (await report(r2.id, 'tanphu.vhxh.truong')).sections[0].id,
          comment: 'x',
          expectedVersion: 1,
        })
        .expect(403);
      expect(res.body.message).toContain('Cơ quan cấp trên chỉ theo dõi');
    }
    const s = (await report(r2.id, 'tanphu.vhxh.truong')).sections[0];
    const edit = await t
      .http()
      .put(`/api/reports/${r2.id}/sections/${s.id}/content`)
      .set(await as('snv.cv'))
      .send({ content: { blocks: [] }, baseRevisionId: null });
    expect([403, 404]).toContain(edit.status);
    // Another province: its Sở and user see none of this.
    const seeder = t.app.get(SeedService);
    await seeder.seedProvince(
      {
        name: 'Sở Nội vụ tỉnh Bắc Sơn',
        issuerParent: 'UBND TỈNH BẮC SƠN',
        issuerName: 'SỞ NỘI VỤ',
        place: 'Bắc Sơn',
        numberSuffix: 'SNV',
        collectiveTitle: 'SỞ NỘI VỤ',
      },
      { username: 'bacson.vanthu', fullName: 'Lê Văn Bắc', position: 'VAN_THU', roles: ['clerk'] },
    );
    await t
      .http()
      .get(`/api/reports/${r2.id}`)
      .set(await as('bacson.vanthu'))
      .expect(404);
    await t
      .http()
      .get(`/api/reports/${r2.id}/delivery`)
      .set(await as('bacson.vanthu'))
      .expect(404);
    const e = (await incoming()).items[0];
    await t
      .http()
      .get(`/api/incoming/${e.id}`)
      .set(await as('bacson.vanthu'))
      .expect(404);
    await t
      .http()
      .post(`/api/incoming/${e.id}/receipt`)
      .set(await as('bacson.vanthu'))
      .expect(404);
    expect((await incoming('bacson.vanthu')).total).toBe(0);
    // A request from it to a commune outside its tree: 400, nothing written.
    const before = (await one<{ n: number }>('SELECT count(*)::int AS n FROM report_requests')).n;
    const outside = await t
      .http()
      .post('/api/requests')
      .set(await as('bacson.vanthu'))
      .send({
        numberText: '1/SNV',
        issuedOn: '2099-05-02',
        subject: 'về việc báo cáo',
        period: { kind: 'quarter', year: 2099, index: 2 },
        deadline: '2099-06-20',
        organisationIds: [await orgId(AN_BINH)],
      })
      .expect(400);
    expect(outside.body.message).toContain('không thuộc phạm vi');
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM report_requests')).n).toBe(before);
  });
});
