import forge from 'node-forge';
import { renderReportPdf } from '../render/render';
import { sampleReportDocument } from '../sample';
import { hasCertutil, nssTrusting, pdfsig } from '../../testing/pdfsig';
import { certificatePem, issueCertificate, type IssuedCertificate } from './certificates';
import { localSigner, pkcs12Signer, readPkcs12, toPkcs12 } from './p12-signer';
import { signPdfPades } from './pades';
import { findSignatures, verifyPdf } from './verify';

let root: IssuedCertificate, ca: IssuedCertificate, leader: IssuedCertificate, org: IssuedCertificate;
let plain: Buffer, signed: Buffer, issued: Buffer;
const t1 = new Date('2026-01-05T02:00:00Z');
const t2 = new Date('2026-01-05T03:30:00Z');

beforeAll(async () => {
  root = await issueCertificate({
    subject: { commonName: 'Trình Ký Demo Root CA', organisation: 'Trình Ký (demo)' },
    ca: true,
    notBefore: new Date('2025-01-01'),
  });
  ca = await issueCertificate({
    subject: { commonName: 'Trình Ký Demo Issuing CA', organisation: 'Trình Ký (demo)' },
    ca: true,
    issuer: root,
    notBefore: new Date('2025-01-01'),
  });
  leader = await issueCertificate({
    subject: { commonName: 'Nguyễn Văn An', title: 'Chủ tịch', organisation: 'Ủy ban nhân dân xã An Bình' },
    ca: false,
    issuer: ca,
    notBefore: new Date('2025-01-01'),
  });
  org = await issueCertificate({
    subject: { commonName: 'Ủy ban nhân dân xã An Bình', organisation: 'Ủy ban nhân dân xã An Bình' },
    ca: false,
    issuer: ca,
    notBefore: new Date('2025-01-01'),
  });
  plain = await renderReportPdf(sampleReportDocument());
  signed = await signPdfPades(plain, localSigner(leader.keyPem, [leader.cert, ca.cert]), {
    name: 'Nguyễn Văn An',
    reason: 'Ký duyệt',
    location: 'An Bình',
    signingTime: t1,
  });
  issued = await signPdfPades(signed, localSigner(org.keyPem, [org.cert, ca.cert]), {
    name: 'UBND',
    reason: 'Ban hành',
    location: 'An Bình',
    signingTime: t2,
  });
}, 120_000);

const cmsOf = (pdf: Buffer, i = 0) => findSignatures(pdf)[i].contents.toString('binary');
const oidIn = (cms: string, oid: string) => cms.includes(forge.asn1.oidToDer(oid).getBytes());

