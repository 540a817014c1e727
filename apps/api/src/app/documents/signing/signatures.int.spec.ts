import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readPkcs12 } from '@trinhky/documents';
import { join } from 'node:path';
// The library's test helper for poppler's pdfsig (test code, not part of the library's public API).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { pdfsig } from '../../../../../../libs/documents/src/testing/pdfsig';
import { LIFECYCLE_USERS, createReport, driveToAwaitingSignature, driveToSigned, send, type Client } from '../../../testing/lifecycle';
import { lifecycleClient } from '../../../testing/http-client';
import { pdfText } from '../../../testing/pdf-text';
import { startTestApp, type TestApp } from '../../../testing/test-app';
import { NotificationsService } from '../../notifications/notifications.service';
import { SigningService } from './signing.service';

/** The real lifecycle: the frozen signed PDF carries the leader's PAdES signature, the issued one the organisation's. */
describe('PAdES signatures through the lifecycle (database)', () => {
  let t: TestApp;
  let c: Client;
  beforeAll(async () => {
    t = await startTestApp({ seed: 'organisation' });
    c = await lifecycleClient(t, LIFECYCLE_USERS);
  }, 120_000);
  afterAll(() => t.close());

  const auth = () => ({ Authorization: `Bearer ${c.tokens['vhxh.truong']}` });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const binary = (r: any, cb: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    r.on('data', (x: Buffer) => chunks.push(x));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  };
  const pdf = async (id: string): Promise<Buffer> =>
    (await t.http().get(`/api/reports/${id}/pdf`).set(auth()).buffer(true).parse(binary).expect(200)).body as Buffer;

  it("sign → the leader's signature; issue → the organisation's; the API, verifyPdf and pdfsig agree", async () => {
    const r = await createReport(c, { kind: 'quarter', year: 2026, index: 3 }, '2026-09-20');
    const v = await driveToSigned(c, r.id, r.version);
    const before = (await t.http().get(`/api/reports/${r.id}/signatures`).set(auth()).expect(200)).body;
    await t.app.get(NotificationsService).flush();
    const signedPdf = await pdf(r.id);
    const signed = (await t.http().get(`/api/reports/${r.id}/signatures`).set(auth()).expect(200)).body;
    expect(before.kind === null || before.signatures.length === 1).toBe(true);
    expect(signed).toMatchObject({ kind: 'signed', valid: true });
    expect(signed.signatures).toHaveLength(1);
    const leader = signed.signatures[0];
    expect(leader).toMatchObject({ status: 'valid', trusted: true, coversWholeFile: true, subFilter: 'ETSI.CAdES.detached' });
    expect(leader.chain).toEqual([leader.signer.commonName, 'Trình Ký Demo Issuing CA', 'Trình Ký Demo Root CA']);
    expect(leader.signer.organisation).toMatch(/^Ủy ban nhân dân/);
    expect(pdfsig(signedPdf).map((s) => s.validation)).toEqual(['Signature is Valid.']);

    await send(c, 'vanthu', r.id, v, 'issue');
    await t.app.get(NotificationsService).flush();
    const issuedPdf = await pdf(r.id);
    const issued = (await t.http().get(`/api/reports/${r.id}/signatures`).set(auth()).expect(200)).body;
    expect(issued).toMatchObject({ kind: 'issued', valid: true });
    // The issued PDF is the signed one, unchanged, plus the agency's incremental update.
    expect(issuedPdf.subarray(0, signedPdf.length).equals(signedPdf)).toBe(true);
    expect(issued.sha256).toBe(createHash('sha256').update(issuedPdf).digest('hex'));
    expect(
      issued.signatures.map((s: { signer: { commonName: string }; status: string; coversWholeFile: boolean }) => [
        s.signer.commonName,
        s.status,
        s.coversWholeFile,
      ]),
    ).toEqual([
      [leader.signer.commonName, 'valid', false],
      [leader.signer.organisation, 'valid', true],
    ]);
    expect(pdfsig(issuedPdf).map((s) => [s.validation, s.total])).toEqual([
      ['Signature is Valid.', false],
      ['Signature is Valid.', true],
    ]);
    const text = (await pdfText(issuedPdf)).join(' ');
    expect(text).toMatch(/Số: \d{2}\/BC-UBND/);
    expect(text).toMatch(/, ngày \d{2} tháng \d{2} năm 2026/);
    expect((await pdfText(signedPdf)).join(' ')).not.toMatch(/Số:/); // the leader signed with the slots blank

    const late = Buffer.from(issuedPdf);
    late[signedPdf.length + 40] ^= 0x01; // in the agency's update only
    expect((await t.app.get(SigningService).verify(late)).signatures.map((s) => s.status)).toEqual(['valid', 'broken']);
    expect(pdfsig(late).map((s) => s.validation)).toEqual(['Signature is Valid.', expect.not.stringMatching(/is Valid/)]);
    const early = Buffer.from(issuedPdf);
    early[300] ^= 0x01; // in the bytes the leader signed: both break
    const check = await t.app.get(SigningService).verify(early);
    expect(check.signatures.map((s) => s.status)).toEqual(['broken', 'broken']);
    expect(pdfsig(early).map((s) => s.validation)).toEqual([expect.not.stringMatching(/is Valid/), expect.not.stringMatching(/is Valid/)]);
  }, 120_000);

  it('signs exactly the preview the signer read: a missing or stale hash is refused and changes nothing', async () => {
    const r = await createReport(c, { kind: 'quarter', year: 2026, index: 4 }, '2026-12-20');
    const v = await driveToAwaitingSignature(c, r.id, r.version);
    const signer = { Authorization: `Bearer ${c.tokens['pct.vhxh']}` };
    const preview = await t.http().get(`/api/reports/${r.id}/pdf`).set(signer).buffer(true).parse(binary).expect(200);
    const hash = preview.headers['x-document-sha256'] as string;
    expect(hash).toBe(
      createHash('sha256')
        .update(preview.body as Buffer)
        .digest('hex'),
    );
    const again = await t.http().get(`/api/reports/${r.id}/pdf`).set(signer).expect(200);
    expect(again.headers['x-document-sha256']).toBe(hash); // the same bytes each time it is read
    const state = async () => (await t.ds.query(`SELECT state, version FROM reports WHERE id = $1`, [r.id]))[0];
    const before = await state();

    const missing = await t.http().post(`/api/reports/${r.id}/events`).set(signer).send({ type: 'sign', expectedVersion: v }).expect(422);
    expect(missing.body.message).toContain('Thiếu mã SHA-256 của bản PDF đã xem');
    const stale = await t
      .http()
      .post(`/api/reports/${r.id}/events`)
      .set(signer)
      .send({ type: 'sign', expectedVersion: v, documentSha256: 'ab'.repeat(32) })
      .expect(409);
    expect(stale.body.message).toContain('không còn là bản sẽ được ký');
    expect(await state()).toEqual(before);

    await send(c, 'pct.vhxh', r.id, v, 'sign', { documentSha256: hash });
    await t.app.get(NotificationsService).flush();
    const signed = await pdf(r.id);
    expect(signed.subarray(0, (preview.body as Buffer).length).equals(preview.body as Buffer)).toBe(true); // the previewed bytes, then the signature
    expect((await t.app.get(SigningService).verify(signed)).signatures.map((s) => [s.status, s.coversWholeFile])).toEqual([
      ['valid', true],
    ]);
  }, 120_000);

  it('keeps the keys encrypted in DATA_DIR, never in the database', async () => {
    const dir = t.app.get(SigningService).pki['dir'] as string;
    const root = readFileSync(join(dir, 'root.p12'));
    expect(() => readPkcs12(root, '')).toThrow(); // encrypted: the passphrase derives from pki-secret
    expect(statSync(join(dir, 'pki-secret')).mode & 0o077).toBe(0);
    const hits = await t.ds.query(`SELECT count(*)::int AS n FROM rendered_pdfs WHERE position('PRIVATE KEY'::bytea in bytes) > 0`);
    expect(hits[0].n).toBe(0);
  });
});
