/**
 * The report document model: what a section's content and a whole report are made of.
 * Shared by the editor (web), the API (storage as JSON) and the renderer (libs/documents).
 * Plain data only, so it serialises to JSON and validates without a framework.
 */
import type { FigureBinding } from './indicators/figure-text';

/** A run of text with its emphasis. `footnote` attaches a footnote whose marker follows the run. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  footnote?: string;
  /**
   * Bound to an indicator's value (the editor's chip): rendered as the figure's current value with
   * its unit ("2.139 hồ sơ"), so narrative and annex never disagree; `text` is then a display cache.
   */
  figure?: FigureBinding;
}

/** Heading levels of the body tree: "Phần I", "I.", "1.", "1.1.", "a)". */
export type HeadingLevel = 'part' | 'section' | 'item' | 'subitem' | 'point';

export interface HeadingBlock {
  type: 'heading';
  level: HeadingLevel;
  /** The label as written: "Phần I", "I.", "1.", "1.1.", "a)". Empty when unlabelled. */
  label: string;
  runs: Run[];
  children: Block[];
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: Run[];
}

export interface BulletBlock {
  type: 'bullet';
  /** "-" first level, "+" second level. */
  marker: '-' | '+';
  runs: Run[];
}

export interface TableCell {
  text: string;
  bold?: boolean;
  italic?: boolean;
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableBlock {
  type: 'table';
  /** Header rows (one or two levels); repeated on every page. */
  header: TableCell[][];
  rows: TableCell[][];
  /** Relative column widths (any unit); '*' when absent. */
  widths?: number[];
  /** Font size override for dense statistics tables. */
  fontSize?: number;
  /** Legend for coded answers, e.g. "Có tổ chức = 1; Không tổ chức = 0". */
  legend?: string[];
}

export type Block = HeadingBlock | ParagraphBlock | BulletBlock | TableBlock;

export interface Annex {
  /** Bold caps title, e.g. "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CCHC". */
  title: string;
  /** Optional second line under the title. */
  subtitle?: string;
  blocks: Block[];
  /** Switch the annex to landscape (wide tables). Computed by the renderer when absent. */
  landscape?: boolean;
}

export interface IssuingBody {
  /** Upper line(s) of the issuing body, e.g. "ỦY BAN NHÂN DÂN". */
  parent: string;
  /** The body's own name, bold: "XÃ AN BÌNH". */
  name: string;
}

export interface SignatureBlock {
  /** Authority and title lines, bold caps, derived (never typed): ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  lines: string[];
  /** Signer's full name, bold. */
  name: string;
  /** PNG data URL of the signer's signature (blue, transparent), once signed electronically. */
  signatureImage?: string;
  /** PNG data URL of the organisation's seal (red), once the văn thư has signed as the agency. */
  sealImage?: string;
}

export interface ReportDocument {
  issuer: IssuingBody;
  /** Document type and issuer suffix without the number: "BC-UBND". */
  numberSuffix: string;
  /** Register number once issued ("07"), otherwise null and the Số line shows a blank. */
  number: number | null;
  /** Place name for the date line: "An Bình". */
  place: string;
  /** Issue date (ISO yyyy-mm-dd) once dated, otherwise null and the day is left blank. */
  date: string | null;
  /** Document kind title: "BÁO CÁO". */
  kind: string;
  /** Subject lines under the title. */
  subject: string[];
  /** "Kính gửi:" recipients; empty for none. */
  recipients: string[];
  opening: Block[];
  body: Block[];
  /** Closing sentence, ending "./.". */
  closing: string;
  /** "Nơi nhận:" list, each line as written ("- Như trên;", …, "- Lưu: VT, VHXH."). */
  distribution: string[];
  signature: SignatureBlock | null;
  annexes: Annex[];
}

/** Plain text of runs. */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Every piece of text in a block tree, in reading order (for search, hashing, word counts). */
export function blocksText(blocks: Block[]): string[] {
  const out: string[] = [];
  const walk = (bs: Block[]): void => {
    for (const b of bs) {
      switch (b.type) {
        case 'heading':
          out.push([b.label, runsText(b.runs)].filter(Boolean).join(' '));
          walk(b.children);
          break;
        case 'paragraph':
          out.push(runsText(b.runs));
          break;
        case 'bullet':
          out.push(`${b.marker} ${runsText(b.runs)}`);
          break;
        case 'table':
          for (const row of [...b.header, ...b.rows]) out.push(row.map((c) => c.text).join(' | '));
          break;
      }
    }
  };
  walk(blocks);
  return out;
}

/** Section content as stored and edited: a list of blocks. */
export interface SectionContent {
  blocks: Block[];
}

/** Builds section content from plain text: one paragraph per non-empty line; "- " and "+ " lines become bullets. */
export function contentFromPlainText(text: string): SectionContent {
  const blocks: Block[] = [];
  for (const raw of text.normalize('NFC').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const bullet = /^([-+])\s+(.*)$/.exec(line);
    if (bullet) blocks.push({ type: 'bullet', marker: bullet[1] as '-' | '+', runs: [{ text: bullet[2] }] });
    else blocks.push({ type: 'paragraph', runs: [{ text: line }] });
  }
  return { blocks };
}
