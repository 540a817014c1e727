/**
 * Trình Ký CLI: `npm run cli -- import <file.txt|file.docx> --out report.json`
 *               `npm run cli -- render <report.json|file.txt|file.docx> --out report.pdf`
 *               `npm run cli -- samples [--out test-output/samples]`
 *               `npm run cli -- check <file.txt|file.docx|report.json> [--json]` (exit 1 when errors are found)
 *               `npm run cli -- verify-pdf <file.pdf> [--trust roots.pem] [--json]` (exit 1 when a signature is not valid)
 *               `npm run cli -- verify-edxml <file.edxml> [--trust roots.pem] [--json]` (exit 1 when the signature is not valid)
 *               `npm run cli -- docx <report.json|file.txt|file.docx> --out report.docx`
 */
import './register-paths';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReportDocument } from '@trinhky/domain';
import { importDocx, importPlainText, renderReportPdf, type ImportResult } from '@trinhky/documents';
import { checkCommand } from './check';
import { docxCommand } from './docx';
import { renderSamples } from './samples';
import { verifyEdxmlCommand } from './verify-edxml';
import { verifyPdfCommand } from './verify-pdf';

function usage(): never {
  process.stderr.write(
    'Cách dùng:\n  import <file.txt|file.docx> --out report.json\n  render <report.json|file.txt|file.docx> --out report.pdf\n  samples [--out test-output/samples]\n  check <file.txt|file.docx|report.json> [--json]\n  verify-pdf <file.pdf> [--trust roots.pem] [--json]\n  verify-edxml <file.edxml> [--trust roots.pem] [--json]\n  docx <report.json|file.txt|file.docx> --out report.docx\n',
  );
  process.exit(2);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function importFile(file: string): Promise<ImportResult> {
  const buf = fs.readFileSync(file);
  return file.toLowerCase().endsWith('.docx') ? importDocx(buf) : importPlainText(buf.toString('utf8'));
}

async function main(argv: string[]): Promise<void> {
  const [cmd, input] = argv;
  const out = option(argv, '--out');
  if (cmd === 'samples') {
    await renderSamples(out ?? 'test-output/samples');
    return;
  }
  if (cmd === 'check') {
    if (!input) usage();
    if (!fs.existsSync(input)) {
      process.stderr.write(`Không tìm thấy tệp: ${input}\n`);
      process.exit(2);
    }
    process.exit(await checkCommand(input, argv.includes('--json')));
  }
  if (cmd === 'verify-pdf') {
    if (!input) usage();
    process.exit(verifyPdfCommand(input, argv));
  }
  if (cmd === 'verify-edxml') {
    if (!input) usage();
    process.exit(verifyEdxmlCommand(input, argv));
  }
  if (cmd === 'docx') {
    if (!input || !out) usage();
    process.exit(await docxCommand(input, out));
  }
  if (!cmd || !input || !out) usage();
  if (cmd === 'import') {
    const result = await importFile(input);
    fs.writeFileSync(out, JSON.stringify(result, null, 2));
    process.stderr.write(`${input}: ${JSON.stringify(result.stats)}\nkhông xếp được (unplaced): ${result.unplaced.length} dòng → ${out}\n`);
  } else if (cmd === 'render') {
    let doc: ReportDocument;
    if (input.toLowerCase().endsWith('.json')) {
      const json = JSON.parse(fs.readFileSync(input, 'utf8')) as ReportDocument | ImportResult;
      doc = 'document' in json ? json.document : json;
    } else doc = (await importFile(input)).document;
    const t = Date.now();
    const pdf = await renderReportPdf(doc);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, pdf);
    process.stderr.write(`${out}: ${pdf.length} bytes in ${Date.now() - t} ms\n`);
  } else usage();
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
