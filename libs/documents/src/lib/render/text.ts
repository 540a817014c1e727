import type { Run } from '@trinhky/domain';
import type { Content } from 'pdfmake/interfaces';

/** NFC normalisation: decomposed input misplaces Vietnamese tone marks in the PDF. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** A footnote marker placed in the text, numbered through the document. */
export interface FootnoteRef {
  number: number;
  text: string;
}

/** Collects footnotes in reading order while the definition is built. */
export class FootnoteCollector {
  readonly notes: FootnoteRef[] = [];
  add(text: string): number {
    const number = this.notes.length + 1;
    this.notes.push({ number, text: nfc(text) });
    return number;
  }
}

/** Inline content of runs; footnote markers become superscript numbers. Returns the inlines and the footnotes' character offsets. */
export function runsToInlines(
  runs: Run[],
  footnotes: FootnoteCollector,
): { inlines: Content[]; markers: { number: number; offset: number }[]; length: number } {
  const inlines: Content[] = [];
  const markers: { number: number; offset: number }[] = [];
  let length = 0;
  for (const run of runs) {
    const text = nfc(run.text);
    if (text) {
      inlines.push({ text, bold: run.bold || undefined, italics: run.italic || undefined });
      length += text.length;
    }
    if (run.footnote) {
      const number = footnotes.add(run.footnote);
      inlines.push({ text: String(number), sup: true, fontSize: 9 } as Content);
      markers.push({ number, offset: length });
      length += String(number).length;
    }
  }
  return { inlines, markers, length };
}
