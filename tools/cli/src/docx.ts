import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReportDocument } from '@trinhky/domain';
import { importDocx, importPlainText, renderReportDocx, wordRetention, type ImportResult } from '@trinhky/documents';

/** A report from report.json (a ReportDocument or an import result), a .txt or a .docx. */
export async function loadReport(file: string): Promise<ReportDocument> {
  const buf = fs.readFileSync(file);
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) {
    const json = JSON.parse(buf.toString('utf8')) as ReportDocument | ImportResult;
    return 'document' in json ? json.document : json;
  }
  return (lower.endsWith('.docx') ? await importDocx(buf) : importPlainText(buf.toString('utf8'))).document;
}

/** `docx <report.json|file.txt|file.docx> --out report.docx`: writes the .docx and reports how much text it keeps. Exit 0, or 2 for bad input. */
export async function docxCommand(input: string, out: string): Promise<number> {
  if (!fs.existsSync(input)) {
    process.stderr.write(`Không tìm thấy tệp: ${input}\n`);
    return 2;
  }
  const doc = await loadReport(input);
  const t = Date.now();
  const bytes = await renderReportDocx(doc);
  const ms = Date.now() - t;
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, bytes);
  const r = wordRetention(doc, (await importDocx(bytes)).document);
  const pct = (x: number) => `${(x * 100).toFixed(2).replace('.', ',')} %`;
  process.stderr.write(
    `${out}: ${bytes.length} bytes in ${ms} ms; đọc lại: giữ ${pct(r.ratio)} số từ (${r.found}/${r.total}), chú thích ${pct(r.footnotes)}\n`,
  );
  return 0;
}
