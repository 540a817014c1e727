import {
  importDocx,
  issueCertificate,
  localSigner,
  parseEdxmlEnvelope,
  signEdxml,
  verifyEdxmlSignature,
  type EdxmlStatus,
  type Signer,
} from '@trinhky/documents';
import { createReport, driveToSigned, LIFECYCLE_USERS, send, type Client } from '../../testing/lifecycle';
import { reportDbState, statusFor } from '../../testing/edxml-status';
import { lifecycleClient } from '../../testing/http-client';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { SigningService } from '../documents/signing/signing.service';
import { NotificationsService } from '../notifications/notifications.service';
import { DEMO_PROVINCE } from '../seed/demo-data';
import { SeedService } from '../seed/seed.service';

jest.setTimeout(180_000);

const COMMUNE = '000.00.31.H41';
const PROVINCE = '000.00.00.H41';

/** Issue 13 §5–6: the .docx download, the signed edXML envelope of an issued report, signed status messages from the recipient. */
describe('DOCX download and edXML exchange (database)', () => {
  let t: TestApp;
  let c: Client;
  const auth = (user: string) => ({ Authorization: `Bearer ${c.tokens[user]}` });
  const binary = (r: import('supertest').Test) =>
    r.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (x: Buffer) => chunks.push(x));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  const reportOf = async (id: string) => (await t.http().get(`/api/reports/${id}`).set(auth('vanthu')).expect(200)).body;
  const postStatus = (xml: string, user = 'vanthu') =>
    t.http().post('/api/edxml/status').set(auth(user)).set('Content-Type', 'application/xml').send(xml);

  let issued: { id: string; version: number; numberText: string; issuedAt: string };
  let provinceId: string;
  /** The Sở's own certificate (demo CA): what signs its status messages. */
  let sở: Signer;
  beforeAll(async () => {
    t = await startTestApp({ seed: 'organisation' });
    // The commune reports to the province's Sở Nội vụ (its parent); each has its mã định danh.
    provinceId = await t.app.get(SeedService).seedOrganisation(DEMO_PROVINCE, 'snv.');
    await t.ds.query(`UPDATE organisations SET parent_id = $1 WHERE id <> $1`, [provinceId]);
    // The demo province has no admin of its own here: its code is written as its admin would set it.
    await t.ds.query(`UPDATE organisations SET agency_code = $2 WHERE id = $1`, [provinceId, PROVINCE]);
    // Here the Sở runs its own e-office system: reports reach it by edXML, its answers come back as status messages.
    await t.ds.query(`UPDATE organisations SET edxml_only = true WHERE id = $1`, [provinceId]);
    sở = await t.app.get(SigningService).organisationSigner({ id: provinceId, name: DEMO_PROVINCE.name, place: DEMO_PROVINCE.place });
    c = await lifecycleClient(t, [...LIFECYCLE_USERS, 'admin']);
    const r = await createReport(c, { kind: 'quarter', year: 2029, index: 1 }, '2029-03-20');
    let v = await driveToSigned(c, r.id, r.version);
    v = await send(c, 'vanthu', r.id, v, 'issue');
    v = await send(c, 'vanthu', r.id, v, 'dispatch');
    await t.app.get(NotificationsService).flush();
    const body = await reportOf(r.id);
    issued = { id: r.id, version: v, numberText: body.number, issuedAt: body.issuedAt };
  });
  afterAll(() => t.close());

  it('downloads the report as a .docx the importer reads back', async () => {
    const res = await binary(t.http().get(`/api/reports/${issued.id}/document.docx`).set(auth('vhxh.truong'))).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain('.docx');
    const back = (await importDocx(res.body as Buffer)).document;
    const doc = (await t.http().get(`/api/reports/${issued.id}/document`).set(auth('vhxh.truong')).expect(200)).body;
    expect(back.issuer).toEqual(doc.issuer);
    expect(back.signature?.name).toBe(doc.signature.name);
    await t.http().get(`/api/reports/00000000-0000-4000-8000-000000000000/document.docx`).set(auth('vhxh.truong')).expect(404);
  });

  it('refuses the envelope while the organisation has no agency code, then sets it in admin', async () => {
    const missing = await t.http().get(`/api/reports/${issued.id}/edxml`).set(auth('vanthu')).expect(422);
    expect(missing.body.message).toContain('chưa có mã định danh');
    const bad = await t.http().put('/api/admin/organisation/agency-code').set(auth('admin')).send({ agencyCode: 'H41' }).expect(400);
    expect(bad.body.message).toContain('000.00.31.H41');
    await t.http().put('/api/admin/organisation/agency-code').set(auth('vanthu')).send({ agencyCode: COMMUNE }).expect(403);
    const taken = await t.http().put('/api/admin/organisation/agency-code').set(auth('admin')).send({ agencyCode: PROVINCE }).expect(409);
    expect(taken.body.message).toContain('đã được dùng');
    const ok = await t.http().put('/api/admin/organisation/agency-code').set(auth('admin')).send({ agencyCode: COMMUNE }).expect(200);
    expect(ok.body.agencyCode).toBe(COMMUNE);
    const overview = await t.http().get('/api/admin/organisation').set(auth('admin')).expect(200);
    expect(overview.body.organisation.agencyCode).toBe(COMMUNE);
  });

  it('exports the issued report as an envelope that parses back, field by field, with the signed PDF', async () => {
    const res = await binary(t.http().get(`/api/reports/${issued.id}/edxml`).set(auth('vanthu'))).expect(200);
    expect(res.headers['content-type']).toContain('application/xml');
    const bytes = res.body as Buffer;
    // Signed by the commune's certificate, chained to the trust list; one changed byte breaks it.
    const trust = await t.app.get(SigningService).trustList();
    const check = verifyEdxmlSignature(bytes, trust);
    expect(check).toMatchObject({ status: 'valid', intact: true, trusted: true, certificateValid: true });
    expect(check.signer).toMatchObject({ commonName: 'Ủy ban nhân dân xã An Bình', organisation: 'Ủy ban nhân dân xã An Bình' });
    expect(check.chain).toEqual(['Ủy ban nhân dân xã An Bình', 'Trình Ký Demo Issuing CA', 'Trình Ký Demo Root CA']);
    const changed = Buffer.from(bytes);
    changed[bytes.indexOf('<edXML:Subject>') + 20] ^= 0x01;
    expect(verifyEdxmlSignature(changed, trust).status).toBe('broken');
    const env = parseEdxmlEnvelope(bytes.toString('utf8'));
    const doc = (await t.http().get(`/api/reports/${issued.id}/document`).set(auth('vanthu')).expect(200)).body;
    const pdf = await binary(t.http().get(`/api/reports/${issued.id}/pdf`).set(auth('vanthu'))).expect(200);
    const [number, notation] = [issued.numberText.split('/')[0], issued.numberText.split('/').slice(1).join('/')];
    expect(env.from).toEqual({ organId: COMMUNE, organName: 'Ủy ban nhân dân xã An Bình' });
    expect(env.to).toEqual([{ organId: PROVINCE, organName: DEMO_PROVINCE.name }]);
    expect(env.documentId).toBe(`${COMMUNE},${issued.issuedAt.replace(/-/g, '/')},${issued.numberText}`);
    expect(env.code).toEqual({ codeNumber: number, codeNotation: notation });
    expect(env.promulgation).toEqual({ place: 'An Bình', date: issued.issuedAt });
    expect(env.documentType).toEqual({ type: 'BC', typeName: 'Báo cáo' });
    expect(env.subject).toBe(doc.subject.join(' '));
    expect(env.signer).toEqual({ competence: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', fullName: doc.signature.name });
    expect(env.dueDate).toBe('2029-03-20');
    expect(env.toPlaces.length).toBe(doc.distribution.filter((l: string) => !/Lưu/.test(l)).length);
    expect(env.otherInfo.pageAmount).toBeGreaterThan(0);
    expect(env.otherInfo.appendixes).toEqual(doc.annexes.map((a: { title: string }) => a.title));
    expect(env.trace).toHaveLength(1);
    expect(env.trace[0].organId).toBe(COMMUNE);
    expect(env.attachments).toHaveLength(1);
    expect(env.attachments[0].contentType).toBe('application/pdf');
    expect(env.attachments[0].data.equals(pdf.body as Buffer)).toBe(true);
    expect(pdf.headers['x-frozen']).toBe('true');
  });

  const unsignedStatus = (code: string, extra: Partial<EdxmlStatus> = {}): string =>
    statusFor(COMMUNE, { organId: PROVINCE, organName: DEMO_PROVINCE.name }, issued, code, extra);
  /** A status message signed by the Sở (or by `signer`). */
  const status = (code: string, extra: Partial<EdxmlStatus> = {}, signer = sở): Promise<string> =>
    signEdxml(unsignedStatus(code, extra), signer);
  const dbState = (id: string) => reportDbState(t.ds, id);

  it('refuses, changing nothing, a malformed message, an unknown document and an unknown agency', async () => {
    const before = await dbState(issued.id);
    const malformed = await postStatus((await status('03')).slice(0, 200)).expect(400);
    expect(malformed.body.message).toContain('không đúng cú pháp XML');
    const notStatus = await postStatus('<edXML><x/></edXML>').expect(400);
    expect(notStatus.body.message).toContain('Status');
    const unknown = await status('03', {
      responseFor: {
        organId: COMMUNE,
        code: '99/BC-UBND',
        promulgationDate: issued.issuedAt,
        documentId: `${COMMUNE},2029/01/01,99/BC-UBND`,
      },
    });
    expect((await postStatus(unknown).expect(404)).body.message).toContain('Không tìm thấy văn bản 99/BC-UBND');
    const stranger = await postStatus(await status('03', { from: { organId: '000.00.77.H99', organName: 'Cơ quan lạ' } })).expect(422);
    expect(stranger.body.message).toContain('Mã định danh 000.00.77.H99 không phải của cơ quan nhận');
    expect((await postStatus(await status('13')).expect(422)).body.message).toContain('Thu hồi');
    expect((await postStatus(await status('99')).expect(422)).body.message).toContain('chưa được hỗ trợ');
    await t
      .http()
      .post('/api/edxml/status')
      .set(auth('vanthu'))
      .send({ xml: await status('03') })
      .expect(400);
    expect(await dbState(issued.id)).toEqual(before);
    expect(before.report.state).toBe('submitted');
  });

  it('refuses, changing nothing, a status unsigned, tampered, or signed by an untrusted, expired or other certificate', async () => {
    const before = await dbState(issued.id);
    const refusal = async (xml: string) => (await postStatus(xml).expect(422)).body.message as string;

    expect(await refusal(unsignedStatus('03'))).toMatch(/^Thông điệp trạng thái chưa được ký số; không có gì thay đổi\./);

    const signed = await status('03');
    const tampered = signed.replace('Lương Thị Thảo', 'Lương Thị Thao');
    expect(tampered).not.toBe(signed);
    expect(await refusal(tampered)).toBe(
      `Thông điệp trạng thái bị từ chối: Chữ ký số của ${DEMO_PROVINCE.name} không khớp với nội dung: thông điệp đã bị thay đổi sau khi ký. Không có gì thay đổi.`,
    );

    // Same name, but a root the organisation does not trust.
    const subject = { commonName: DEMO_PROVINCE.name, organisation: DEMO_PROVINCE.name };
    const selfMade = await issueCertificate({ subject, ca: false });
    expect(await refusal(await status('03', {}, localSigner(selfMade.keyPem, [selfMade.cert])))).toContain(
      `Chứng thư số của ${DEMO_PROVINCE.name} không thuộc danh sách tin cậy của cơ quan`,
    );

    // Issued by the demo CA (trusted), but expired before the message arrives.
    const { issuing } = await t.app.get(SigningService).pki.ensureCa();
    const old = await issueCertificate({
      subject,
      ca: false,
      issuer: issuing,
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2025-01-01T00:00:00Z'),
    });
    expect(await refusal(await status('03', {}, localSigner(old.keyPem, [old.cert, issuing.cert])))).toContain(
      `Chứng thư số ${DEMO_PROVINCE.name} đã hết hạn hoặc chưa có hiệu lực (hiệu lực từ 01/01/2024 đến 01/01/2025)`,
    );

    // A trusted certificate, but the commune's own: it cannot answer in the Sở's name.
    const commune = (await t.ds.query(`SELECT id, name, place FROM organisations WHERE agency_code = $1`, [COMMUNE]))[0];
    const own = await t.app.get(SigningService).organisationSigner(commune);
    expect(await refusal(await status('03', {}, own))).toBe(
      `Thông điệp trạng thái được ký bằng chứng thư số của ${commune.name}, không phải của cơ quan nhận ${DEMO_PROVINCE.name}; không có gì thay đổi.`,
    );
    // A signature moved off its place (inside the Header) is refused as malformed.
    const element = /<tk:CmsSignature[\s\S]*<\/tk:CmsSignature>/.exec(signed)?.[0] ?? '';
    const moved = signed.replace(element, '').replace('<SOAP-ENV:Body/>', `${element}<SOAP-ENV:Body/>`);
    expect(await refusal(moved)).toContain('phần tử con cuối cùng của phần tử gốc');

    expect(await dbState(issued.id)).toEqual(before);
    expect(before.report.state).toBe('submitted');
  }, 120_000);

  it('01 changes nothing; 02 records the refusal with its reason and reopens the report', async () => {
    const arrived = await postStatus(await status('01')).expect(200);
    expect(arrived.body).toMatchObject({ applied: 'noted', statusText: 'Đã đến', state: 'submitted', version: issued.version });
    // Only the văn thư records a receipt or refusal (the workflow's rule, not the importer's).
    await postStatus(await status('02'), 'vhxh.truong').expect(403);
    const refused = await postStatus(await status('02')).expect(200);
    expect(refused.body).toMatchObject({ reportId: issued.id, applied: 'refused', statusCode: '02', state: 'compiling' });
    const report = await reportOf(issued.id);
    expect(report.state).toBe('compiling');
    expect(report.revision).toBe(2);
    const audit = (await t.http().get(`/api/reports/${issued.id}/audit?limit=200`).set(auth('vanthu')).expect(200)).body.items;
    expect(JSON.stringify(audit)).toContain('Sai mẫu biểu số 02');
  });

  it('03 records the receipt of a report issued again', async () => {
    let v = (await reportOf(issued.id)).version;
    v = await send(c, 'vhxh.truong', issued.id, v, 'send_for_signature');
    v = await send(c, 'pct.vhxh', issued.id, v, 'sign');
    v = await send(c, 'vanthu', issued.id, v, 'issue');
    v = await send(c, 'vanthu', issued.id, v, 'dispatch');
    await t.app.get(NotificationsService).flush();
    const body = await reportOf(issued.id);
    issued = { id: issued.id, version: v, numberText: body.number, issuedAt: body.issuedAt };
    const received = await postStatus(await status('03')).expect(200);
    expect(received.body).toMatchObject({ applied: 'acknowledged', statusText: 'Đã tiếp nhận', state: 'acknowledged', version: v + 1 });
    expect((await reportOf(issued.id)).state).toBe('acknowledged');
    // A repeated or later processing status changes nothing more.
    expect((await postStatus(await status('05')).expect(200)).body).toMatchObject({
      applied: 'noted',
      state: 'acknowledged',
      version: v + 1,
    });
  });
});
