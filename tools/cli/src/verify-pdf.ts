/**
 * `npm run cli -- verify-pdf <file.pdf> [--trust roots.pem] [--json]`: lists each PAdES signature
 * (signer, chain, time, coverage, whether the file changed after it). The trust list defaults to
 * TRUST_LIST, else DATA_DIR/pki/trust-list.pem (the demo root). Exit 0 when every signature is valid.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { verifyPdf, type SignatureReport } from '@trinhky/documents';

export function trustFile(explicit: string | undefined): string {
  return explicit ?? process.env['TRUST_LIST'] ?? path.join(path.resolve(process.env['DATA_DIR'] || '.data'), 'pki', 'trust-list.pem');
}

/**
 * The checks both verify commands start with: the file exists, and the trust list (`--trust`, TRUST_LIST,
 * else DATA_DIR/pki/trust-list.pem) is read into its PEM certificates. Null (after saying why) when not.
 */
export function inputAndTrust(file: string, argv: string[]): string[] | null {
  if (!fs.existsSync(file)) {
    process.stderr.write(`Không tìm thấy tệp: ${file}\n`);
    return null;
  }
  const i = argv.indexOf('--trust');
  const trust = trustFile(i >= 0 ? argv[i + 1] : undefined);
  if (!fs.existsSync(trust)) {
    process.stderr.write(`Không tìm thấy danh sách chứng thư tin cậy: ${trust} (dùng --trust <tệp.pem> hoặc TRUST_LIST)\n`);
    return null;
  }
  return fs.readFileSync(trust, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

/** "09 giờ 25 phút, ngày 02 tháng 12 năm 2026" in Vietnam's time zone (UTC+7, no DST). */
function vnTime(iso: string | null): string {
  if (!iso) return 'không rõ';
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())} giờ ${p(d.getUTCMinutes())} phút, ngày ${p(d.getUTCDate())} tháng ${p(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}

function describe(s: SignatureReport): string {
  return [
    `Chữ ký #${s.index}: ${s.message}`,
    `  Người ký: ${s.signer.commonName}${s.signer.title ? ` — ${s.signer.title}` : ''}${s.signer.organisation ? ` — ${s.signer.organisation}` : ''}`,
    `  Chuỗi chứng thư: ${s.chain.join(' → ')}${s.trusted ? ' (tin cậy)' : ' (không tin cậy)'}`,
    `  Thời điểm ký: ${vnTime(s.signingTime)} (giờ Việt Nam)`,
    `  Phạm vi: ${s.coversWholeFile ? 'toàn bộ tệp' : `một phiên bản trước; sau đó tệp có thêm ${s.bytesAfter.toLocaleString('vi-VN')} byte`}`,
  ].join('\n');
}

export function verifyPdfCommand(file: string, argv: string[]): number {
  const pems = inputAndTrust(file, argv);
  if (!pems) return 2;
  const result = verifyPdf(fs.readFileSync(file), pems);
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (!result.signatures.length) process.stdout.write('Tệp không có chữ ký số.\n');
  else
    process.stdout.write(
      `${result.signatures.map(describe).join('\n')}\n${result.valid ? 'Kết luận: mọi chữ ký hợp lệ.' : 'Kết luận: có chữ ký không hợp lệ.'}\n`,
    );
  return result.valid ? 0 : 1;
}
