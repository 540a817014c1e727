import type { ReportSignatures } from '@trinhky/contracts';
import { signaturesSummary, vietnamTime } from './signatures-panel.component';

const sig = (index: number, commonName: string, status: 'valid' | 'broken', coversWholeFile: boolean) => ({
  index,
  status,
  message: '',
  signer: { commonName, subject: `CN=${commonName}` },
  chain: [commonName, 'Trình Ký Demo Issuing CA', 'Trình Ký Demo Root CA'],
  trusted: true,
  signingTime: '2026-01-05T02:00:00.000Z',
  subFilter: 'ETSI.CAdES.detached',
  intact: status === 'valid',
  coversWholeFile,
  bytesAfter: 0,
  certificateValidAtSigningTime: true,
});

describe('signatures panel', () => {
  it('says which signature broke when a byte changed', () => {
    const v: ReportSignatures = {
      kind: 'issued',
      sha256: 'x',
      valid: false,
      signatures: [sig(1, 'Nguyễn Văn An', 'valid', false), sig(2, 'Ủy ban nhân dân xã An Bình', 'broken', true)],
    };
    expect(signaturesSummary(v)).toBe('Tệp đã bị thay đổi sau khi ký: chữ ký số thứ 2 (Ủy ban nhân dân xã An Bình) không còn hợp lệ.');
    expect(signaturesSummary({ ...v, valid: true, signatures: [sig(1, 'A', 'valid', false), sig(2, 'B', 'valid', true)] })).toBe(
      'Tất cả 2 chữ ký số hợp lệ, chứng thư thuộc danh sách tin cậy.',
    );
    expect(signaturesSummary({ kind: null, sha256: null, valid: false, signatures: [] })).toBe('Báo cáo chưa có bản PDF đã ký.');
  });

  it('shows the signing time in Vietnam’s time zone', () => {
    expect(vietnamTime('2026-01-05T02:00:00.000Z')).toBe('05/01/2026 09:00:00 +07:00');
  });
});
