import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReportPdfLaidOut } from '../render/render';
import type { DocumentSlots } from '../render/slots';
import { sampleReportDocument } from '../sample';
import { hasCertutil, nssTrusting, pdfsig } from '../../testing/pdfsig';
import { leaderAppearance, sealAppearance, textLineAppearance } from './appearance';
import { certificatePem, issueCertificate, type IssuedCertificate } from './certificates';
import { localSigner } from './p12-signer';
import { signPdfPades } from './pades';
import { findSignatures, verifyPdf } from './verify';

/** poppler's pdftotext: it reads annotations' appearance streams (pdf.js text content does not). */
function pdftotext(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pdftotext-')), 'f.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** A UTF-16BE hex string of the signature dictionary (`/Key <FEFF…>`), decoded. */
function dictText(dict: string, key: string): string | null {
  const hex = new RegExp(`/${key}\\s*<FEFF([0-9A-Fa-f]*)>`).exec(dict)?.[1];
  return hex === undefined ? null : Buffer.from(hex, 'hex').swap16().toString('utf16le');
}

let root: IssuedCertificate, leader: IssuedCertificate, org: IssuedCertificate;
let slots: Required<DocumentSlots>, plain: Buffer, signed: Buffer, issued: Buffer;
const t1 = new Date('2026-01-05T02:00:00Z');
const t2 = new Date('2026-01-05T03:30:00Z');
const NUMBER = 'Số: 01/BC-UBND';
const DATE = 'An Bình, ngày 05 tháng 01 năm 2026';

beforeAll(async () => {
  const notBefore = new Date('2025-01-01');
  root = await issueCertificate({ subject: { commonName: 'Trình Ký Demo Root CA', organisation: 'Trình Ký (demo)' }, ca: true, notBefore });
  const subject = { commonName: 'Nguyễn Văn An', title: 'Chủ tịch', organisation: 'Ủy ban nhân dân xã An Bình' };
  leader = await issueCertificate({ subject, ca: false, issuer: root, notBefore });
  const orgName = 'Ủy ban nhân dân xã An Bình';
  org = await issueCertificate({ subject: { commonName: orgName, organisation: orgName }, ca: false, issuer: root, notBefore });
  const laidOut = await renderReportPdfLaidOut({ ...sampleReportDocument(), number: null, date: null }, { blankIssueSlots: true });
  plain = laidOut.pdf;
  const { number, date, signature } = laidOut.slots;
  if (!number || !date || !signature) throw new Error('the layout reported no slots');
  slots = { number, date, signature };
  const room = slots.signature;
  signed = await signPdfPades(plain, localSigner(leader.keyPem, [leader.cert, root.cert]), {
    name: 'Nguyễn Văn An',
    reason: 'Ký duyệt báo cáo',
    location: 'An Bình',
    signingTime: t1,
    widget: { page: room.page, rect: room.rect, appearance: leaderAppearance('Nguyễn Văn An', t1, false) },
  });
  const [x1, y1, x2, y2] = room.rect;
  const right = x1 + (x2 - x1) / 3;
  issued = await signPdfPades(signed, localSigner(org.keyPem, [org.cert, root.cert]), {
    name: orgName,
    reason: 'Ban hành văn bản',
    location: 'An Bình',
    signingTime: t2,
    widget: {
      page: room.page,
      rect: [right - 110, (y1 + y2) / 2 - 55, right, (y1 + y2) / 2 + 55],
      appearance: sealAppearance(orgName, 'An Bình'),
    },
    annotations: [
      { ...slots.number, contents: NUMBER, appearance: textLineAppearance(NUMBER, 13) },
      { ...slots.date, contents: DATE, appearance: textLineAppearance(DATE, 14, 'italics') },
    ],
  });
}, 120_000);

describe('the issued PDF: the signed bytes plus the agency’s incremental update', () => {
  it('the layout reports its slots on page 1 (header) and at the signature block, and leaves number and date blank', () => {
    expect(slots.number.page).toBe(1);
    expect(slots.date.page).toBe(1);
    expect(slots.number.rect[1]).toBeGreaterThan(700); // the header row, near the top of the A4 page
    expect(slots.date.rect[0]).toBeGreaterThan(slots.number.rect[2] - 1);
    expect(slots.signature.rect[3] - slots.signature.rect[1]).toBeGreaterThan(60);
    expect(pdftotext(signed)).not.toContain('Số:');
    expect(pdftotext(signed)).not.toMatch(/An Bình, ngày/);
  });

  it('keeps the leader’s bytes and shows the number and date (read back by poppler from the appearances)', () => {
    expect(issued.subarray(0, signed.length).equals(signed)).toBe(true);
    const text = pdftotext(issued);
    expect(text).toContain(NUMBER);
    expect(text).toContain(DATE);
    expect(text).toContain('Thời gian ký: 05/01/2026 09:00:00 +07:00'); // the leader's visible widget
  });

  it('pdfsig: two valid signatures, the first over the earlier revision, the second over the whole file', () => {
    const sigs = pdfsig(issued);
    expect(sigs.map((s) => [s.validation, s.total, s.subFilter])).toEqual([
      ['Signature is Valid.', false, 'ETSI.CAdES.detached'],
      ['Signature is Valid.', true, 'ETSI.CAdES.detached'],
    ]);
    if (!hasCertutil())
      return process.stderr.write('certutil missing (apt-get install libnss3-tools): chain untested by pdfsig.\n') as never;
    const db = nssTrusting(certificatePem(root.cert));
    expect(pdfsig(issued, db).map((s) => s.certificate)).toEqual(['Certificate is Trusted.', 'Certificate is Trusted.']);
  });

  it('writes /Name, /Reason and /Location as UTF-16BE: the Vietnamese reads back', () => {
    const [a, b] = findSignatures(issued);
    expect([dictText(a.dict, 'Name'), dictText(a.dict, 'Reason'), dictText(a.dict, 'Location')]).toEqual([
      'Nguyễn Văn An',
      'Ký duyệt báo cáo',
      'An Bình',
    ]);
    expect(dictText(b.dict, 'Name')).toBe('Ủy ban nhân dân xã An Bình');
    expect(a.dict).toContain("/M (D:20260105090000+07'00')");
    const v = verifyPdf(issued, [root.cert]);
    expect(v.signatures.map((s) => [s.status, s.coversWholeFile, s.signingTime])).toEqual([
      ['valid', false, t1.toISOString()],
      ['valid', true, t2.toISOString()],
    ]);
  });

  it('one flipped byte breaks exactly the signatures covering it (ours and pdfsig agree)', () => {
    const late = Buffer.from(issued);
    late[signed.length + 100] ^= 0x01; // in the agency's update: the leader's revision is intact
    expect(verifyPdf(late, [root.cert]).signatures.map((s) => s.status)).toEqual(['valid', 'broken']);
    expect(pdfsig(late).map((s) => s.validation)).toEqual(['Signature is Valid.', expect.not.stringMatching(/is Valid/)]);
    const early = Buffer.from(issued);
    early[400] ^= 0x01; // in the page content the leader signed: both cover it
    expect(verifyPdf(early, [root.cert]).signatures.map((s) => s.status)).toEqual(['broken', 'broken']);
    expect(pdfsig(early).map((s) => s.validation)).toEqual([expect.not.stringMatching(/is Valid/), expect.not.stringMatching(/is Valid/)]);
  });
});
