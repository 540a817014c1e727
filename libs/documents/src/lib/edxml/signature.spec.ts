import { issueCertificate, type IssuedCertificate } from '../sign/certificates';
import { localSigner } from '../sign/p12-signer';
import { buildEdxmlStatus, parseEdxmlStatus, type EdxmlStatus } from './status';
import { EDXML_SIGNATURE_NS, readEdxmlSignature, signEdxml, verifyEdxmlSignature } from './signature';

let root: IssuedCertificate, ca: IssuedCertificate, org: IssuedCertificate;
const SNV = 'Sở Nội vụ tỉnh Hòa Lâm';

beforeAll(async () => {
  root = await issueCertificate({ subject: { commonName: 'Gốc thử', organisation: 'Thử' }, ca: true, notBefore: new Date('2025-01-01') });
  ca = await issueCertificate({
    subject: { commonName: 'CA thử', organisation: 'Thử' },
    ca: true,
    issuer: root,
    notBefore: new Date('2025-01-01'),
  });
  org = await issueCertificate({
    subject: { commonName: SNV, organisation: SNV },
    ca: false,
    issuer: ca,
    notBefore: new Date('2025-01-01'),
  });
}, 60_000);

const status: EdxmlStatus = {
  responseFor: {
    organId: '000.00.31.H41',
    code: '07/BC-UBND',
    promulgationDate: '2026-01-05',
    documentId: '000.00.31.H41,2026/01/05,07/BC-UBND',
  },
  from: { organId: '000.00.00.H41', organName: SNV },
  statusCode: '02',
  description: 'Sai mẫu biểu số 02',
  timestamp: '2026-01-06T01:00:00.000Z',
  staff: { department: 'Văn thư', staff: 'Trần Thị Hoa' },
};
const at = new Date('2026-01-06T02:00:00Z');

describe('detached CMS signature of an edXML message', () => {
  it('signs the message as it was: removing the signature element gives back the exact bytes', async () => {
    const xml = buildEdxmlStatus(status);
    const signed = await signEdxml(xml, localSigner(org.keyPem, [org.cert, ca.cert]));
    expect(signed).toMatch(
      new RegExp(`<tk:CmsSignature xmlns:tk="${EDXML_SIGNATURE_NS}">[A-Za-z0-9+/=]+</tk:CmsSignature></SOAP-ENV:Envelope>$`),
    );
    expect(readEdxmlSignature(Buffer.from(signed))?.content.equals(Buffer.from(xml))).toBe(true);
    expect(parseEdxmlStatus(signed)).toEqual(status); // readers that do not know the signature ignore it
    const check = verifyEdxmlSignature(Buffer.from(signed), [root.cert], at);
    expect(check).toMatchObject({ status: 'valid', intact: true, trusted: true, certificateValid: true });
    expect(check.signer).toMatchObject({ commonName: SNV, organisation: SNV });
    expect(check.chain).toEqual([SNV, 'CA thử', 'Gốc thử']);
  });

  it('a changed character, an untrusted or an expired certificate, no signature: each said clearly', async () => {
    const signed = await signEdxml(buildEdxmlStatus(status), localSigner(org.keyPem, [org.cert, ca.cert]));
    const tampered = Buffer.from(signed.replace('Sai mẫu biểu số 02', 'Sai mẫu biểu số 03'));
    const t = verifyEdxmlSignature(tampered, [root.cert], at);
    expect(t).toMatchObject({ status: 'broken', intact: false });
    expect(t.message).toBe(`Chữ ký số của ${SNV} không khớp với nội dung: thông điệp đã bị thay đổi sau khi ký.`);

    const stranger = await issueCertificate({ subject: { commonName: SNV, organisation: SNV }, ca: false });
    const u = verifyEdxmlSignature(
      Buffer.from(await signEdxml(buildEdxmlStatus(status), localSigner(stranger.keyPem, [stranger.cert]))),
      [root.cert],
      at,
    );
    expect(u).toMatchObject({ status: 'untrusted', intact: true, trusted: false });
    expect(u.message).toContain('không thuộc danh sách tin cậy');

    const old = await issueCertificate({
      subject: { commonName: SNV, organisation: SNV },
      ca: false,
      issuer: ca,
      notBefore: new Date('2025-01-01'),
      notAfter: new Date('2025-12-31T00:00:00Z'),
    });
    const e = verifyEdxmlSignature(
      Buffer.from(await signEdxml(buildEdxmlStatus(status), localSigner(old.keyPem, [old.cert, ca.cert]))),
      [root.cert],
      at,
    );
    expect(e).toMatchObject({ status: 'expired', intact: true, trusted: true, certificateValid: false });
    expect(e.message).toBe(`Chứng thư số ${SNV} đã hết hạn hoặc chưa có hiệu lực (hiệu lực từ 01/01/2025 đến 31/12/2025).`);

    expect(verifyEdxmlSignature(Buffer.from(buildEdxmlStatus(status)), [root.cert], at)).toMatchObject({
      status: 'unsigned',
      message: 'Thông điệp edXML chưa được ký số.',
    });
  }, 60_000);

  it('a signature out of place, doubled or unreadable is malformed', async () => {
    const signed = await signEdxml(buildEdxmlStatus(status), localSigner(org.keyPem, [org.cert, ca.cert]));
    const element = /<tk:CmsSignature[\s\S]*<\/tk:CmsSignature>/.exec(signed)?.[0] ?? '';
    const moved = signed.replace(element, '').replace('<SOAP-ENV:Body/>', `${element}<SOAP-ENV:Body/>`);
    expect(verifyEdxmlSignature(Buffer.from(moved), [root.cert], at).status).toBe('malformed');
    const doubled = signed.replace('</SOAP-ENV:Envelope>', `${element}</SOAP-ENV:Envelope>`);
    expect(verifyEdxmlSignature(Buffer.from(doubled), [root.cert], at).status).toBe('malformed');
    const garbage = signed.replace(/(<tk:CmsSignature[^>]*>)[^<]+/, '$1AAAA');
    expect(verifyEdxmlSignature(Buffer.from(garbage), [root.cert], at)).toMatchObject({
      status: 'malformed',
      message: 'Chữ ký số của thông điệp edXML hỏng: không đọc được dữ liệu ký (CMS).',
    });
  });
});
