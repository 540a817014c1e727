/**
 * `npm run cli -- check <file.txt|file.docx|report.json> [--json]`: the figure checker.
 * Exit code: 0 when no error was found (warnings only, or nothing), 1 when at least one error was
 * found, 2 on bad usage or an unreadable file.
 */
import * as fs from 'node:fs';
import { checkReportJson, checkReportText, type ReportFinding } from '@trinhky/documents';
import mammoth = require('mammoth');

async function checkFile(file: string) {
  const lower = file.toLowerCase();
  if (lower.endsWith('.docx')) return checkReportText((await mammoth.extractRawText({ buffer: fs.readFileSync(file) })).value);
  const raw = fs.readFileSync(file, 'utf8');
  // report.json: findings on the lines of the JSON file (docs/figure-checker.md).
  return lower.endsWith('.json') ? checkReportJson(raw) : checkReportText(raw);
}

function human(f: ReportFinding): string {
  const sev = f.severity === 'error' ? 'LỖI' : 'CẢNH BÁO';
  return `dòng ${f.line}: ${sev} [${f.rule}] ${f.message}`;
}

export async function checkCommand(file: string, json: boolean): Promise<number> {
  const { findings } = await checkFile(file);
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (json)
    process.stdout.write(
      `${JSON.stringify(
        findings.map(({ line, severity, rule, message, figures }) => ({ line, severity, rule, message, figures })),
        null,
        2,
      )}\n`,
    );
  else {
    for (const f of findings) process.stdout.write(`${human(f)}\n`);
    process.stdout.write(`${file}: ${errors} lỗi, ${findings.length - errors} cảnh báo\n`);
  }
  return errors ? 1 : 0;
}
