/**
 * Render fingerprint: pdf.js's text items (string, x, y to 0,01 pt), page count and font names of
 * the three seeds and the sample, written as JSON. Run before and after a render change and `cmp`
 * the files: `node -r @swc-node/register tools/bench/render-fingerprint.ts 000,001,003,sample out.json`
 * (the order is the render order; the file is sorted by key, so two orders must give the same file).
 */
import '../cli/src/register-paths';
import * as fs from 'node:fs';
import { importPlainText, renderReportPdf } from '@trinhky/documents';
import { readPdf } from '../../libs/documents/src/testing/pdf-read';
import { seedFile } from '../../libs/documents/src/testing/seeds';
import { sampleReportDocument } from '../../libs/documents/src/lib/sample';

async function main(): Promise<void> {
  const order = (process.argv[2] ?? '000,001,003,sample').split(',');
  const out: Record<string, unknown> = {};
  for (const k of order) {
    const doc = k === 'sample' ? sampleReportDocument() : importPlainText(fs.readFileSync(seedFile(k), 'utf8')).document;
    const pdf = await renderReportPdf(doc);
    const read = await readPdf(pdf);
    out[k] = {
      pages: read.pages.length,
      fonts: read.fontNames,
      text: read.pages.map((p) => p.items.map((i) => `${i.str}@${i.x.toFixed(2)},${i.y.toFixed(2)}`)),
    };
  }
  const keys = Object.keys(out).sort();
  fs.writeFileSync(process.argv[3], JSON.stringify(Object.fromEntries(keys.map((k) => [k, out[k]])), null, 1));
}
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
