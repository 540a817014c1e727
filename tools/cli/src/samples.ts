import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { importPlainText, renderReportPdf, sampleReportDocument } from '@trinhky/documents';
import { WORKSPACE_ROOT } from './register-paths';

/** Renders the seeds and the sample report, and saves page 1 and the last page of each as PNG (pdftoppm). */
export async function renderSamples(outDir: string): Promise<void> {
  const check = spawnSync('pdftoppm', ['-v']);
  if (check.error) {
    process.stderr.write('pdftoppm (poppler-utils) không có trên máy: bỏ qua việc xuất PNG.\n');
    return;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const seeds = path.resolve(WORKSPACE_ROOT, '..', 'shared', 'seeds');
  const jobs: [string, () => Promise<Buffer>][] = [['sample', () => renderReportPdf(sampleReportDocument())]];
  if (fs.existsSync(seeds)) {
    for (const f of fs.readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
      jobs.push([`seed-${f.slice(0, 3)}`, () => renderReportPdf(importPlainText(fs.readFileSync(path.join(seeds, f), 'utf8')).document)]);
    }
  }
  for (const [name, render] of jobs) {
    const pdfPath = path.join(outDir, `${name}.pdf`);
    fs.writeFileSync(pdfPath, await render());
    const info = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout ?? '')?.[1] ?? '1');
    for (const [label, page] of [
      ['first', 1],
      ['last', pages],
    ] as const) {
      spawnSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-singlefile',
        '-f',
        String(page),
        '-l',
        String(page),
        pdfPath,
        path.join(outDir, `${name}-${label}`),
      ]);
    }
    process.stderr.write(`${name}: ${pages} trang → ${outDir}/${name}-first.png, ${name}-last.png\n`);
  }
}