describe('PAdES B-B signing', () => {
  it('signs as ETSI.CAdES.detached with signing-certificate-v2 and no CMS signing-time; the time is /M', () => {
    expect(signed.subarray(0, plain.length - 1).equals(plain.subarray(0, plain.length - 1))).toBe(true);
    expect(signed.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(oidIn(cmsOf(signed), '1.2.840.113549.1.9.16.2.47')).toBe(true);
    expect(oidIn(cmsOf(signed), '1.2.840.113549.1.9.5')).toBe(false);
    const [s] = verifyPdf(signed, [root.cert]).signatures;
    expect(s).toMatchObject({
      status: 'valid',
      intact: true,
      trusted: true,
      coversWholeFile: true,
      bytesAfter: 0,
      signingTime: t1.toISOString(),
    });
    expect(s.signer).toMatchObject({ commonName: 'Nguyễn Văn An', title: 'Chủ tịch', organisation: 'Ủy ban nhân dân xã An Bình' });
    expect(s.chain).toEqual(['Nguyễn Văn An', 'Trình Ký Demo Issuing CA', 'Trình Ký Demo Root CA']);
  });

  it('a second, incremental signature keeps the first valid (covering the earlier revision)', () => {
    expect(issued.subarray(0, signed.length).equals(signed)).toBe(true);
    const v = verifyPdf(issued, [certificatePem(root.cert)]);
    expect(v.valid).toBe(true);
    expect(v.signatures.map((s) => [s.status, s.coversWholeFile, s.signer.commonName])).toEqual([
      ['valid', false, 'Nguyễn Văn An'],
      ['valid', true, 'Ủy ban nhân dân xã An Bình'],
    ]);
    expect(v.signatures[0].bytesAfter).toBe(issued.length - signed.length);
  });

  it('one changed byte says which signature broke', () => {
    const late = Buffer.from(issued);
    late[signed.length + 20] ^= 0x01; // in the agency's update only
    expect(verifyPdf(late, [root.cert]).signatures.map((s) => s.status)).toEqual(['valid', 'broken']);
    const early = Buffer.from(issued);
    early[200] ^= 0x01; // in the page content the leader signed
    const v = verifyPdf(early, [root.cert]);
    expect(v.valid).toBe(false);
    expect(v.signatures.map((s) => s.status)).toEqual(['broken', 'broken']);
    expect(v.signatures[0].message).toBe('Chữ ký số của Nguyễn Văn An không còn hợp lệ: nội dung tệp đã bị thay đổi sau khi ký.');
  });

  it('reports an untrusted and an expired certificate clearly', async () => {
    const stranger = await issueCertificate({ subject: { commonName: 'Người lạ', organisation: 'Không rõ' }, ca: false });
    const u = verifyPdf(
      await signPdfPades(plain, localSigner(stranger.keyPem, [stranger.cert]), { name: 'x', reason: 'x', location: 'x', signingTime: t1 }),
      [root.cert],
    );
    expect(u.signatures[0]).toMatchObject({ status: 'untrusted', intact: true, trusted: false });
    expect(u.signatures[0].message).toContain('không thuộc danh sách tin cậy');
    const old = await issueCertificate({
      subject: { commonName: 'Trần Thị Bình', title: 'Phó Chủ tịch', organisation: 'UBND xã An Bình' },
      ca: false,
      issuer: ca,
      notBefore: new Date('2024-01-01'),
      notAfter: new Date('2025-06-01'),
    });
    const e = verifyPdf(
      await signPdfPades(plain, localSigner(old.keyPem, [old.cert, ca.cert]), { name: 'x', reason: 'x', location: 'x', signingTime: t1 }),
      [root.cert],
    );
    expect(e.signatures[0]).toMatchObject({ status: 'expired', intact: true, trusted: true, certificateValidAtSigningTime: false });
    expect(e.signatures[0].message).toContain('đã hết hạn');
  }, 60_000);

  it('round-trips the key through an encrypted PKCS#12', async () => {
    const p12 = toPkcs12(leader.keyPem, [leader.cert, ca.cert], 'mật khẩu');
    expect(readPkcs12(p12, 'mật khẩu').chain[0].equals(leader.cert)).toBe(true);
    expect(() => readPkcs12(p12, 'sai')).toThrow();
    const again = await signPdfPades(plain, pkcs12Signer(p12, 'mật khẩu'), { name: 'x', reason: 'x', location: 'x', signingTime: t1 });
    expect(verifyPdf(again, [root.cert]).valid).toBe(true);
  });
});

describe('an independent verifier (poppler pdfsig) agrees', () => {
  it('both signatures valid, the first over an earlier revision, the second over the whole file', () => {
    const sigs = pdfsig(issued);
    expect(sigs.map((s) => [s.validation, s.total, s.subFilter])).toEqual([
      ['Signature is Valid.', false, 'ETSI.CAdES.detached'],
      ['Signature is Valid.', true, 'ETSI.CAdES.detached'],
    ]);
    const late = Buffer.from(issued);
    late[signed.length + 20] ^= 0x01;
    expect(pdfsig(late).map((s) => s.validation)).toEqual(['Signature is Valid.', expect.not.stringMatching(/is Valid/)]);
  });

  // certutil (Debian libnss3-tools) gives pdfsig a trust store. Without it the chain-to-root part
  // is untested by pdfsig: the test then checks that pdfsig, trusting nothing, does not call it trusted.
  it('chains to the demo root in an NSS database that trusts it (or, without certutil, is not trusted by default)', () => {
    if (!hasCertutil()) {
      process.stderr.write('certutil missing (apt-get install libnss3-tools): pdfsig chain validation untested.\n');
      expect(pdfsig(issued, '/nonexistent-nss').map((s) => s.certificate)).toEqual([
        expect.not.stringMatching(/Trusted/),
        expect.not.stringMatching(/Trusted/),
      ]);
      return;
    }
    const db = nssTrusting(certificatePem(root.cert));
    expect(pdfsig(issued, db).map((s) => s.certificate)).toEqual(['Certificate is Trusted.', 'Certificate is Trusted.']);
  });
});
