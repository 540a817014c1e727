/**
 * Benchmark: what the envelope's signature adds to an edXML export, and what checking a signature
 * costs. Seed 003 (60 pages) rendered to PDF, wrapped in an envelope (base64 attachment), then
 * `signEdxml` (SHA-256 of the whole envelope + CMS) and `verifyEdxmlSignature` (parse, cut, hash,
 * chain), N times; prints medians in wall time and the process's CPU time per run (the machine is shared).
 * A status message (≈ 1 kB) is timed the same way.
 *   node -r @swc-node/register tools/bench/edxml-sign.ts [N]
 */
import '../cli/src/register-paths';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildEdxmlEnvelope,
  buildEdxmlStatus,
  importPlainText,
  issueCertificate,
  localSigner,
  renderReportPdf,
  signEdxml,
  verifyEdxmlSignature,
} from '@trinhky/documents';
import { WORKSPACE_ROOT } from '../cli/src/register-paths';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timed(n: number, f: () => Promise<unknown> | unknown): Promise<{ wall: number; cpu: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const [t, c] = [performance.now(), cpuMs()];
    await f();
    wall.push(performance.now() - t);
    cpu.push(cpuMs() - c);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? process.env['BENCH_N'] ?? 7);
  const dirs = [path.resolve(WORKSPACE_ROOT, '..', 'shared', 'seeds'), path.resolve(WORKSPACE_ROOT, '..', '..', 'shared', 'seeds')];
  const dir = dirs.find((d) => fs.existsSync(d)) ?? dirs[0];
  const file = fs.readdirSync(dir).find((f) => f.startsWith('003'));
  if (!file) throw new Error(`seed 003 not found in ${dir}`);
  const pdf = await renderReportPdf(importPlainText(fs.readFileSync(path.join(dir, file), 'utf8')).document);
  const organ = { organId: '000.00.31.H41', organName: 'Ủy ban nhân dân xã An Bình' };
  const xml = buildEdxmlEnvelope({
    from: organ,
    to: [{ organId: '000.00.00.H41', organName: 'Sở Nội vụ' }],
    documentId: '000.00.31.H41,2026/01/05,07/BC-UBND',
    code: { codeNumber: '07', codeNotation: 'BC-UBND' },
    promulgation: { place: 'An Bình', date: '2026-01-05' },
    documentType: { type: 'BC', typeName: 'Báo cáo' },
    subject: 'Báo cáo',
    signer: { competence: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', fullName: 'Nguyễn Văn An' },
    dueDate: null,
    toPlaces: ['Sở Nội vụ'],
    otherInfo: { priority: '0', pageAmount: 60, appendixes: [] },
    trace: [{ organId: organ.organId, timestamp: new Date().toISOString() }],
    business: { docType: '0', reason: 'Văn bản điện tử mới' },
    attachments: [{ name: 'bao-cao.pdf', contentType: 'application/pdf', description: 'PDF', data: pdf }],
  });
  const status = buildEdxmlStatus({
    responseFor: {
      organId: organ.organId,
      code: '07/BC-UBND',
      promulgationDate: '2026-01-05',
      documentId: '000.00.31.H41,2026/01/05,07/BC-UBND',
    },
    from: { organId: '000.00.00.H41', organName: 'Sở Nội vụ' },
    statusCode: '03',
    description: '',
    timestamp: new Date().toISOString(),
    staff: { department: 'Văn thư', staff: 'Lương Thị Thảo' },
  });
  const root = await issueCertificate({ subject: { commonName: 'Bench Root', organisation: 'Bench' }, ca: true });
  const org = await issueCertificate({ subject: { commonName: organ.organName, organisation: organ.organName }, ca: false, issuer: root });
  const signer = localSigner(org.keyPem, [org.cert, root.cert]);
  const signedEnvelope = Buffer.from(await signEdxml(xml, signer));
  const signedStatus = Buffer.from(await signEdxml(status, signer));
  const check = (b: Buffer) => {
    if (verifyEdxmlSignature(b, [root.cert]).status !== 'valid') throw new Error('bench: verification failed');
  };
  const rows = {
    envelope_sign: await timed(n, () => signEdxml(xml, signer)),
    envelope_verify: await timed(n, () => check(signedEnvelope)),
    status_sign: await timed(n, () => signEdxml(status, signer)),
    status_verify: await timed(n, () => check(signedStatus)),
  };
  console.log(`runs=${n} pdf_bytes=${pdf.length} envelope_bytes=${signedEnvelope.length} status_bytes=${signedStatus.length}`);
  for (const [k, v] of Object.entries(rows)) console.log(`${k}_median_ms wall=${v.wall.toFixed(1)} cpu=${v.cpu.toFixed(1)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
