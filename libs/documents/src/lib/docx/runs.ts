import type { Run } from '@trinhky/domain';
import { FootnoteReferenceRun, Paragraph, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import { FONT, halfPoints, PT } from './layout';

export const nfc = (s: string): string => s.normalize('NFC');

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

/** A run in Times New Roman (four font slots) at `size` points. */
export function text(value: string, style: RunStyle = {}, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text: nfc(value),
    font: FONT,
    size: halfPoints(style.size ?? PT.body),
    bold: style.bold || undefined,
    italics: style.italics || undefined,
    ...extra,
  });
}

/** Collects the document's footnotes in reading order, numbered from 1 (Word's ids 1…n). */
export class DocxFootnotes {
  readonly notes: { id: number; text: string }[] = [];
  add(note: string): number {
    const id = this.notes.length + 1;
    this.notes.push({ id, text: nfc(note) });
    return id;
  }
  /** The `footnotes` option of the Document. */
  toOptions(): Record<string, { children: Paragraph[] }> {
    const out: Record<string, { children: Paragraph[] }> = {};
    for (const n of this.notes) out[String(n.id)] = { children: [new Paragraph({ children: [text(n.text, { size: PT.footnote })] })] };
    return out;
  }
}

/** Paragraph children of runs; a run's footnote becomes a real footnote reference after it. */
export function runsToChildren(runs: Run[], notes: DocxFootnotes, style: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of runs) {
    if (r.text) out.push(text(r.text, { size: style.size, bold: r.bold ?? style.bold, italics: r.italic ?? style.italics }));
    if (r.footnote) out.push(new FootnoteReferenceRun(notes.add(r.footnote)));
  }
  return out;
}
