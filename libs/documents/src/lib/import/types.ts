import type { ReportDocument } from '@trinhky/domain';

export interface SourceNote {
  line: number;
  text: string;
  reason: string;
}

export interface ImportStats {
  sourceLines: number;
  logicalLines: number;
  parts: number;
  sections: number;
  items: number;
  subitems: number;
  points: number;
  paragraphs: number;
  bullets: number;
  tables: number;
  tableRows: number;
  footnotes: number;
  footnotesAttached: number;
  annexes: number;
  pageNumbersRemoved: number;
  /** Header fields not written in the source and inferred from the text (e.g. issuer from "UBND phường X"). */
  inferred: string[];
}

export interface ImportResult {
  document: ReportDocument;
  /** Source text that could not be placed in the document, with its line number (1-based). */
  unplaced: SourceNote[];
  /** Extraction residue removed on purpose (stray page numbers), for review. */
  removed: SourceNote[];
  /** CCHC template part code → block path in the document ("opening", "body[1].children[0]"). */
  mapping: Record<string, string>;
  stats: ImportStats;
}

/** A source line after cleaning. */
export interface SrcLine {
  no: number;
  raw: string;
  text: string;
  /** Where pieces of other source lines start in `text` (a report.json line joins several strings). */
  spans?: { no: number; at: number }[];
}

/** A logical line: one or several source lines re-joined. */
export interface LogicalLine {
  no: number;
  text: string;
  /** Last physical line, trimmed (to judge wrapping). */
  last: string;
  /** Where each physical line starts in `text` (source line number, character offset). */
  spans?: { no: number; at: number }[];
}
