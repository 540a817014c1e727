import type { FigureRef, Finding, ReportDocument, RuleKind, Severity } from '@trinhky/domain';
import { isAnnexHeading, isPageNumber, joinSeparator, toSourceLines } from '../import/lines';
import type { LogicalLine, SrcLine } from '../import/types';
import { checkAnnexTable } from './annex-check';
import { reportDocumentLines } from './document-lines';
import { jsonLines } from './json-lines';
import { readAnnexTables, type AnnexTable } from './annex-rows';
import { traceChecks, type Trace } from './mini';
import { checkNarrative, readLines } from './narrative';
import { checkTextAgainstAnnex, type KnownRow } from './text-annex';

/** One finding of the figure checker, on a source line (1-based) of the input file. */
export interface ReportFinding {
  line: number;
  severity: Severity;
  rule: RuleKind;
  message: string;
  figures: FigureRef[];
}

export interface FigureCheckResult {
  findings: ReportFinding[];
  annexes: AnnexTable[];
  /** How many statements and rows were checked (for the report and the benchmark). */
  checked: { narrativeLines: number; annexRows: number };
  /** Every narrative statement the checker evaluated (consistent or not), with its first line. */
  statements: Trace[];
}

const DISTRIBUTION_RE = /^Nơi nhận\s*:?$/iu;
const START = /^(?:[-–+•]|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[IVX]+\.\s|\d{1,2}\s+\p{Lu}|Phần\s)/u;

/**
 * Re-joins wrapped lines for reading figures: every line continues the previous one unless it starts
 * a bullet, a numbered item or a footnote. (The importer's joiner also breaks at "; Capital", which
 * would cut "(Lĩnh vực …; Hộ tịch: 527 hồ sơ; …)" in two.)
 */
function joinForFigures(lines: SrcLine[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  // The pieces of the line being joined, concatenated once at its end (joining string by string
  // made every join copy the whole line so far); `tail` = its last two characters, all a join reads.
  let parts: string[] = [];
  let length = 0;
  let tail = '';
  const close = () => {
    const prev = out[out.length - 1];
    if (prev && parts.length > 1) prev.text = parts.join('');
  };
  for (const l of lines) {
    if (!l.text) continue;
    const prev = out[out.length - 1];
    if (prev && !START.test(l.text)) {
      const sep = joinSeparator(tail, l.text);
      parts.push(sep, l.text);
      length += sep.length + l.text.length;
      tail = l.text.length >= 2 ? l.text.slice(-2) : (tail + sep + l.text).slice(-2);
      prev.last = l.text;
      const at = length - l.text.length;
      if (l.spans) for (const x of l.spans) prev.spans?.push({ no: x.no, at: at + x.at });
      else prev.spans?.push({ no: l.no, at });
    } else {
      close();
      out.push({ no: l.no, text: l.text, last: l.text, spans: l.spans ? [...l.spans] : [{ no: l.no, at: 0 }] });
      parts = [l.text];
      length = l.text.length;
      tail = l.text.slice(-2);
    }
  }
  close();
  return out;
}

function collapse(fs: Finding[]): ReportFinding[] {
  const byKey = new Map<string, { f: Finding; periods: string[] }>();
  const seen = new Set<string>();
  for (const f of fs) {
    if (f.line === undefined) continue;
    const bare = f.period ? f.message.replace(/^[^:]*:\s/u, '') : f.message;
    const exact = `${f.line}|${f.rule}|${f.message}`;
    if (seen.has(exact)) continue;
    seen.add(exact);
    // An annex row's finding in several columns is said once, on its first cell (in a report.json
    // each cell is on its own line).
    const key = `${f.codes.length ? f.group : f.line}|${f.rule}|${f.codes.join(',')}|${bare}`;
    const hit = byKey.get(key);
    if (hit) hit.periods.push(f.period ?? '');
    else byKey.set(key, { f, periods: [f.period ?? ''] });
  }
  return [...byKey.values()]
    .map(({ f, periods }) => ({
      line: f.line as number,
      severity: f.severity,
      rule: f.rule,
      message: periods.length > 1 ? `${periods.join(', ')}: ${f.message.replace(/^[^:]*:\s/u, '')}` : f.message,
      figures: f.figures,
    }))
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

/** Each annex row with the kind its check gave it (the catalogue's, where the annex follows one). */
function knownRows(checks: { table: AnnexTable; group: { indicators: { code: string; kind: KnownRow['kind'] }[] } }[]): KnownRow[] {
  return checks.flatMap((c) => {
    // The first indicator of each code (as `find` would take it).
    const kinds = new Map<string, KnownRow['kind']>();
    for (const i of c.group.indicators) if (!kinds.has(i.code)) kinds.set(i.code, i.kind);
    return c.table.rows.flatMap((row) => {
      const kind = kinds.get(row.code);
      return kind ? [{ table: c.table, row, kind }] : [];
    });
  });
}

/** Reads a report as the importer does (plain text of a Word/PDF copy) and lists its arithmetic inconsistencies. */
export function checkReportText(text: string): FigureCheckResult {
  const src = toSourceLines(text);
  const distAt = src.findIndex((l) => (l.text[0] === 'N' || l.text[0] === 'n') && DISTRIBUTION_RE.test(l.text));
  const annexAt = src.findIndex((l, i) => i > Math.max(distAt, 0) && isAnnexHeading(l));
  const mainEnd = distAt >= 0 ? distAt : annexAt >= 0 ? annexAt : src.length;
  const body = src.slice(0, mainEnd).filter((l) => !isPageNumber(l));
  return checkReportLines(body, annexAt >= 0 ? src.slice(annexAt) : []);
}

/**
 * Checks a report given as its narrative lines (body, footnotes, notes) and its annex lines (from
 * the first "Phụ lục" heading), each line with its source line number.
 */
export function checkReportLines(body: SrcLine[], annexLines: SrcLine[]): FigureCheckResult {
  const logical = joinForFigures(body);
  const lines = readLines(logical);
  const annexes = annexLines.length ? readAnnexTables(annexLines) : [];
  const checks = annexes.map(checkAnnexTable);
  const narrative = traceChecks(() => checkNarrative(lines));
  const findings = [
    ...narrative.result,
    ...checks.flatMap((c) => c.findings),
    ...checkTextAgainstAnnex(logical, annexes, knownRows(checks)),
  ];
  return {
    findings: collapse(findings),
    annexes,
    statements: narrative.trace,
    checked: { narrativeLines: lines.length, annexRows: annexes.reduce((a, t) => a + t.rows.length, 0) },
  };
}

/**
 * Checks a report.json (a ReportDocument, or an import result `{ document, unplaced, … }`) with its
 * footnotes, annex notes and unplaced text; each finding is on the line of the file that holds the
 * figure's string (`jsonLines`).
 */
export function checkReportJson(raw: string): FigureCheckResult {
  const json = JSON.parse(raw) as ReportDocument | { document: ReportDocument; unplaced?: { text: string }[] };
  const imported = 'document' in json;
  const doc = imported ? json.document : json;
  const unplaced = imported ? (json.unplaced ?? []).map((u, i) => ({ text: u.text, path: ['unplaced', i, 'text'] })) : [];
  const { narrative, annex } = reportDocumentLines(doc, jsonLines(raw), imported ? ['document'] : [], unplaced);
  return checkReportLines(narrative, annex);
}
