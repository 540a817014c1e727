/**
 * Benchmark: what PAdES signing adds to freezing seed 003 (60 pages): the leader's signature over the
 * rendered PDF, then the organisation's incremental one over it, N times; prints the medians.
 * Keys are generated once before timing (the demo CA and a leader's key exist after the first start).
 */
import '../cli/src/register-paths';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importPlainText, issueCertificate, localSigner, renderReportPdf, signPdfPades, verifyPdf } from '@trinhky/documents';
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
  const pdf = await renderReportPdf(importPlainText(fs.readFileSync(path.join(dir, file), 'utf8')).document);
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
    const signed = await signPdfPades(pdf, s1, { name: 'x', reason: 'x', location: 'x', signingTime: new Date() });
    sign.push(performance.now() - t);
    t = performance.now();
    const issued = await signPdfPades(signed, s2, { name: 'x', reason: 'x', location: 'x', signingTime: new Date() });
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
