/**
 * Benchmark: what PAdES signing adds to freezing seed 003 (60 pages): the leader's signature (visible
 * widget) over the rendered preview, then the agency's incremental update over it (number and date
 * annotations with their font subsets, the seal widget, the organisation's signature), N times;
 * prints the medians. Keys are generated once before timing (they exist after the first start).
 */
import '../cli/src/register-paths';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  importPlainText,
  issueCertificate,
  leaderAppearance,
  localSigner,
  renderReportPdfLaidOut,
  sealAppearance,
  signPdfPades,
  textLineAppearance,
  verifyPdf,
} from '@trinhky/documents';
import { WORKSPACE_ROOT } from '../cli/src/register-paths';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? process.env['BENCH_N'] ?? 7);
  const dirs = [path.resolve(WORKSPACE_ROOT, '..', 'shared', 'seeds'), path.resolve(WORKSPACE_ROOT, '..', '..', 'shared', 'seeds')];
  const dir = dirs.find((d) => fs.existsSync(d)) ?? dirs[0];
  const file = fs.readdirSync(dir).find((f) => f.startsWith('003'));
  if (!file) throw new Error(`seed 003 not found in ${dir}`);
  const imported = importPlainText(fs.readFileSync(path.join(dir, file), 'utf8')).document;
  const { pdf, slots } = await renderReportPdfLaidOut({ ...imported, number: null, date: null }, { blankIssueSlots: true });
  const room = slots.signature ?? { page: 1, rect: [300, 300, 450, 376] as [number, number, number, number] };
  const [x1, y1, x2, y2] = room.rect;
  const right = x1 + (x2 - x1) / 3;
  const seal = { page: room.page, rect: [right - 110, (y1 + y2) / 2 - 55, right, (y1 + y2) / 2 + 55] as [number, number, number, number] };
  const annotations = [
    ...(slots.number ? [{ ...slots.number, contents: 'Số: 01/BC-UBND', appearance: textLineAppearance('Số: 01/BC-UBND', 13) }] : []),
    ...(slots.date
      ? [
          {
            ...slots.date,
            contents: 'An Bình, ngày 05 tháng 01 năm 2026',
            appearance: textLineAppearance('An Bình, ngày 05 tháng 01 năm 2026', 14, 'italics'),
          },
        ]
      : []),
  ];
  const root = await issueCertificate({ subject: { commonName: 'Bench Root', organisation: 'Bench' }, ca: true });
  const leader = await issueCertificate({
    subject: { commonName: 'Nguyễn Văn An', title: 'Chủ tịch', organisation: 'UBND xã An Bình' },
    ca: false,
    issuer: root,
  });
  const org = await issueCertificate({
    subject: { commonName: 'UBND xã An Bình', organisation: 'UBND xã An Bình' },
    ca: false,
    issuer: root,
  });
  const s1 = localSigner(leader.keyPem, [leader.cert]);
  const s2 = localSigner(org.keyPem, [org.cert]);
  const sign: number[] = [],
    issue: number[] = [],
    verify: number[] = [];
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    const at = new Date();
    const signed = await signPdfPades(pdf, s1, {
      name: 'Nguyễn Văn An',
      reason: 'Ký duyệt báo cáo',
      location: 'An Bình',
      signingTime: at,
      widget: { ...room, appearance: leaderAppearance('Nguyễn Văn An', at, false) },
    });
    sign.push(performance.now() - t);
    t = performance.now();
    const issued = await signPdfPades(signed, s2, {
      name: 'UBND xã An Bình',
      reason: 'Ban hành văn bản',
      location: 'An Bình',
      signingTime: new Date(),
      annotations,
      widget: { ...seal, appearance: sealAppearance('Ủy ban nhân dân xã An Bình', 'An Bình') },
    });
    issue.push(performance.now() - t);
    t = performance.now();
    if (!verifyPdf(issued, [root.cert]).valid) throw new Error('bench: verification failed');
    verify.push(performance.now() - t);
  }
  console.log(`runs=${n} pdf_bytes=${pdf.length}`);
  console.log(
    `sign_median_ms=${median(sign).toFixed(0)} issue_median_ms=${median(issue).toFixed(0)} verify_median_ms=${median(verify).toFixed(0)}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
